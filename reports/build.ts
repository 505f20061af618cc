// Builds reports/out/conformance.{json,md,html} and reports/out/junit.xml from the recorded results in
// reports/.results/ (written by `npm test`), and prints one line per item plus a totals line. Both
// folders are ignored by git; the snapshot committed for readers (reports/conformance.{json,md},
// reports/screenshot.png) is written only by `npm run publish-report` (scripts/publish-report.ts).
// It asserts nothing: the verdict checks live in spec/engine/suite.ts (run by spec/conformance/).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ItemRecord, ResultsFile } from './model.ts';
import { renderMarkdown } from './markdown.ts';
import { foldedParts, renderHtml } from './html.ts';
import { embedFonts } from './fonts.ts';
import { renderJunit } from './junit.ts';
import { renderPlots } from './plots.ts';
import { VERDICT_ORDER, totals } from './summary.ts';
import { errataRows, errataSummary } from './errata.ts';
import { subjectConformance } from './subject.ts';
import { isBackendResultsFile, loadBackendAgreement } from './backends.ts';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const RESULTS = join(HERE, '.results');
/** Where `npm test` and `npm run report` write the reports (ignored by git). */
export const OUT = join(HERE, 'out');

export function loadResults(dir = RESULTS): ResultsFile {
  if (!existsSync(dir)) throw new Error(`no recorded results in ${dir}: run \`npm test\` first`);
  // selected.json holds partial runs (LOSSCHECK_ONLY); the report covers full runs only.
  // Only the main run's files (conformance.json, or conformance-*.json parts); partial runs (selected.json),
  // other backends (backend-*.json) and ad-hoc named runs (LOSSCHECK_RESULTS_NAME) are not the report.
  const files = readdirSync(dir).filter((f) => /^conformance(-[\w]+)?\.json$/.test(f) && !isBackendResultsFile(f)).sort();
  if (!files.length) throw new Error(`no recorded results in ${dir}: run \`npm test\` first`);
  const parts = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ResultsFile);
  const items = parts.flatMap((p) => p.items);
  return { generated: parts[0]!.generated, oracleFindings: parts[0]!.oracleFindings, errata: parts[0]!.errata ?? [], plots: parts[0]!.plots, items: sortItems(items),
    backendAgreement: loadBackendAgreement(dir, { generated: parts[0]!.generated, items }) };
}

