// `npm run corpus:train`: trains the escalation intent classifier from the development part of the
// field corpus (plus tests/fixtures/escalation/training-extra.json), chooses the default threshold
// by cross-validation inside the development part, prints the cross-validated figures and writes
// server/src/domain/escalation/classifier/weights.json. The held-out part is never read here.
//   --search   also cross-validates a small grid of hyper-parameters and prints it (slow).
//   --dry-run  prints the figures without writing the weights.
//   --misses   lists the development part's out-of-fold mistakes of rules + classifier.
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
import { confusion, f1, precision, recall } from '../tests/fixtures/escalation/measure';
import { developmentExamples, extraTrainingExamples, trainingSetHash, type LabelledMessage } from '../tests/fixtures/escalation/parts';

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
  /** The mean over languages of F1 of rules + classifier: what the threshold is chosen by. */
  score: number;
  perLanguage: Record<string, { precision: number; recall: number }>;
}

/** Rules + classifier at one threshold, per language, over out-of-fold probabilities. */
function evaluate(examples: readonly LabelledMessage[], rules: readonly RulesVerdict[], probabilities: readonly number[], threshold: number): Evaluation {
  const perLanguage: Evaluation['perLanguage'] = {};
  let total = 0;
  for (const language of CORPUS_LANGUAGES) {
    const at = examples.flatMap((example, index) => (example.language === language ? [index] : []));
    const counts = confusion(
      at.map((index) => examples[index].escalate),
      at.map((index) => rules[index] === 'escalate' || (rules[index] === 'open' && probabilities[index] >= threshold)),
    );
    perLanguage[language] = { precision: round(precision(counts)), recall: round(recall(counts)) };
    total += f1(counts);
  }
  return { threshold, score: total / CORPUS_LANGUAGES.length, perLanguage };
}

const { min: LOWEST_THRESHOLD, max: HIGHEST_THRESHOLD } = NUMBER_LIMITS['escalation.intent.threshold'];

/**
 * The threshold, in the range the settings allow, with the best mean F1; on a tie the higher one,
 * which raises fewer false alarms.
 */
function chooseThreshold(examples: readonly LabelledMessage[], rules: readonly RulesVerdict[], probabilities: readonly number[]): Evaluation {
  let best = evaluate(examples, rules, probabilities, HIGHEST_THRESHOLD);
  for (let step = Math.round(HIGHEST_THRESHOLD * 100) - 1; step >= Math.round(LOWEST_THRESHOLD * 100); step -= 1) {
    const candidate = evaluate(examples, rules, probabilities, step / 100);
    if (candidate.score > best.score + 1e-9) best = candidate;
  }
  return best;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function printEvaluation(label: string, evaluation: Evaluation): void {
  const figures = CORPUS_LANGUAGES.map((language) => {
    const { precision: p, recall: r } = evaluation.perLanguage[language];
    return `${language} ${p.toFixed(2)}/${r.toFixed(2)}`;
  }).join('  ');
  console.log(`${label.padEnd(52)} threshold ${evaluation.threshold.toFixed(2)}  mean F1 ${evaluation.score.toFixed(3)}  ${figures}`);
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
  const examples = developmentExamples();
  const extra = extraTrainingExamples();
  const rules = examples.map(rulesVerdict);
  const hyper: HyperParameters = { ...DEFAULT_HYPER_PARAMETERS };
  console.log(`development part: ${examples.length} messages; extra training sentences: ${extra.length}; ${CROSS_VALIDATION_FOLDS}-fold cross-validation, seed ${TRAINING_SEED}`);
  if (process.argv.includes('--search')) searchGrid(examples, extra, rules);

  const probabilities = crossValidatedProbabilities(examples, extra, hyper, CROSS_VALIDATION_FOLDS, TRAINING_SEED);
  const chosen = chooseThreshold(examples, rules, probabilities);
  printEvaluation('rules alone', evaluate(examples, rules, probabilities, 2));
  printEvaluation('classifier alone (out of fold)', evaluate(examples, examples.map((): RulesVerdict => 'open'), probabilities, chosen.threshold));
  printEvaluation('rules + classifier (out of fold), chosen', chosen);

  if (process.argv.includes('--misses')) {
    examples.forEach((example, index) => {
      const predicted = rules[index] === 'escalate' || (rules[index] === 'open' && probabilities[index] >= chosen.threshold);
      if (predicted !== example.escalate) {
        console.log(`  ${example.language} expected ${example.escalate} (${rules[index]}, p ${probabilities[index].toFixed(2)}): ${example.text}`);
      }
    });
  }

  const training = [...extra, ...examples];
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
