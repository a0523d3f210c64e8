/**
 * Finding a phrase or keyword from the settings in a message that has been read (reading.ts):
 * - a phrase matches its content words in order, with at most MAX_PHRASE_GAP other words between
 *   two of them (function words such as "a", "to", "med" do not count);
 * - a one-word phrase fires only in a clause of request filler (isPlainRequest);
 * - a negation cue shortly before, in the same clause, cancels a match (isNegated);
 * - so does an identity question ("oletko ihminen?") at or just before it.
 */
import { hasWord, pickGrammarLanguage, toForms, type LanguageProfile, type Reading, type ReadMessage, type Span } from './reading';
import { type EscalationSettings } from './rules';
import { languagesToTry, matchesWord, type WordForm } from './text';

/** Other words allowed between two consecutive phrase words, not counting function words. */
export const MAX_PHRASE_GAP = 2;
/**
 * How many words before a phrase a negation cue still cancels it. Four covers the auxiliaries of a
 * negated verb: "I don't want to | talk to a person", "en halua | puhua ihmisen kanssa".
 */
export const PHRASE_NEGATION_WINDOW = 4;
/**
 * The same for keywords. A keyword is a noun, negated by the word or two right before it: "no
 * complaints", "ei valitusta", "inga klagomål", "this is not a complaint". A wider window would
 * swallow "why don't you accept my complaint".
 */
export const KEYWORD_NEGATION_WINDOW = 2;
/**
 * How many words other than function words and request filler may stand between Swedish "utan
 * att" and the phrase it negates: "utan att (först) behöva prata med någon". See
 * WITHOUT_INFINITIVE_CUES.
 */
export const WITHOUT_INFINITIVE_WINDOW = 2;

/**
 * Letters a word may have after a one-word phrase's full spelling and still stand for it inflected
 * ("asiakaspalvelija|llekin", "kundtjänst|ens"). A longer tail makes a compound whose head is
 * another noun: "henkilö|stöalennus" (staff discount), "personal|avdelningen" (the HR department).
 */
export const MAX_INFLECTION_TAIL = 6;

interface CompiledPhrase {
  /** As written in the settings, trimmed: reported as `matched`. */
  source: string;
  /** The words to find, function words removed (unless the phrase is nothing but function words). */
  words: WordForm[];
}

interface CompiledList {
  /**
   * Longest first (stable within a length), so that `matched` names the most specific phrase:
   * "ihmisen kanssa" rather than "ihminen" for "ihmisen kanssa kiitos".
   */
  phrases: CompiledPhrase[];
  /** The words of the one-word phrases: they may stand next to each other ("human agent please"). */
  oneWordPhrases: WordForm[];
}

function compilePhrase(source: string, profile: LanguageProfile): CompiledPhrase | null {
  const all = toForms(source, profile.language);
  if (all.length === 0) return null;
  const content = all.filter((word) => !hasWord(profile.functionWords, word));
  return { source: source.trim(), words: content.length > 0 ? content : all };
}

// Settings change rarely and are the same for every message: compile each list once. The cache
// is a plain memo, bounded so that many edits over a long uptime cannot grow it without limit.
const COMPILED_LIST_CACHE_SIZE = 64;
const compiledLists = new Map<string, CompiledList>();

function compileList(entries: readonly string[], profile: LanguageProfile, spelledOnly = false): CompiledList {
  const key = `${profile.language}${spelledOnly ? '\u0002' : ''}\u0000${entries.join('\u0001')}`;
  let compiled = compiledLists.get(key);
  if (!compiled) {
    const phrases = entries
      .map((source) => compilePhrase(source, profile))
      .filter((phrase): phrase is CompiledPhrase => phrase !== null)
      .map((phrase) => (spelledOnly ? { ...phrase, words: phrase.words.map(({ folded }) => ({ folded, stem: folded })) } : phrase))
      .sort((a, b) => b.words.length - a.words.length);
    compiled = {
      phrases,
      oneWordPhrases: phrases.filter((phrase) => phrase.words.length === 1).map((phrase) => phrase.words[0]),
    };
    if (compiledLists.size >= COMPILED_LIST_CACHE_SIZE) compiledLists.clear();
    compiledLists.set(key, compiled);
  }
  return compiled;
}

