/**
 * How a message is read in one language, before any phrase is looked for: the lexicon's closed
 * word lists compiled per language, the scopes (clauses, cut again at conjunctions), where the
 * negation and identity-question cues are, and which language's grammar a message uses.
 */
import { BOT_WORDS, FUNCTION_WORDS, NEGATION_CUES, PERSON_FOLLOWERS, REQUEST_FILLERS, SCOPE_BREAK_WORDS } from './grammar-lexicon';
import {
  DECLINE_CUES,
  IDENTITY_QUESTION_CUES,
  MAIN_CLAUSE_VERBS,
  NECESSITY_QUESTION_CUES,
  NECESSITY_QUESTION_OPENS_CLAUSE,
  PAST_CONTACT_CUES,
  PRACTICE_QUESTION_CUES,
  WITHOUT_INFINITIVE_CUES,
} from './phrase-cues';
import { type LexiconLanguage } from './lexicon';
import { languagesToTry, tokenize, type StemLanguage, type Token, type WordForm } from './text';

/** A closed word list, for constant-time lookups by spelling or by stem. */
export interface WordSet {
  spellings: Set<string>;
  stems: Set<string>;
}

function wordSet(words: readonly WordForm[]): WordSet {
  return { spellings: new Set(words.map((word) => word.folded)), stems: new Set(words.map((word) => word.stem)) };
}

/** Filler and function words: same spelling or same stem, so "oikean"/"oikealle" both count. */
export const hasWord = (set: WordSet, token: WordForm): boolean => set.spellings.has(token.folded) || set.stems.has(token.stem);
/**
 * Negation and question cues, conjunctions: same spelling only. They are short closed-class words
 * whose stems collide with open ones ("puhunko" and "puhua" share the stem "puhu", "oletko" and
 * "ole" the stem "ole"); every form that counts is listed.
 */
const isSpelledAs = (token: WordForm, word: WordForm): boolean => token.folded === word.folded;

/** Lexicon lists of one language, compiled once. */
export interface LanguageProfile {
  language: StemLanguage;
  negationCues: WordForm[][];
  identityQuestionCues: WordForm[][];
  pastContactCues: WordForm[][];
  necessityQuestionCues: WordForm[][];
  practiceQuestionCues: WordForm[][];
  withoutInfinitiveCues: WordForm[][];
  /** Spelling only, like the cues. */
  mainClauseVerbs: Set<string>;
  declineCues: WordForm[][];
  personFollowers: WordSet;
  fillers: WordSet;
  botWords: WordSet;
  functionWords: WordSet;
  scopeBreaks: WordSet;
  /** Every word of the lists above: what grammarLanguage counts. */
  grammarWords: WordSet;
}

export const toForms = (text: string, language: StemLanguage): WordForm[] =>
  tokenize(text, language).map(({ folded, stem }) => ({ folded, stem }));

const profiles = new Map<StemLanguage, LanguageProfile>();

