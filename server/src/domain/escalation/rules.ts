/**
 * The escalation rules a site owner switches and tunes (phrases, keywords, failed bot answers,
 * frustration), their defaults, and the decision a check returns. The defaults are described in
 * docs/product.md#how-an-escalation-starts.
 */
import { type EscalationTrigger } from '../conversation-status';
import { DEFAULT_KEYWORDS, DEFAULT_PHRASES } from './lexicon';

export interface EscalationSettings {
  phrases: { enabled: boolean; lists: Record<'fi' | 'en' | 'sv', string[]> };
  keywords: { enabled: boolean; list: string[] };
  /** Escalate after this many failed bot answers in a row. */
  failedAnswers: { enabled: boolean; threshold: number };
  /** Escalate when the score over the last `window` customer messages reaches `threshold`. */
  frustration: { enabled: boolean; threshold: number; window: number };
  /**
   * The learned layer: when no rule fires, escalate if the classifier's probability that the
   * message asks for a person is at or above `threshold`.
   */
  intent: { enabled: boolean; threshold: number };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Frozen, so that code which edits "the settings" by mistake on the defaults fails loudly instead
 * of changing detection for every conversation: copy before editing (e.g. `structuredClone`).
 */
export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = deepFreeze({
  phrases: {
    enabled: true,
    lists: { fi: [...DEFAULT_PHRASES.fi], en: [...DEFAULT_PHRASES.en], sv: [...DEFAULT_PHRASES.sv] },
  },
  keywords: { enabled: true, list: [...DEFAULT_KEYWORDS] },
  failedAnswers: { enabled: true, threshold: 2 },
  frustration: { enabled: true, threshold: 0.6, window: 4 },
  intent: { enabled: true, threshold: 0.57 },
});

export type DetectionTrigger = Extract<EscalationTrigger, 'phrase' | 'keyword' | 'failed_answers' | 'frustration' | 'intent'>;

export type EscalationDecision =
  | { escalate: false }
  | {
      escalate: true;
      trigger: DetectionTrigger;
      /** Short English explanation for agents. */
      reason: string;
      /** The phrase or keyword as written in the settings; `null` for failed answers and frustration. */
      matched: string | null;
      /** The frustration score, for trigger 'frustration' only. */
      score?: number;
      /** The classifier's probability, for trigger 'intent' only. */
      confidence?: number;
    };

export const NO_ESCALATION: EscalationDecision = Object.freeze({ escalate: false });
