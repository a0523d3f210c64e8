import type { QueueCardView } from '../../shared';
import type { QueueResult } from '../cachePatches';
import { applyCardToQueue, columnOf } from '../queueCardPatch';

import { card } from './queueCards';

const ME = 1;
const COLLEAGUE = 2;

const waiting = (id: number, position: number) => card(id, { position });
const mine = (id: number, claimedAt: string) =>
  card(id, { status: 'active', assignedAgent: { id: ME, name: 'Aino' }, claimedAt });
const resolved = (id: number, resolvedAt: string) => card(id, { status: 'resolved', resolvedAt });

const snapshot = (
  columns: { waiting?: QueueCardView[]; mine?: QueueCardView[]; resolved?: QueueCardView[] },
  counts: Partial<QueueResult['meta']['counts']> = {},
): QueueResult => {
  const data = { waiting: columns.waiting ?? [], mine: columns.mine ?? [], resolved: columns.resolved ?? [] };
  return {
    data,
    meta: {
      counts: { waiting: data.waiting.length, mine: data.mine.length, resolved: data.resolved.length, ...counts },
      resolvedCountCapped: false,
      pagination: { page: 1, pageSize: 100, nextBefore: null },
      agentId: ME,
      serverTime: '2026-11-30T09:00:00.000Z',
    },
    clockOffsetMs: 0,
  };
};
const ids = (cards: QueueCardView[]) => cards.map((item) => item.id);

describe('columnOf', () => {
  it('files a card by its status, and an active one by whose it is', () => {
    expect(columnOf(card(1), ME)).toBe('waiting');
    expect(columnOf(mine(1, '2026-11-30T09:00:00.000Z'), ME)).toBe('mine');
    expect(columnOf(card(1, { status: 'active', assignedAgent: { id: COLLEAGUE, name: 'Elias' } }), ME)).toBeNull();
    expect(columnOf(resolved(1, '2026-11-30T09:00:00.000Z'), ME)).toBe('resolved');
    expect(columnOf(card(1, { status: 'abandoned' }), ME)).toBeNull();
  });
});

describe('applyCardToQueue', () => {
  it('puts a newly waiting customer at their place and counts them', () => {
    const before = snapshot({ waiting: [waiting(1, 1), waiting(2, 2)] });
    const after = applyCardToQueue(before, waiting(3, 2), 100);
    expect(after && ids(after.data.waiting)).toEqual([1, 3, 2]);
    expect(after?.data.waiting.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(after?.meta.counts.waiting).toBe(3);
  });

  it('moves a claimed card from waiting to mine, oldest claim first', () => {
    const before = snapshot({ waiting: [waiting(1, 1), waiting(2, 2)], mine: [mine(5, '2026-11-30T08:00:00.000Z')] });
    const after = applyCardToQueue(before, mine(1, '2026-11-30T09:30:00.000Z'), 100);
    expect(after && ids(after.data.waiting)).toEqual([2]);
    expect(after?.data.waiting[0].position).toBe(1);
    expect(after && ids(after.data.mine)).toEqual([5, 1]);
    expect(after?.meta.counts).toEqual({ waiting: 1, mine: 2, resolved: 0 });
  });

  it('takes a card a colleague claimed out of the queue without putting it anywhere', () => {
    const before = snapshot({ waiting: [waiting(1, 1), waiting(2, 2)] });
    const after = applyCardToQueue(before, card(2, { status: 'active', assignedAgent: { id: COLLEAGUE, name: 'Elias' } }), 100);
    expect(after && ids(after.data.waiting)).toEqual([1]);
    expect(after?.meta.counts.waiting).toBe(1);
  });

  it('puts a resolved card on top of a long resolved column and counts it', () => {
    const before = snapshot(
      { mine: [mine(7, '2026-11-30T08:00:00.000Z')], resolved: [resolved(4, '2026-11-30T08:30:00.000Z'), resolved(3, '2026-11-30T08:00:00.000Z')] },
      { resolved: 40_000 },
    );
    const after = applyCardToQueue(before, resolved(7, '2026-11-30T09:00:00.000Z'), 2);
    expect(after && ids(after.data.mine)).toEqual([]);
    expect(after && ids(after.data.resolved)).toEqual([7, 4]);
    expect(after?.meta.counts).toEqual({ waiting: 0, mine: 0, resolved: 40_001 });
  });

  it('updates a card in place when it stays in its column', () => {
    const before = snapshot({ waiting: [waiting(1, 1), waiting(2, 2)] });
    const after = applyCardToQueue(before, waiting(2, 1), 100);
    expect(after && ids(after.data.waiting)).toEqual([2, 1]);
    expect(after?.meta.counts.waiting).toBe(2);
    const renamed = applyCardToQueue(before, { ...waiting(1, 1), customerName: 'Maija' }, 100);
    expect(renamed?.data.waiting[0].customerName).toBe('Maija');
  });

  it('leaves out a card whose place is past a partly cached page, but counts it', () => {
    const before = snapshot({ waiting: [waiting(1, 1), waiting(2, 2)] }, { waiting: 2 });
    const after = applyCardToQueue(before, waiting(3, 3), 2);
    expect(after && ids(after.data.waiting)).toEqual([1, 2]);
    expect(after?.meta.counts.waiting).toBe(3);
  });

  it('cannot tell about a card missing from a partly cached column: refetch', () => {
    const longQueue = snapshot({ waiting: [waiting(1, 1), waiting(2, 2)] }, { waiting: 150 });
    expect(applyCardToQueue(longQueue, waiting(140, 140), 2)).toBeNull();
    expect(applyCardToQueue(longQueue, card(140, { status: 'abandoned' }), 2)).toBeNull();
    // An older resolved card (a rating, say) may be anywhere in the column below the page.
    const longResolved = snapshot({ resolved: [resolved(9, '2026-11-30T09:00:00.000Z')] }, { resolved: 500 });
    expect(applyCardToQueue(longResolved, resolved(3, '2026-11-01T09:00:00.000Z'), 1)).toBeNull();
  });

  it('ignores a change that is in none of this agent’s columns', () => {
    const before = snapshot({ waiting: [waiting(1, 1)] }, { resolved: 500 });
    const after = applyCardToQueue(before, card(8, { status: 'offline' }), 100);
    expect(after?.data).toEqual(before.data);
    expect(after?.meta.counts).toEqual(before.meta.counts);
  });

  it('asks for a refetch for a waiting card without a place', () => {
    expect(applyCardToQueue(snapshot({}), card(1), 100)).toBeNull();
  });
});
