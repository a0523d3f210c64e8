// `npm run corpus:report`: precision and recall of escalation detection on the field corpus,
// per language, on the development part and the held-out part. `--misses` lists the development
// part's mistakes (never the held-out part's: those are for measuring, not for tuning).
import { DEFAULT_ESCALATION_SETTINGS, detectCustomerEscalation } from '../server/src/domain/escalation';
import { CORPUS, CORPUS_LANGUAGES, type CorpusItem, type CorpusSplit } from '../tests/fixtures/escalation/corpus';
import split from '../tests/fixtures/escalation/split.json';

interface Counts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

const escalates = (item: CorpusItem, language: string) =>
  detectCustomerEscalation({
    text: item.text,
    language,
    previousCustomerMessages: [],
    settings: DEFAULT_ESCALATION_SETTINGS,
  }).escalate;

function count(items: CorpusItem[], language: string, misses: string[]): Counts {
  const counts: Counts = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
  for (const item of items) {
    const predicted = escalates(item, language);
    if (predicted && item.escalate) counts.truePositive += 1;
    else if (predicted) counts.falsePositive += 1;
    else if (item.escalate) counts.falseNegative += 1;
    else counts.trueNegative += 1;
    if (predicted !== item.escalate) misses.push(`${item.id} [${item.kind}] expected ${item.escalate}: ${item.text}`);
  }
  return counts;
}

const ratio = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(2));
const { heldOut } = split as CorpusSplit;
const showMisses = process.argv.includes('--misses');
const developmentMisses: string[] = [];

console.log('part        lang  items  precision  recall   TP  FP  FN  TN');
for (const part of ['development', 'held-out'] as const) {
  for (const language of CORPUS_LANGUAGES) {
    const held = new Set(heldOut[language]);
    const items = CORPUS[language].items.filter((item) => held.has(item.id) === (part === 'held-out'));
    const c = count(items, language, part === 'development' ? developmentMisses : []);
    console.log(
      `${part.padEnd(11)} ${language.padEnd(5)} ${String(items.length).padStart(5)}  ${ratio(c.truePositive, c.truePositive + c.falsePositive).padStart(9)}  ${ratio(c.truePositive, c.truePositive + c.falseNegative).padStart(6)}  ${[c.truePositive, c.falsePositive, c.falseNegative, c.trueNegative].map((n) => String(n).padStart(3)).join(' ')}`,
    );
  }
}
if (showMisses) console.log(`\nDevelopment part, mistakes:\n${developmentMisses.join('\n')}`);
