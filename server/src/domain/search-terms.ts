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

function termsIn(text: string, language: SupportedLanguage): string[] {
  return tokenize(text, language)
    .filter((token) => !STOP_WORDS[language].has(token.text) && token.text.length > 1)
    .map((token) => token.stem);
}

/**
 * Search terms for the knowledge base: the same normalisation and Snowball stems as the
 * escalation rules, so that "palautus", "palauttaa" and "palautuksen" meet. Text of unknown
 * language gets the stems of all three languages.
 */
export function analyzeForSearch(text: string, language: string | null): string[] {
  const known = language ? supportedLanguageOrNull(language) : null;
  if (known) return termsIn(text, known);
  return [...new Set(SUPPORTED_LANGUAGES.flatMap((candidate) => termsIn(text, candidate)))];
}
