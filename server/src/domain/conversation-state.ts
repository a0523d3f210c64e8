/**
 * The conversation state machine. Pure: the services persist a transition with a conditional
 * `UPDATE … WHERE status = <the status the action was checked against>`, so two agents racing to claim the
 * same conversation cannot both win; this module only says which moves are legal.
 */
import { CONVERSATION_STATUSES, type ConversationStatus, type EventKind } from './conversation-status';

export const CONVERSATION_ACTIONS = [
  'escalate',
  'go_offline',
  'claim',
  'transfer_to_queue',
  'transfer_to_agent',
  'resolve',
  'abandon',
  'end',
] as const;
export type ConversationAction = (typeof CONVERSATION_ACTIONS)[number];

/**
 * The single source of truth: for each action, the status it may start from and where it leads.
 * Anything not listed is refused, so a new status is closed to every action until added here.
 */
const TRANSITIONS: Record<ConversationAction, Partial<Record<ConversationStatus, ConversationStatus>>> = {
  escalate: { bot: 'queued' },
  // Escalating outside opening hours (or with nobody online) ends in the offline form, and a
  // queued customer still waiting at closing time is moved there too.
  go_offline: { bot: 'offline', queued: 'offline' },
  claim: { queued: 'active' },
  transfer_to_queue: { active: 'queued' },
  // Handing over to a named colleague keeps the chat live; only the assignee changes.
  transfer_to_agent: { active: 'active' },
  resolve: { active: 'resolved' },
  // Only a waiting customer can abandon: once an agent has claimed, the agent resolves.
  abandon: { queued: 'abandoned' },
  // A chat that stayed with the bot ends after a quiet time; it never involved a person.
  end: { bot: 'ended' },
};

export const EVENT_KIND_FOR_ACTION: Record<ConversationAction, EventKind> = {
  escalate: 'escalated',
  go_offline: 'offline',
  claim: 'claimed',
  transfer_to_queue: 'transferred',
  transfer_to_agent: 'transferred',
  resolve: 'resolved',
  abandon: 'abandoned',
  end: 'ended',
};

export class TransitionError extends Error {
  readonly code = 'INVALID_TRANSITION';

  constructor(
    readonly from: ConversationStatus,
    readonly action: ConversationAction,
  ) {
    super(`cannot ${action.replace(/_/g, ' ')} a conversation that is ${from}`);
    this.name = 'TransitionError';
  }
}

export function canApply(from: ConversationStatus, action: ConversationAction): boolean {
  return TRANSITIONS[action][from] !== undefined;
}

/** The status after `action`; throws {@link TransitionError} when `from` does not allow it. */
export function nextStatus(from: ConversationStatus, action: ConversationAction): ConversationStatus {
  const to = TRANSITIONS[action][from];
  if (to === undefined) throw new TransitionError(from, action);
  return to;
}

/** Statuses `action` may start from, in the canonical status order, for a conditional UPDATE. */
export function allowedFromStatuses(action: ConversationAction): ConversationStatus[] {
  return CONVERSATION_STATUSES.filter((status) => canApply(status, action));
}
