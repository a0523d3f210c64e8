import knex, { type Knex } from 'knex';
import { Server } from 'socket.io';
import request from 'supertest';

import { NAMESPACES } from '../../server/src/contracts/constants';
import { attachRedisAdapter, type RedisLink } from '../../server/src/realtime/redis-adapter';
import { adminLogin, DEMO_ADMIN } from './admin-auth';
import { loginAgent, type Agent, type Server as ReachableServer } from './protocol';

/**
 * What a fault test needs around its Strapi nodes: agents created as a site owner creates them
 * (invited by the super admin, then registered), server-side socket drops, and the messages as
 * PostgreSQL holds them.
 */

const AGENT_ROLE_CODE = 'live-support-agent';
const AGENT_PASSWORD = 'Fault-Agent-1';

/** `count` new agents with the playground's Agent role, signed in on `node`. */
export async function inviteAgents(node: ReachableServer, count: number): Promise<Agent[]> {
  const adminToken = await adminLogin(node.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  const asAdmin = (test: request.Test) => test.set('Authorization', `Bearer ${adminToken}`);
  const roles = (await asAdmin(request(node.url).get('/admin/roles')).expect(200)).body.data as Array<{ id: number; code: string }>;
  const role = roles.find((candidate) => candidate.code === AGENT_ROLE_CODE);
  if (!role) throw new Error(`the playground has no ${AGENT_ROLE_CODE} role`);
  const agents: Agent[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `fault-agent${index}@example.com`;
    const invited = await asAdmin(request(node.url).post('/admin/users'))
      .send({ email, firstname: `Fault${index}`, lastname: 'Agent', roles: [role.id] })
      .expect(201);
    await request(node.url)
      .post('/admin/register')
      .send({
        registrationToken: invited.body.data.registrationToken,
        userInfo: { firstname: `Fault${index}`, lastname: 'Agent', password: AGENT_PASSWORD },
      })
      .expect(200);
    agents.push(await loginAgent(node, email, AGENT_PASSWORD));
  }
  return agents;
}

export interface SocketDropper {
  /** Closes one socket from the server's side, on whichever node holds it. */
  drop(namespace: string, socketId: string): void;
  close(): Promise<void>;
}

/**
 * A Socket.IO server that listens nowhere and shares the nodes' Redis channels: its
 * `disconnectSockets` reaches the node holding the socket, which closes it exactly as it closes
 * a socket itself (the client hears `io server disconnect`).
 */
export async function socketDropper(redisUrl: string, channelPrefix: string): Promise<SocketDropper> {
  const io = new Server();
  const link: RedisLink = await attachRedisAdapter(io, {
    url: redisUrl,
    channelPrefix,
    onLost: () => undefined,
    onRestored: () => undefined,
  });
  // The namespaces' adapters subscribe to their request channels when first used.
  io.of(NAMESPACES.widget);
  io.of(NAMESPACES.agent);
  return {
    drop(namespace, socketId) {
      io.of(namespace).in(socketId).disconnectSockets(true);
    },
    async close() {
      io.disconnectSockets(true);
      await link.close();
    },
  };
}

export interface StoredMessage {
  conversationId: number;
  seq: number;
  clientId: string;
  author: string;
  text: string;
}

/** The database the nodes share, read directly: what was stored is what PostgreSQL holds. */
export function postgresReader(env: Record<string, string>): { messages(conversationIds: number[]): Promise<StoredMessage[]>; close(): Promise<void> } {
  const db: Knex = knex({
    client: 'pg',
    connection: {
      host: env.DATABASE_HOST,
      port: Number(env.DATABASE_PORT),
      database: env.DATABASE_NAME,
      user: env.DATABASE_USERNAME,
      password: env.DATABASE_PASSWORD,
    },
    pool: { min: 0, max: 2 },
  });
  return {
    async messages(conversationIds) {
      const rows = (await db('live_support_messages')
        .whereIn('conversation_id', conversationIds)
        .orderBy([{ column: 'conversation_id' }, { column: 'seq' }])
        .select('conversation_id', 'seq', 'client_id', 'author_kind', 'text')) as Array<{
        conversation_id: number;
        seq: number;
        client_id: string;
        author_kind: string;
        text: string;
      }>;
      return rows.map((row) => ({
        conversationId: Number(row.conversation_id),
        seq: Number(row.seq),
        clientId: row.client_id,
        author: row.author_kind,
        text: row.text,
      }));
    },
    close: () => db.destroy(),
  };
}
