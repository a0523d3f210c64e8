/**
 * The intent model: logistic regression over the hashed features of features.ts, and the one-file
 * form its weights are committed in (weights.json: Int16-quantised weights, base64, with the
 * training metadata). Pure: no file reading here, the caller passes the parsed JSON.
 */
import { FUNCTION_WORDS } from '../grammar-lexicon';
import { foldDiacritics } from '../text';
import { emitWordFeatures, featureVector, messageTokens, vectorizeHashes, type FeatureOptions, type SparseVector } from './features';

export interface IntentModel {
  features: FeatureOptions;
  bias: number;
  /** One weight per hashed bucket: 2^features.bits of them. */
  weights: Float32Array;
}

/** How the weights file says it was made; the unit test compares it with a fresh training run. */
export interface TrainingMetadata {
  /** SHA-256 of the training examples (development part and the extra sentences), in order. */
  corpusHash: string;
  seed: number;
  hyperParameters: Record<string, number | boolean>;
  examples: number;
  /** The threshold cross-validation chose, and its out-of-fold figures per language. */
  threshold: number;
  crossValidation: Record<string, { precision: number; recall: number }>;
}

/** weights.json */
export interface IntentModelFile {
  format: 1;
  features: FeatureOptions;
  bias: number;
  /** A weight is `int16 × scale`. */
  scale: number;
  /** Little-endian Int16 weights, base64. */
  weights: string;
  metadata: TrainingMetadata;
}

const QUANT_MAX = 32767;

/** The quantised Int16 values of the weights (`round(w / scale)`) and their scale. */
export function quantizeWeights(weights: Float32Array): { scale: number; values: Int16Array } {
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest === 0 ? 1 : largest / QUANT_MAX;
  const values = new Int16Array(weights.length);
  weights.forEach((weight, index) => {
    values[index] = Math.round(weight / scale);
  });
  return { scale, values };
}

export function encodeModel(model: IntentModel, metadata: TrainingMetadata): IntentModelFile {
  const { scale, values } = quantizeWeights(model.weights);
  const bytes = Buffer.alloc(values.length * 2);
  values.forEach((value, index) => bytes.writeInt16LE(value, index * 2));
  return { format: 1, features: model.features, bias: model.bias, scale, weights: bytes.toString('base64'), metadata };
}

export function decodeModel(file: IntentModelFile): IntentModel {
  const bytes = Buffer.from(file.weights, 'base64');
  const expected = 2 ** file.features.bits;
  if (file.format !== 1 || bytes.length !== expected * 2) {
    throw new Error(`intent weights: expected format 1 with ${expected} weights, got format ${file.format} with ${bytes.length / 2}`);
  }
  const weights = new Float32Array(expected);
  for (let index = 0; index < expected; index += 1) weights[index] = bytes.readInt16LE(index * 2) * file.scale;
  return { features: file.features, bias: file.bias, weights };
}

export function sigmoid(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

export function scoreVector(model: IntentModel, vector: SparseVector): number {
  let score = model.bias;
  for (let k = 0; k < vector.indices.length; k += 1) score += model.weights[vector.indices[k]] * vector.values[k];
  return score;
}

/** The probability that the message asks for a person. */
export function intentProbability(model: IntentModel, text: string, language: string): number {
  return sigmoid(scoreVector(model, featureVector(text, language, model.features)));
}

const EXPLANATION_SKIPS: ReadonlySet<string> = new Set(Object.values(FUNCTION_WORDS).flat().map(foldDiacritics));

/**
 * The words that pushed the message most towards "asks for a person": each word's own features
 * (its n-grams and stem) scored on their own, the positive ones strongest first, as typed
 * (lower case). Function words ("a", "to", "mig") are left out: they tell a person nothing. An
 * explanation for people, not an exact decomposition of the probability.
 */
export function strongestIntentWords(model: IntentModel, text: string, language: string, count = 3): string[] {
  const scored = new Map<string, number>();
  for (const token of messageTokens(text, language)) {
    if (scored.has(token.text) || EXPLANATION_SKIPS.has(token.folded)) continue;
    // Without the bias: what the word adds, not where the model starts.
    const vector = vectorizeHashes(model.features.bits, (emit) => emitWordFeatures(token, model.features, emit));
    scored.set(token.text, scoreVector(model, vector) - model.bias);
  }
  return [...scored.entries()]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([word]) => word);
}
