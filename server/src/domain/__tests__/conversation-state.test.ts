import { CONVERSATION_STATUSES, EVENT_KINDS, type ConversationStatus } from '../conversation-status';
import {
  CONVERSATION_ACTIONS,
  EVENT_KIND_FOR_ACTION,
  TransitionError,
  allowedFromStatuses,
  canApply,
  nextStatus,
  type ConversationAction,
} from '../conversation-state';

/** The whole allowed set, written out independently of the module's table. */
const ALLOWED: ReadonlyArray<[ConversationStatus, ConversationAction, ConversationStatus]> = [
  ['bot', 'escalate', 'queued'],
  ['bot', 'go_offline', 'offline'],
  ['queued', 'go_offline', 'offline'],
  ['queued', 'claim', 'active'],
  ['active', 'transfer_to_queue', 'queued'],
  ['active', 'transfer_to_agent', 'active'],
  ['active', 'resolve', 'resolved'],
  ['queued', 'abandon', 'abandoned'],
  ['bot', 'end', 'ended'],
];

function expectedTarget(from: ConversationStatus, action: ConversationAction): ConversationStatus | undefined {
  return ALLOWED.find(([status, candidate]) => status === from && candidate === action)?.[2];
}

const EVERY_PAIR = CONVERSATION_STATUSES.flatMap((from) =>
  CONVERSATION_ACTIONS.map((action) => [from, action, expectedTarget(from, action)] as const),
);

describe('every (status, action) pair', () => {
  it('covers all 7 × 8 pairs', () => {
    expect(EVERY_PAIR).toHaveLength(56);
  });

  it.each(EVERY_PAIR)('%s + %s → %s', (from, action, to) => {
    expect(canApply(from, action)).toBe(to !== undefined);
    if (to !== undefined) {
      expect(nextStatus(from, action)).toBe(to);
      return;
    }
    let thrown: unknown;
    try {
      nextStatus(from, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TransitionError);
    const transitionError = thrown as TransitionError;
    expect(transitionError.code).toBe('INVALID_TRANSITION');
    expect(transitionError.from).toBe(from);
    expect(transitionError.action).toBe(action);
  });
});

describe('terminal statuses', () => {
  it.each(['resolved', 'offline', 'abandoned', 'ended'] as const)('%s accepts no action', (status) => {
    expect(CONVERSATION_ACTIONS.filter((action) => canApply(status, action))).toEqual([]);
  });
});

describe('TransitionError', () => {
  it('reads as a sentence an agent can understand', () => {
    const error = new TransitionError('resolved', 'claim');
    expect(error.message).toBe('cannot claim a conversation that is resolved');
    expect(error.name).toBe('TransitionError');
    expect(error).toBeInstanceOf(Error);
  });

  it('spells multi-word actions with spaces', () => {
    expect(new TransitionError('bot', 'transfer_to_queue').message).toBe(
      'cannot transfer to queue a conversation that is bot',
    );
  });
});

describe('allowedFromStatuses', () => {
  it.each([
    ['escalate', ['bot']],
    ['go_offline', ['bot', 'queued']],
    ['claim', ['queued']],
    ['transfer_to_queue', ['active']],
    ['transfer_to_agent', ['active']],
    ['resolve', ['active']],
    ['abandon', ['queued']],
  ] as const)('%s may start from %j', (action, statuses) => {
    expect(allowedFromStatuses(action)).toEqual(statuses);
  });

  it('agrees with canApply for every action', () => {
    for (const action of CONVERSATION_ACTIONS) {
      const viaCanApply = CONVERSATION_STATUSES.filter((status) => canApply(status, action));
      expect(allowedFromStatuses(action)).toEqual(viaCanApply);
    }
  });

  it('returns a fresh array the caller may change', () => {
    allowedFromStatuses('go_offline').push('resolved');
    expect(allowedFromStatuses('go_offline')).toEqual(['bot', 'queued']);
  });
});

describe('EVENT_KIND_FOR_ACTION', () => {
  it.each([
    ['escalate', 'escalated'],
    ['go_offline', 'offline'],
    ['claim', 'claimed'],
    ['transfer_to_queue', 'transferred'],
    ['transfer_to_agent', 'transferred'],
    ['resolve', 'resolved'],
    ['abandon', 'abandoned'],
  ] as const)('%s is recorded as %s', (action, kind) => {
    expect(EVENT_KIND_FOR_ACTION[action]).toBe(kind);
  });

  it('maps only to known event kinds', () => {
    for (const kind of Object.values(EVENT_KIND_FOR_ACTION)) expect(EVENT_KINDS).toContain(kind);
  });
});
