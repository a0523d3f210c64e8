import { io, type Socket } from 'socket.io-client';

import { SOCKET_PATH } from '../../server/src/contracts/constants';

export function connectSocket(
  url: string,
  namespace: string,
  auth?: Record<string, unknown>,
  extraHeaders?: Record<string, string>,
): Socket {
  return io(`${url}${namespace}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth,
    extraHeaders,
  });
}

/** Resolves with the connect_error a refused socket receives (or rejects if it connects). */
export function expectRefused(socket: Socket): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the socket connected, but it should have been refused'));
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      resolve(error);
    });
  });
}

export function waitForConnect(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}
