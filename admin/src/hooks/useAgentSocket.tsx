import { useAuth, useNotification } from '@strapi/strapi/admin';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { io, type Socket } from 'socket.io-client';

import type { AgentClientToServerEvents, AgentServerToClientEvents } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { NAMESPACES, SOCKET_PATH } from '../shared';

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

const SocketContext = createContext<AgentSocket | null>(null);

/** One `/agent` socket for the whole desk; each reconnect sends the current access token. */
export const AgentSocketProvider = ({ children }: { children: ReactNode }) => {
  const token = useAuth('AgentSocketProvider', (state) => state.token);
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const [socket, setSocket] = useState<AgentSocket | null>(null);
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const notifyRef = useRef<() => void>(() => undefined);
  notifyRef.current = () =>
    toggleNotification({
      type: 'warning',
      blockTransition: true,
      message: formatMessage({
        id: getTranslation('desk.accessRevoked'),
        defaultMessage: 'Your session ended or your access changed. Reload the page to continue.',
      }),
    });

  useEffect(() => {
    const created: AgentSocket = io(`${window.location.origin}${NAMESPACES.agent}`, {
      path: SOCKET_PATH,
      auth: (cb) => cb({ token: tokenRef.current }),
    });
    // The server closes the socket itself only when access was taken away; it stays closed.
    created.on('access:revoked', () => notifyRef.current());
    setSocket(created);
    return () => {
      created.close();
    };
  }, []);

  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
};

export const useAgentSocket = () => useContext(SocketContext);
