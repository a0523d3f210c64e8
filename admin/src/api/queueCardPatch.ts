import type { QueueCardView, QueueSnapshot } from '../shared';

import type { QueueResult } from './cachePatches';

/**
 * A `queue:changed` card filed into the cached queue snapshot, so that the desk follows a
 * change without asking for the whole snapshot again. The cached columns are each one page
 * (the first); where the page cannot tell whether the card was in its column before (a long
 * column, only partly cached), the answer is `null`: refetch.
 */

type Column = keyof QueueSnapshot;
const COLUMNS: readonly Column[] = ['waiting', 'mine', 'resolved'];

/** The column a card belongs in for this agent, or none (someone else's chat, ended ones). */
export function columnOf(card: QueueCardView, agentId: number): Column | null {
  if (card.status === 'queued') return 'waiting';
  if (card.status === 'active') return card.assignedAgent?.id === agentId ? 'mine' : null;
  if (card.status === 'resolved') return 'resolved';
  return null;
}

const resolvedOrder = (a: QueueCardView, b: QueueCardView) =>
  Date.parse(b.resolvedAt ?? '') - Date.parse(a.resolvedAt ?? '') || b.id - a.id;
const mineOrder = (a: QueueCardView, b: QueueCardView) =>
  Date.parse(a.claimedAt ?? '') - Date.parse(b.claimedAt ?? '') || a.id - b.id;

/**
 * Whether the card was in the column: it is in the cached page, or the page holds the whole
 * column and it is not there; `null` when only part of the column is cached and the card is
 * not in it. Resolved is a final status, so a card that is not resolved never was; and a
 * resolved card newer than the page's newest was resolved after the page was read.
 */
function wasIn(result: QueueResult, column: Column, card: QueueCardView): boolean | null {
  const cards = result.data[column];
  if (cards.some((cached) => cached.id === card.id)) return true;
  if (cards.length >= result.meta.counts[column]) return false;
  if (column === 'resolved' && (card.status !== 'resolved' || (cards.length > 0 && resolvedOrder(card, cards[0]) < 0))) return false;
  return null;
}

/**
 * The column's page with the card in its place, at most `pageSize` cards. `complete`: the page
 * holds the whole column; otherwise a card whose place is past the page's last card is left
 * out, since the cards between are not cached.
 */
function placed(others: QueueCardView[], card: QueueCardView, column: Column, pageSize: number, complete: boolean): QueueCardView[] {
  let index: number;
  if (column === 'waiting') {
    index = Math.min((card.position ?? 1) - 1, others.length);
  } else {
    const order = column === 'mine' ? mineOrder : resolvedOrder;
    const after = others.findIndex((cached) => order(card, cached) < 0);
    index = after < 0 ? others.length : after;
  }
  if (index >= others.length && !complete) return others;
  const page = [...others.slice(0, index), card, ...others.slice(index)].slice(0, pageSize);
  return column === 'waiting' ? numbered(page) : page;
}

/** The cached waiting page is the start of the line: each card's place is its index. */
const numbered = (waiting: QueueCardView[]): QueueCardView[] =>
  waiting.map((card, index) => (card.position === index + 1 ? card : { ...card, position: index + 1 }));

/**
 * The snapshot after `card` changed, or `null` when the cached pages cannot say (refetch).
 * `pageSize` is the page size the snapshot was asked with.
 */
export function applyCardToQueue(result: QueueResult, card: QueueCardView, pageSize: number): QueueResult | null {
  const target = columnOf(card, result.meta.agentId);
  if (target === 'waiting' && card.position === null) return null;
  const data = { ...result.data };
  const counts = { ...result.meta.counts };
  for (const column of COLUMNS) {
    const before = wasIn(result, column, card);
    if (before === null) return null;
    const after = column === target;
    if (!before && !after) continue;
    counts[column] += Number(after) - Number(before);
    const others = result.data[column].filter((cached) => cached.id !== card.id);
    if (after) data[column] = placed(others, card, column, pageSize, others.length >= counts[column] - 1);
    else data[column] = column === 'waiting' ? numbered(others) : others;
  }
  return { ...result, data, meta: { ...result.meta, counts } };
}
