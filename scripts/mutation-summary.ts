// Summarises the Stryker JSON report (reports/mutation/mutation.json, gitignored) into the committed
// reports/mutation-summary.json: counts per file and overall, the score Stryker reports, and the score
// once the mutants listed as equivalent in test/impl/equivalent-mutants.md are set aside (an equivalent
// mutant computes the same function, so no test can kill it). Surviving mutants that are not listed
// are printed: each needs a new property in test/impl/ or a line in that file with its reason.
// Exits 1 when the score without equivalent mutants is below THRESHOLD or a listed mutant no longer
// exists or no longer survives (so the list stays true).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPORT = `${ROOT}reports/mutation/mutation.json`;
const EQUIVALENT = `${ROOT}test/impl/equivalent-mutants.md`;
const SUMMARY = `${ROOT}reports/mutation-summary.json`;
/** The bar: mutation score ≥ 90% on impl/. */
const THRESHOLD = 90;

interface Mutant {
  id: string; mutatorName: string; replacement?: string; status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report { files: Record<string, { source: string; mutants: Mutant[] }> }

/** `impl/file.ts:line:column` — the key the equivalent-mutant list uses (Stryker's own ids change between runs). */
const keyOf = (file: string, m: Mutant) => `${file}:${m.location.start.line}:${m.location.start.column}`;
/** The same with the end, `impl/file.ts:line:column-line:column`: for a start and replacement shared by several mutants. */
const rangeKeyOf = (file: string, m: Mutant) => `${keyOf(file, m)}-${m.location.end.line}:${m.location.end.column}`;

/**
 * Rows of the markdown table: | `impl/x.ts:12:5` | Mutator | `replacement as Stryker reports it` | reason |. The
 * location may end in `-line:column` (the mutated range's end) where one start carries the same replacement
 * for nested expressions (`a || b || c` → `false` at `a`, at `a || b` and at the whole).
 */
function equivalentList(): Map<string, { mutator: string; reason: string }> {
  const list = new Map<string, { mutator: string; reason: string }>();
  for (const line of readFileSync(EQUIVALENT, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const location = /^`(impl\/[^`]+:\d+:\d+(?:-\d+:\d+)?)`$/.exec(cells[1] ?? '');
    // Keyed by location and the exact replacement: several mutants can change the same spot (`x <= y` → `false`, → `x < y`, → `x >= y`).
    const replacement = /^`(.*)`$/.exec(cells[3] ?? '')?.[1];
    if (location && replacement !== undefined) list.set(`${location[1]!} ${replacement}`, { mutator: cells[2]!, reason: cells[4] ?? '' });
  }
  return list;
}

/** The source text the mutant replaced (Stryker locations: 1-based lines, 0-based columns). */
function original(lines: string[], m: Mutant): string {
  const { start, end } = m.location;
  if (start.line === end.line) return lines[start.line - 1]!.slice(start.column, end.column);
  return [lines[start.line - 1]!.slice(start.column), ...lines.slice(start.line, end.line - 1), lines[end.line - 1]!.slice(0, end.column)]
    .map((l) => l.trim()).join(' ');
}

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
const equivalent = equivalentList();
const detected = new Set(['Killed', 'Timeout']);
const counted = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const tally = () => ({ mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, ignored: 0, errors: 0 });
const total = tally();
const files: Record<string, ReturnType<typeof tally>> = {};
const unexplained: string[] = [];
const seenEquivalent = new Set<string>();
const wrongEquivalent: string[] = [];

for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const t = (files[file] = tally());
  const lines = source.split('\n');
  for (const m of mutants) {
    const listedKey = [rangeKeyOf(file, m), keyOf(file, m)].map((k) => `${k} ${m.replacement ?? ''}`).find((k) => equivalent.has(k));
    const key = listedKey?.split(' ')[0] ?? keyOf(file, m);
    const listed = listedKey === undefined ? undefined : equivalent.get(listedKey);
    for (const x of [t, total]) {
      x.mutants++;
      if (m.status === 'Killed') x.killed++;
      else if (m.status === 'Timeout') x.timeout++;
      else if (m.status === 'Ignored') x.ignored++;
      else if (!counted.has(m.status)) x.errors++;
      else if (listed && listed.mutator === m.mutatorName) x.equivalent++;
      else if (m.status === 'Survived') x.survived++;
      else x.noCoverage++;
    }
    if (listed && listed.mutator === m.mutatorName) {
      seenEquivalent.add(`${key} ${m.replacement ?? ''}`);
      if (detected.has(m.status)) wrongEquivalent.push(`${key} (${m.mutatorName}) is listed as equivalent but was ${m.status}`);
    } else if (m.status === 'Survived' || m.status === 'NoCoverage') {
      unexplained.push(`${key} ${m.status} ${m.mutatorName}: ${original(lines, m).slice(0, 120)}  →  ${(m.replacement ?? '').slice(0, 120)}`);
    }
  }
}
for (const key of equivalent.keys()) if (!seenEquivalent.has(key)) wrongEquivalent.push(`${key} is listed as equivalent but no such mutant exists (the code moved: update the list)`);

const score = (t: ReturnType<typeof tally>, withoutEquivalent: boolean) => {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage + (withoutEquivalent ? 0 : t.equivalent);
  return valid === 0 ? 100 : (100 * (t.killed + t.timeout)) / valid;
};
const summary = {
  generated: new Date().toISOString().slice(0, 10),
  tool: 'Stryker 9.6.1 (vitest runner, perTest coverage); config stryker.config.json + vitest.stryker.config.ts',
  threshold: THRESHOLD,
  score: Number(score(total, false).toFixed(2)),
  scoreWithoutEquivalent: Number(score(total, true).toFixed(2)),
  total,
  files: Object.fromEntries(Object.entries(files).sort().map(([f, t]) => [f, { ...t, score: Number(score(t, true).toFixed(2)) }])),
  unexplainedSurvivors: unexplained,
};
writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);

console.log(`mutation score on impl/: ${summary.score}% (Stryker), ${summary.scoreWithoutEquivalent}% without the ${total.equivalent} equivalent mutants`);
console.log(`  ${total.mutants} mutants: ${total.killed} killed, ${total.timeout} timeout, ${total.survived} survived, ${total.noCoverage} no coverage, ${total.equivalent} equivalent, ${total.ignored} ignored, ${total.errors} errors`);
for (const u of unexplained) console.log(`  survivor: ${u}`);
for (const w of wrongEquivalent) console.log(`  equivalent list: ${w}`);
console.log(`wrote ${SUMMARY}`);
if (summary.scoreWithoutEquivalent < THRESHOLD || wrongEquivalent.length) process.exit(1);