/** Every place the phrase occurs: token positions of its words, earliest fit after each start. */
function findPhrase(reading: Reading, phrase: CompiledPhrase): number[][] {
  const { tokens, scopes, profile } = reading;
  const occurrences: number[][] = [];
  const [first, ...rest] = phrase.words;
  for (let start = 0; start < tokens.length; start++) {
    if (scopes[start] < 0 || !matchesWord(tokens[start], first, profile.language)) continue;
    const positions = [start];
    for (const word of rest) {
      const previous = positions[positions.length - 1];
      let gap = 0;
      let found = -1;
      for (let next = previous + 1; next < tokens.length && scopes[next] === scopes[start]; next++) {
        if (matchesWord(tokens[next], word, profile.language)) {
          found = next;
          break;
        }
        if (!hasWord(profile.functionWords, tokens[next])) gap += 1;
        if (gap > MAX_PHRASE_GAP) break;
      }
      if (found < 0) break;
      positions.push(found);
    }
    if (positions.length === phrase.words.length) occurrences.push(positions);
  }
  return occurrences;
}

/**
 * Is the occurrence at `positions` negated? A negation cue in the same scope that ends at most
 * `window` words before the first matched word, or sits in a gap between matched words. A cue that
 * is itself one of the matched words belongs to the phrase ("en ole tyytyväinen") and does not count.
 */
function isNegated(reading: Reading, positions: readonly number[], window: number): boolean {
  const { scopes } = reading;
  const start = positions[0];
  const end = positions[positions.length - 1];
  return reading.negations.some(([cueStart, cueEnd]) => {
    if (scopes[cueStart] !== scopes[start]) return false;
    for (let position = cueStart; position <= cueEnd; position++) if (positions.includes(position)) return false;
    const justBefore = cueEnd < start && start - cueEnd <= window;
    const inAGap = cueStart > start && cueEnd < end;
    return justBefore || inAGap;
  });
}

/** A cue of `spans` in the occurrence's scope, inside it or ending at most PHRASE_NEGATION_WINDOW words before it. */
function hasCueAtOrBefore(reading: Reading, spans: readonly Span[], positions: readonly number[]): boolean {
  const start = positions[0];
  const end = positions[positions.length - 1];
  return spans.some(
    ([cueStart, cueEnd]) =>
      reading.scopes[cueStart] === reading.scopes[start] && cueStart <= end && cueEnd >= start - PHRASE_NEGATION_WINDOW,
  );
}

/** "Oletko ihminen?", "am I talking to a human?": an identity question at or shortly before the phrase. */
const isIdentityQuestion = (reading: Reading, positions: readonly number[]) =>
  hasCueAtOrBefore(reading, reading.identityQuestions, positions);

/**
 * "Puhuin eilen asiakaspalvelijanne kanssa": a past-tense talking verb at the start of the phrase
 * or shortly before it, in the same scope, reports a contact instead of asking for one.
 */
const isReportedContact = (reading: Reading, positions: readonly number[]) =>
  hasCueAtOrBefore(reading, reading.pastContacts, positions);

/** "Do I need to talk to a person to cancel?": a question whether a person is needed, not a request for one. */
const isNecessityQuestion = (reading: Reading, positions: readonly number[]) =>
  hasCueAtOrBefore(reading, reading.necessityQuestions, positions);

/** "Do you use human agents, bots or both?": a question about how the company works. */
const isPracticeQuestion = (reading: Reading, positions: readonly number[]) =>
  hasCueAtOrBefore(reading, reading.practiceQuestions, positions);

/**
 * "Utan att prata med någon": the phrase is the infinitive that "utan att" negates, unless a finite
 * verb between them starts the main clause ("utan att få svar vill jag prata med någon").
 */
