import type { Core } from '@strapi/strapi';

import { KnowledgeIndex, type KnowledgeMatch } from '../bots/knowledge-index';
import type { BotSettings } from '../contracts/settings';
import type { KnowledgeContextItem } from '../contracts/views';
import { localeForLanguage } from '../domain/knowledge-locale';
import { knowledgeSourceProblem, type KnowledgeContentType } from '../domain/knowledge-source-rules';
import { matchStrength } from '../domain/knowledge-match';
import { analyzeWordsForSearch } from '../domain/search-terms';
import { ValidationError } from '../errors';
import { getService } from '../utils/get-service';
import type { KnowledgeCollection, KnowledgeSource } from './knowledge-entries';

type KnowledgeBaseSettings = BotSettings['knowledgeBase'];

/** Another node may have changed the collection: look for that at most this often. */
const FINGERPRINT_INTERVAL_MS = 5000;
const EXCERPT_LENGTH = 240;
/** The customer's latest messages the agents' panel reads. */
const CONTEXT_MESSAGES = 5;
/** Locales change rarely, but a new one changes which entries a language reads. */
const LOCALE_MODEL_UID = 'plugin::i18n.locale';

function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** One generation of indexes: valid while the collection's fingerprint and the settings hold. */
interface IndexGeneration {
  configKey: string;
  fingerprint: string;
  checkedAt: number;
  collection: KnowledgeCollection;
  /**
   * One index per locale read so far ('' for a collection that is not localized), built on first
   * use. At most one per conversation language and the default locale.
   */
  indexes: Map<string, Promise<KnowledgeIndex>>;
}

/**
 * The knowledge base: a site owner's collection (an FAQ, say) indexed for full-text search, one
 * index per locale when the collection is localized. The indexes are rebuilt when the
 * collection changes: at once on this node (database lifecycles), and within seconds when
 * another node changed it (a cheap fingerprint query).
 */
