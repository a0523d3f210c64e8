/**
 * "Try a sentence": what detection would decide for one message, and why, for the site owner
 * tuning the settings. Pure, like detect.ts; the admin route only validates and calls it.
 */
import { askForPersonProbability, askForPersonWords } from './classifier';
import { detectCustomerEscalation, type CustomerEscalationInput } from './detect';
import { matchedMessageWords } from './phrases';
import { readerFor } from './reading';
import { type DetectionTrigger } from './rules';

export interface EscalationTrial {
  escalate: boolean;
  /** The rule or layer that decided (`intent` = the classifier); `null` when nothing fired. */
  decidedBy: DetectionTrigger | null;
  /** The reason agents would read on the card; `null` when nothing fired. */
  reason: string | null;
  /** The classifier's probability that the message asks for a person; `null` when that layer is off. */
  confidence: number | null;
  /** Words of the message behind the decision (the matched phrase or keyword, the frustration words, the classifier's strongest words). */
  matchedWords: string[];
}

export function tryEscalation(input: CustomerEscalationInput): EscalationTrial {
  const decision = detectCustomerEscalation(input);
  // Asked even when a rule decided, so the site owner sees how sure the classifier would be.
  const confidence =
    decision.escalate && decision.confidence !== undefined
      ? decision.confidence
      : input.settings.intent.enabled
        ? askForPersonProbability(input.text, input.language)
        : null;
  if (!decision.escalate) return { escalate: false, decidedBy: null, reason: null, confidence, matchedWords: [] };
  return {
    escalate: true,
    decidedBy: decision.trigger,
    reason: decision.reason,
    confidence,
    matchedWords: wordsBehind(input, decision.trigger, decision.matched),
  };
}

/** The words of the message itself that made the decision, as the customer typed them (lower case). */
function wordsBehind(input: CustomerEscalationInput, trigger: DetectionTrigger, matched: string | null): string[] {
  if (trigger === 'intent') return askForPersonWords(input.text, input.language);
  if (matched !== null && (trigger === 'phrase' || trigger === 'keyword')) {
    const words = matchedMessageWords(readerFor(input.text), input.language, matched);
    return words.length > 0 ? words : matched.split(/\s+/).filter(Boolean);
  }
  return [];
}
