/**
 * The learned layer of escalation detection: the committed intent model (weights.json, trained by
 * `npm run corpus:train`), decoded once on first use. See docs/escalation.md.
 */
import weightsFile from './weights.json';
import { decodeModel, intentProbability, strongestIntentWords, type IntentModel, type IntentModelFile } from './model';

let committedModel: IntentModel | null = null;

/** The model the plugin ships with. */
export function committedIntentModel(): IntentModel {
  committedModel ??= decodeModel(weightsFile as IntentModelFile);
  return committedModel;
}

/** The threshold cross-validation chose when the committed weights were trained. */
export const TRAINED_INTENT_THRESHOLD: number = (weightsFile as IntentModelFile).metadata.threshold;

/** The probability, by the committed model, that the message asks for a person. */
export function askForPersonProbability(text: string, language: string): number {
  return intentProbability(committedIntentModel(), text, language);
}

/** The message's words that pushed the committed model most towards "asks for a person". */
export function askForPersonWords(text: string, language: string): string[] {
  return strongestIntentWords(committedIntentModel(), text, language);
}

export { decodeModel, encodeModel, intentProbability, strongestIntentWords, type IntentModel, type IntentModelFile, type TrainingMetadata } from './model';
