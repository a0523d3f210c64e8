/** Escalation detection (docs/product.md#how-an-escalation-starts): pure functions, no Strapi. See docs/escalation.md. */
export {
  countConsecutiveFailures,
  detectCustomerEscalation,
  detectFailedAnswers,
  type CustomerEscalationInput,
} from './detect';
export { tryEscalation, type EscalationTrial } from './trial';
export { KEYWORD_NEGATION_WINDOW, MAX_PHRASE_GAP, PHRASE_NEGATION_WINDOW } from './phrases';
export { grammarLanguage } from './reading';
export {
  DEFAULT_ESCALATION_SETTINGS,
  type DetectionTrigger,
  type EscalationDecision,
  type EscalationSettings,
} from './rules';
export {
  FRUSTRATION_WEIGHTS,
  REPEATED_QUESTION_MIN_WORDS,
  REPEATED_QUESTION_SIMILARITY,
  SHOUTING_MIN_UPPER_LETTERS,
  SHOUTING_MIN_UPPER_SHARE,
  SHOUTING_MIN_WORD_LENGTH,
  describeSignalKind,
  frustrationScore,
  isShouting,
  type FrustrationResult,
  type FrustrationSignal,
  type FrustrationSignalKind,
} from './frustration';
export { DEFAULT_KEYWORDS, DEFAULT_PHRASES, NEGATIVE_WORDS, type LexiconLanguage, type PerLanguage } from './lexicon';
export { BOT_WORDS, FUNCTION_WORDS, NEGATION_CUES, REQUEST_FILLERS, SCOPE_BREAK_WORDS } from './grammar-lexicon';
export { IDENTITY_QUESTION_CUES, PAST_CONTACT_CUES } from './phrase-cues';
export {
  MIN_COMPOUND_MODIFIER_LENGTH,
  MIN_COMPOUND_PART_LENGTH,
  MIN_PREFIX_STEM_LENGTH,
  foldDiacritics,
  languagesToTry,
  matchesWord,
  normalizeText,
  stemJaccard,
  stemWord,
  supportedLanguageOrNull,
  tokenize,
  wordForm,
  type StemLanguage,
  type Token,
  type WordForm,
} from './text';
