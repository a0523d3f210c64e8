import type { IncomingMessage, Server as HttpServer } from 'node:http';

import { Server, type Namespace } from 'socket.io';

import { NAMESPACES, SOCKET_PATH } from '../constants';
import type { PluginConfig } from '../contracts/plugin-config';
import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  AgentSocketData,
  ConnectErrorData,
  RootClientToServerEvents,
  RootServerToClientEvents,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
  WidgetSocketData,
} from '../contracts/socket-events';

export type WidgetNamespace = Namespace<
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
  Record<string, never>,
  WidgetSocketData
>;
export type AgentNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents, Record<string, never>, AgentSocketData>;

export interface RealtimeServer {
  io: Server<RootClientToServerEvents, RootServerToClientEvents>;
  widget: WidgetNamespace;
  agent: AgentNamespace;
  close(): Promise<void>;
}

/** The error a refused handshake gets: `connect_error` with this message and `data`. */
export class ConnectionRefusedError extends Error {
  readonly data: ConnectErrorData;
  constructor(code: ConnectErrorData['code'] = 'UNAUTHORIZED') {
    super(code === 'UNAUTHORIZED' ? 'unauthorized' : 'forbidden');
    this.data = { code };
  }
}

/**
 * Attaches Socket.IO to Strapi's own HTTP server. It gets its own path, and
 * `destroyUpgrade: false` leaves websocket upgrades for other paths to Strapi's features.
 */
export function createRealtimeServer(
  httpServer: HttpServer,
  options: {
    version: string;
    realtime: PluginConfig['realtime'];
    /** Browsers on other sites are refused before the handshake. */
    isAllowedOrigin: (origin: string | undefined, ownOrigin: string) => Promise<boolean>;
  },
): RealtimeServer {
  const io = new Server<RootClientToServerEvents, RootServerToClientEvents>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: options.realtime.maxPayloadBytes,
    pingInterval: options.realtime.pingIntervalMs,
    pingTimeout: options.realtime.pingTimeoutMs,
    allowRequest: (request: IncomingMessage, callback) => {
      const protocol = (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
      options
        .isAllowedOrigin(request.headers.origin, `${protocol}://${request.headers.host ?? ''}`)
        .then((allowed) => callback(allowed ? null : 'origin not allowed', allowed))
        .catch(() => callback('origin check failed', false));
    },
  });

  io.on('connection', (socket) => {
    socket.on('ping', (ack) => {
      if (typeof ack === 'function') ack({ status: 'ok', version: options.version });
    });
  });

  const widget = io.of(NAMESPACES.widget) as unknown as WidgetNamespace;
  const agent = io.of(NAMESPACES.agent) as unknown as AgentNamespace;

  return {
    io,
    widget,
    agent,
    async close() {
      // This node's sockets only: through the Redis adapter a plain disconnectSockets would close
      // every node's sockets, and while Redis is away it would close none.
      io.local.disconnectSockets(true);
      widget.local.disconnectSockets(true);
      agent.local.disconnectSockets(true);
      // io.close() would also close Strapi's HTTP server, which Strapi closes itself.
      io.engine.close();
    },
  };
}
