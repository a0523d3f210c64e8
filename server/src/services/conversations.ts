import type { Core } from '@strapi/strapi';

import type { StartSessionInput, TransferInput } from '../contracts/conversation';
import type { AgentConversationView, MessageView, VisitorConversationView } from '../contracts/views';
import { getService } from '../utils/get-service';
import type { ConversationRow } from './conversation-store';
import type { EscalationRequest } from './escalation';

export type { Actor, ConversationRow } from './conversation-store';
export type { EscalationRequest } from './escalation';

/**
 * The public entry for host-app code (`strapi.plugin('live-support').service('conversations')`):
 * a custom bot, the site's own API, a script. Each method hands over to the service whose job
 * it is; the plugin's own code calls those services directly, never this one.
 */
const conversationsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  find(id: number): Promise<ConversationRow> {
    return getService('conversationStore', { strapi }).find(id);
  },

  /** Starts a chat as the widget does: the visitor token and the customer's view. */
  startSession(input: StartSessionInput, now?: Date): Promise<{ token: string; conversation: VisitorConversationView }> {
    return getService('customers', { strapi }).startSession(input, now);
  },

  /** Writes as the bot, while the bot has the conversation. */
  postBotMessage(id: number, input: { clientId: string; text: string }): Promise<MessageView> {
    return getService('chat', { strapi }).postBotMessage(id, input);
  },

  /** Hands the conversation to people: the queue, or the offline flow when nobody can take it. */
  escalate(id: number, request: EscalationRequest, now?: Date): Promise<VisitorConversationView> {
    return getService('escalation', { strapi }).escalate(id, request, now);
  },

  /** VIP flag and priority: VIP first in the queue, then higher priority. */
  setPriority(id: number, input: { isVip?: boolean; priority?: number }): Promise<void> {
    return getService('customers', { strapi }).setPriority(id, input);
  },

  claim(id: number, agentId: number, now?: Date): Promise<AgentConversationView> {
    return getService('assignment', { strapi }).claim(id, agentId, now);
  },

  transfer(id: number, agentId: number, input: TransferInput, now?: Date): Promise<AgentConversationView> {
    return getService('assignment', { strapi }).transfer(id, agentId, input, now);
  },

  resolve(id: number, agentId: number, now?: Date): Promise<AgentConversationView> {
    return getService('assignment', { strapi }).resolve(id, agentId, now);
  },

  visitorView(id: number): Promise<VisitorConversationView> {
    return getService('conversationViews', { strapi }).visitorView(id);
  },

  agentView(id: number): Promise<AgentConversationView> {
    return getService('conversationViews', { strapi }).agentView(id);
  },
});

export default conversationsService;
