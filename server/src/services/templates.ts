import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { TemplateCategory } from '../domain/conversation-status';
import { templatesForConversation, type RenderedTemplate } from '../domain/templates';
import { getService } from '../utils/get-service';
import { visibleToAgent } from './canned-replies';

/** Upper bound on templates offered in the reply box; site owners keep dozens, not thousands. */
const MAX_TEMPLATES = 200;

/** Message templates (the shared ones and the agent's own), filled in for one agent and conversation. */
const templatesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async forConversation(conversationId: number, agentId: number): Promise<RenderedTemplate[]> {
    const conversation = await getService('conversations', { strapi }).find(conversationId);
    const [rows, agentName] = await Promise.all([
      strapi.db.query(UID.template).findMany({
        select: ['id', 'name', 'category', 'language', 'body'],
        // Another agent's personal replies are theirs alone.
        where: visibleToAgent(agentId),
        orderBy: [{ id: 'asc' }],
        limit: MAX_TEMPLATES,
      }) as Promise<Array<{ id: number; name: string; category: TemplateCategory; language: string; body: string }>>,
      getService('agents', { strapi }).displayName(agentId),
    ]);
    return templatesForConversation(rows, conversation.language, {
      agentName: agentName ?? undefined,
      customerName: conversation.customerName ?? undefined,
    });
  },
});

export default templatesService;
