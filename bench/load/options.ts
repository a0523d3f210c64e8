import fs from 'node:fs';
import os from 'node:os';

/** Command-line options of `npm run bench:load`; `--quick` scales everything down for a smoke run. */
export interface LoadOptions {
  quick: boolean;
  customers: number;
  agents: number;
  /** Messages per second, customer → agent, for the delivery comparison. */
  rate: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** Offered rates of the "highest sustained rate" steps. */
  steps: number[];
  stepSeconds: number;
  /** Customers escalating during the fan-out phase, at `escalationsPerSecond`. */
  escalations: number;
  escalationsPerSecond: number;
  /** Length of the stall probe run (idle rules on). */
  stallSeconds: number;
  /** Conversations seeded for the queue snapshot and analytics reads. */
  seededConversations: number;
  messagesPerConversation: number;
  seed: number;
  /** Which parts to run (all by default). */
  skip: Set<Part>;
  output: string | null;
  /** Where the SQLite databases go: the system's temporary folder unless `--database-dir`. */
  databaseDir: string;
  /** Our server on a private PostgreSQL started for the run instead of SQLite (`--postgres`). */
  postgres: boolean;
  /** Flags for our server's Node (`--server-node-flags "--max-semi-space-size=32"`), to compare V8 settings. */
  serverNodeFlags: string[];
  /** Plugin config for our server on top of the benchmark's (`--plugin-config '{"database":{…}}'`), to compare settings. */
  pluginConfig: Record<string, unknown>;
  /** A file our server's output is appended to (`--server-log FILE`). */
  serverLog: string | null;
}

export const PARTS = ['ours', 'relay', 'seeded'] as const;
export type Part = (typeof PARTS)[number];

const FULL = {
  customers: 2000,
  agents: 50,
  rate: 250,
  warmupSeconds: 5,
  measureSeconds: 20,
  steps: [250, 500, 1000, 1500, 2000],
  stepSeconds: 5,
  escalations: 200,
  escalationsPerSecond: 20,
  stallSeconds: 65,
  seededConversations: 100_000,
  messagesPerConversation: 10,
};

const QUICK: typeof FULL = {
  customers: 200,
  agents: 10,
  rate: 250,
  warmupSeconds: 2,
  measureSeconds: 5,
  steps: [250, 500, 1000],
  stepSeconds: 2,
  escalations: 40,
  escalationsPerSecond: 20,
  stallSeconds: 10,
  seededConversations: 10_000,
  messagesPerConversation: 10,
};

const USAGE = `npm run bench:load -- [--quick] [--huge] [--customers N] [--agents M] [--rate R]
  [--measure-seconds S] [--steps 250,500,1000] [--step-seconds S] [--escalations E]
  [--stall-seconds S] [--conversations C] [--seed S] [--skip ours,relay,seeded] [--output FILE]
  [--database-dir DIR] [--postgres] [--server-node-flags "FLAGS"] [--plugin-config JSON] [--server-log FILE]`;

function numberOption(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number\n${USAGE}`);
  return value;
}

export function parseOptions(argv: readonly string[]): LoadOptions {
  const quick = argv.includes('--quick');
  const base = { ...(quick ? QUICK : FULL) };
  const options: LoadOptions = { ...base, quick, seed: 20261130, skip: new Set(), output: null, databaseDir: os.tmpdir(), postgres: false, serverNodeFlags: [], pluginConfig: {}, serverLog: null };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const next = () => argv[(index += 1)];
    switch (flag) {
      case '--quick':
        break;
      case '--huge':
        options.seededConversations = 1_000_000;
        break;
      case '--customers':
        options.customers = numberOption('customers', next());
        break;
      case '--agents':
        options.agents = numberOption('agents', next());
        break;
      case '--rate':
        options.rate = numberOption('rate', next());
        break;
      case '--measure-seconds':
        options.measureSeconds = numberOption('measure-seconds', next());
        break;
      case '--steps':
        options.steps = (next() ?? '').split(',').map((step) => numberOption('steps', step));
        break;
      case '--step-seconds':
        options.stepSeconds = numberOption('step-seconds', next());
        break;
      case '--escalations':
        options.escalations = numberOption('escalations', next());
        break;
      case '--stall-seconds':
        options.stallSeconds = numberOption('stall-seconds', next());
        break;
      case '--conversations':
        options.seededConversations = numberOption('conversations', next());
        break;
      case '--seed':
        options.seed = numberOption('seed', next());
        break;
      case '--skip':
        for (const part of (next() ?? '').split(',')) {
          if (!PARTS.includes(part as Part)) throw new Error(`--skip takes ${PARTS.join(', ')}\n${USAGE}`);
          options.skip.add(part as Part);
        }
        break;
      case '--database-dir':
        options.databaseDir = next() ?? '';
        if (!fs.existsSync(options.databaseDir)) throw new Error(`--database-dir needs an existing folder\n${USAGE}`);
        break;
      case '--output':
        options.output = next() ?? null;
        break;
      case '--server-node-flags':
        options.serverNodeFlags = (next() ?? '').split(/\s+/).filter(Boolean);
        if (options.serverNodeFlags.some((flag) => !flag.startsWith('--'))) throw new Error(`--server-node-flags takes Node flags\n${USAGE}`);
        break;
      case '--plugin-config': {
        const parsed: unknown = JSON.parse(next() ?? 'null');
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`--plugin-config takes a JSON object\n${USAGE}`);
        options.pluginConfig = parsed as Record<string, unknown>;
        break;
      }
      case '--server-log':
        options.serverLog = next() ?? null;
        break;
      case '--postgres':
        options.postgres = true;
        // The seeded reads write straight into SQLite's file.
        options.skip.add('seeded');
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (options.agents < 1 || options.customers < options.agents) throw new Error('need at least one agent and one customer per agent');
  // One agent holds at most 50 chats (queue.seatsPerAgent), so the agents must cover the customers.
  if (Math.ceil(options.customers / options.agents) > 50) throw new Error('at most 50 customers per agent (queue.seatsPerAgent ≤ 50)');
  return options;
}
