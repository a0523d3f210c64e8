import {
  COLOUR_PATTERN,
  CUSTOMER_TEXT_KEYS,
  LIST_LIMITS,
  NUMBER_LIMITS,
  SUPPORTED_LANGUAGES,
  TEXT_LIMITS,
  textProblems,
  type TextLimit,
  type TextProblem,
} from '../../shared';

import { isSettingFieldPath } from './field-catalogue';
import { splitLines, valueAt, type SettingsFormValues } from './model';

/**
 * The cheap checks, made before saving, with the limits the server's zod schema is built from
 * (shared from server/src/contracts/limits.ts). The server checks everything again and the
 * patterns only there (origins, domains, URLs, the knowledge-base collection); its answer marks
 * the fields it names.
 */
export type ClientIssue =
  | { path: string; kind: 'required' }
  | { path: string; kind: 'integer' }
  | { path: string; kind: 'range'; min: number; max: number }
  | { path: string; kind: 'colour' }
  | { path: string; kind: 'tooLong'; max: number }
  | { path: string; kind: 'tooMany'; max: number }
  | { path: string; kind: 'entryTooLong'; max: number; line: number }
  | { path: string; kind: 'lengthOrEmpty'; min: number; max: number }
  | { path: string; kind: 'customerText'; problem: TextProblem };

/** A text as the server will check it: trimmed unless its limit says it is taken as typed. */
function textIssue(path: string, raw: string, limit: TextLimit): ClientIssue | null {
  const text = limit.untrimmed ? raw : raw.trim();
  if (text === '') return limit.optional ? null : { path, kind: 'required' };
  // An optional text with a real minimum (a secret) may also be left empty: the message says so.
  if (limit.optional && limit.min > 1 && (text.length < limit.min || text.length > limit.max))
    return { path, kind: 'lengthOrEmpty', min: limit.min, max: limit.max };
  return text.length > limit.max ? { path, kind: 'tooLong', max: limit.max } : null;
}

export function validateForm(values: SettingsFormValues): ClientIssue[] {
  const issues: ClientIssue[] = [];

  for (const [path, limit] of Object.entries(NUMBER_LIMITS)) {
    const value = valueAt(values, path);
    if (typeof value !== 'number' || Number.isNaN(value)) issues.push({ path, kind: 'required' });
    else if (limit.integer && !Number.isInteger(value)) issues.push({ path, kind: 'integer' });
    else if (value < limit.min || value > limit.max) issues.push({ path, kind: 'range', min: limit.min, max: limit.max });
  }

  for (const [path, limit] of Object.entries(LIST_LIMITS)) {
    const text = valueAt(values, path);
    if (typeof text !== 'string') continue;
    if (splitLines(text).length > limit.maxEntries) issues.push({ path, kind: 'tooMany', max: limit.maxEntries });
    const entryLength = limit.entryLength;
    if (!entryLength) continue;
    const long = text.split('\n').findIndex((line) => line.trim().length > entryLength.max);
    if (long >= 0) issues.push({ path, kind: 'entryTooLong', max: entryLength.max, line: long + 1 });
  }

  for (const [path, limit] of Object.entries(TEXT_LIMITS)) {
    const text = valueAt(values, path);
    const issue = typeof text === 'string' ? textIssue(path, text, limit) : null;
    if (issue) issues.push(issue);
  }

  if (!COLOUR_PATTERN.test(values.widget.primaryColor.trim())) issues.push({ path: 'widget.primaryColor', kind: 'colour' });

  // The customer texts by the server's own rules; an empty one is not an issue here: it means the default.
  for (const key of CUSTOMER_TEXT_KEYS) {
    for (const language of SUPPORTED_LANGUAGES) {
      const text = values.texts[key][language].trim();
      const [problem] = text === '' ? [] : textProblems(key, text);
      if (problem) issues.push({ path: `texts.${key}.${language}`, kind: 'customerText', problem });
    }
  }

  return issues;
}

const isListPath = (path: string): path is keyof typeof LIST_LIMITS => path in LIST_LIMITS;

/**
 * The form field a server issue's path points at, and the list entry when it points inside a
 * list: `['widget', 'allowedOrigins', '0']` is entry 0 of `widget.allowedOrigins`.
 */
export function fieldOfIssuePath(path: readonly string[]): { field: string; entry: number | null } | null {
  // A customer text: `['texts', key, language]`.
  if (path[0] === 'texts' && path.length === 3) return { field: path.join('.'), entry: null };
  for (let length = path.length; length > 0; length -= 1) {
    const candidate = path.slice(0, length).join('.');
    if (isSettingFieldPath(candidate)) {
      const rest = path[length];
      const entry = isListPath(candidate) && rest !== undefined && /^\d+$/.test(rest) ? Number(rest) : null;
      return { field: candidate, entry };
    }
  }
  return null;
}

/** A server message without details names its field in front: `bot.knowledgeBase.bodyField: …`. */
export function fieldOfMessage(message: string): { field: string; text: string } | null {
  const match = /^([A-Za-z0-9.]+): (.+)$/s.exec(message);
  if (!match?.[1] || !match[2]) return null;
  const located = fieldOfIssuePath(match[1].split('.'));
  return located ? { field: located.field, text: match[2] } : null;
}

/** Form errors are nested like the values: `{ widget: { allowedOrigins: '…' } }`. */
export function nestErrors(flat: Record<string, string>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split('.');
    let at = nested;
    keys.forEach((key, index) => {
      if (index === keys.length - 1) at[key] = message;
      else at = (at[key] ??= {}) as Record<string, unknown>;
    });
  }
  return nested;
}
