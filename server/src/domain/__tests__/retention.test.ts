import {
  anonymisedConversationPatch,
  anonymisedEventData,
  anonymisedOfflineMessagePatch,
  ERASED_TEXT,
  isConversationExpired,
  isOfflineMessageExpired,
  lastTouchedAt,
  lookupKindOf,
  normaliseLookup,
  openConversationIds,
  phoneDigits,
  retentionCutoff,
  type ConversationRetentionFacts,
} from '../retention';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-30T02:00:00Z');

const closed = (overrides: Partial<ConversationRetentionFacts> = {}): ConversationRetentionFacts => ({
  status: 'resolved',
  createdAt: at('2026-01-01T10:00:00Z'),
  lastActivityAt: at('2026-01-01T10:30:00Z'),
  resolvedAt: at('2026-01-01T10:30:00Z'),
  abandonedAt: null,
  offlineAt: null,
  csatAt: null,
  ...overrides,
});

describe('retention cutoff', () => {
  it('is off at 0 days and counts whole days back from now otherwise', () => {
    expect(retentionCutoff(NOW, { keepDays: 0 })).toBeNull();
    expect(retentionCutoff(NOW, { keepDays: 30 })).toEqual(at('2026-10-31T02:00:00Z'));
  });
});

describe('which conversations have expired', () => {
  const cutoff = at('2026-06-01T00:00:00Z');

  it('expires closed conversations last touched before the cutoff', () => {
    expect(isConversationExpired(closed(), cutoff)).toBe(true);
    expect(isConversationExpired(closed({ status: 'abandoned', resolvedAt: null, abandonedAt: at('2026-01-01T10:30:00Z') }), cutoff)).toBe(true);
    expect(isConversationExpired(closed({ status: 'offline', resolvedAt: null, offlineAt: at('2026-01-01T10:30:00Z') }), cutoff)).toBe(true);
  });

  it('never expires a conversation still going on, however old', () => {
    for (const status of ['bot', 'queued', 'active'] as const) expect(isConversationExpired(closed({ status }), cutoff)).toBe(false);
  });

  it('counts from the last time the row was touched: a late rating keeps it', () => {
    const ratedLate = closed({ csatAt: at('2026-07-01T00:00:00Z') });
    expect(lastTouchedAt(ratedLate)).toEqual(at('2026-07-01T00:00:00Z'));
    expect(isConversationExpired(ratedLate, cutoff)).toBe(false);
  });

  it('keeps a row touched exactly at the cutoff until the next run', () => {
    expect(isConversationExpired(closed({ lastActivityAt: cutoff, resolvedAt: cutoff }), cutoff)).toBe(false);
  });

  it('expires offline messages once left and answered before the cutoff', () => {
    expect(isOfflineMessageExpired({ createdAt: at('2026-01-01T00:00:00Z'), repliedAt: null }, cutoff)).toBe(true);
    expect(isOfflineMessageExpired({ createdAt: at('2026-01-01T00:00:00Z'), repliedAt: at('2026-06-02T00:00:00Z') }, cutoff)).toBe(false);
    expect(isOfflineMessageExpired({ createdAt: null, repliedAt: null }, cutoff)).toBe(false);
  });
});

describe('what anonymising changes', () => {
  it('removes who the customer is and their words from a conversation, keeping what analytics counts', () => {
    const patch = anonymisedConversationPatch(NOW);
    expect(patch).toEqual({
      customerName: null,
      customerEmail: null,
      customerPhone: null,
      externalId: null,
      metadata: null,
      escalationReason: null,
      csatComment: null,
      customerAddressKey: null,
      anonymisedAt: NOW,
    });
    for (const kept of ['status', 'createdAt', 'resolvedAt', 'escalationTrigger', 'csatScore', 'assignedAgentId', 'lastMessageSeq']) {
      expect(patch).not.toHaveProperty(kept);
    }
  });

  it('removes an offline message’s sender and texts, keeping its status and times', () => {
    expect(anonymisedOfflineMessagePatch(NOW)).toEqual({
      name: null,
      email: null,
      phone: null,
      message: ERASED_TEXT,
      replyText: null,
      anonymisedAt: NOW,
    });
  });

  it('removes free texts from event data and keeps the rest', () => {
    expect(anonymisedEventData('escalated', { trigger: 'phrase', reason: 'I am Maija, call me' })).toEqual({ trigger: 'phrase', reason: null });
    expect(anonymisedEventData('transferred', { fromAgentId: 1, toAgentId: 2, note: 'VIP' })).toEqual({ fromAgentId: 1, toAgentId: 2, note: null });
    expect(anonymisedEventData('claimed', { waitSeconds: 12 })).toBeNull();
    expect(anonymisedEventData('escalated', { trigger: 'button', reason: null })).toBeNull();
    expect(anonymisedEventData('escalated', null)).toBeNull();
  });
});

describe('finding a customer', () => {
  it('matches emails whatever their case and phones by their digits', () => {
    expect(normaliseLookup({ email: '  Maija.Meikalainen@Example.COM ' })).toEqual({ kind: 'email', value: 'maija.meikalainen@example.com' });
    expect(normaliseLookup({ phone: '+358 (40) 123-4567' })).toEqual({ kind: 'phone', value: '358401234567' });
    expect(phoneDigits('040/123.45 67')).toBe('0401234567');
    expect(normaliseLookup({ externalId: ' crm-42 ' })).toEqual({ kind: 'externalId', value: 'crm-42' });
    expect(lookupKindOf({ externalId: 'x' })).toBe('externalId');
  });

  it('names the conversations an erasure must wait for', () => {
    expect(
      openConversationIds([
        { id: 1, status: 'resolved' },
        { id: 2, status: 'active' },
        { id: 3, status: 'queued' },
        { id: 4, status: 'bot' },
        { id: 5, status: 'abandoned' },
      ]),
    ).toEqual([2, 3, 4]);
  });
});
