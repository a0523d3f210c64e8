/**
 * Which locale of a localized knowledge-base collection a conversation reads. A conversation
 * speaks fi, en or sv; a site names its locales as it likes (`fi-FI`, `en`, `sv-SE`, `en-GB`),
 * so a locale belongs to a language by the part of its code before `-` or `_`.
 */

/** The language part of a locale code, lower-case: `fi-FI` → `fi`, `sv_SE` → `sv`, `EN` → `en`. */
export function languageOfLocale(code: string): string {
  return code.split(/[-_]/)[0].toLowerCase();
}

/**
 * The locale a conversation in `language` reads: a locale of that language (the code that is the
 * language itself, else the default locale if it is of that language, else the first code in
 * alphabetical order), or the default locale when the site has none of that language.
 * Null only when the site has no default locale (no i18n): then the collection is not localized.
 */
export function localeForLanguage(
  language: string | null,
  locales: readonly string[],
  defaultLocale: string | null,
): string | null {
  const wanted = language?.toLowerCase() ?? null;
  const candidates = wanted ? locales.filter((code) => languageOfLocale(code) === wanted) : [];
  if (candidates.length === 0) return defaultLocale;
  const exact = candidates.find((code) => code.toLowerCase() === wanted);
  if (exact) return exact;
  if (defaultLocale && candidates.includes(defaultLocale)) return defaultLocale;
  return [...candidates].sort()[0];
}

/**
 * The entries a locale answers from: its own, and for every document it has no version of (not
 * translated yet), the default locale's. A locale with no entries at all reads the default's.
 */
export function withDefaultLocaleFallback<Entry extends { id: string }>(
  inLocale: readonly Entry[],
  inDefaultLocale: readonly Entry[],
): Entry[] {
  const translated = new Set(inLocale.map((entry) => entry.id));
  return [...inLocale, ...inDefaultLocale.filter((entry) => !translated.has(entry.id))];
}
