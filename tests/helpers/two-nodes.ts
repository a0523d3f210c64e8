import type { PluginConfigInput } from '../../server/src/contracts/plugin-config';
import { useBootedStrapi, type BootedStrapiHandle } from './booted-strapi';
import { startPlayground, type RunningPlayground } from './playground-server';
import { startPostgres, type RunningPostgres } from './postgres';
import { createAdmin, loginAgent, type Agent } from './protocol';
import { startRedis, type RunningRedis } from './redis';
import { ONE_ADDRESS_FOR_EVERY_CLIENT } from './test-env';

/** How long an agent stays online after their last desk socket went away, on both nodes. */
export const PRESENCE_GRACE_MS = 2000;

// Both nodes behind one reverse proxy, so that a test can speak for a client address of its own.
const BEHIND_ONE_PROXY = { TRUSTED_PROXIES: '1' };
const SHARED_SECRET_KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
const AGENT_PASSWORD = 'Agent-Pass-1';

export interface TwoNodesOptions {
  /** Agents (role live-support-agent) created on node A, signed in and online before the first test. */
  agents: number;
  /** The file's own rate limits, over the ones every test runs with (say why where they are set). */
  rateLimit?: PluginConfigInput['rateLimit'];
}

export interface TwoNodes {
  /** This process's Strapi. */
  nodeA: BootedStrapiHandle;
  /** A `node server.js` child on the same database, Redis and secrets. */
  nodeB: RunningPlayground;
  redis: RunningRedis;
  /** Filled in `beforeAll`, in creation order. */
  agents: Agent[];
  /** The environment that points a node at this file's Redis with the file's plugin configuration. */
  realtimeEnv(): Record<string, string>;
}

/**
 * Production shape for one test file: two Strapi nodes (this process and a `node server.js`
 * child) sharing one PostgreSQL database and one Redis, both private to the file. `beforeAll`
 * starts PostgreSQL and Redis, boots node A, then node B, then creates the agents;
 * `afterAll` stops node B, node A, Redis and PostgreSQL.
 */
export function useTwoNodes(options: TwoNodesOptions): TwoNodes {
  let postgres: RunningPostgres | undefined;
  let redis: RunningRedis | undefined;
  let realtime: Record<string, string> | undefined;
  let nodeB: RunningPlayground | undefined;
  const agents: Agent[] = [];

  const nodeA = useBootedStrapi({
    async prepare() {
      [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
      // Presence ticks every second with a short grace period, so that a killed node's agent
      // leaves within seconds.
      realtime = {
        LIVE_SUPPORT_CONFIG: JSON.stringify({
          realtime: { redisUrl: redis.url },
          presenceGracePeriodMs: PRESENCE_GRACE_MS,
          jobs: { presence: { cron: '* * * * * *' } },
          rateLimit: { ...ONE_ADDRESS_FOR_EVERY_CLIENT.rateLimit, ...options.rateLimit },
        }),
      };
      return { ...postgres.env, ...realtime, ...BEHIND_ONE_PROXY };
    },
    // The PostgreSQL settings stay in process.env: code after the boot reads the connection from there.
    keepEnv: true,
    async beforeStop() {
      await nodeB?.stop();
    },
    async afterStop() {
      postgres?.stop();
      await redis?.stop();
    },
  });

  // Node B once node A is up: node A has set up the database, and its secrets are in process.env.
  beforeAll(async () => {
    const sharedSecrets = Object.fromEntries(SHARED_SECRET_KEYS.map((key) => [key, process.env[key] ?? '']));
    nodeB = await startPlayground({
      env: { ...started('PostgreSQL', postgres).env, ...started('Redis', realtime), ...BEHIND_ONE_PROXY, ...sharedSecrets, SERVE_ADMIN_PANEL: 'false', NODE_ENV: 'test', STRAPI_LOG_LEVEL: 'error' },
    });
    for (let index = 0; index < options.agents; index += 1) {
      const email = `node-agent${index}@example.com`;
      await createAdmin(nodeA, { email, password: AGENT_PASSWORD, firstname: `Agent${index}` }, 'live-support-agent');
      const agent = await loginAgent(nodeA, email, AGENT_PASSWORD);
      await agent.put('/presence', { status: 'online' }).expect(200);
      agents.push(agent);
    }
  });

  return {
    nodeA,
    nodeB: startedLater('node B', () => nodeB),
    redis: startedLater('Redis', () => redis),
    agents,
    realtimeEnv: () => ({ ...started('Redis', realtime) }),
  };
}

function started<T>(what: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or a hook, after beforeAll`);
  return value;
}

/** An object started in `beforeAll`, usable by name at the top of a test file. */
function startedLater<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get: (_target, property) => Reflect.get(started(what, current()), property),
  });
}
