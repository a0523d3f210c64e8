import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import type { CannedReplyContent, CannedReplyCreate, CannedReplyView } from '../contracts/canned-replies';
import {
  formatOpening,
  mayChangeReply,
  orderReplies,
  renderReply,
  shortcutFromTitle,
  type CannedReply,
  type ReplyLanguage,
  type ReplyValues,
} from '../domain/canned-replies';
import { nextOpeningAt } from '../domain/opening-hours';
import { conflict, forbidden, NotFoundError } from '../errors';
import { getService } from '../utils/get-service';

/** Upper bound on the replies one agent sees (shared and their own); teams keep dozens, not thousands. */
const MAX_REPLIES = 400;

/** The agent asking, and whether their role may manage the team's shared replies (`settings`). */
export interface ReplyAgent {
  id: number;
  canManageShared: boolean;
}

interface TemplateRow {
  id: number;
  documentId: string;
  name: string;
  language: string;
  body: string;
  shortcut: string | null;
  ownerId: number | null;
}

const COLUMNS = ['id', 'documentId', 'name', 'language', 'body', 'shortcut', 'ownerId'];

/** A stored template as a reply; rows from before shortcuts existed get one made from the title. */
const toReply = (row: TemplateRow): CannedReply => ({
  id: row.id,
  ownerId: row.ownerId ?? null,
  shortcut: row.shortcut || shortcutFromTitle(row.name),
  title: row.name,
  text: row.body,
  language: row.language as ReplyLanguage,
});

/** Where replies of one owner live: the shared ones (owner `null`) or one agent's. */
const scopeWhere = (ownerId: number | null) => ({ ownerId: ownerId === null ? { $null: true } : ownerId });

/** The templates one agent may see: the shared ones and their own. */
export const visibleToAgent = (agentId: number) => ({ $or: [scopeWhere(null), scopeWhere(agentId)] });

/**
 * Canned replies (stored as message templates): shared ones managed with the `settings`
 * permission, personal ones by their owner. Another agent's personal reply is never shown nor
 * changed: for everyone else it does not exist (404).
 */
const cannedRepliesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.template);

  const visibleRows = (agentId: number) =>
    query().findMany({
      select: COLUMNS,
      where: visibleToAgent(agentId),
      orderBy: [{ id: 'asc' }],
      limit: MAX_REPLIES,
    }) as Promise<TemplateRow[]>;

  /** The values a conversation fills in; without one, none (the fallbacks apply). */
  const valuesFor = async (conversationId: number | undefined, agentId: number) => {
    if (conversationId === undefined) return { language: null, values: {} as ReplyValues, timeZone: null, next: null };
    const conversation = await getService('conversations', { strapi }).find(conversationId);
    const [agentName, hours] = await Promise.all([
      getService('agents', { strapi }).displayName(agentId),
      getService('openingHours', { strapi }).get(),
    ]);
    return {
      language: conversation.language,
      values: { customerName: conversation.customerName, agentName } as ReplyValues,
      timeZone: hours.timeZone,
      next: nextOpeningAt(hours, new Date()),
    };
  };

  /** A reply the agent may change, or the refusal: 404 when not theirs to see, 403 when shared and they lack `settings`. */
  const changeable = async (agent: ReplyAgent, id: number): Promise<TemplateRow> => {
    const row = (await query().findOne({ select: COLUMNS, where: { id } })) as TemplateRow | null;
    const verdict = row ? mayChangeReply({ ownerId: row.ownerId ?? null }, agent) : 'hidden';
    if (!row || verdict === 'hidden') throw new NotFoundError('No such canned reply', { id });
    if (verdict === 'forbidden') {
      throw forbidden('Shared replies are managed with the settings permission', { code: 'FORBIDDEN', id });
    }
    return row;
  };

  const assertShortcutFree = async (ownerId: number | null, shortcut: string, exceptId?: number) => {
    const rows = (await query().findMany({ select: COLUMNS, where: scopeWhere(ownerId), limit: MAX_REPLIES })) as TemplateRow[];
    const taken = rows.some((row) => row.id !== exceptId && toReply(row).shortcut === shortcut);
    if (taken) {
      const scope = ownerId === null ? 'shared' : 'personal';
      throw conflict(`The ${scope} replies already have the shortcut /${shortcut}`, { code: 'SHORTCUT_TAKEN', shortcut, scope });
    }
  };

  const view = (agent: ReplyAgent, reply: CannedReply, rendered: string): CannedReplyView => ({
    id: reply.id,
    scope: reply.ownerId === null ? 'shared' : 'personal',
    shortcut: reply.shortcut,
    title: reply.title,
    text: reply.text,
    language: reply.language,
    rendered,
    editable: mayChangeReply(reply, agent) === 'allowed',
  });

  const byId = async (agent: ReplyAgent, id: number): Promise<CannedReplyView> => {
    const row = (await query().findOne({ select: COLUMNS, where: { id } })) as TemplateRow;
    const reply = toReply(row);
    return view(agent, reply, renderReply(reply.text, {}, reply.language));
  };

  return {
    /**
     * The shared replies and the agent's own, filled in for a conversation when one is given
     * (its language first), otherwise with the fallbacks, by language in the plugin's order.
     */
    async list(agent: ReplyAgent, conversationId?: number): Promise<CannedReplyView[]> {
      const [rows, context] = await Promise.all([visibleRows(agent.id), valuesFor(conversationId, agent.id)]);
      return orderReplies(rows.map(toReply), context.language).map((reply) => {
        const language = reply.language === 'all' ? (context.language ?? 'en') : reply.language;
        const nextOpening = context.next && context.timeZone ? formatOpening(context.next, context.timeZone, language) : null;
        return view(agent, reply, renderReply(reply.text, { ...context.values, nextOpening }, language));
      });
    },

    async create(agent: ReplyAgent, input: CannedReplyCreate): Promise<CannedReplyView> {
      if (input.scope === 'shared' && !agent.canManageShared) {
        throw forbidden('Shared replies are managed with the settings permission', { code: 'FORBIDDEN' });
      }
      const ownerId = input.scope === 'shared' ? null : agent.id;
      await assertShortcutFree(ownerId, input.shortcut);
      const created = (await strapi.documents(UID.template).create({
        data: { name: input.title, body: input.text, language: input.language, shortcut: input.shortcut, ownerId, category: 'other' },
      } as never)) as unknown as { id: number };
      return byId(agent, created.id);
    },

    async update(agent: ReplyAgent, id: number, content: CannedReplyContent): Promise<CannedReplyView> {
      const row = await changeable(agent, id);
      await assertShortcutFree(row.ownerId ?? null, content.shortcut, id);
      await strapi.documents(UID.template).update({
        documentId: row.documentId,
        data: { name: content.title, body: content.text, language: content.language, shortcut: content.shortcut },
      } as never);
      return byId(agent, id);
    },

    async remove(agent: ReplyAgent, id: number): Promise<void> {
      const row = await changeable(agent, id);
      await strapi.documents(UID.template).delete({ documentId: row.documentId } as never);
    },
  };
};

export default cannedRepliesService;
