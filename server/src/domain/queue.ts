/**
 * Queue order, positions and the estimated wait. Pure: the services load the queued
 * conversations, the recent waits and the seat counts, and pass them in.
 */

export interface QueueEntry {
  id: number;
  isVip: boolean;
  priority: number;
  /** When the conversation first entered the queue; a transfer back to the queue keeps it. */
  queuedAt: Date;
}

/** The site owner's queue rule (settings `queue.vipFirst`). */
export interface QueueOrderRule {
  vipFirst: boolean;
}

export const DEFAULT_QUEUE_ORDER_RULE: QueueOrderRule = { vipFirst: true };

/**
 * VIP first (unless the rule says otherwise), then higher priority, then the longest waiting,
 * then the lower id. The id makes the order total, so every agent's queue view and the
 * claim-next logic agree on who is first even when two conversations were queued in the same
 * millisecond.
 */
export function compareQueueOrder(a: QueueEntry, b: QueueEntry, rule: QueueOrderRule = DEFAULT_QUEUE_ORDER_RULE): number {
  if (rule.vipFirst && a.isVip !== b.isVip) return a.isVip ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  const byQueuedAt = a.queuedAt.getTime() - b.queuedAt.getTime();
  if (byQueuedAt !== 0) return byQueuedAt;
  return a.id - b.id;
}

export function orderQueue<T extends QueueEntry>(entries: readonly T[], rule: QueueOrderRule = DEFAULT_QUEUE_ORDER_RULE): T[] {
  return [...entries].sort((a, b) => compareQueueOrder(a, b, rule));
}

/** Conversation id → 1-based position in queue order. */
export function queuePositions(
  entries: readonly QueueEntry[],
  rule: QueueOrderRule = DEFAULT_QUEUE_ORDER_RULE,
): Map<number, number> {
  return new Map(orderQueue(entries, rule).map((entry, index) => [entry.id, index + 1]));
}

/** The same order as `compareQueueOrder`, for a database query. */
export function queueOrderBy(rule: QueueOrderRule): Array<Record<string, 'asc' | 'desc'>> {
  return [...(rule.vipFirst ? [{ isVip: 'desc' as const }] : []), { priority: 'desc' }, { queuedAt: 'asc' }, { id: 'asc' }];
}

/** A filter on the queued rows, in the query engine's terms, as `queueOrderBy` sorts them. */
export type QueueAheadFilter = Record<string, unknown>;

/**
 * The waiting conversations ordered before `entry` by `compareQueueOrder`, as a database
 * filter: counting them gives the entry's place without reading the whole queue.
 */
export function queueAheadFilter(entry: QueueEntry, rule: QueueOrderRule): QueueAheadFilter {
  const sameTier: QueueAheadFilter = {
    $or: [
      { priority: { $gt: entry.priority } },
      { priority: entry.priority, queuedAt: { $lt: entry.queuedAt } },
      { priority: entry.priority, queuedAt: entry.queuedAt, id: { $lt: entry.id } },
    ],
  };
  if (!rule.vipFirst) return sameTier;
  // A VIP is ahead of every non-VIP; within the same tier the usual order applies.
  if (!entry.isVip) return { $or: [{ isVip: true }, { $and: [{ isVip: false }, sameTier] }] };
  return { $and: [{ isVip: true }, sameTier] };
}

/**
 * Whether an email address belongs to one of the VIP domains (settings
 * `queue.vipEmailDomains`); a listed domain also covers its subdomains.
 */
export function isVipEmail(email: string | null | undefined, vipDomains: readonly string[]): boolean {
  if (!email || vipDomains.length === 0) return false;
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return vipDomains.some((vip) => {
    const wanted = vip.toLowerCase();
    return domain === wanted || domain.endsWith(`.${wanted}`);
  });
}

export interface WaitEstimateInput {
  /** 1-based position of this conversation. */
  position: number;
  /** queued→claimed waits of recently claimed conversations. */
  recentWaitsSeconds: readonly number[];
  /** Agents with presence 'online'. */
  agentsOnline: number;
  /** Free chat seats summed over online agents. */
  freeSeats: number;
  /** Used when history is too thin; default 120. */
  defaultWaitSeconds?: number;
}

export interface WaitEstimate {
  /** `null` when nobody is online to pick the conversation up. */
  seconds: number | null;
  basis: 'history' | 'default' | 'no_agents';
}

/** Fewer recent waits than this say more about luck than about the current load. */
export const MIN_HISTORY_SAMPLES = 3;

const DEFAULT_WAIT_SECONDS = 120;
/** With a free seat, waiting is only the time an agent needs to notice and claim. */
const FREE_SEAT_CAP_SECONDS = 60;
/** The estimate is shown to customers; half-minute steps avoid false precision. */
const ROUNDING_STEP_SECONDS = 30;

/** Median of the values, `null` for none; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Estimated wait for a queued conversation.
 *
 *   no agent online                  → { seconds: null, basis: 'no_agents' }
 *   base = median(recent waits)        when ≥ MIN_HISTORY_SAMPLES valid samples (basis 'history');
 *                                      negative and non-finite samples are dropped first
 *        = defaultWaitSeconds          otherwise (basis 'default', 120 s unless given)
 *   position ≤ freeSeats             → seconds = min(base, 60)
 *                                      (a seat is free, an agent only has to pick it up)
 *   otherwise                        → seconds = base × ⌈(position − freeSeats) / agentsOnline⌉
 *                                      (each online agent frees about one seat per base wait,
 *                                      so those ahead without a seat are served in rounds)
 *   finally: rounded up to a whole multiple of 30 s, at least 30 s.
 *
 * The median, not the mean, because one customer left waiting over a lunch break would
 * otherwise inflate every estimate for the rest of the day.
 */
export function estimateWait(input: WaitEstimateInput): WaitEstimate {
  return waitEstimator(input)(input.position);
}

/** What every position's estimate shares: the inputs of `estimateWait` except the position. */
export type WaitEstimateContext = Omit<WaitEstimateInput, 'position'>;

/**
 * `estimateWait` for many positions at once: the median of the recent waits is taken once,
 * so estimating a whole queue costs one sort, not one per waiting customer.
 */
export function waitEstimator(context: WaitEstimateContext): (position: number) => WaitEstimate {
  const { recentWaitsSeconds, agentsOnline, freeSeats } = context;
  if (agentsOnline <= 0) return () => ({ seconds: null, basis: 'no_agents' });

  const validWaits = recentWaitsSeconds.filter((wait) => Number.isFinite(wait) && wait >= 0);
  const historyMedian = validWaits.length >= MIN_HISTORY_SAMPLES ? median(validWaits) : null;
  const basis: WaitEstimate['basis'] = historyMedian === null ? 'default' : 'history';
  const base = historyMedian ?? context.defaultWaitSeconds ?? DEFAULT_WAIT_SECONDS;

  return (position) => {
    const raw =
      position <= freeSeats
        ? Math.min(base, FREE_SEAT_CAP_SECONDS)
        : base * Math.ceil((position - freeSeats) / agentsOnline);
    const rounded = Math.ceil(raw / ROUNDING_STEP_SECONDS) * ROUNDING_STEP_SECONDS;
    return { seconds: Math.max(ROUNDING_STEP_SECONDS, rounded), basis };
  };
}
