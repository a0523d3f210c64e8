import type { AgentPresenceView, PresenceStatus } from '../../types';

const STATUS_ORDER: Record<PresenceStatus, number> = { online: 0, away: 1, offline: 2 };

/** Online first, then away, then offline; by name within each. */
export const sortAgents = (agents: AgentPresenceView[]): AgentPresenceView[] =>
  [...agents].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name) || a.agentId - b.agentId,
  );

/** Replaces the agent's row, or adds it when the agent was not listed yet. */
export const upsertAgent = (agents: AgentPresenceView[], presence: AgentPresenceView): AgentPresenceView[] =>
  agents.some((agent) => agent.agentId === presence.agentId)
    ? agents.map((agent) => (agent.agentId === presence.agentId ? presence : agent))
    : [...agents, presence];

/**
 * Online agents and the chats they can still take. Away agents keep their chats but take no new
 * ones, as the server counts them for the estimated wait (docs/protocol.md, Presence).
 */
export const summarizeAgents = (agents: AgentPresenceView[]) => ({
  total: agents.length,
  online: agents.filter((agent) => agent.status === 'online').length,
  freeSeats: agents
    .filter((agent) => agent.status === 'online')
    .reduce((sum, agent) => sum + Math.max(0, agent.maxSeats - agent.activeChats), 0),
});
