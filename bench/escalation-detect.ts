/**
 * The cost of detecting escalation in one customer message: the rules alone vs the rules plus the
 * intent classifier, measured in the same run over every message of the field corpus (default
 * settings otherwise). Each message is timed ROUNDS times both ways, back to back, and keeps its
 * best time (on a shared machine a single timing measures the scheduler more than the code); the
 * figures are p50 and p99 over the messages, and the ratio of the two ways, so they mean the same
 * on a faster or slower machine. Target: ≤ 1 ms at p99.
 * Pure domain code: no Strapi is booted.
 */
import { performance } from 'node:perf_hooks';

import { DEFAULT_ESCALATION_SETTINGS, detectCustomerEscalation, type EscalationSettings } from '../server/src/domain/escalation';
import { CORPUS, CORPUS_LANGUAGES } from '../tests/fixtures/escalation/corpus';

const ROUNDS = 20;
const WARM_UP_ROUNDS = 3;

const messages = CORPUS_LANGUAGES.flatMap((language) => CORPUS[language].items.map((item) => ({ text: item.text, language })));
const RULES_ONLY: EscalationSettings = { ...DEFAULT_ESCALATION_SETTINGS, intent: { ...DEFAULT_ESCALATION_SETTINGS.intent, enabled: false } };

function timeOne(text: string, language: string, settings: EscalationSettings): number {
  const started = performance.now();
  detectCustomerEscalation({ text, language, previousCustomerMessages: [], settings });
  return performance.now() - started;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

function main(): void {
  const best = { rules: messages.map(() => Infinity), both: messages.map(() => Infinity) };
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
    messages.forEach(({ text, language }, index) => {
      const rules = timeOne(text, language, RULES_ONLY);
      const both = timeOne(text, language, DEFAULT_ESCALATION_SETTINGS);
      if (round < WARM_UP_ROUNDS) return;
      best.rules[index] = Math.min(best.rules[index], rules);
      best.both[index] = Math.min(best.both[index], both);
    });
  }
  const samples = best;
  const rules = [...samples.rules].sort((a, b) => a - b);
  const both = [...samples.both].sort((a, b) => a - b);
  const row = (name: string, sorted: number[]) =>
    `${name.padEnd(20)} p50 ${percentile(sorted, 0.5).toFixed(3)} ms   p99 ${percentile(sorted, 0.99).toFixed(3)} ms`;
  console.log(`escalation detection per message, best of ${ROUNDS} rounds, ${messages.length} corpus messages`);
  console.log(row('rules alone', rules));
  console.log(row('rules + classifier', both));
  console.log(
    `ratio (rules + classifier ÷ rules)  p50 ${(percentile(both, 0.5) / percentile(rules, 0.5)).toFixed(2)}   p99 ${(percentile(both, 0.99) / percentile(rules, 0.99)).toFixed(2)}`,
  );
}

main();
