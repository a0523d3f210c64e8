/**
 * Which collections and fields may feed the knowledge-base bot. Its answers go to anonymous
 * visitors, so only the site's own content (`api::` collection types) qualifies, and never a
 * field that Strapi keeps private, a password, or an email address: a `settings` user must not be
 * able to publish another plugin's users, or anyone's contact details, through the bot.
 */

/** The field types whose text the bot can search and quote. */
export const KNOWLEDGE_TEXT_FIELD_TYPES: readonly string[] = ['string', 'text', 'richtext', 'blocks', 'uid'];
/** The field types that can hold an entry's language. */
export const KNOWLEDGE_LANGUAGE_FIELD_TYPES: readonly string[] = ['string', 'enumeration'];

const REFUSED_FIELD_TYPES: ReadonlyMap<string, string> = new Map([
  ['password', 'a password field'],
  ['email', 'an email field'],
]);
const OWN_COLLECTION_PREFIX = 'api::';

export type KnowledgeFieldRole = 'titleField' | 'bodyField' | 'languageField';

export interface KnowledgeAttribute {
  type: string;
  private?: boolean;
}

export interface KnowledgeContentType {
  kind: string;
  attributes: Record<string, KnowledgeAttribute>;
}

export function isSiteCollectionUid(uid: string): boolean {
  return uid.startsWith(OWN_COLLECTION_PREFIX);
}

/** Whether a field may be offered for the role (the admin's suggestions use the same rule). */
export function isUsableKnowledgeField(role: KnowledgeFieldRole, attribute: KnowledgeAttribute): boolean {
  return fieldProblem(role, attribute) === null;
}

function fieldProblem(role: KnowledgeFieldRole, attribute: KnowledgeAttribute | undefined): string | null {
  if (!attribute) return 'no such field';
  if (attribute.private) return 'a private field';
  const refused = REFUSED_FIELD_TYPES.get(attribute.type);
  if (refused) return refused;
  const acceptable = role === 'languageField' ? KNOWLEDGE_LANGUAGE_FIELD_TYPES : KNOWLEDGE_TEXT_FIELD_TYPES;
  return acceptable.includes(attribute.type) ? null : `not a text field (${attribute.type})`;
}

export interface KnowledgeSourceProblem {
  /** The settings key at fault, under `bot.knowledgeBase`. */
  key: 'contentType' | KnowledgeFieldRole;
  message: string;
}

/**
 * The first reason the collection and fields cannot feed the bot, or null when they can.
 * `contentType` is undefined when the app has no type with that UID.
 */
export function knowledgeSourceProblem(
  uid: string,
  contentType: KnowledgeContentType | undefined,
  fields: Partial<Record<KnowledgeFieldRole, string | null>>,
): KnowledgeSourceProblem | null {
  if (!isSiteCollectionUid(uid)) {
    return { key: 'contentType', message: `only the site's own collection types (api::…) can feed the bot, not ${uid}` };
  }
  if (!contentType || contentType.kind !== 'collectionType') {
    return { key: 'contentType', message: `no collection type ${uid}` };
  }
  for (const role of ['titleField', 'bodyField', 'languageField'] as const) {
    const field = fields[role];
    if (!field) continue;
    const problem = fieldProblem(role, contentType.attributes[field]);
    if (problem) return { key: role, message: `${uid} field "${field}" cannot feed the bot: ${problem}` };
  }
  return null;
}
