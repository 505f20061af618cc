// Renders JUnit XML for CI dashboards: one <testsuite> per subsection, one <testcase> per item. A
// testcase fails when the verdict the evidence gives differs from the one recorded in the item file
// (the same rule spec/engine/suite.ts enforces); a not-checkable item is <skipped> with its
// reason, since no check ran. Rendering only: the verdicts come from the recorded results.
import type { CheckRecord, ItemRecord, ResultsFile } from './model.ts';
import { marginText, measuredText, provenanceText, replayCommand } from './markdown.ts';

/** XML 1.0 text/attribute escaping; characters XML cannot carry at all are dropped. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function evidenceLine(c: CheckRecord): string {
  return `${c.passed ? 'pass' : 'FAIL'} [${c.role}] ${c.name}: ${measuredText(c)}` +
    ` (margin ${marginText(c.margin)}, ${c.cases} cases, seed ${c.seed}, ${c.oracle})`;
}

function testcase(it: ItemRecord, backend: string): string {
  const r = it.result;
  const evidence = [`verdict ${r.verdict} (recorded ${it.expectedVerdict}): ${r.reason}`, ...r.checks.map(evidenceLine)];
  if (r.counterexample) evidence.push(`counterexample: replay with ${replayCommand(it.id, r.counterexample.seed, r.counterexample.path)}`);
  // The verdict is in the name, so a dashboard that shows only names and pass/fail still shows what the book got wrong.
  const time = typeof r.durationMs === 'number' ? ` time="${(r.durationMs / 1000).toFixed(3)}"` : '';
  const attrs = `classname="losscheck.${escapeXml(it.section)}" name="${escapeXml(`${it.id} [${r.verdict}] · ${it.statement}`)}" file="${escapeXml(it.file)}"${time}`;
  const props = [['id', it.id], ['verdict', r.verdict], ['recordedVerdict', it.expectedVerdict], ['backend', backend], ['errata', (it.errata ?? []).join(',')]]
    .map(([k, v]) => `<property name="${k}" value="${escapeXml(v!)}"/>`).join('');
  const body: string[] = [`<properties>${props}</properties>`];
  if (r.verdict !== it.expectedVerdict) {
    body.push(`<failure type="VerdictChanged" message="${escapeXml(`verdict is ${r.verdict}, recorded ${it.expectedVerdict}: ${r.reason}`)}">` +
      `${escapeXml(evidence.join('\n'))}</failure>`);
  } else if (r.verdict === 'not-checkable') {
    body.push(`<skipped message="${escapeXml(`not checkable: ${it.reason ?? r.reason}`)}"/>`);
  }
  body.push(`<system-out>${escapeXml(evidence.join('\n'))}</system-out>`);
  return `    <testcase ${attrs}>\n      ${body.join('\n      ')}\n    </testcase>`;
}

export function renderJunit(results: ResultsFile): string {
  const bySection = new Map<string, ItemRecord[]>();
  for (const it of results.items) bySection.set(it.section, [...(bySection.get(it.section) ?? []), it]);
  const failed = (items: ItemRecord[]) => items.filter((it) => it.result.verdict !== it.expectedVerdict).length;
  const skipped = (items: ItemRecord[]) =>
    items.filter((it) => it.result.verdict === it.expectedVerdict && it.result.verdict === 'not-checkable').length;
  const g = results.generated;
  // What the run measured and when (the published snapshot leaves both to git: provenanceText says so).
  const provenance = [['commit', g.commit], ['date', g.date], ['builtFrom', provenanceText(g)]]
    .filter(([, v]) => v).map(([k, v]) => `<property name="${k}" value="${escapeXml(v!)}"/>`).join('');
  const suites = [...bySection.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([section, items]) =>
    `  <testsuite name="losscheck §${escapeXml(section)}" tests="${items.length}" failures="${failed(items)}" errors="0" skipped="${skipped(items)}">\n` +
    `    <properties><property name="seed" value="${g.seed}"/><property name="runs" value="${g.runs}"/>` +
    `<property name="hessianRuns" value="${g.hessianRuns}"/><property name="backend" value="${escapeXml(g.backend)}"/>${provenance}</properties>\n` +
    `${items.map((it) => testcase(it, g.backend)).join('\n')}\n  </testsuite>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="losscheck conformance" tests="${results.items.length}" failures="${failed(results.items)}" errors="0" skipped="${skipped(results.items)}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`;
}