function isWithoutInfinitive(reading: Reading, positions: readonly number[]): boolean {
  const { tokens, scopes, profile } = reading;
  const start = positions[0];
  return reading.withoutInfinitives.some(([, cueEnd]) => {
    if (scopes[cueEnd] !== scopes[start] || start <= cueEnd) return false;
    const between = tokens.slice(cueEnd + 1, start);
    if (between.some((token) => profile.mainClauseVerbs.has(token.folded))) return false;
    const content = between.filter((token) => !hasWord(profile.functionWords, token) && !hasWord(profile.fillers, token));
    return content.length <= WITHOUT_INFINITIVE_WINDOW;
  });
}

/** "Talk to a human? Nah, I'm good": a decline opens a later clause than the phrase's. */
const isDeclinedAfter = (reading: Reading, positions: readonly number[]) =>
  reading.declines.some(([cueStart]) => reading.tokens[cueStart].clause > reading.tokens[positions[positions.length - 1]].clause);

/**
 * Negated, an identity question, a question about how the company works, a reported contact, a
 * question whether a person is needed, or declined: the phrase occurs but asks for nobody.
 */
function isRefusedOrReported(reading: Reading, positions: readonly number[]): boolean {
  return (
    isNegated(reading, positions, PHRASE_NEGATION_WINDOW) ||
    isWithoutInfinitive(reading, positions) ||
    isIdentityQuestion(reading, positions) ||
    isPracticeQuestion(reading, positions) ||
    isNecessityQuestion(reading, positions) ||
    isReportedContact(reading, positions) ||
    isDeclinedAfter(reading, positions)
  );
}

/**
 * The one-word-phrase rule: "ihminen" fires only when every other word of its scope is request
 * filler, a function word, another one-word phrase, or a "not the bot" contrast: "Ihminen!",
 * "ihminen kiitos", "haluan ihmisen", "can I get a human please", "a human not a bot", "jag vill
 * ha en riktig människa". It does not fire in "ihmiset ovat mukavia", "oletko ihminen?", "human
 * resources department address?". No length limit is needed: a clause made only of filler is
 * short in practice.
 */
function isPlainRequest(reading: Reading, position: number, oneWordPhrases: readonly WordForm[]): boolean {
  const { tokens, scopes, profile } = reading;
  const scope = scopes[position];
  return tokens.every(
    (token, index) =>
      index === position ||
      scopes[index] !== scope ||
      reading.negatedBot.has(index) ||
      hasWord(profile.fillers, token) ||
      hasWord(profile.functionWords, token) ||
      oneWordPhrases.some((word) => matchesWord(token, word, profile.language)),
  );
}

/** "Henkilöstöalennus": the word begins with the one-word phrase but goes on into another noun. */
const isCompoundOfAnotherNoun = (reading: Reading, position: number, word: WordForm): boolean => {
  const { folded } = reading.tokens[position];
  return folded.startsWith(word.folded) && folded.length - word.folded.length > MAX_INFLECTION_TAIL;
};

/**
 * "Is there a person limit?": the phrase's last word is followed, in its clause, by a word that does
 * not go on a request for a person (see PERSON_FOLLOWERS), so it qualifies that word or is told
 * about. Off for languages whose list is empty.
 */
function qualifiesNextWord(reading: Reading, positions: readonly number[], oneWordPhrases: readonly WordForm[]): boolean {
  const { tokens, scopes, profile } = reading;
  if (profile.personFollowers.spellings.size === 0) return false;
  const last = positions[positions.length - 1];
  const next = tokens[last + 1];
  if (next === undefined || next.clause !== tokens[last].clause || scopes[last + 1] < 0) return false;
  return !(
    hasWord(profile.personFollowers, next) ||
    hasWord(profile.fillers, next) ||
    hasWord(profile.functionWords, next) ||
    reading.negations.some(([cueStart]) => cueStart === last + 1) ||
    oneWordPhrases.some((word) => matchesWord(next, word, profile.language))
  );
}

