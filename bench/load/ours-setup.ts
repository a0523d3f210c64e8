/**
 * Puts our server into the benchmark's state through its real protocol, as the widget and the
 * desk would: the admin saves the queue settings, creates the agents (Strapi's own admin user
 * routes), customers start sessions over REST, connect their widget sockets, escalate, and
 * their agent claims them over the agent socket. Nothing is written to the database directly.
 */
import type { Socket } from 'socket.io-client';

import { ADMIN_API_BASE, NAMESPACES, PUBLIC_API_BASE } from '../../server/src/contracts/constants';
import { DEMO_ADMIN } from '../../tests/helpers/admin-auth';
import { connectSocket } from '../../tests/helpers/sockets';
import { expectStatus, mapLimit, requestJson } from './http';
import { assignedAgentIndex, type FanOutTarget } from './phases';
import type { BootedPlayground } from './playground';

const AGENT_ROLE_CODE = 'live-support-agent';
const AGENT_PASSWORD = 'Bench-Agent-1';
const CONNECT_TIMEOUT_MS = 30_000;

export async function connectWithin(socket: Socket, timeoutMs = CONNECT_TIMEOUT_MS): Promise<Socket> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket did not connect within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return socket;
}

interface Ack {
  ok: boolean;
  error?: { status: number; name: string; message: string };
}

export async function askOk(socket: Socket, event: string, payload: object): Promise<void> {
  const ack = (await socket.timeout(30_000).emitWithAck(event, payload)) as Ack;
  if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack.error)}`);
}

async function adminToken(url: string, email: string, password: string): Promise<string> {
  const login = await requestJson<{ data: { token: string } }>(`${url}/admin/login`, { method: 'POST', body: { email, password } });
  return expectStatus(login, 200, `admin login ${email}`).data.token;
}

/** Creates `count` agents with the playground's Agent role and returns their access tokens. */
async function createAgents(url: string, adminJwt: string, count: number): Promise<string[]> {
  const roles = await requestJson<{ data: Array<{ id: number; code: string }> }>(`${url}/admin/roles`, { token: adminJwt });
  const role = expectStatus(roles, 200, 'list roles').data.find((candidate) => candidate.code === AGENT_ROLE_CODE);
  if (!role) throw new Error(`no role ${AGENT_ROLE_CODE} in the playground`);
  return mapLimit(
    Array.from({ length: count }, (_, index) => index),
    4,
    async (index) => {
      const person = { firstname: `Bench${index}`, lastname: 'Agent' };
      const email = `bench-agent-${index}@example.com`;
      const created = await requestJson<{ data: { registrationToken: string } }>(`${url}/admin/users`, {
        method: 'POST',
        token: adminJwt,
        body: { ...person, email, roles: [role.id] },
      });
      const { registrationToken } = expectStatus(created, 201, `create agent ${email}`).data;
      const registered = await requestJson(`${url}/admin/register`, {
        method: 'POST',
        body: { registrationToken, userInfo: { ...person, password: AGENT_PASSWORD } },
      });
      expectStatus(registered, 200, `register agent ${email}`);
      return adminToken(url, email, AGENT_PASSWORD);
    },
  );
}

async function startSessions(url: string, count: number): Promise<Array<{ token: string; conversationId: number }>> {
  return mapLimit(
    Array.from({ length: count }, (_, index) => index),
    8,
    async (index) => {
      const response = await requestJson<{ data: { token: string; conversation: { id: number } } }>(`${url}${PUBLIC_API_BASE}/sessions`, {
        method: 'POST',
        body: { locale: 'en', name: `Customer ${index}` },
      });
      const { data } = expectStatus(response, 201, 'start session');
      return { token: data.token, conversationId: data.conversation.id };
    },
  );
}

/**
 * Why sockets dropped while the benchmark ran (Socket.IO's reason: "ping timeout", "transport
 * close", ...), so that lost messages can be told apart from a slow server. Sockets the
 * benchmark closes itself are not counted.
 */
export function disconnectTally(): { watch(socket: Socket): Socket; counts(): Record<string, number> } {
  const counts: Record<string, number> = {};
  return {
    watch(socket) {
      socket.on('disconnect', (reason: string) => {
        if (reason !== 'io client disconnect') counts[reason] = (counts[reason] ?? 0) + 1;
      });
      return socket;
    },
    counts: () => ({ ...counts }),
  };
}

export interface OursSetup {
  target: FanOutTarget;
  /** Server heap growth per connected idle widget socket, in bytes. */
  heapPerIdleSocketBytes: number;
  idleSocketsMeasured: number;
  setupSeconds: number;
  /** Sockets dropped so far, by reason. */
  disconnects(): Record<string, number>;
  close(): void;
}

export async function setUpOurs(
  server: BootedPlayground,
  sizes: { customers: number; agents: number; escalators: number },
  log: (line: string) => void,
): Promise<OursSetup> {
  const started = performance.now();
  const { url } = server;
  const adminJwt = await adminToken(url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  const seatsPerAgent = Math.ceil(sizes.customers / sizes.agents);
  const settings = await requestJson(`${url}${ADMIN_API_BASE}/settings`, {
    method: 'PUT',
    token: adminJwt,
    body: { queue: { maxQueueLength: 1000, seatsPerAgent, enforceOpeningHours: false, requireOnlineAgent: false } },
  });
  expectStatus(settings, 200, 'save queue settings');

  const agentTokens = await createAgents(url, adminJwt, sizes.agents);
  log(`  ${sizes.agents} agents created`);
  const sessions = await startSessions(url, sizes.customers + sizes.escalators);
  log(`  ${sessions.length} sessions started`);

  const sockets: Socket[] = [];
  const tally = disconnectTally();
  const track = (socket: Socket) => {
    sockets.push(socket);
    return tally.watch(socket);
  };
  try {
    const agents = await mapLimit(agentTokens, 10, (token) => connectWithin(track(connectSocket(url, NAMESPACES.agent, { token }))));
    const heapBefore = await server.heap.usedAfterGc();
    const widgets = await mapLimit(sessions, 50, (session) => connectWithin(track(connectSocket(url, NAMESPACES.widget, { token: session.token }))));
    const heapAfter = await server.heap.usedAfterGc();
    log(`  ${widgets.length} widget sockets connected`);

    const customers = widgets.slice(0, sizes.customers);
    await mapLimit(customers, 20, async (socket, index) => {
      await askOk(socket, 'conversation:escalate', {});
      await askOk(agents[assignedAgentIndex(index, agents.length)], 'conversation:claim', { conversationId: sessions[index].conversationId });
    });
    log(`  ${customers.length} chats escalated and claimed`);

    return {
      target: {
        label: 'ours',
        serverPid: server.pid,
        customers,
        escalators: widgets.slice(sizes.customers).map((socket, index) => ({
          socket,
          conversationId: sessions[sizes.customers + index].conversationId,
        })),
        agents,
        conversationIds: sessions.slice(0, sizes.customers).map((session) => session.conversationId),
      },
      heapPerIdleSocketBytes: Math.round((heapAfter - heapBefore) / widgets.length),
      idleSocketsMeasured: widgets.length,
      setupSeconds: Math.round((performance.now() - started) / 100) / 10,
      disconnects: tally.counts,
      close: () => sockets.forEach((socket) => socket.close()),
    };
  } catch (error) {
    sockets.forEach((socket) => socket.close());
    throw error;
  }
}
