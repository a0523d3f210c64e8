/**
 * Agent presence that survives a node's crash. Each node keeps one connection row per agent
 * whose desk sockets it holds, with a `liveUntil` time: pushed forward while the sockets are
 * open (the node's heartbeat) and set to "now + grace" when the last of them closes. An agent
 * is connected while any of their rows is live; a node that dies simply stops renewing its
 * rows. Pure: the times and the rows are passed in.
 */
import type { PresenceStatus } from './seats';

export interface PresenceTiming {
  /** How long an agent stays online after their last desk socket closed. */
  graceMs: number;
  /** How often each node renews the rows of the sockets it holds. */
  heartbeatMs: number;
}

/** Missed heartbeats tolerated before a node's rows count as its last sign of life. */
export const HEARTBEATS_TOLERATED = 3;

/**
 * Until when a row renewed at `now` with sockets open stays live. If the node dies right
 * after, the agent stays online for the grace period from this last sign of life; never less
 * than a few heartbeats, so that a slow heartbeat does not bounce a connected agent.
 */
export function connectedLiveUntil(now: Date, timing: PresenceTiming): Date {
  return new Date(now.getTime() + Math.max(timing.graceMs, HEARTBEATS_TOLERATED * timing.heartbeatMs));
}

/** Until when a row stays live after its node's last socket of that agent closed at `now`. */
export function disconnectedLiveUntil(now: Date, timing: PresenceTiming): Date {
  return new Date(now.getTime() + timing.graceMs);
}

export interface AgentPresenceFact {
  agentId: number;
  presence: PresenceStatus;
}

export interface ConnectionFact {
  agentId: number;
  liveUntil: Date;
}

/**
 * The agents to turn offline at `now`: online or away, with connection rows and none of them
 * live. An agent with no row at all never had their presence from a desk socket (set through
 * the REST API only) and keeps it; an agent who chose offline is already there.
 */
export function agentsToTurnOffline(
  agents: readonly AgentPresenceFact[],
  connections: readonly ConnectionFact[],
  now: Date,
): number[] {
  const tracked = new Set<number>();
  const live = new Set<number>();
  for (const connection of connections) {
    tracked.add(connection.agentId);
    if (connection.liveUntil.getTime() > now.getTime()) live.add(connection.agentId);
  }
  return agents
    .filter((agent) => agent.presence !== 'offline' && tracked.has(agent.agentId) && !live.has(agent.agentId))
    .map((agent) => agent.agentId);
}