function profileFor(language: StemLanguage): LanguageProfile {
  let profile = profiles.get(language);
  if (!profile) {
    const sequences = (entries: readonly string[]): WordForm[][] =>
      entries.map((entry) => toForms(entry, language)).filter((forms) => forms.length > 0);
    const words = (entries: readonly string[]): WordForm[] => sequences(entries).flat();
    const lexiconLanguage: LexiconLanguage = language;
    const negationCues = sequences(NEGATION_CUES[lexiconLanguage]);
    const identityQuestionCues = sequences(IDENTITY_QUESTION_CUES[lexiconLanguage]);
    const fillers = words(REQUEST_FILLERS[lexiconLanguage]);
    const botWords = words(BOT_WORDS[lexiconLanguage]);
    const functionWords = words(FUNCTION_WORDS[lexiconLanguage]);
    const scopeBreaks = words(SCOPE_BREAK_WORDS[lexiconLanguage]);
    profile = {
      language,
      negationCues,
      identityQuestionCues,
      pastContactCues: sequences(PAST_CONTACT_CUES[lexiconLanguage]),
      necessityQuestionCues: sequences(NECESSITY_QUESTION_CUES[lexiconLanguage]),
      practiceQuestionCues: sequences(PRACTICE_QUESTION_CUES[lexiconLanguage]),
      withoutInfinitiveCues: sequences(WITHOUT_INFINITIVE_CUES[lexiconLanguage]),
      mainClauseVerbs: new Set(words(MAIN_CLAUSE_VERBS[lexiconLanguage]).map((word) => word.folded)),
      declineCues: sequences(DECLINE_CUES[lexiconLanguage]),
      personFollowers: wordSet(words(PERSON_FOLLOWERS[lexiconLanguage])),
      fillers: wordSet(fillers),
      botWords: wordSet(botWords),
      functionWords: wordSet(functionWords),
      // Spelling only (see isSpelledAs), and with its diacritics: folded, the Swedish "så" (so)
      // would be "sa" (said), and "min handläggare sa att…" would read as a request ending at
      // "handläggare". The stems set stays empty.
      scopeBreaks: {
        spellings: new Set(SCOPE_BREAK_WORDS[lexiconLanguage].flatMap((entry) => tokenize(entry, language).map((token) => token.text))),
        stems: new Set(),
      },
      grammarWords: wordSet([
        ...negationCues.flat(),
        ...identityQuestionCues.flat(),
        ...fillers,
        ...functionWords,
        ...scopeBreaks,
      ]),
    };
    profiles.set(language, profile);
  }
  return profile;
}

/** Token positions [first, last] of a cue occurrence. */
export type Span = readonly [number, number];

/** A message as read in one language: its tokens and where the grammar words are. */
export interface Reading {
  profile: LanguageProfile;
  tokens: Token[];
  /**
   * Scope of each token: a clause (punctuation) cut further at conjunctions ("mutta", "but",
   * "men"), which get -1 themselves. A negation and what it negates, a phrase's words, and a
   * one-word phrase's filler must all be in one scope.
   */
  scopes: number[];
  negations: Span[];
  identityQuestions: Span[];
  /** Reported past contacts ("puhuin", "I spoke"): see PAST_CONTACT_CUES. */
  pastContacts: Span[];
  /** Questions whether a person is needed ("do I need to", "pitääkö minun"): see NECESSITY_QUESTION_CUES. */
  necessityQuestions: Span[];
  /** Questions about how the company works ("do you use", "käytättekö"): see PRACTICE_QUESTION_CUES. */
  practiceQuestions: Span[];
  /** "Utan att" before an infinitive, across the clause cut at "utan": see WITHOUT_INFINITIVE_CUES. */
  withoutInfinitives: Span[];
  /** Declines that open a clause ("nah", "ei kiitos", "nej tack"): see DECLINE_CUES. */
  declines: Span[];
  /** Positions of "not the bot" contrasts (see negatedBotPositions). */
  negatedBot: Set<number>;
}

function scopesOf(tokens: readonly Token[], profile: LanguageProfile): number[] {
  let scope = 0;
  let clause = tokens[0]?.clause ?? 0;
  return tokens.map((token) => {
    if (token.clause !== clause) {
      scope += 1;
      clause = token.clause;
    }
    if (profile.scopeBreaks.spellings.has(token.text)) {
      scope += 1;
      return -1;
    }
    return scope;
  });
}

/**
 * Contiguous occurrences of cues (word sequences) within one clause, whatever its conjunction cuts:
 * "utan att" begins with a conjunction, which has no scope of its own.
 */
function findClauseCues(tokens: readonly Token[], cues: readonly WordForm[][]): Span[] {
  const found: Span[] = [];
  for (const cue of cues) {
    for (let start = 0; start + cue.length <= tokens.length; start++) {
      const end = start + cue.length - 1;
      if (tokens[end].clause !== tokens[start].clause) continue;
      if (cue.every((word, offset) => isSpelledAs(tokens[start + offset], word))) found.push([start, end]);
    }
  }
  return found;
}

