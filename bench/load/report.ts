/** The results file and the printed summary: ratios against the baselines and the issue's targets. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { LoadOptions } from './options';
import type { EscalationResult, RateResult } from './phases';
import type { SeedResult } from './seed';
import type { SeededReadsResult } from './seeded-reads';
import { stallReportLines, type StallReport } from './stall-report';
import { ratio } from './stats';

export interface FanOutResults {
  setupSeconds?: number;
  heapPerIdleSocketBytes: number;
  idleSocketsMeasured: number;
  delivery: RateResult;
  /** Bytes the server allocated per delivered message at the base rate (a load-independent cost). */
  allocatedPerMessageBytes: number;
  /** The functions that allocated most themselves in that sample, bytes per message (`name file:line`). */
  allocatorsPerMessage: Array<{ site: string; bytes: number }>;
  steps: RateResult[];
  /** The highest offered step that was sustained (0: none was). */
  highestSustainedRate: number | null;
  escalation: EscalationResult;
  /** A longer run at the base rate (ours with the idle rules on); the relay's is its baseline. */
  stall?: RateResult;
  /** Our server only: the stall run per window, and what held the server's event loop up. */
  stallReport?: StallReport;
  /** Sockets dropped during the run (not closed by the benchmark), by Socket.IO's reason. */
  disconnects: Record<string, number>;
}

export interface LoadResults {
  startedAt: string;
  finishedAt?: string;
  machine: { cpus: number; model: string; node: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  options: Omit<LoadOptions, 'skip'> & { skip: string[] };
  /** How the chats were set up, so the figures can be judged. */
  setup: string;
  ours?: FanOutResults;
  relay?: FanOutResults;
  seeded?: { seed: SeedResult; reads: SeededReadsResult };
  targets?: TargetCheck[];
  error?: string;
}

export interface TargetCheck {
  name: string;
  value: number | null;
  limit: number | null;
  met: boolean | null;
  /** What the baseline measured in the same run, where the target is absolute but a baseline exists. */
  baseline?: string;
}

/** The highest sustained step's rate: 0 when none was, null when no step ran. */
export function highestSustained(steps: RateResult[]): number | null {
  if (steps.length === 0) return null;
  return Math.max(0, ...steps.filter((step) => step.sustained).map((step) => step.offeredRate));
}

/** `incomplete`: the phase ran but some messages or pushes never arrived, so the target is not met. */
function check(name: string, value: number | null | undefined, limit: number | null, options: { atMost?: boolean; incomplete?: boolean } = {}): TargetCheck {
  const known = value ?? null;
  if (options.incomplete) return { name, value: known, limit, met: false };
  const atMost = options.atMost ?? true;
  return { name, value: known, limit, met: known === null || limit === null ? null : atMost ? known <= limit : known >= limit };
}

export function targetChecks(results: LoadResults): TargetCheck[] {
  const { ours, relay, seeded } = results;
  const relayP99 = relay?.delivery.latencyMs.p99;
  return [
    check('delivery p99 ≤ 1.5 × relay p99 + 5 ms', ours?.delivery.latencyMs.p99, relayP99 == null ? null : 1.5 * relayP99 + 5, {
      incomplete: (ours?.delivery.lost ?? 0) > 0,
    }),
    results.options.postgres
      ? check('highest sustained persisted rate on PostgreSQL ≥ 2000 msg/s', ours?.highestSustainedRate, 2000, { atMost: false })
      : check('highest sustained persisted rate ≥ 1000 msg/s', ours?.highestSustainedRate, 1000, { atMost: false }),
    check('escalation fan-out p99 ≤ 50 ms', ours?.escalation.latencyMs.p99, 50, { incomplete: (ours?.escalation.missing ?? 0) > 0 }),
    check('queue snapshot p50 ≤ 10 ms (an agent)', seeded?.reads.queueSnapshotMs.p50, 10),
    check('analytics p50 ≤ 200 ms', seeded?.reads.analyticsMs.p50, 200),
    {
      ...check('no delivery above 20 ms in the stall run (max, ms)', ours?.stall?.latencyMs.max, 20, { incomplete: (ours?.stall?.lost ?? 0) > 0 }),
      ...(relay?.stall && { baseline: `relay: max ${ms(relay.stall.latencyMs.max)} ms, ${relay.stall.over20Ms} deliveries over 20 ms` }),
    },
    check('heap per idle customer socket ≤ 15 KB', ours ? ours.heapPerIdleSocketBytes / 1024 : null, 15),
  ];
}

export function newResults(options: LoadOptions): LoadResults {
  return {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart: os.loadavg() },
    options: { ...options, skip: [...options.skip] },
    setup:
      'Our chats are set up through the real protocol (REST sessions, widget socket escalate, agent socket claim); ' +
      'the seeded database is written directly with better-sqlite3 while the server is stopped.',
  };
}

