/**
 * The baseline: a bare Socket.IO relay doing the same fan-out as our server, with no database,
 * validation or rules. A customer's `message:send` goes to the room of its conversation on
 * `/agent` (and back to the customer, as ours does); `conversation:escalate` goes to every agent.
 */
import http from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import { Server } from 'socket.io';

import { freePort } from '../../tests/helpers/ports';
import { heapProbe, type HeapProbe } from './heap';
import { inspectorOf } from './inspector';
import { mapLimit } from './http';
import { connectWithin, disconnectTally } from './ours-setup';
import type { FanOutTarget } from './phases';
import { SERVER_CORE, spawnPinned } from './processes';

export const RELAY_FLAG = '--relay-server';
const room = (conversationId: number) => `conversation:${conversationId}`;

type Ack = (answer: { ok: true; data: object }) => void;

/** The relay process itself (this bundle started with `--relay-server`). */
export function runRelayServer(): void {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false });
  const agents = io.of('/agent');
  const widgets = io.of('/widget');
  agents.on('connection', (socket) => {
    const conversationIds = (socket.handshake.auth as { conversationIds?: number[] }).conversationIds ?? [];
    socket.join(conversationIds.map(room));
  });
  widgets.on('connection', (socket) => {
    const conversationId = Number((socket.handshake.auth as { conversationId?: number }).conversationId);
    socket.join(room(conversationId));
    socket.on('message:send', (payload: { clientId: string; text: string }, ack: Ack) => {
      const message = { conversationId, clientId: payload.clientId, author: 'customer', text: payload.text, createdAt: new Date().toISOString() };
      agents.to(room(conversationId)).emit('message:new', message);
      widgets.to(room(conversationId)).emit('message:new', message);
      ack({ ok: true, data: message });
    });
    socket.on('conversation:escalate', (_payload: object, ack: Ack) => {
      agents.emit('queue:changed', { conversation: { id: conversationId, status: 'queued' } });
      ack({ ok: true, data: { id: conversationId, status: 'queued' } });
    });
  });
  httpServer.listen(0, '127.0.0.1', () => {
    const address = httpServer.address() as { port: number };
    console.log(`RELAY LISTENING ${address.port}`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

export interface RelaySetup {
  target: FanOutTarget;
  heapPerIdleSocketBytes: number;
  idleSocketsMeasured: number;
  heap: HeapProbe;
  /** Sockets dropped so far, by reason. */
  disconnects(): Record<string, number>;
  close(): Promise<void>;
}

/**
 * Starts the relay pinned to the server core and connects the same number of sockets. It runs
 * with our server's V8 flags (`--server-node-flags`), so a flag such as `--single-threaded-gc`
 * weighs on both sides of every comparison.
 */
export async function setUpRelay(sizes: { customers: number; agents: number; escalators: number }, nodeFlags: readonly string[] = []): Promise<RelaySetup> {
  const inspectPort = await freePort();
  const relay = spawnPinned(SERVER_CORE, [process.execPath, ...nodeFlags, `--inspect-port=127.0.0.1:${inspectPort}`, process.argv[1], RELAY_FLAG], {
    cwd: process.cwd(),
    env: process.env,
  });
  const sockets: Socket[] = [];
  const tally = disconnectTally();
  const open = (namespace: string, auth: object) => {
    const socket = tally.watch(connect(`${url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth }));
    sockets.push(socket);
    return connectWithin(socket);
  };
  const close = async () => {
    sockets.forEach((socket) => socket.close());
    await relay.stop();
  };
  let url = '';
  try {
    const [, port] = await relay.waitForLine(/RELAY LISTENING (\d+)/, 30_000);
    url = `http://127.0.0.1:${port}`;
    const heap = heapProbe(inspectorOf(relay.pid, inspectPort));
    const conversationIds = Array.from({ length: sizes.customers + sizes.escalators }, (_, index) => index + 1);
    const agents = await mapLimit(
      Array.from({ length: sizes.agents }, (_, agentIndex) => agentIndex),
      10,
      (agentIndex) => open('/agent', { conversationIds: conversationIds.slice(0, sizes.customers).filter((id) => (id - 1) % sizes.agents === agentIndex) }),
    );
    const heapBefore = await heap.usedAfterGc();
    const widgets = await mapLimit(conversationIds, 50, (conversationId) => open('/widget', { conversationId }));
    const heapAfter = await heap.usedAfterGc();
    return {
      target: {
        label: 'relay',
        serverPid: relay.pid,
        customers: widgets.slice(0, sizes.customers),
        escalators: widgets.slice(sizes.customers).map((socket, index) => ({ socket, conversationId: sizes.customers + index + 1 })),
        agents,
      },
      heapPerIdleSocketBytes: Math.round((heapAfter - heapBefore) / widgets.length),
      idleSocketsMeasured: widgets.length,
      heap,
      disconnects: tally.counts,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