const knowledgeBaseService = ({ strapi }: { strapi: Core.Strapi }) => {
  let generation: IndexGeneration | null = null;
  let dirty = false;
  let subscribed = false;
  /** The last refusal logged, so that a refused configuration is logged once, not per message. */
  let refusedSource: string | null = null;
  const entries = () => getService('knowledgeEntries', { strapi });

  const configKey = (settings: KnowledgeBaseSettings) =>
    JSON.stringify([settings.contentType, settings.titleField, settings.bodyField, settings.languageField]);

  function problemOf(settings: KnowledgeBaseSettings) {
    if (!settings.contentType) return null;
    const contentType = strapi.contentType(settings.contentType as never) as KnowledgeContentType | undefined;
    return knowledgeSourceProblem(settings.contentType, contentType, settings);
  }

  /**
   * The named collection's settings, or null when none is named, it no longer exists, or it may
   * not feed the bot (settings saved before the rules narrowed are refused here too).
   */
  async function sourceOf(): Promise<KnowledgeSource | null> {
    const { knowledgeBase } = (await getService('settings', { strapi }).get()).bot;
    if (!knowledgeBase.contentType) return null;
    const problem = problemOf(knowledgeBase);
    if (problem) {
      if (problem.message !== refusedSource) strapi.log.warn(`[live-support] knowledge base not used: ${problem.message}`);
      refusedSource = problem.message;
      return null;
    }
    return { ...knowledgeBase, contentType: knowledgeBase.contentType };
  }

  async function currentGeneration(source: KnowledgeSource): Promise<IndexGeneration> {
    const key = configKey(source);
    const now = Date.now();
    if (generation && generation.configKey === key && !dirty && now - generation.checkedAt < FINGERPRINT_INTERVAL_MS) {
      return generation;
    }
    const changedHere = dirty;
    dirty = false;
    const collection = await entries().collection(source.contentType);
    const fingerprint = await entries().fingerprint(collection);
    if (generation && generation.configKey === key && !changedHere && generation.fingerprint === fingerprint) {
      generation.checkedAt = now;
      return generation;
    }
    generation = { configKey: key, fingerprint, checkedAt: now, collection, indexes: new Map() };
    return generation;
  }

  /** The customer's latest messages, oldest first, one a line: each is read on its own. */
  async function customerQuestion(conversationId: number): Promise<string> {
    const customerMessages = (await strapi.db.query('plugin::live-support.message').findMany({
      where: { conversationId, authorKind: 'customer' },
      orderBy: { seq: 'desc' },
      limit: CONTEXT_MESSAGES,
    })) as Array<{ text: string }>;
    return customerMessages
      .reverse()
      .map((message) => message.text)
      .join('\n');
  }

  return {
    /** Rebuild on any change to the configured collection (or the site's locales) made through this node. */
    subscribeToChanges(): void {
      if (subscribed) return;
      subscribed = true;
      strapi.db.lifecycles.subscribe((event: { model: { uid: string }; action: string }) => {
        if (!/^after(Create|Update|Delete)(Many)?$/.test(event.action)) return;
        if (generation && (event.model.uid === generation.collection.uid || event.model.uid === LOCALE_MODEL_UID)) dirty = true;
      });
    },

    /** Checks that a configuration names one of the site's collection types with text fields, else 400. */
    validateConfiguration(settings: KnowledgeBaseSettings): void {
      const problem = problemOf(settings);
      if (problem) throw new ValidationError(`bot.knowledgeBase.${problem.key}: ${problem.message}`);
    },

    /** Whether a usable collection is named (the `auto` provider's choice), without reading it. */
    async isConfigured(): Promise<boolean> {
      return (await sourceOf()) !== null;
    },

    /**
     * The index a conversation in `language` answers from (a localized collection: the
     * language's locale, or the default locale), or null when no usable collection is configured.
     */
    async index(language: string | null = null): Promise<KnowledgeIndex | null> {
      const source = await sourceOf();
      if (!source) return null;
      const current = await currentGeneration(source);
      const { collection } = current;
      const locale = collection.localized ? localeForLanguage(language, collection.locales, collection.defaultLocale) : null;
      const key = locale ?? '';
      let index = current.indexes.get(key);
      if (!index) {
        index = entries()
          .read(source, collection, locale)
          .then((read) => new KnowledgeIndex(read, analyzeWordsForSearch, { sameLanguageOnly: !collection.localized }));
        current.indexes.set(key, index);
        // A failed read is tried again by the next question, not remembered.
        index.catch(() => current.indexes.delete(key));
      }
      return index;
    },

    async find(question: string, language: string | null, limit = 5): Promise<KnowledgeMatch[]> {
      const index = await this.index(language);
      return index ? index.find(question, { language, limit }) : [];
    },

    /**
     * Entries for the agent's side panel, in the conversation's language: those that match what
     * the customer has written so far, or what the agent searched for.
     */
    async contextFor(conversationId: number, search: string | null = null): Promise<KnowledgeContextItem[]> {
      const { contentType } = (await getService('settings', { strapi }).get()).bot.knowledgeBase;
      const conversation = await getService('conversations', { strapi }).find(conversationId);
      if (!contentType) return [];
      const question = search ?? (await customerQuestion(conversationId));
      if (!question) return [];
      const matches = await this.find(question, conversation.language, 5);
      return matches.map((match) => ({
        documentId: match.id,
        title: match.title,
        excerpt: excerptOf(match.body),
        confidence: Number(match.confidence.toFixed(2)),
        strength: matchStrength(match.confidence),
        locale: match.locale,
        adminUrl: `/admin/content-manager/collection-types/${contentType}/${match.id}${match.locale ? `?plugins[i18n][locale]=${encodeURIComponent(match.locale)}` : ''}`,
      }));
    },
  };
};

export default knowledgeBaseService;