function sortItems(items: ItemRecord[]): ItemRecord[] {
  const key = (it: ItemRecord) => {
    const num = /^4\.3\.(\d+)$/.exec(it.id);
    return [it.section, num ? 0 : 1, num ? num[1]!.padStart(3, '0') : it.id].join('|');
  };
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The public JSON shape: { generated (with the commit and date of the run), oracleFindings, errata,
 * subjectConformance, items: [{ id, kind, section, quote, statement, verdict, checks, … }] }.
 */
export function conformanceJson(results: ResultsFile): unknown {
  const subject = subjectConformance(results);
  return {
    generated: results.generated,
    oracleFindings: results.oracleFindings,
    errata: errataRows(results).map(({ erratum, evidence }) => ({ ...erratum, evidence: evidence.map((e) => e.id) })),
    // Per LossApi function: its status and its checks (the full check records stay in items[].checks).
    ...(subject ? {
      subjectConformance: {
        subject: subject.subject, counts: subject.counts,
        functions: subject.functions.map((f) => ({
          name: f.name, status: f.status, ...(f.skippedBecause ? { skippedBecause: f.skippedBecause } : {}),
          checks: f.checks.map((r) => ({
            item: r.item, check: r.check, status: r.status, reference: r.reference,
            ...(r.skipped ? { skipped: r.skipped } : { margin: r.record.margin, cases: r.record.cases }),
            ...(r.counterexample ? { counterexample: { seed: r.counterexample.seed, path: r.counterexample.path, shrunk: r.counterexample.shrunk } } : {}),
          })),
        })),
      },
    } : {}),
    ...(results.backendAgreement ? { backendAgreement: results.backendAgreement } : {}),
    items: results.items.map((it) => ({
      id: it.id, kind: it.kind, section: it.section, quote: it.quote, statement: it.statement,
      ...(it.printed ? { printed: it.printed } : {}),
      ...(it.formula ? { formula: it.formula } : {}),
      verdict: it.result.verdict, expectedVerdict: it.expectedVerdict, reason: it.result.reason,
      checks: it.result.checks.map((c) => ({
        name: c.name, role: c.role, cases: c.cases, maxError: c.maxError, tolerance: c.tolerance, margin: c.margin,
        sense: c.sense, quantifier: c.quantifier, passed: c.passed, oracle: c.oracle, seed: c.seed,
        ...(c.counterexample ? { counterexample: c.counterexample } : {}),
      })),
      ...(it.result.counterexample ? { counterexample: it.result.counterexample } : {}),
      ...(it.correction ? { correction: it.correction } : {}),
      ...(it.condition ? { condition: it.condition } : {}),
      ...(it.reason ? { notCheckableReason: it.reason } : {}),
      ...(it.reading ? { reading: it.reading } : {}),
      ...(it.errata?.length ? { errata: it.errata } : {}),
      ...(it.notes ? { notes: it.notes } : {}),
      ...(it.sentences ? { sentences: it.sentences } : {}),
      file: it.file,
    })),
  };
}

/** One mark per verdict, so a refuted item never looks like one that holds. */
export const VERDICT_MARK: Record<string, string> = {
  holds: '✓', refuted: '✗', conditional: '◐', definition: '≡', 'not-checkable': '·', borderline: '?', inconclusive: '?',
};

export function consoleSummary(results: ResultsFile, reportPath?: string): string {
  const lines = results.items.map((it) => {
    const v = it.result.verdict;
    const changed = v !== it.expectedVerdict ? `  CHANGED (recorded ${it.expectedVerdict})` : '';
    return `${VERDICT_MARK[v] ?? '?'} ${v.padEnd(13)} ${it.id.padEnd(44)} ${it.statement}${changed}`;
  });
  const { byVerdict } = totals(results.items);
  const counts = VERDICT_ORDER.filter((v) => byVerdict[v]).map((v) => `${VERDICT_MARK[v]} ${v} ${byVerdict[v]}`).join(', ');
  const mismatches = results.items.filter((it) => it.result.verdict !== it.expectedVerdict).length;
  lines.push('', `totals: ${results.items.length} items — ${counts}${mismatches ? ` — ${mismatches} differ from the recorded verdict` : ' — every verdict is the recorded one'}`);
  lines.push('', errataTable(results));
  if (reportPath) lines.push('', `report: ${reportPath}`);
  return lines.join('\n');
}

/** The errata as a short table for the terminal. */
export function errataTable(results: ResultsFile): string {
  const rows = errataRows(results);
  const out = [`errata: ${errataSummary(results)}`];
  for (const { erratum: e, evidence } of rows) {
    out.push(`  ${e.severity.padEnd(9)} ${e.where.slice(0, 28).padEnd(28)} ${e.right.replace(/\s+/g, ' ').slice(0, 70)}${e.right.length > 70 ? '…' : ''}  [${evidence.map((x) => x.id).join(', ')}]`);
  }
  return out.join('\n');
}

export async function writeReports(results: ResultsFile, dir = OUT): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'conformance.json'), md = join(dir, 'conformance.md');
  const html = join(dir, 'conformance.html'), junit = join(dir, 'junit.xml');
  writeFileSync(json, `${JSON.stringify(conformanceJson(results), null, 2)}\n`);
  writeFileSync(md, renderMarkdown(results));
  const rendered = renderHtml(results, await renderPlots(results.plots));
  const page = await embedFonts(rendered, Object.values(foldedParts(rendered)).join('\n'));
  // A character the fonts lack would show as an empty box or in another font (the tests fail on it too).
  if (page.cjk.missing.length) console.warn(`report: no glyph in the embedded CJK font for ${page.cjk.missing.join(' ')}`);
  if (page.math.missing.length) console.warn(`report: no glyph in the embedded math font for ${page.math.missing.join(' ')}`);
  writeFileSync(html, page.html);
  writeFileSync(junit, renderJunit(results));
  return [json, md, html, junit];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = loadResults();
  const [, , html] = await writeReports(results);
  console.log(consoleSummary(results, html));
}
