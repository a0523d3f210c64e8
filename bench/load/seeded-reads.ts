/**
 * Read paths of the desk on a seeded database: the queue snapshot, the analytics report and its
 * CSV, each beside `/admin/users/me` (Strapi's own cheapest authenticated route) in the same
 * run, and beside reading the analytics rows straight from SQLite. The snapshot is timed as an
 * agent, who the desk is for, and as the super admin, whose every admin request costs Strapi
 * more (its permission ability holds every action of every content type).
 */
import { ADMIN_API_BASE } from '../../server/src/contracts/constants';
import { DEMO_ADMIN, DEMO_AGENT } from '../../tests/helpers/admin-auth';
import { expectStatus, requestJson } from './http';
import { summarise, type LatencySummary } from './stats';

export interface SeededReadsResult {
  rangeDays: number;
  /** As the demo agent. */
  usersMeMs: LatencySummary;
  /** As the demo agent, the page size the desk asks for. */
  queueSnapshotMs: LatencySummary;
  superAdmin: { usersMeMs: LatencySummary; queueSnapshotMs: LatencySummary };
  analyticsMs: LatencySummary;
  analyticsCsvMs: LatencySummary;
  /** The conversations and claimed events of the range read with better-sqlite3, the server stopped. */
  rawSqliteRowsMs?: LatencySummary;
  analyticsConversations: number | null;
}

/** What the desk asks for (`QUEUE_QUERY` in the admin panel): each column's first 100 cards. */
const DESK_PAGE_SIZE = 100;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function timed(url: string, token: string, expectCsv = false): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(120_000) });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 500)}`);
  if (expectCsv && !String(response.headers.get('content-type')).includes('csv')) throw new Error(`${url} did not answer CSV`);
  return { ms, body };
}

interface ReadOnlyDatabase {
  prepare(sql: string): { all(...values: unknown[]): unknown[] };
  close(): void;
}

/**
 * The analytics baseline: the range's rows read with better-sqlite3 in this process, once the
 * server is stopped (so that its writes never lock the reader).
 */
export function timeRawAnalyticsRows(databaseFile: string, options: { rangeDays: number; rounds: number; datetimeStorage: 'integer' | 'text' }): LatencySummary {
  const now = Date.now();
  const toDb = (ms: number) => (options.datetimeStorage === 'integer' ? ms : new Date(ms).toISOString());
  return summarise(rawRowsMs(databaseFile, toDb(now - options.rangeDays * 86_400_000), toDb(now), options.rounds));
}

function rawRowsMs(databaseFile: string, from: number | string, to: number | string, rounds: number): number[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as new (file: string, options: { readonly: boolean }) => ReadOnlyDatabase;
  const database = new Database(databaseFile, { readonly: true });
  try {
    const conversations = database.prepare('SELECT * FROM live_support_conversations WHERE created_at BETWEEN ? AND ?');
    const claims = database.prepare("SELECT actor_id, data FROM live_support_conversation_events WHERE kind = 'claimed' AND occurred_at BETWEEN ? AND ?");
    return Array.from({ length: rounds }, () => {
      const started = performance.now();
      conversations.all(from, to);
      claims.all(from, to);
      return performance.now() - started;
    });
  } finally {
    database.close();
  }
}

export async function measureSeededReads(
  url: string,
  options: { rangeDays: number; fastRounds: number; slowRounds: number },
): Promise<SeededReadsResult> {
  const logIn = async (credentials: { email: string; password: string }) =>
    expectStatus(await requestJson<{ data: { token: string } }>(`${url}/admin/login`, { method: 'POST', body: credentials }), 200, 'admin login').data.token;
  const adminToken = await logIn(DEMO_ADMIN);
  const agentToken = await logIn(DEMO_AGENT);
  const now = Date.now();
  const fromMs = now - options.rangeDays * 86_400_000;
  const range = `from=${isoDay(fromMs)}&to=${isoDay(now)}`;
  const routes = {
    usersMe: `${url}/admin/users/me`,
    queue: `${url}${ADMIN_API_BASE}/queue?page=1&pageSize=${DESK_PAGE_SIZE}`,
    analytics: `${url}${ADMIN_API_BASE}/analytics?${range}`,
    csv: `${url}${ADMIN_API_BASE}/analytics/export?${range}`,
  };
  // Warm-up: every route twice, unmeasured.
  for (let round = 0; round < 2; round += 1) {
    for (const token of [agentToken, adminToken]) {
      await timed(routes.usersMe, token);
      await timed(routes.queue, token);
    }
    await timed(routes.analytics, adminToken);
    await timed(routes.csv, adminToken, true);
  }
  const samples = { usersMe: [] as number[], queue: [] as number[], adminUsersMe: [] as number[], adminQueue: [] as number[], analytics: [] as number[], csv: [] as number[] };
  let analyticsConversations: number | null = null;
  // Interleaved, so that drift and other load on the machine hit every route alike.
  for (let round = 0; round < options.fastRounds; round += 1) {
    samples.usersMe.push((await timed(routes.usersMe, agentToken)).ms);
    samples.queue.push((await timed(routes.queue, agentToken)).ms);
    samples.adminUsersMe.push((await timed(routes.usersMe, adminToken)).ms);
    samples.adminQueue.push((await timed(routes.queue, adminToken)).ms);
    if (round % Math.ceil(options.fastRounds / options.slowRounds) === 0) {
      const analytics = await timed(routes.analytics, adminToken);
      samples.analytics.push(analytics.ms);
      const totals = (JSON.parse(analytics.body) as { data?: { totals?: { conversations?: number } } }).data?.totals;
      analyticsConversations = totals?.conversations ?? null;
      samples.csv.push((await timed(routes.csv, adminToken, true)).ms);
    }
  }
  return {
    rangeDays: options.rangeDays,
    usersMeMs: summarise(samples.usersMe),
    queueSnapshotMs: summarise(samples.queue),
    superAdmin: { usersMeMs: summarise(samples.adminUsersMe), queueSnapshotMs: summarise(samples.adminQueue) },
    analyticsMs: summarise(samples.analytics),
    analyticsCsvMs: summarise(samples.csv),
    analyticsConversations,
  };
}