/** Contiguous occurrences of cues (word sequences), each inside one scope. */
const findCues = (tokens: readonly Token[], scopes: readonly number[], cues: readonly WordForm[][]): Span[] =>
  findClauseCues(tokens, cues).filter(([start, end]) => scopes[start] >= 0 && scopes[end] === scopes[start]);

/**
 * Positions of "not the bot" contrasts: a negation cue whose next word (function words skipped)
 * is a bot word, with everything in between: "enkä bottia", "not a bot", "inte en bot".
 */
function negatedBotPositions(
  tokens: readonly Token[],
  scopes: readonly number[],
  negations: readonly Span[],
  profile: LanguageProfile,
): Set<number> {
  const positions = new Set<number>();
  for (const [cueStart, cueEnd] of negations) {
    let next = cueEnd + 1;
    while (next < tokens.length && scopes[next] === scopes[cueStart] && hasWord(profile.functionWords, tokens[next])) next += 1;
    if (next >= tokens.length || scopes[next] !== scopes[cueStart] || !hasWord(profile.botWords, tokens[next])) continue;
    for (let position = cueStart; position <= next; position++) positions.add(position);
  }
  return positions;
}

function readMessage(text: string, language: StemLanguage): Reading {
  const profile = profileFor(language);
  const tokens = tokenize(text, language);
  const scopes = scopesOf(tokens, profile);
  const negations = findCues(tokens, scopes, profile.negationCues);
  const opensClause = ([start]: Span) => start === 0 || tokens[start - 1].clause !== tokens[start].clause;
  const necessityQuestions = findCues(tokens, scopes, profile.necessityQuestionCues);
  return {
    profile,
    tokens,
    scopes,
    negations,
    identityQuestions: findCues(tokens, scopes, profile.identityQuestionCues),
    pastContacts: findCues(tokens, scopes, profile.pastContactCues),
    necessityQuestions: NECESSITY_QUESTION_OPENS_CLAUSE[language] ? necessityQuestions.filter(opensClause) : necessityQuestions,
    practiceQuestions: findCues(tokens, scopes, profile.practiceQuestionCues),
    withoutInfinitives: findClauseCues(tokens, profile.withoutInfinitiveCues),
    declines: findCues(tokens, scopes, profile.declineCues).filter(opensClause),
    negatedBot: negatedBotPositions(tokens, scopes, negations, profile),
  };
}

/** The message read in a given language; see readerFor. */
export type ReadMessage = (language: StemLanguage) => Reading;

/** Reads the message in each language at most once per call. */
export function readerFor(text: string): ReadMessage {
  const readings = new Map<StemLanguage, Reading>();
  return (language) => {
    let reading = readings.get(language);
    if (!reading) {
      reading = readMessage(text, language);
      readings.set(language, reading);
    }
    return reading;
  };
}

/** The candidate language whose grammar words the message uses most (see grammarLanguage). */
export function pickGrammarLanguage(read: ReadMessage, language: string): StemLanguage {
  const candidates = languagesToTry(language);
  let best = candidates[0];
  let bestCount = -1;
  for (const candidate of candidates) {
    const { tokens, profile } = read(candidate);
    const count = tokens.filter((token) => hasWord(profile.grammarWords, token)).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The language whose grammar words (negations, filler, function words, conjunctions) the message
 * uses most; ties go to the conversation's language. Keywords need it because the keyword list
 * mixes languages: "inga klagomål" must be read with Swedish negations, and in "jag vill lämna en
 * reklamation" the Swedish article "en" must not be read as the Finnish "en" (I don't).
 */
export function grammarLanguage(text: string, language: string): StemLanguage {
  return pickGrammarLanguage(readerFor(text), language);
}
