import type { Server as HttpServer } from 'node:http';

import { Server, type Namespace } from 'socket.io';

import { NAMESPACES, SOCKET_PATH } from '../constants';
import type { PluginConfig } from '../contracts/plugin-config';
import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  ConnectErrorData,
  RootClientToServerEvents,
  RootServerToClientEvents,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from '../contracts/socket-events';

export interface RealtimeServer {
  io: Server<RootClientToServerEvents, RootServerToClientEvents>;
  widget: Namespace<WidgetClientToServerEvents, WidgetServerToClientEvents>;
  agent: Namespace<AgentClientToServerEvents, AgentServerToClientEvents>;
  close(): Promise<void>;
}

class UnauthorizedError extends Error {
  readonly data: ConnectErrorData = { code: 'UNAUTHORIZED' };
  constructor() {
    super('unauthorized');
  }
}

/**
 * Attaches Socket.IO to Strapi's own HTTP server. It gets its own path, and
 * `destroyUpgrade: false` leaves websocket upgrades for other paths to Strapi's features.
 */
export function createRealtimeServer(
  httpServer: HttpServer,
  options: { version: string; realtime: PluginConfig['realtime'] },
): RealtimeServer {
  const io = new Server<RootClientToServerEvents, RootServerToClientEvents>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: options.realtime.maxPayloadBytes,
    pingInterval: options.realtime.pingIntervalMs,
    pingTimeout: options.realtime.pingTimeoutMs,
  });

  io.on('connection', (socket) => {
    socket.on('ping', (ack) => {
      if (typeof ack === 'function') ack({ status: 'ok', version: options.version });
    });
  });

  const widget: RealtimeServer['widget'] = io.of(NAMESPACES.widget);
  const agent: RealtimeServer['agent'] = io.of(NAMESPACES.agent);
  // Credentials arrive with the conversation engine; until then nobody gets in.
  widget.use((_socket, next) => next(new UnauthorizedError()));
  agent.use((_socket, next) => next(new UnauthorizedError()));

  return {
    io,
    widget,
    agent,
    async close() {
      io.disconnectSockets(true);
      widget.disconnectSockets(true);
      agent.disconnectSockets(true);
      // io.close() would also close Strapi's HTTP server, which Strapi closes itself.
      io.engine.close();
    },
  };
}
