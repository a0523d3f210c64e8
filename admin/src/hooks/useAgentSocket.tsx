import { useAuth } from '@strapi/strapi/admin';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';

import type { AgentClientToServerEvents, AgentServerToClientEvents } from '../types';

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

const SocketContext = createContext<AgentSocket | null>(null);

/** One `/agent` socket for the whole desk; each reconnect sends the current access token. */
export const AgentSocketProvider = ({ children }: { children: ReactNode }) => {
  const token = useAuth('AgentSocketProvider', (state) => state.token);
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const [socket, setSocket] = useState<AgentSocket | null>(null);

  useEffect(() => {
    const created: AgentSocket = io(`${window.location.origin}/agent`, {
      path: '/live-support/socket.io',
      auth: (cb) => cb({ token: tokenRef.current }),
    });
    setSocket(created);
    return () => {
      created.close();
    };
  }, []);

  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
};

export const useAgentSocket = () => useContext(SocketContext);
