import { useAuth, useNotification } from '@strapi/strapi/admin';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { io } from 'socket.io-client';

import { attachPushes, provideAgentSocket, whileAgentSocket, type AgentPushHandlers, type AgentSocket } from '../api/agentSocket';
import { getTranslation } from '../utils/getTranslation';
import { NAMESPACES, SOCKET_PATH } from '../shared';

export type { AgentSocket } from '../api/agentSocket';

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
    const detach = attachPushes(created, { 'access:revoked': () => notifyRef.current() });
    // Cached queries follow this socket from here on (they attach before it has connected).
    provideAgentSocket(created);
    setSocket(created);
    return () => {
      detach();
      provideAgentSocket(null);
      created.close();
    };
  }, []);

  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
};

/** The socket, for what the desk sends (typing); what it receives goes through the API module. */
export const useAgentSocket = () => useContext(SocketContext);

/**
 * Pushes that are news rather than data (alerts, reminders): `handlers` always see the latest
 * props, and follow the socket like the cached queries do.
 */
export function useAgentPushes(handlers: AgentPushHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const eventKey = Object.keys(handlers).sort().join(' ');

  useEffect(() => {
    const forward = Object.fromEntries(
      eventKey
        .split(' ')
        .filter(Boolean)
        .map((event) => [
          event,
          (...args: unknown[]) => (latest.current[event as keyof AgentPushHandlers] as ((...a: unknown[]) => void) | undefined)?.(...args),
        ]),
    ) as AgentPushHandlers;
    return whileAgentSocket((socket) => attachPushes(socket, forward));
  }, [eventKey]);
}
