/**
 * The timed phases, identical for our server and the bare relay: both speak the same events
 * (`message:send` → `message:new` to the assigned agent, `conversation:escalate` →
 * `queue:changed` to every agent), so one driver measures both.
 */
import type { Socket } from 'socket.io-client';

import { sampleProcess, usageBetween, type ProcessUsage } from './processes';
import { seededRandom } from '../../server/src/domain/escalation/classifier/train';
import { summarise, type LatencySummary } from './stats';

export interface FanOutTarget {
  label: string;
  serverPid: number;
  /** Customers in active chats; customer i is assigned to agent `assignedAgentIndex(i, agents.length)`. */
  customers: Socket[];
  /** Customers still with the bot, one per escalation of the fan-out phase. */
  escalators: Array<{ conversationId: number; socket: Socket }>;
  agents: Socket[];
  /** The conversation of each customer, where the server has one (ours): to explain a lost message. */
  conversationIds?: number[];
}

/** The agent a customer's chat is assigned to: the setup claims chat i with agent i % agents. */
export const assignedAgentIndex = (customer: number, agentCount: number): number => customer % agentCount;

/** A message that never reached its agent, and whether either socket was replaced meanwhile. */
export interface LostMessage {
  clientId: string;
  customer: number;
  /** The index of the customer's agent in `FanOutTarget.agents`. */
  agent: number;
  agentSocketReplaced: boolean;
  customerSocketReplaced: boolean;
}

export interface RateResult {
  offeredRate: number;
  seconds: number;
  sent: number;
  /** Acknowledged as stored by the server. */
  acknowledged: number;
  refused: Record<string, number>;
  delivered: number;
  /** Messages delivered within the window ÷ its length. */
  achievedRate: number;
  /** Messages never delivered within the drain timeout. */
  lost: number;
  /** The first few of them, to look up afterwards (`explainLostMessages`). */
  lostMessages: LostMessage[];
  /** Sent but not yet acknowledged when the window closed: the server's backlog. */
  backlogAtWindowEnd: number;
  /** Milliseconds spent before the run waiting for an earlier run's backlog to clear. */
  settleMs: number;
  /** Messages of earlier runs still unanswered when this one started (0 unless the wait timed out). */
  backlogBeforeRun: number;
  latencyMs: LatencySummary;
  /** Emit → acknowledgement. */
  ackLatencyMs: LatencySummary;
  /** Longest time between two deliveries at the agents. */
  maxDeliveryGapMs: number;
  /** Deliveries slower than 20 ms (a stall the customer can notice). */
  over20Ms: number;
  server: ProcessUsage;
  /** Achieved ≥ 98 % of offered and p99 < 50 ms. */
  sustained: boolean;
}

const DRAIN_TIMEOUT_MS = 30_000;
const LOST_MESSAGES_KEPT = 10;
/** An earlier run's backlog must clear within this before the next run starts. */
const SETTLE_TIMEOUT_MS = 120_000;
const TICK_MS = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Recording {
  sentAt: Map<string, number>;
  latencies: number[];
  arrivals: number[];
}

/**
 * Runs started by every meter in this process: a run's number goes into each of its clientIds.
 * Counted per meter, the stall probe's meter reused the warm-up's clientIds, and a customer who
 * sent the same one twice got the stored message back without a push (as a retry should), which
 * the probe counted as lost.
 */
let runsStarted = 0;

/** Listens on every agent socket once; each run records into its own `Recording`. */
export class DeliveryMeter {
  private recording: Recording | null = null;
  private onDelivery: ((arrivedAt: number, latencyMs: number) => void) | undefined;
  /** Emits of every run still waiting for their acknowledgement. */
  private unacknowledged = 0;

  constructor(private readonly target: FanOutTarget) {
    for (const agent of target.agents) {
      agent.on('message:new', (message: { clientId?: string }) => {
        const recording = this.recording;
        const sentAt = message.clientId ? recording?.sentAt.get(message.clientId) : undefined;
        if (!recording || sentAt === undefined || !message.clientId) return;
        const now = performance.now();
        recording.sentAt.delete(message.clientId);
        recording.latencies.push(now - sentAt);
        recording.arrivals.push(now);
        this.onDelivery?.(performance.timeOrigin + now, now - sentAt);
      });
    }
  }

  /**
   * Waits (bounded) until the server has answered every message sent so far, so that a run
   * does not measure an earlier run's backlog; when the wait times out the run says so.
   */
  async settle(): Promise<{ settleMs: number; backlogBeforeRun: number }> {
    const started = performance.now();
    while (this.unacknowledged > 0 && performance.now() - started < SETTLE_TIMEOUT_MS) await sleep(10);
    return { settleMs: Math.round(performance.now() - started), backlogBeforeRun: this.unacknowledged };
  }

