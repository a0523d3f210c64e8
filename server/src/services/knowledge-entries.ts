import type { Core } from '@strapi/strapi';

import type { KnowledgeEntry } from '../bots/knowledge-index';
import type { BotSettings } from '../contracts/settings';
import { languageOfLocale, withDefaultLocaleFallback } from '../domain/knowledge-locale';

/** The knowledge-base settings once a collection is named. */
export type KnowledgeSource = BotSettings['knowledgeBase'] & { contentType: string };

/** What the knowledge base needs to know about the collection's locales. */
export interface KnowledgeCollection {
  uid: string;
  /** Localized with Strapi's i18n (`pluginOptions.i18n.localized`): entries per locale. */
  localized: boolean;
  /** The site's locale codes (empty when the collection is not localized). */
  locales: string[];
  defaultLocale: string | null;
}

/** Entries read per locale (and per collection when it is not localized). */
const MAX_ENTRIES = 10_000;

interface ContentTypeSchema {
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
}

interface LocaleService {
  find(): Promise<Array<{ code: string }>>;
  getDefaultLocale(): Promise<unknown>;
}

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

/**
 * Reads the site owner's knowledge-base collection through the Document Service: its locales,
 * a cheap fingerprint of its content, and its entries in a locale.
 */
const knowledgeEntriesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const schemaOf = (uid: string) => strapi.contentType(uid as never) as ContentTypeSchema;
  const localeService = () => strapi.plugin('i18n')?.service('locales') as LocaleService | undefined;

  async function readLocale(source: KnowledgeSource, collection: KnowledgeCollection, locale: string | null): Promise<KnowledgeEntry[]> {
    const schema = schemaOf(source.contentType);
    // In a localized collection the locale says the language: a language field is not read.
    const languageField = collection.localized ? null : source.languageField;
    const rows = (await strapi.documents(source.contentType as never).findMany({
      fields: [source.titleField, source.bodyField, ...(languageField ? [languageField] : [])],
      limit: MAX_ENTRIES,
      ...(locale ? { locale } : {}),
      ...(schema.options?.draftAndPublish ? { status: 'published' } : {}),
    } as never)) as unknown as Array<Record<string, unknown>>;
    return rows
      .map((row) => ({
        id: String(row.documentId),
        title: textOf(row[source.titleField]).trim(),
        body: textOf(row[source.bodyField]).trim(),
        language: locale ? languageOfLocale(locale) : languageField ? ((row[languageField] as string | null) ?? null) : null,
        locale,
      }))
      .filter((entry) => entry.title || entry.body);
  }

  return {
    async collection(uid: string): Promise<KnowledgeCollection> {
      const locales = localeService();
      if (schemaOf(uid).pluginOptions?.i18n?.localized !== true || !locales) {
        return { uid, localized: false, locales: [], defaultLocale: null };
      }
      const [rows, defaultLocale] = await Promise.all([locales.find(), locales.getDefaultLocale()]);
      return {
        uid,
        localized: true,
        locales: rows.map((row) => row.code).sort(),
        defaultLocale: typeof defaultLocale === 'string' ? defaultLocale : null,
      };
    },

    /** Changes when an entry is added, edited or removed in any locale, or the locales change. */
    async fingerprint(collection: KnowledgeCollection): Promise<string> {
      const query = strapi.db.query(collection.uid as never);
      const [count, latest] = await Promise.all([
        query.count({}),
        query.findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) as Promise<{ updatedAt?: unknown } | null>,
      ]);
      return JSON.stringify([count, String(latest?.updatedAt ?? ''), collection.locales, collection.defaultLocale]);
    },

    /**
     * The entries a locale answers from: the locale's own and, for documents not translated into
     * it, the default locale's. `null` for a collection that is not localized: all its entries.
     */
    async read(source: KnowledgeSource, collection: KnowledgeCollection, locale: string | null): Promise<KnowledgeEntry[]> {
      if (!collection.localized || !locale) return readLocale(source, collection, null);
      const own = await readLocale(source, collection, locale);
      const { defaultLocale } = collection;
      if (!defaultLocale || defaultLocale === locale) return own;
      return withDefaultLocaleFallback(own, await readLocale(source, collection, defaultLocale));
    },
  };
};

export default knowledgeEntriesService;