export function writeResults(results: LoadResults, output: string | null, benchDir: string): string {
  const file = output ?? path.join(benchDir, 'results', `load-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

const ms = (value: number | null | undefined) => (value == null ? '–' : value.toFixed(value < 10 ? 2 : 1));
const times = (value: number | null) => (value == null ? '–' : `${value}×`);
const kb = (bytes: number | null) => (bytes === null ? '–' : (bytes / 1024).toFixed(1));
/** What the server dirtied for the disk per delivered message at the base rate. */
const diskPerMessage = (result?: FanOutResults) => {
  const written = result?.delivery.server.diskWriteBytes;
  return written == null || !result?.delivery.delivered ? null : written / result.delivery.delivered;
};

export function printSummary(results: LoadResults): void {
  const { ours, relay, seeded } = results;
  const lines: string[] = ['', 'Load benchmark: ours vs baseline, same run (latencies in ms)', ''];
  lines.push('| path | ours | baseline | ours ÷ baseline |', '| --- | ---: | ---: | ---: |');
  if (ours || relay) {
    const delivery = (result?: FanOutResults) => result?.delivery.latencyMs;
    lines.push(
      `| delivery p50 at ${results.options.rate} msg/s (relay) | ${ms(delivery(ours)?.p50)} | ${ms(delivery(relay)?.p50)} | ${times(ratio(delivery(ours)?.p50, delivery(relay)?.p50))} |`,
      `| delivery p99 (relay) | ${ms(delivery(ours)?.p99)} | ${ms(delivery(relay)?.p99)} | ${times(ratio(delivery(ours)?.p99, delivery(relay)?.p99))} |`,
      `| highest sustained rate, msg/s (relay) | ${ours?.highestSustainedRate ?? '–'} | ${relay?.highestSustainedRate ?? '–'} | ${times(ratio(ours?.highestSustainedRate, relay?.highestSustainedRate))} |`,
      `| escalation fan-out p99 (relay) | ${ms(ours?.escalation.latencyMs.p99)} | ${ms(relay?.escalation.latencyMs.p99)} | ${times(ratio(ours?.escalation.latencyMs.p99, relay?.escalation.latencyMs.p99))} |`,
      `| allocated per message, KB (relay) | ${ours ? (ours.allocatedPerMessageBytes / 1024).toFixed(1) : '–'} | ${relay ? (relay.allocatedPerMessageBytes / 1024).toFixed(1) : '–'} | ${times(ratio(ours?.allocatedPerMessageBytes, relay?.allocatedPerMessageBytes))} |`,
      `| stall probe, deliveries over 20 ms (relay) | ${ours?.stall?.over20Ms ?? '–'} | ${relay?.stall?.over20Ms ?? '–'} | ${times(ratio(ours?.stall?.over20Ms, relay?.stall?.over20Ms))} |`,
      `| stall probe, longest delivery (relay) | ${ms(ours?.stall?.latencyMs.max)} | ${ms(relay?.stall?.latencyMs.max)} | ${times(ratio(ours?.stall?.latencyMs.max, relay?.stall?.latencyMs.max))} |`,
      `| disk written per message at ${results.options.rate} msg/s, KB (relay) | ${kb(diskPerMessage(ours))} | ${kb(diskPerMessage(relay))} | ${times(ratio(diskPerMessage(ours), diskPerMessage(relay)))} |`,
      `| heap per idle socket, KB (relay) | ${ours ? (ours.heapPerIdleSocketBytes / 1024).toFixed(1) : '–'} | ${relay ? (relay.heapPerIdleSocketBytes / 1024).toFixed(1) : '–'} | ${times(ratio(ours?.heapPerIdleSocketBytes, relay?.heapPerIdleSocketBytes))} |`,
    );
  }
  if (seeded) {
    const { reads } = seeded;
    lines.push(
      `| queue snapshot p50, an agent (/admin/users/me) | ${ms(reads.queueSnapshotMs.p50)} | ${ms(reads.usersMeMs.p50)} | ${times(ratio(reads.queueSnapshotMs.p50, reads.usersMeMs.p50))} |`,
      `| queue snapshot p50, the super admin (the same) | ${ms(reads.superAdmin.queueSnapshotMs.p50)} | ${ms(reads.superAdmin.usersMeMs.p50)} | ${times(ratio(reads.superAdmin.queueSnapshotMs.p50, reads.superAdmin.usersMeMs.p50))} |`,
      `| analytics p50 (rows read straight from SQLite) | ${ms(reads.analyticsMs.p50)} | ${ms(reads.rawSqliteRowsMs?.p50)} | ${times(ratio(reads.analyticsMs.p50, reads.rawSqliteRowsMs?.p50))} |`,
      `| analytics CSV p50 (the same) | ${ms(reads.analyticsCsvMs.p50)} | ${ms(reads.rawSqliteRowsMs?.p50)} | ${times(ratio(reads.analyticsCsvMs.p50, reads.rawSqliteRowsMs?.p50))} |`,
    );
  }
  for (const [label, result] of [['ours', ours], ['relay', relay]] as const) {
    if (!result) continue;
    lines.push('', `Rate steps, ${label}: offered → achieved msg/s, p99 ms, server CPU %`);
    for (const step of result.steps) {
      lines.push(`  ${step.offeredRate} → ${step.achievedRate}, p99 ${ms(step.latencyMs.p99)}, CPU ${step.server.cpuPercent}%, RSS ${step.server.rssMb} MB${step.sustained ? '' : ' (not sustained)'}`);
    }
  }
  const stallLine = (label: string, stall: RateResult) =>
    `${label} (${stall.seconds} s at ${stall.offeredRate} msg/s): max delivery ${ms(stall.latencyMs.max)} ms, longest gap ${ms(stall.maxDeliveryGapMs)} ms, ${stall.over20Ms} deliveries above 20 ms`;
  if (relay?.stall) lines.push('', stallLine('Stall probe, relay', relay.stall));
  if (ours?.stall) {
    lines.push('', stallLine('Stall probe, ours, idle rules on', ours.stall));
    if (ours.stallReport) lines.push('', ...stallReportLines(ours.stallReport));
  }
  lines.push('', 'Targets (issue #15):');
  for (const target of results.targets ?? []) {
    const verdict = target.met === null ? 'not measured' : target.met ? 'met' : 'NOT met';
    lines.push(`  ${verdict.padEnd(12)} ${target.name}: ${target.value === null ? '–' : target.value.toFixed(2)}${target.limit === null ? '' : ` (limit ${target.limit.toFixed(2)})`}${target.baseline ? `; ${target.baseline}` : ''}`);
  }
  console.log(lines.join('\n'));
}
