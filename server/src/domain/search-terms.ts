import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './conversation-status';
import { supportedLanguageOrNull, tokenize } from './escalation/text';

/**
 * Words that say nothing about what an FAQ entry is about. Dropped before stemming so that
 * "How do I…" does not make every English entry look relevant.
 */
const STOP_WORDS: Readonly<Record<SupportedLanguage, ReadonlySet<string>>> = {
  fi: new Set(
    'ja on ei en et se ne me te he mä sä minä sinä hän mitä mikä mitkä miten miksi missä mistä mihin kuinka kun jos että tai vai mutta kanssa olla olen olet oli ovat onko voi voin voinko voitteko saa saako teillä teidän meidän minun sinun tämä tuo nämä nuo niin myös vielä jo nyt sitten ole'.split(' '),
  ),
  en: new Set(
    'a an the and or but if of to in on at for from by with is are was were be been am do does did i me my we our you your it its this that these those how what when where why who which can could would should will shall may might have has had there here please any some not no'.split(' '),
  ),
  sv: new Set(
    'och i att det som en ett på är av för med till den har de inte om var jag du ni vi han hon man hur vad när var varför vem vilken kan kunde ska skulle har hade min din er vår mig dig oss er sig så också redan nu här där'.split(' '),
  ),
};

/** Longer words also index their first letters, where Snowball stems of one Finnish verb part ways. */
const PREFIX_LENGTH = 6;
const MIN_WORD_FOR_PREFIX = 7;

/** Finnish stems end in -ks where the base form ends in -s: "palautuksen" → "palautus". */
function canonicalStem(stem: string, language: SupportedLanguage): string {
  return language === 'fi' && stem.length > 5 && stem.endsWith('ks') ? `${stem.slice(0, -2)}s` : stem;
}

function wordsIn(text: string, languages: readonly SupportedLanguage[]): string[][] {
  const perLanguage = languages.map((language) => tokenize(text, language));
  // Tokenising does not depend on the language, only stemming does: the lists line up.
  return perLanguage[0]
    .map((token, index) => ({ token, index }))
    .filter(({ token }) => token.text.length > 1 && !languages.some((language) => STOP_WORDS[language].has(token.text)))
    .map(({ token, index }) => {
      const terms = languages.map((language, position) => canonicalStem(perLanguage[position][index].stem, language));
      if (token.folded.length >= MIN_WORD_FOR_PREFIX) terms.push(token.folded.slice(0, PREFIX_LENGTH));
      return [...new Set(terms)];
    });
}

/**
 * Search terms for the knowledge base, word by word: the same normalisation and Snowball stems
 * as the escalation rules (so "palautus", "palauttaa" and "palautuksen" meet), plus a short
 * prefix of longer words, because the Finnish stemmer cuts "toimitamme" and "toimitatte"
 * differently. Text of unknown language gets the stems of all three languages.
 */
export function analyzeWordsForSearch(text: string, language: string | null): string[][] {
  const known = language ? supportedLanguageOrNull(language) : null;
  return wordsIn(text, known ? [known] : SUPPORTED_LANGUAGES);
}

/** All the search terms of a text, flat and without repeats. */
export function analyzeForSearch(text: string, language: string | null): string[] {
  return [...new Set(analyzeWordsForSearch(text, language).flat())];
}
