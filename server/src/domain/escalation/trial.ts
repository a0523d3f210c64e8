/**
 * "Try a sentence": what detection would decide for one message, and why, for the site owner
 * tuning the settings. Pure, like detect.ts; the admin route only validates and calls it.
 */
import { detectCustomerEscalation, type CustomerEscalationInput } from './detect';
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
  if (!decision.escalate) return { escalate: false, decidedBy: null, reason: null, confidence: null, matchedWords: [] };
  return {
    escalate: true,
    decidedBy: decision.trigger,
    reason: decision.reason,
    confidence: decision.confidence ?? null,
    matchedWords: decision.matched === null ? [] : decision.matched.split(/\s+/).filter(Boolean),
  };
}
