/** Room names, in one place so that every emitter and joiner agrees. */
export const rooms = {
  /** Everyone watching one conversation: its customer on /widget, its agents on /agent. */
  conversation: (conversationId: number) => `conversation:${conversationId}`,
  /** Every socket of one agent, on any node. */
  agent: (agentId: number) => `agent:${agentId}`,
  /** Every agent allowed to read the queue. */
  agents: 'agents',
};
