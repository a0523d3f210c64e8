// `npm run corpus:train`: trains the escalation intent classifier from the development part of the
// field corpus, tests/fixtures/escalation/training-extra.json and lookalikes.json, chooses the
// default threshold by cross-validation over the development part and the look-alike sentences
// (the extra sentences always train, never score), prints the cross-validated figures and writes
// server/src/domain/escalation/classifier/weights.json. The held-out part is never read here.
//   --search   also cross-validates a small grid of hyper-parameters and prints it (slow).
//   --dry-run  prints the figures without writing the weights.
//   --misses   lists the out-of-fold mistakes of rules + classifier (development part and look-alikes).
import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_ESCALATION_SETTINGS, detectCustomerEscalation, type EscalationSettings } from '../server/src/domain/escalation';
import { intentVetoed } from '../server/src/domain/escalation/detect';
import { readerFor } from '../server/src/domain/escalation/reading';
import { NUMBER_LIMITS } from '../server/src/contracts/limits';
import { encodeModel, type TrainingMetadata } from '../server/src/domain/escalation/classifier/model';
import {
  CROSS_VALIDATION_FOLDS,
  DEFAULT_HYPER_PARAMETERS,
  TRAINING_SEED,
  crossValidatedProbabilities,
  trainIntentModel,
  type HyperParameters,
} from '../server/src/domain/escalation/classifier/train';
import { CORPUS_LANGUAGES } from '../tests/fixtures/escalation/corpus';
import { confusion, precision, recall } from '../tests/fixtures/escalation/measure';
import {
  crossValidationExamples,
  developmentExamples,
  extraTrainingExamples,
  trainingExamples,
  trainingSetHash,
  type LabelledMessage,
} from '../tests/fixtures/escalation/parts';

// Run from bench/.build (bench/run.mjs), two levels below the repository root.
const WEIGHTS_FILE = path.resolve(__dirname, '..', '..', 'server/src/domain/escalation/classifier/weights.json');

const RULES_ONLY: EscalationSettings = { ...DEFAULT_ESCALATION_SETTINGS, intent: { enabled: false, threshold: 1 } };
const rulesEscalate = (message: LabelledMessage) =>
  detectCustomerEscalation({ text: message.text, language: message.language, previousCustomerMessages: [], settings: RULES_ONLY }).escalate;
/** What the rules decide: escalate (a rule fired), veto (the classifier may not escalate) or leave it to the classifier. */
type RulesVerdict = 'escalate' | 'veto' | 'open';
const rulesVerdict = (message: LabelledMessage): RulesVerdict =>
  rulesEscalate(message)
    ? 'escalate'
    : intentVetoed(readerFor(message.text), message.language, DEFAULT_ESCALATION_SETTINGS)
      ? 'veto'
      : 'open';

interface Evaluation {
  threshold: number;
  /**
   * The worst figure, precision or recall of rules + classifier in any language: what the
   * threshold is chosen by, since the goal holds for both figures in every language.
   */
  score: number;
  /** False alarms and missed requests over all languages: what breaks a tie. */
  mistakes: number;
  perLanguage: Record<string, { precision: number; recall: number }>;
}

/** Rules + classifier at one threshold, per language, over out-of-fold probabilities (`only`: the examples to count). */
function evaluate(
  examples: readonly LabelledMessage[],
  rules: readonly RulesVerdict[],
  probabilities: readonly number[],
  threshold: number,
  only: (index: number) => boolean = () => true,
): Evaluation {
  const perLanguage: Evaluation['perLanguage'] = {};
  let worst = 1;
  let mistakes = 0;
  for (const language of CORPUS_LANGUAGES) {
    const at = examples.flatMap((example, index) => (example.language === language && only(index) ? [index] : []));
    const counts = confusion(
      at.map((index) => examples[index].escalate),
      at.map((index) => rules[index] === 'escalate' || (rules[index] === 'open' && probabilities[index] >= threshold)),
    );
    perLanguage[language] = { precision: round(precision(counts)), recall: round(recall(counts)) };
    worst = Math.min(worst, precision(counts), recall(counts));
    mistakes += counts.falsePositive + counts.falseNegative;
  }
  return { threshold, score: worst, mistakes, perLanguage };
}

const { min: LOWEST_THRESHOLD, max: HIGHEST_THRESHOLD } = NUMBER_LIMITS['escalation.intent.threshold'];

/**
 * The threshold, in the range the settings allow, whose worst per-language precision or recall is
 * the highest; on a tie the one with the fewest mistakes, then the lower one, which misses fewer
 * requests. (The mean F1 used before let one language's precision sink while the others rose.)
 */