  /**
   * Sends `rate` messages a second for `seconds`, each from a customer picked with a fixed seed.
   * `onDelivery` sees every delivery: its arrival (`Date.now()` clock) and latency.
   */
  async run(rate: number, seconds: number, seed: number, onDelivery?: (arrivedAt: number, latencyMs: number) => void): Promise<RateResult> {
    const { customers, serverPid } = this.target;
    const { settleMs, backlogBeforeRun } = await this.settle();
    const run = (runsStarted += 1);
    const recording: Recording = { sentAt: new Map(), latencies: [], arrivals: [] };
    this.recording = recording;
    this.onDelivery = onDelivery;
    const random = seededRandom(seed);
    // A socket that reconnects gets a new id: compared after the run.
    const agentIds = this.target.agents.map((socket) => socket.id);
    const customerIds = customers.map((socket) => socket.id);
    const ackLatencies: number[] = [];
    const refused: Record<string, number> = {};
    let acknowledged = 0;
    let sent = 0;

    const before = sampleProcess(serverPid);
    const started = performance.now();
    const windowMs = seconds * 1000;
    for (;;) {
      const elapsed = performance.now() - started;
      if (elapsed >= windowMs) break;
      const due = Math.floor((elapsed * rate) / 1000);
      while (sent < due) {
        const customerIndex = Math.floor(random() * customers.length);
        const customer = customers[customerIndex];
        const clientId = `b${run}-${sent}-c${customerIndex}`;
        const sentAt = performance.now();
        recording.sentAt.set(clientId, sentAt);
        this.unacknowledged += 1;
        customer.emit('message:send', { clientId, text: `Where is my parcel? (${sent})` }, (ack: { ok: boolean; error?: { name: string } }) => {
          this.unacknowledged -= 1;
          if (ack.ok) {
            acknowledged += 1;
            ackLatencies.push(performance.now() - sentAt);
          } else {
            const name = ack.error?.name ?? 'unknown';
            refused[name] = (refused[name] ?? 0) + 1;
            recording.sentAt.delete(clientId);
          }
        });
        sent += 1;
      }
      await sleep(TICK_MS);
    }
    const windowEnd = performance.now();
    const after = sampleProcess(serverPid);
    const backlogAtWindowEnd = sent - acknowledged - Object.values(refused).reduce((sum, count) => sum + count, 0);

    const drainDeadline = performance.now() + DRAIN_TIMEOUT_MS;
    while ((recording.sentAt.size > 0 || this.unacknowledged > 0) && performance.now() < drainDeadline) await sleep(10);
    this.recording = null;
    this.onDelivery = undefined;

    const inWindow = recording.arrivals.filter((at) => at <= windowEnd).length;
    const achievedRate = Math.round((inWindow / ((windowEnd - started) / 1000)) * 10) / 10;
    let maxGap = 0;
    for (let index = 1; index < recording.arrivals.length; index += 1) {
      maxGap = Math.max(maxGap, recording.arrivals[index] - recording.arrivals[index - 1]);
    }
    const latencyMs = summarise(recording.latencies);
    const lostMessages = [...recording.sentAt.keys()].slice(0, LOST_MESSAGES_KEPT).map((clientId): LostMessage => {
      const customer = Number(clientId.slice(clientId.lastIndexOf('-c') + 2));
      const agent = assignedAgentIndex(customer, this.target.agents.length);
      return {
        clientId,
        customer,
        agent,
        agentSocketReplaced: this.target.agents[agent].id !== agentIds[agent],
        customerSocketReplaced: customers[customer].id !== customerIds[customer],
      };
    });
    return {
      offeredRate: rate,
      seconds,
      sent,
      acknowledged,
      refused,
      delivered: recording.latencies.length,
      achievedRate,
      lost: recording.sentAt.size,
      lostMessages,
      backlogAtWindowEnd,
      settleMs,
      backlogBeforeRun,
      latencyMs,
      ackLatencyMs: summarise(ackLatencies),
      maxDeliveryGapMs: Math.round(maxGap * 1000) / 1000,
      over20Ms: recording.latencies.filter((latency) => latency > 20).length,
      server: usageBetween(before, after),
      sustained: achievedRate >= 0.98 * rate && latencyMs.p99 !== null && latencyMs.p99 < 50,
    };
  }
}

export interface EscalationResult {
  /** The wait for the message backlog of the rate runs to clear first (see `DeliveryMeter.settle`). */
  settleMs: number;
  backlogBeforeRun: number;
  escalations: number;
  perSecond: number;
  /** Escalation request → each agent's `queue:changed` push for it (escalations × agents samples). */
  latencyMs: LatencySummary;
  /** Pushes that never arrived within the timeout. */
  missing: number;
  refused: number;
  server: ProcessUsage;
}

/** Customers escalate at `perSecond`; every agent's desk must see each one in the queue. */
export async function escalationFanOut(target: FanOutTarget, meter: DeliveryMeter, perSecond: number): Promise<EscalationResult> {
  const { agents, escalators, serverPid } = target;
  const { settleMs, backlogBeforeRun } = await meter.settle();
  const startedAt = new Map<number, number>();
  const seenBy = new Map<number, Set<number>>();
  const latencies: number[] = [];
  const listeners = agents.map((agent, agentIndex) => {
    const listener = (payload: { conversation?: { id?: number; status?: string } }) => {
      const id = payload.conversation?.id;
      if (id === undefined || payload.conversation?.status !== 'queued') return;
      const at = startedAt.get(id);
      const seen = seenBy.get(id);
      if (at === undefined || !seen || seen.has(agentIndex)) return;
      seen.add(agentIndex);
      latencies.push(performance.now() - at);
    };
    agent.on('queue:changed', listener);
    return () => agent.off('queue:changed', listener);
  });

  let refused = 0;
  const before = sampleProcess(serverPid);
  const started = performance.now();
  for (let index = 0; index < escalators.length; index += 1) {
    const dueAt = started + (index * 1000) / perSecond;
    while (performance.now() < dueAt) await sleep(TICK_MS);
    const { conversationId, socket } = escalators[index];
    seenBy.set(conversationId, new Set());
    startedAt.set(conversationId, performance.now());
    socket.emit('conversation:escalate', {}, (ack: { ok: boolean }) => {
      if (!ack.ok) refused += 1;
    });
  }
  const expected = escalators.length * agents.length;
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (latencies.length < expected && performance.now() < deadline) await sleep(10);
  const after = sampleProcess(serverPid);
  for (const off of listeners) off();
  return {
    settleMs,
    backlogBeforeRun,
    escalations: escalators.length,
    perSecond,
    latencyMs: summarise(latencies),
    missing: expected - latencies.length,
    refused,
    server: usageBetween(before, after),
  };
}
