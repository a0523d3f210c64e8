/**
 * When the bot hands a conversation to a person: the customer asks for one (a phrase), names
 * something a bot must not handle (a keyword), gets frustrated, or the bot fails to answer several
 * times in a row (docs/product.md#how-an-escalation-starts). Pure: the caller passes the
 * message, the earlier customer messages, the bot's outcome history and the settings.
 *
 * How a message is read, in short (docs/escalation.md has the long version):
 * - tokens are stemmed and folded (text.ts), so inflections, capitals and missing ä/ö/å match;
 * - each language reading knows its clauses, negations and identity questions (reading.ts);
 * - phrases and keywords are found in a reading, word order, gaps and negation considered
 *   (phrases.ts);
 * - when no rule fires, the learned layer (classifier/) gives the probability that the message
 *   asks for a person; at or above the threshold it escalates with trigger `intent`.
 */
import { askForPersonProbability } from './classifier';
import { describeSignalKind, frustrationScore } from './frustration';
import { matchKeywords, matchPhrases, refusesKeyword, refusesPhrase } from './phrases';
import { readerFor, type ReadMessage } from './reading';
import { NO_ESCALATION, type EscalationDecision, type EscalationSettings } from './rules';

export interface CustomerEscalationInput {
  /** The customer's new message. */
  text: string;
  /** The conversation's language ("fi", "en", "sv"; "fi-FI" works; anything else reads all three). */
  language: string;
  /** The customer's earlier messages in this conversation, oldest first, without `text`. */
  previousCustomerMessages: readonly string[];
  settings: EscalationSettings;
}

/**
 * Checked on each customer message while the bot has the conversation: phrase first, then keyword,
 * then frustration, then the classifier. The rules go first so that the site owner's own lists
 * win and their reasons stay explainable.
 */
export function detectCustomerEscalation(input: CustomerEscalationInput): EscalationDecision {
  const { text, language, previousCustomerMessages, settings } = input;

  const read = readerFor(text);

  if (settings.phrases.enabled) {
    const phrase = matchPhrases(read, language, settings.phrases.lists);
    if (phrase !== null) {
      return { escalate: true, trigger: 'phrase', reason: `customer asked for a person ("${phrase}")`, matched: phrase };
    }
  }

  if (settings.keywords.enabled) {
    const keyword = matchKeywords(read, language, settings.keywords.list);
    if (keyword !== null) return { escalate: true, trigger: 'keyword', reason: `keyword "${keyword}"`, matched: keyword };
  }

  if (settings.frustration.enabled) {
    const window = Math.max(1, Math.floor(settings.frustration.window) || 1);
    const recent = [...previousCustomerMessages, text].slice(-window);
    const { score, signals } = frustrationScore(recent, language);
    // `score > 0` so that a threshold of 0 set by mistake does not escalate every conversation.
    if (score > 0 && score >= settings.frustration.threshold) {
      const kinds = signals.map((signal) => describeSignalKind(signal.kind)).join(', ');
      return {
        escalate: true,
        trigger: 'frustration',
        reason: `frustration ${score.toFixed(2)}: ${kinds}`,
        matched: null,
        score,
      };
    }
  }

  if (settings.intent.enabled && !intentVetoed(read, language, settings)) {
    const confidence = askForPersonProbability(text, language);
    if (confidence >= settings.intent.threshold) {
      return {
        escalate: true,
        trigger: 'intent',
        reason: `asked for a person (confidence ${confidence.toFixed(2)})`,
        matched: null,
        confidence,
      };
    }
  }

  return NO_ESCALATION;
}

/**
 * A person phrase the rules read as negated or as an identity question, or a negated keyword,
 * vetoes the classifier: the rules see the scope of a negation, the classifier only sees words.
 */
export function intentVetoed(read: ReadMessage, language: string, settings: EscalationSettings): boolean {
  return refusesPhrase(read, language, settings.phrases.lists) || refusesKeyword(read, language, settings.keywords.list);
}

/** Checked after each bot answer: consecutive failed answers at or above the threshold. */
export function detectFailedAnswers(consecutiveFailedAnswers: number, settings: EscalationSettings): EscalationDecision {
  if (!settings.failedAnswers.enabled) return NO_ESCALATION;
  // A threshold below 1 would escalate before the bot has failed at all; treat it as 1.
  const threshold = Math.max(1, Math.floor(settings.failedAnswers.threshold) || 1);
  if (!(consecutiveFailedAnswers >= threshold)) return NO_ESCALATION;
  const count = Math.floor(consecutiveFailedAnswers);
  return {
    escalate: true,
    trigger: 'failed_answers',
    reason: `${count} failed bot ${count === 1 ? 'answer' : 'answers'} in a row`,
    matched: null,
  };
}

/** The run of failed answers at the end of the bot's outcomes (true = failed), oldest first; a good answer resets it. */
export function countConsecutiveFailures(outcomes: readonly boolean[]): number {
  let run = 0;
  for (let index = outcomes.length - 1; index >= 0 && outcomes[index]; index--) run += 1;
  return run;
}
