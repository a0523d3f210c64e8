import type { Core } from '@strapi/strapi';

import { KnowledgeIndex, type KnowledgeEntry, type KnowledgeMatch } from '../bots/knowledge-index';
import type { BotSettings } from '../contracts/settings';
import type { KnowledgeContextItem } from '../contracts/views';
import { analyzeWordsForSearch } from '../domain/search-terms';
import { ValidationError } from '../errors';
import { getService } from '../utils/get-service';

type KnowledgeBaseSettings = BotSettings['knowledgeBase'];

const TEXT_FIELD_TYPES = new Set(['string', 'text', 'richtext', 'blocks', 'email', 'uid']);
/** Another node may have changed the collection: look for that at most this often. */
const FINGERPRINT_INTERVAL_MS = 5000;
const EXCERPT_LENGTH = 240;

/** Plain text out of a string, Markdown-ish rich text or Strapi 5 blocks. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  if (value && typeof value === 'object') {
    const node = value as { text?: unknown; children?: unknown };
    if (typeof node.text === 'string') return node.text;
    if (node.children) return textOf(node.children);
  }
  return '';
}

function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/**
 * The knowledge base: a site owner's collection (an FAQ, say) indexed for full-text search.
 * The index is rebuilt when the collection changes: at once on this node (database
 * lifecycles), and within seconds when another node changed it (a cheap fingerprint query).
 */
const knowledgeBaseService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { configKey: string; fingerprint: string; index: KnowledgeIndex; checkedAt: number } | null = null;
  let dirty = false;
  let subscribed = false;

  const configKey = (settings: KnowledgeBaseSettings) =>
    JSON.stringify([settings.contentType, settings.titleField, settings.bodyField, settings.languageField]);

  async function fingerprint(uid: string): Promise<string> {
    const query = strapi.db.query(uid as never);
    const [count, latest] = await Promise.all([
      query.count({}),
      query.findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) as Promise<{ updatedAt?: unknown } | null>,
    ]);
    return `${count}:${String(latest?.updatedAt ?? '')}`;
  }

  async function loadEntries(settings: KnowledgeBaseSettings & { contentType: string }): Promise<KnowledgeEntry[]> {
    const contentType = strapi.contentType(settings.contentType as never) as { options?: { draftAndPublish?: boolean } };
    const fields = [settings.titleField, settings.bodyField, ...(settings.languageField ? [settings.languageField] : [])];
    const rows = (await strapi.documents(settings.contentType as never).findMany({
      fields,
      limit: 10_000,
      ...(contentType.options?.draftAndPublish ? { status: 'published' } : {}),
    } as never)) as unknown as Array<Record<string, unknown>>;
    return rows
      .map((row) => ({
        id: String(row.documentId),
        title: textOf(row[settings.titleField]).trim(),
        body: textOf(row[settings.bodyField]).trim(),
        language: settings.languageField ? ((row[settings.languageField] as string | null) ?? null) : null,
      }))
      .filter((entry) => entry.title || entry.body);
  }

  return {
    /** Rebuild on any change to the configured collection made through this node. */
    subscribeToChanges(): void {
      if (subscribed) return;
      subscribed = true;
      strapi.db.lifecycles.subscribe((event: { model: { uid: string }; action: string }) => {
        if (!/^after(Create|Update|Delete)(Many)?$/.test(event.action)) return;
        if (cached && event.model.uid === JSON.parse(cached.configKey)[0]) dirty = true;
      });
    },

    /** Checks that a configuration names a collection type with text fields, else 400. */
    validateConfiguration(settings: KnowledgeBaseSettings): void {
      if (!settings.contentType) return;
      const contentType = strapi.contentType(settings.contentType as never) as
        | { kind: string; attributes: Record<string, { type: string }> }
        | undefined;
      if (!contentType || contentType.kind !== 'collectionType') {
        throw new ValidationError(`bot.knowledgeBase.contentType: no collection type ${settings.contentType}`);
      }
      for (const [key, field] of [
        ['titleField', settings.titleField],
        ['bodyField', settings.bodyField],
        ['languageField', settings.languageField],
      ] as const) {
        if (!field) continue;
        const attribute = contentType.attributes[field];
        const acceptable = key === 'languageField' ? ['string', 'enumeration'] : [...TEXT_FIELD_TYPES];
        if (!attribute || !acceptable.includes(attribute.type)) {
          throw new ValidationError(`bot.knowledgeBase.${key}: ${settings.contentType} has no text field "${field}"`);
        }
      }
    },

    /** The current index, or null when no usable collection is configured. */
    async index(): Promise<KnowledgeIndex | null> {
      const { knowledgeBase } = (await getService('settings', { strapi }).get()).bot;
      if (!knowledgeBase.contentType || !strapi.contentType(knowledgeBase.contentType as never)) return null;
      const settings = { ...knowledgeBase, contentType: knowledgeBase.contentType };
      const key = configKey(settings);
      const now = Date.now();

      if (cached && cached.configKey === key && !dirty && now - cached.checkedAt < FINGERPRINT_INTERVAL_MS) {
        return cached.index;
      }
      const current = await fingerprint(settings.contentType);
      if (cached && cached.configKey === key && !dirty && cached.fingerprint === current) {
        cached.checkedAt = now;
        return cached.index;
      }
      dirty = false;
      const index = new KnowledgeIndex(await loadEntries(settings), analyzeWordsForSearch);
      cached = { configKey: key, fingerprint: current, index, checkedAt: now };
      return index;
    },

    async find(question: string, language: string | null, limit = 5): Promise<KnowledgeMatch[]> {
      const index = await this.index();
      return index ? index.find(question, { language, limit }) : [];
    },

    /** Entries that match what the customer has written so far, for the agent's side panel. */
    async contextFor(conversationId: number): Promise<KnowledgeContextItem[]> {
      const { contentType } = (await getService('settings', { strapi }).get()).bot.knowledgeBase;
      const conversation = await getService('conversations', { strapi }).find(conversationId);
      const customerMessages = (await strapi.db.query('plugin::live-support.message').findMany({
        where: { conversationId, authorKind: 'customer' },
        orderBy: { seq: 'desc' },
        limit: 5,
      })) as Array<{ text: string }>;
      if (!contentType || customerMessages.length === 0) return [];
      const question = customerMessages.map((message) => message.text).join('\n');
      const matches = await this.find(question, conversation.language, 5);
      return matches.map((match) => ({
        documentId: match.id,
        title: match.title,
        excerpt: excerptOf(match.body),
        confidence: Number(match.confidence.toFixed(2)),
        adminUrl: `/admin/content-manager/collection-types/${contentType}/${match.id}`,
      }));
    },
  };
};

export default knowledgeBaseService;
