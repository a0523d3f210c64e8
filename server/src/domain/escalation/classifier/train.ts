/**
 * Training the intent model: L2-regularised logistic regression by full-batch gradient descent
 * with Adam, over the hashed features of features.ts. Full-batch means no shuffling: the same
 * examples give the same weights on every machine; the seed only decides the cross-validation
 * folds. Used by scripts/train-escalation-classifier.ts and its unit test, never by the server.
 */
import { featureVector, type FeatureOptions, type SparseVector } from './features';
import { scoreVector, sigmoid, type IntentModel } from './model';

export interface TrainingExample {
  text: string;
  language: string;
  escalate: boolean;
  /** How much the example counts in training, 1 when not given (times positiveWeight for an escalation). */
  weight?: number;
}

export interface HyperParameters extends FeatureOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  /** Gradient steps over the whole training set. */
  epochs: number;
  learningRate: number;
  /**
   * How much more an escalation example counts than a non-escalation one. Above 1 it moves the
   * probabilities up, so the best threshold lands in the range the settings allow (0.5 …).
   */
  positiveWeight: number;
}

export const DEFAULT_HYPER_PARAMETERS: Readonly<HyperParameters> = Object.freeze({
  bits: 16,
  charMin: 3,
  charMax: 5,
  wordBigrams: true,
  charAcrossWords: true,
  negationScope: true,
  l2: 1e-4,
  epochs: 300,
  learningRate: 0.05,
  positiveWeight: 3,
});

/** The seed of the cross-validation folds (training itself draws no random numbers). */
export const TRAINING_SEED = 20261130;
/** Folds of the cross-validation inside the development part. */
export const CROSS_VALIDATION_FOLDS = 5;

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;

export function trainIntentModel(examples: readonly TrainingExample[], hyper: HyperParameters): IntentModel {
  const features: FeatureOptions = {
    bits: hyper.bits,
    charMin: hyper.charMin,
    charMax: hyper.charMax,
    wordBigrams: hyper.wordBigrams,
    charAcrossWords: hyper.charAcrossWords,
    negationScope: hyper.negationScope,
  };
  const vectors: SparseVector[] = examples.map((example) => featureVector(example.text, example.language, features));
  const size = 2 ** hyper.bits;
  const model: IntentModel = { features, bias: 0, weights: new Float32Array(size) };
  // Float64 for the optimiser's state; the model keeps Float32 (it is quantised to Int16 anyway).
  const weights = new Float64Array(size);
  const gradient = new Float64Array(size);
  const moment = new Float64Array(size + 1);
  const velocity = new Float64Array(size + 1);
  const count = Math.max(1, examples.length);

  for (let epoch = 1; epoch <= hyper.epochs; epoch += 1) {
    gradient.fill(0);
    let biasGradient = 0;
    model.weights.set(weights);
    vectors.forEach((vector, index) => {
      const { escalate, weight = 1 } = examples[index];
      const error = (sigmoid(scoreVector(model, vector)) - (escalate ? 1 : 0)) * (escalate ? hyper.positiveWeight : 1) * weight;
      biasGradient += error;
      for (let k = 0; k < vector.indices.length; k += 1) gradient[vector.indices[k]] += error * vector.values[k];
    });
    const correction1 = 1 - ADAM_BETA1 ** epoch;
    const correction2 = 1 - ADAM_BETA2 ** epoch;
    const step = (slot: number, value: number): number => {
      moment[slot] = ADAM_BETA1 * moment[slot] + (1 - ADAM_BETA1) * value;
      velocity[slot] = ADAM_BETA2 * velocity[slot] + (1 - ADAM_BETA2) * value * value;
      return (hyper.learningRate * (moment[slot] / correction1)) / (Math.sqrt(velocity[slot] / correction2) + ADAM_EPSILON);
    };
    for (let index = 0; index < size; index += 1) {
      const value = gradient[index] / count + hyper.l2 * weights[index];
      if (value !== 0 || moment[index] !== 0) weights[index] -= step(index, value);
    }
    model.bias -= step(size, biasGradient / count);
  }
  model.weights.set(weights);
  return model;
}

/** mulberry32: a tiny seeded generator, the same numbers on every machine (the corpus split uses it too). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0 … folds-1) of each example: a seeded shuffle, dealt round-robin per label so each fold keeps the mix. */
export function assignFolds(examples: readonly TrainingExample[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const fold = new Array<number>(examples.length).fill(0);
  for (const label of [true, false]) {
    const positions = examples.flatMap((example, index) => (example.escalate === label ? [index] : []));
    for (let index = positions.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      [positions[index], positions[swap]] = [positions[swap], positions[index]];
    }
    positions.forEach((position, order) => {
      fold[position] = order % folds;
    });
  }
  return fold;
}

/**
 * Out-of-fold probabilities: each example scored by a model trained on the other folds plus
 * `alwaysTrain` (extra sentences that are never scored themselves).
 */
export function crossValidatedProbabilities(
  examples: readonly TrainingExample[],
  alwaysTrain: readonly TrainingExample[],
  hyper: HyperParameters,
  folds: number,
  seed: number,
): number[] {
  const foldOf = assignFolds(examples, folds, seed);
  const probabilities = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < folds; fold += 1) {
    const training = [...alwaysTrain, ...examples.filter((_, index) => foldOf[index] !== fold)];
    const model = trainIntentModel(training, hyper);
    examples.forEach((example, index) => {
      if (foldOf[index] === fold) probabilities[index] = sigmoid(scoreVector(model, featureVector(example.text, example.language, model.features)));
    });
  }
  return probabilities;
}
