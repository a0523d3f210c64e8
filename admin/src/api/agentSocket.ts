import type { Socket } from 'socket.io-client';

import type { AgentClientToServerEvents, AgentServerToClientEvents } from '../shared';

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

/** What the server pushes on `/agent`, plus the socket's own `connect` (pushes may have been missed). */
export type AgentPushHandlers = {
  [Event in keyof AgentServerToClientEvents]?: AgentServerToClientEvents[Event];
} & { connect?: () => void };

type Listener = (...args: never[]) => void;
type LooseSocket = { on(event: string, listener: Listener): void; off(event: string, listener: Listener): void };

/**
 * The one place that listens to the `/agent` socket: attaches the handlers and returns what
 * detaches them again.
 */
export function attachPushes(socket: AgentSocket, handlers: AgentPushHandlers): () => void {
  // Socket.IO's typed `on` takes one event name at a time; the map above keeps each payload typed.
  const loose = socket as unknown as LooseSocket;
  const entries = Object.entries(handlers).filter((entry): entry is [string, Listener] => typeof entry[1] === 'function');
  entries.forEach(([event, handler]) => loose.on(event, handler));
  return () => entries.forEach(([event, handler]) => loose.off(event, handler));
}

type SocketUser = (socket: AgentSocket) => () => void;

let current: AgentSocket | null = null;
const users = new Map<SocketUser, () => void>();

/**
 * The desk's socket, as the `AgentSocketProvider` creates and closes it. Cached queries live
 * longer than the desk's React tree (a page left and opened again within a minute), so they
 * follow the socket through this holder rather than through React context.
 */
export function provideAgentSocket(socket: AgentSocket | null): void {
  users.forEach((detach) => detach());
  current = socket;
  users.forEach((_detach, use) => users.set(use, socket ? use(socket) : () => undefined));
}

/**
 * Runs `use` with the current socket and again with each new one, calling what it returned
 * (a detach) when the socket goes. Returns what stops following the socket.
 */
export function whileAgentSocket(use: SocketUser): () => void {
  users.set(use, current ? use(current) : () => undefined);
  return () => {
    users.get(use)?.();
    users.delete(use);
  };
}
