// `npm run corpus:report`: precision and recall of escalation detection on the field corpus's two
// parts (development, held-out), on the independent set and on the look-alike sentences, per
// language, for the rules alone, the intent classifier alone (the committed model at the default
// threshold) and both (the default settings, as the plugin runs). The committed model is trained on
// the development part and the look-alikes, so their rows here say little: their out-of-fold
// figures are `npm run corpus:train`'s. `--misses` lists the mistakes
// of both together on the development part and the look-alikes (never the held-out part's or the
// independent set's: those are for measuring, not for tuning).
import { DEFAULT_ESCALATION_SETTINGS, detectCustomerEscalation, type EscalationSettings } from '../server/src/domain/escalation';
import { askForPersonProbability } from '../server/src/domain/escalation/classifier';
import { CORPUS_LANGUAGES, type CorpusItem } from '../tests/fixtures/escalation/corpus';
import { confusion, precision, recall } from '../tests/fixtures/escalation/measure';
import { measuredItems } from '../tests/fixtures/escalation/parts';

type Detector = (item: CorpusItem, language: string) => boolean;

const RULES_ONLY: EscalationSettings = { ...DEFAULT_ESCALATION_SETTINGS, intent: { ...DEFAULT_ESCALATION_SETTINGS.intent, enabled: false } };
const detectWith = (settings: EscalationSettings): Detector => (item, language) =>
  detectCustomerEscalation({ text: item.text, language, previousCustomerMessages: [], settings }).escalate;

const DETECTORS: ReadonlyArray<[string, Detector]> = [
  ['rules', detectWith(RULES_ONLY)],
  ['classifier', (item, language) => askForPersonProbability(item.text, language) >= DEFAULT_ESCALATION_SETTINGS.intent.threshold],
  ['both', detectWith(DEFAULT_ESCALATION_SETTINGS)],
];

const showMisses = process.argv.includes('--misses');
const readableMisses: string[] = [];
const figure = (value: number) => value.toFixed(2);

console.log(`intent threshold ${DEFAULT_ESCALATION_SETTINGS.intent.threshold}`);
console.log('detector    part         lang  items  precision  recall   TP  FP  FN  TN');
for (const [name, detect] of DETECTORS) {
  for (const part of ['development', 'held-out', 'independent', 'lookalikes'] as const) {
    for (const language of CORPUS_LANGUAGES) {
      const items = measuredItems(language, part);
      const predictions = items.map((item) => detect(item, language));
      const c = confusion(items.map((item) => item.escalate), predictions);
      if (name === 'both' && (part === 'development' || part === 'lookalikes')) {
        items.forEach((item, index) => {
          if (predictions[index] !== item.escalate) readableMisses.push(`${item.id} [${item.kind}] expected ${item.escalate}: ${item.text}`);
        });
      }
      const counts = [c.truePositive, c.falsePositive, c.falseNegative, c.trueNegative].map((n) => String(n).padStart(3)).join(' ');
      console.log(
        `${name.padEnd(11)} ${part.padEnd(12)} ${language.padEnd(5)} ${String(items.length).padStart(5)}  ${figure(precision(c)).padStart(9)}  ${figure(recall(c)).padStart(6)}  ${counts}`,
      );
    }
  }
}
if (showMisses) console.log(`\nDevelopment part and look-alikes, mistakes of rules + classifier:\n${readableMisses.join('\n')}`);