function chooseThreshold(examples: readonly LabelledMessage[], rules: readonly RulesVerdict[], probabilities: readonly number[]): Evaluation {
  let best = evaluate(examples, rules, probabilities, HIGHEST_THRESHOLD);
  for (let step = Math.round(HIGHEST_THRESHOLD * 100) - 1; step >= Math.round(LOWEST_THRESHOLD * 100); step -= 1) {
    const candidate = evaluate(examples, rules, probabilities, step / 100);
    const better = candidate.score > best.score + 1e-9;
    const tied = Math.abs(candidate.score - best.score) <= 1e-9;
    if (better || (tied && candidate.mistakes <= best.mistakes)) best = candidate;
  }
  return best;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function printEvaluation(label: string, evaluation: Evaluation): void {
  const figures = CORPUS_LANGUAGES.map((language) => {
    const { precision: p, recall: r } = evaluation.perLanguage[language];
    return `${language} ${p.toFixed(2)}/${r.toFixed(2)}`;
  }).join('  ');
  console.log(`${label.padEnd(52)} threshold ${evaluation.threshold.toFixed(2)}  worst ${evaluation.score.toFixed(3)}  ${figures}`);
}

function searchGrid(examples: LabelledMessage[], extra: LabelledMessage[], rules: RulesVerdict[]): void {
  const grid: Array<Partial<HyperParameters>> = [];
  for (const charMin of [2, 3]) {
    for (const charAcrossWords of [false, true]) for (const l2 of [3e-5, 1e-4, 3e-4]) grid.push({ charMin, charAcrossWords, l2 });
  }
  grid.push({ negationScope: false }, { wordBigrams: false }, { charMax: 6 }, { epochs: 500 });
  grid.push({ positiveWeight: 1.5 }, { positiveWeight: 2 }, { positiveWeight: 2.5 }, { bits: 15 });
  for (const change of grid) {
    const hyper = { ...DEFAULT_HYPER_PARAMETERS, ...change };
    const probabilities = crossValidatedProbabilities(examples, extra, hyper, CROSS_VALIDATION_FOLDS, TRAINING_SEED);
    printEvaluation(JSON.stringify(change), chooseThreshold(examples, rules, probabilities));
  }
}

function main(): void {
  const examples = crossValidationExamples();
  const development = developmentExamples().length;
  const extra = extraTrainingExamples();
  const rules = examples.map(rulesVerdict);
  const hyper: HyperParameters = { ...DEFAULT_HYPER_PARAMETERS };
  console.log(
    `cross-validated: development part ${development} and look-alike sentences ${examples.length - development} messages; ` +
      `always trained: extra sentences ${extra.length}; ${CROSS_VALIDATION_FOLDS}-fold, seed ${TRAINING_SEED}`,
  );
  if (process.argv.includes('--search')) searchGrid(examples, extra, rules);

  const probabilities = crossValidatedProbabilities(examples, extra, hyper, CROSS_VALIDATION_FOLDS, TRAINING_SEED);
  const chosen = chooseThreshold(examples, rules, probabilities);
  const alwaysOpen = examples.map((): RulesVerdict => 'open');
  const inDevelopment = (index: number) => index < development;
  const inLookalikes = (index: number) => index >= development;
  printEvaluation('rules alone', evaluate(examples, rules, probabilities, 2));
  printEvaluation('classifier alone (out of fold)', evaluate(examples, alwaysOpen, probabilities, chosen.threshold));
  printEvaluation('rules + classifier (out of fold), chosen', chosen);
  printEvaluation('  of which the development part', evaluate(examples, rules, probabilities, chosen.threshold, inDevelopment));
  printEvaluation('  of which the look-alike sentences', evaluate(examples, rules, probabilities, chosen.threshold, inLookalikes));

  if (process.argv.includes('--misses')) {
    examples.forEach((example, index) => {
      const predicted = rules[index] === 'escalate' || (rules[index] === 'open' && probabilities[index] >= chosen.threshold);
      if (predicted !== example.escalate) {
        const set = inDevelopment(index) ? 'development' : 'look-alike';
        console.log(`  ${set} ${example.language} expected ${example.escalate} (${rules[index]}, p ${probabilities[index].toFixed(2)}): ${example.text}`);
      }
    });
  }

  const training = trainingExamples();
  const metadata: TrainingMetadata = {
    corpusHash: trainingSetHash(training),
    seed: TRAINING_SEED,
    hyperParameters: { ...hyper },
    examples: training.length,
    threshold: chosen.threshold,
    crossValidation: chosen.perLanguage,
  };
  const file = encodeModel(trainIntentModel(training, hyper), metadata);
  if (process.argv.includes('--dry-run')) return;
  fs.writeFileSync(WEIGHTS_FILE, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), WEIGHTS_FILE)} (${Math.round(fs.statSync(WEIGHTS_FILE).size / 1024)} KB); default threshold ${chosen.threshold.toFixed(2)}`);
}

main();
