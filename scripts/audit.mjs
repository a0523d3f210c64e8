// `npm run audit`: the runtime dependencies' known advisories, from the npm registry's audit
// endpoint. Fails on any high or critical advisory that is not listed in EXCEPTIONS below with
// its reason, and fails loudly (exit 2) when the endpoint cannot be reached, so that "no
// advisories" is never reported without having asked.
import { spawnSync } from 'node:child_process';

/** Advisories accepted on purpose: `{ 'GHSA-…': 'why it does not reach this plugin' }`. */
const EXCEPTIONS = {};

const FAILING_SEVERITIES = new Set(['high', 'critical']);

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = null;
}

if (!report || report.error || !report.metadata) {
  const reason = report?.error?.summary || report?.message || result.stderr.trim().split("\n").slice(-2).join(" ");
  console.error(`The npm audit endpoint could not be asked: ${reason || 'no answer'}`);
  process.exit(2);
}

const failing = [];
for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
  if (!FAILING_SEVERITIES.has(vulnerability.severity)) continue;
  const advisories = vulnerability.via.filter((via) => typeof via === 'object');
  const unexcused = advisories.filter((advisory) => !EXCEPTIONS[advisory.url?.split('/').pop()]);
  // A package vulnerable only through another one (no advisory of its own) is reported with that one.
  if (advisories.length === 0 || unexcused.length === 0) continue;
  failing.push(`${name} (${vulnerability.severity}): ${unexcused.map((advisory) => `${advisory.title} ${advisory.url}`).join('; ')}`);
}

const counts = report.metadata.vulnerabilities;
console.log(
  `Runtime dependencies: ${report.metadata.dependencies?.prod ?? '?'}; advisories: ` +
    `${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low.`,
);
for (const [id, reason] of Object.entries(EXCEPTIONS)) console.log(`Accepted: ${id}: ${reason}`);
if (failing.length > 0) {
  console.error(`High or critical advisories without a documented exception:\n- ${failing.join('\n- ')}`);
  process.exit(1);
}