/** The first phrase of the lists that fires, as written in the settings; null when none does. */
export function matchPhrases(
  read: ReadMessage,
  language: string,
  lists: EscalationSettings['phrases']['lists'],
): string | null {
  for (const listLanguage of languagesToTry(language)) {
    const entries = lists[listLanguage] ?? [];
    if (entries.length === 0) continue;
    const reading = read(listLanguage);
    const { phrases, oneWordPhrases } = compileList(entries, reading.profile);
    for (const phrase of phrases) {
      const fires = findPhrase(reading, phrase).some(
        (positions) =>
          (phrase.words.length > 1
            ? !qualifiesNextWord(reading, positions, oneWordPhrases)
            : isPlainRequest(reading, positions[0], oneWordPhrases) && !isCompoundOfAnotherNoun(reading, positions[0], phrase.words[0])) &&
          !isRefusedOrReported(reading, positions),
      );
      if (fires) return phrase.source;
    }
  }
  return null;
}

/**
 * Does the message name a person the way the phrase lists do, but negated, as an identity
 * question or as a reported contact ("en halua puhua ihmisen kanssa", "am I talking to a human?",
 * "I spoke to a human yesterday")? The rules have then read
 * it as NOT asking for a person, and the classifier, which sees words but not their scope, is not
 * let to overrule that.
 */
export function refusesPhrase(read: ReadMessage, language: string, lists: EscalationSettings['phrases']['lists']): boolean {
  return languagesToTry(language).some((listLanguage) => {
    const entries = lists[listLanguage] ?? [];
    if (entries.length === 0) return false;
    const reading = read(listLanguage);
    return compileList(entries, reading.profile).phrases.some((phrase) =>
      findPhrase(reading, phrase).some((positions) => isRefusedOrReported(reading, positions)),
    );
  });
}

/**
 * The keyword list mixes languages, so it is searched in every language's reading. In the
 * conversation's own language a keyword stands for its stem; in the others for its spelling
 * (and what begins with it): a stemmer shortens a foreign word wrongly, the Finnish one "complain"
 * to "compl", which "compliment" begins with.
 */
const keywordsFor = (keywords: readonly string[], reading: Reading, conversationLanguage: string): CompiledList =>
  compileList(keywords, reading.profile, reading.profile.language !== languagesToTry(conversationLanguage)[0]);

/** Does a keyword of the list occur negated ("ei valitusta", "this is not a complaint")? See refusesPhrase. */
export function refusesKeyword(read: ReadMessage, language: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  const negationReading = read(pickGrammarLanguage(read, language));
  return languagesToTry(language).some((stemLanguage) => {
    const reading = read(stemLanguage);
    return keywordsFor(keywords, reading, language).phrases.some((keyword) =>
      findPhrase(reading, keyword).some((positions) => isNegated(negationReading, positions, KEYWORD_NEGATION_WINDOW)),
    );
  });
}

/** The first keyword that fires, negations read in the grammar the message uses; null when none does. */
export function matchKeywords(
  read: ReadMessage,
  language: string,
  keywords: readonly string[],
): string | null {
  if (keywords.length === 0) return null;
  const negationReading = read(pickGrammarLanguage(read, language));
  for (const stemLanguage of languagesToTry(language)) {
    const reading = read(stemLanguage);
    for (const keyword of keywordsFor(keywords, reading, language).phrases) {
      // Token positions are the same in every reading: splitting into words does not depend on
      // the language, only stems and scopes do.
      const fires = findPhrase(reading, keyword).some(
        (positions) => !isNegated(negationReading, positions, KEYWORD_NEGATION_WINDOW),
      );
      if (fires) return keyword.source;
    }
  }
  return null;
}

/**
 * The words of the message that a fired phrase or keyword (`matched`, as written in the settings)
 * stands on, as the customer typed them (lower case): for "try a sentence". Empty when it is not
 * found (it always is after matchPhrases or matchKeywords named it).
 */
export function matchedMessageWords(read: ReadMessage, language: string, matched: string): string[] {
  for (const stemLanguage of languagesToTry(language)) {
    const reading = read(stemLanguage);
    const phrase = compilePhrase(matched, reading.profile);
    const positions = phrase === null ? undefined : findPhrase(reading, phrase)[0];
    if (positions) return positions.map((position) => reading.tokens[position].text);
  }
  return [];
}
