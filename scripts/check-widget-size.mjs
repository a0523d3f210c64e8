// The widget's size budget (gzip, level 9): the loader every page loads stays tiny, and the
// whole widget (loader and app) stays within what a site owner would accept. Run after
// `node widget/build.mjs`; exits 1 when a budget is exceeded or a bundle is missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'widget', 'dist');
const LOADER_BUDGET = 3 * 1024;
// 25 KB plus 256 bytes: the next opening named in the team's time zone and the queue's countdown
// between pushes cost about 290 bytes gzipped, when only ~90 were left and the bundle had already
// been trimmed (socket.io-client's unused transports and binary helpers are left out at build).
// Another 256 bytes: a queue that tells the truth (the chat that ended with the bot, the offer to
// leave a message after a long wait with the form filled with what the customer wrote) costs
// about 256 bytes gzipped in three languages.
// And another 256 bytes: the site owner's wording of the widget's texts laid over the built-in ones
// (with the placeholders filled) and the pushed configuration applied without a reload cost
// about 170 bytes gzipped.
// And another 64: the estimated wait's countdown kept through a repeated push (the same place and
// estimate again) cost 15 bytes gzipped when none were left.
const TOTAL_BUDGET = 25 * 1024 + 832;

function gzipSize(name) {
  const file = path.join(dist, name);
  if (!fs.existsSync(file)) {
    console.error(`widget size: ${file} is missing; run \`node widget/build.mjs\` first`);
    process.exit(1);
  }
  const body = fs.readFileSync(file);
  return { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
}

const loader = gzipSize('widget.js');
const app = gzipSize('widget-app.js');
const total = loader.gzip + app.gzip;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

console.log(`widget.js      ${kb(loader.raw).padStart(9)} raw, ${kb(loader.gzip).padStart(8)} gzip (budget ${kb(LOADER_BUDGET)})`);
console.log(`widget-app.js  ${kb(app.raw).padStart(9)} raw, ${kb(app.gzip).padStart(8)} gzip`);
console.log(`together       ${''.padStart(9)}      ${kb(total).padStart(8)} gzip (budget ${kb(TOTAL_BUDGET)})`);

const problems = [];
if (loader.gzip > LOADER_BUDGET) problems.push(`the loader is ${loader.gzip} bytes gzipped, over ${LOADER_BUDGET}`);
if (total > TOTAL_BUDGET) problems.push(`loader and app are ${total} bytes gzipped, over ${TOTAL_BUDGET}`);
for (const problem of problems) console.error(`widget size: ${problem}`);
process.exit(problems.length ? 1 : 0);
