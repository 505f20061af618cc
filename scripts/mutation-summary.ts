// Summarises the Stryker JSON report (reports/mutation/mutation.json, gitignored) into the committed
// reports/mutation-summary.json: counts per file and overall, the score Stryker reports, and the score
// once the mutants listed as equivalent in test/impl/equivalent-mutants.md are set aside (the rules are
// in scripts/mutationSummary.ts). Surviving mutants that are not listed are printed: each needs a new
// property in test/impl/ or a row in that file with its reason.
// Exits 1 when the score without equivalent mutants is below THRESHOLD or a listed mutant no longer
// exists or no longer survives (so the list stays true).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mutationScore, parseEquivalentList, summariseMutation, type MutationReport } from './mutationSummary.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPORT = `${ROOT}reports/mutation/mutation.json`;
const EQUIVALENT = `${ROOT}test/impl/equivalent-mutants.md`;
const SUMMARY = `${ROOT}reports/mutation-summary.json`;
/** The bar: mutation score ≥ 90% on impl/. */
const THRESHOLD = 90;

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
const { total, files, unexplained, wrongEquivalent } = summariseMutation(report, parseEquivalentList(readFileSync(EQUIVALENT, 'utf8')));
const summary = {
  generated: new Date().toISOString().slice(0, 10),
  tool: 'Stryker 9.6.1 (vitest runner, perTest coverage); config stryker.config.json + vitest.stryker.config.ts',
  threshold: THRESHOLD,
  score: Number(mutationScore(total, false).toFixed(2)),
  scoreWithoutEquivalent: Number(mutationScore(total, true).toFixed(2)),
  total,
  files: Object.fromEntries(Object.entries(files).sort().map(([f, t]) => [f, { ...t, score: Number(mutationScore(t, true).toFixed(2)) }])),
  unexplainedSurvivors: unexplained,
};
writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);

console.log(`mutation score on impl/: ${summary.score}% (Stryker), ${summary.scoreWithoutEquivalent}% without the ${total.equivalent} equivalent mutants`);
console.log(`  ${total.mutants} mutants: ${total.killed} killed, ${total.timeout} timeout, ${total.survived} survived, ${total.noCoverage} no coverage, ${total.equivalent} equivalent, ${total.ignored} ignored, ${total.errors} errors`);
for (const u of unexplained) console.log(`  survivor: ${u}`);
for (const w of wrongEquivalent) console.log(`  equivalent list: ${w}`);
console.log(`wrote ${SUMMARY}`);
if (summary.scoreWithoutEquivalent < THRESHOLD || wrongEquivalent.length) process.exit(1);
