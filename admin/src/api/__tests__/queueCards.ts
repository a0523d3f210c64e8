import type { QueueCardView } from '../../shared';

/** A waiting card as the server sends it; tests change what they are about. */
export const card = (id: number, overrides: Partial<QueueCardView> = {}): QueueCardView => ({
  id,
  status: 'queued',
  isVip: false,
  priority: 0,
  language: 'en',
  escalationTrigger: 'button',
  escalationReason: null,
  customerName: `Customer ${id}`,
  assignedAgent: null,
  queuedAt: '2026-11-30T09:00:00.000Z',
  claimedAt: null,
  resolvedAt: null,
  csatScore: null,
  position: null,
  estimatedWaitSeconds: null,
  lastMessage: null,
  waitingSince: '2026-11-30T09:00:00.000Z',
  maxWaitMinutes: 0,
  ...overrides,
});
