// `npm run corpus:split`: splits the escalation field corpus into its development and held-out
// parts, once. It refuses to replace an existing split: the held-out part must stay what it was
// when nothing had been tuned on the corpus yet.
import fs from 'node:fs';
import path from 'node:path';

import { CORPUS_LANGUAGES, splitCorpus } from '../tests/fixtures/escalation/corpus';

const SEED = 20261130;
const HELD_OUT_SHARE = 0.35;

const target = path.resolve('tests/fixtures/escalation/split.json');
if (fs.existsSync(target)) {
  console.error(`${target} exists: the corpus is split once. Add new items to the development part by hand.`);
  process.exit(1);
}
const split = splitCorpus(SEED, HELD_OUT_SHARE);
fs.writeFileSync(target, `${JSON.stringify(split, null, 2)}\n`);
for (const language of CORPUS_LANGUAGES) console.log(`${language}: ${split.heldOut[language].length} held out`);
