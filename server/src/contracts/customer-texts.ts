import { z } from 'zod';

import { SUPPORTED_LANGUAGES } from './constants';
import { CUSTOMER_TEXT_KEYS, textProblems, type CustomerTextKey, type TextOverrides, type TextProblem } from '../domain/customer-texts';

/*
 * The `texts` settings section: the site owner's wording of customer texts, by key and language
 * (`{ closed_notice: { fi: '…' } }`). Only overrides are stored; a text left out reads its
 * default (domain/customer-texts).
 */

const describe = (problem: TextProblem): string => {
  switch (problem.code) {
    case 'empty':
      return 'Write a text, or leave the language out to use the default';
    case 'tooLong':
      return `At most ${problem.max} characters`;
    case 'unbalancedBraces':
      return 'A "{" or "}" without its pair: placeholders are written as {name}';
    case 'unknownPlaceholder':
      return problem.allowed.length > 0
        ? `Unknown placeholder ${problem.placeholder}; this text may use ${problem.allowed.map((name) => `{${name}}`).join(', ')}`
        : `Unknown placeholder ${problem.placeholder}; this text takes no placeholders`;
    case 'markup':
      return 'Plain text only: customers would see the markup as written';
  }
};

/** An owner's wording of one text in one language, trimmed, checked against the text's rules. */
const wordingOf = (key: CustomerTextKey) =>
  z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      for (const problem of textProblems(key, text)) ctx.addIssue({ code: 'custom', message: describe(problem), params: problem });
    });

const languagesOf = (wording: z.ZodType<string>) =>
  z.object(Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, wording.optional()]))).strict();

/**
 * A PUT body's `texts`: the whole set of overrides, replacing the stored one (a text or a
 * language left out returns to its default). Unknown keys and languages are refused.
 */
export const textOverridesSchema = z
  .object(Object.fromEntries(CUSTOMER_TEXT_KEYS.map((key) => [key, languagesOf(wordingOf(key)).optional()])))
  .strict() as unknown as z.ZodType<TextOverrides>;

/**
 * The stored overrides, read leniently: a key a later version no longer has is dropped, and a
 * wording is used as stored (a placeholder it cannot fill gives way to the default when sent).
 */
export const storedTextOverridesSchema = z
  .object(Object.fromEntries(CUSTOMER_TEXT_KEYS.map((key) => [key, z.object(Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, z.string().optional()]))).optional()])))
  .catch({}) as unknown as z.ZodType<TextOverrides>;
