/**
 * Chat seats: how many conversations an agent may hold at once. Pure; the services count active
 * chats and read presence, this module only does the arithmetic and the refusal.
 */

import type { PresenceStatus } from './conversation-status';

export { PRESENCE_STATUSES, type PresenceStatus } from './conversation-status';

export interface AgentLoad {
  agentId: number;
  presence: PresenceStatus;
  activeChats: number;
  maxSeats: number;
}

export function hasFreeSeat(activeChats: number, maxSeats: number): boolean {
  return activeChats < maxSeats;
}

/**
 * Free seats over agents who can take a chat now. An away agent keeps their chats but takes no
 * new ones, so their free seats would promise pickups that will not happen. An agent over their
 * limit (the limit was lowered mid-shift) counts as zero, never as negative, so they cannot hide
 * a colleague's free seats.
 */
export function totalFreeSeats(agents: readonly AgentLoad[]): number {
  return agents
    .filter((agent) => agent.presence === 'online')
    .reduce((sum, agent) => sum + Math.max(0, agent.maxSeats - agent.activeChats), 0);
}

export function countOnline(agents: readonly AgentLoad[]): number {
  return agents.filter((agent) => agent.presence === 'online').length;
}

export class SeatLimitError extends Error {
  readonly code = 'SEAT_LIMIT';

  constructor(
    readonly activeChats: number,
    readonly maxSeats: number,
  ) {
    super(`all ${maxSeats} chat seats are in use (${activeChats} active chats)`);
    this.name = 'SeatLimitError';
  }
}

/** Throws {@link SeatLimitError} when taking one more chat would exceed the agent's seats. */
export function assertFreeSeat(activeChats: number, maxSeats: number): void {
  if (!hasFreeSeat(activeChats, maxSeats)) throw new SeatLimitError(activeChats, maxSeats);
}
