// Renders the Markdown report from recorded results.
import type { CheckRecord, Generated, ItemRecord, Num, ResultsFile } from './model.ts';
import { VERDICT_ORDER, totals, verdictMeanings } from './summary.ts';
import { renderAgreementMarkdown } from './backends.ts';
import { SEVERITY_MEANING, SEVERITY_ORDER, errataRows, errataSummary, placeText } from './errata.ts';
import { SUBJECT_STATUS_MEANING, subjectConformance, subjectSummary } from './subject.ts';

/** A recorded number for reading: 4 significant digits, ∞ and −∞ as symbols (never a raw "Infinity"). */
export function fmt(x: Num | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'string') x = Number(x);
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(2) : Number(x.toPrecision(4)).toString();
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x));

/**
 * What the report was built from, as every format prints it: the commit the run measured (with "+dirty"
 * when the tree had changes) and when it ran; the published snapshot leaves both to git.
 */
export function provenanceText(g: Pick<Generated, 'commit' | 'date' | 'snapshot'>): string {
  if (g.snapshot) return g.snapshot;
  const commit = g.commit ? `commit ${g.commit}` : 'no commit recorded (not a git checkout, or results recorded before commits were)';
  return `Built from ${commit}${g.date ? `, run ${g.date.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1 UTC')}` : ''}`;
}

export function replayCommand(id: string, seed: number, path?: string): string {
  return `npx losscheck check ${id} --seed ${seed}${path ? ` --path ${path}` : ''}`;
}

/**
 * "measured ≤ tolerance" when the deciding case passes, "measured > tolerance" when it fails (≥ / < for
 * checks that need the value at least the bound): the relation printed is the one that holds.
 */
export function measuredText(c: Pick<CheckRecord, 'maxError' | 'tolerance' | 'sense' | 'margin'>): string {
  const passing = Number(c.margin) >= 1;
  const rel = c.sense === 'atLeast' ? (passing ? '≥' : '<') : (passing ? '≤' : '>');
  return `${fmt(c.maxError)} ${rel} ${fmt(c.tolerance)}`;
}

/**
 * THE margin, as every report prints it: tolerance/measured for "at most" checks, measured/tolerance for
 * "at least" checks; above 1 the case passes (∞: exact), below 1 it fails and misses its bound by 1/margin.
 */
export function marginText(margin: Num): string {
  const m = Number(margin);
  if (Number.isNaN(m)) return 'NaN';
  if (m === Infinity) return '∞ (exact)';
  if (m >= 1) return fmt(m);
  return m === 0 ? '0 (misses by ∞)' : `${fmt(m)} (misses by ${fmt(1 / m)}×)`;
}

function checkRow(c: CheckRecord): string {
  if (c.skipped) return `| skip | ${cell(c.name)} | ${c.role} | ${cell(c.oracle)} | 0 | ${cell(c.skipped)} | — |`;
  return `| ${c.passed ? 'pass' : '**fail**'} | ${cell(c.name)} | ${c.role}${c.quantifier === 'exists' ? ' (exists)' : ''} | ${cell(c.oracle)} | ${c.cases} | ${measuredText(c)} | ${marginText(c.margin)} |`;
}

function errataSection(results: ResultsFile): string[] {
  const rows = errataRows(results);
  const out = ['## Errata', '', `${errataSummary(results)} in the source. An erratum is one distinct error, counted once however many items show it.`, ''];
  if (!rows.length) return [...out, 'None recorded.', ''];
  out.push('| severity | where | printed | right | evidence |', '|---|---|---|---|---|');
  for (const { erratum: e, evidence } of rows) {
    out.push(`| ${e.severity} | ${cell(e.where)} | ${cell(e.printed)} | ${cell(e.right)} | ${evidence.map((x) => `[${x.id}](#${anchorOf(x.id, x.verdict)}) (${x.verdict})`).join(', ')} |`);
  }
  out.push('');
  return out;
}

function itemSection(it: ItemRecord): string {
  const r = it.result;
  const out: string[] = [];
  out.push(`### ${it.id} — ${r.verdict}${r.verdict !== it.expectedVerdict ? ` (recorded: ${it.expectedVerdict})` : ''}`);
  out.push('');
  out.push(`- **Section** ${it.section} · **kind** ${it.kind} · \`${it.file}\``);
  // A quote that is a piece of the printed display formula is shown once, as part of "As printed".
  if (!quoteIsLatex(it)) out.push(`- **Source** 「${it.quote}」`);
  out.push(`- **Statement** ${it.statement}`);
  if (it.reading) out.push(`- **Reading** ${it.reading}`);
  const place = placeText(it);
  if (place) out.push(`- **Sentence** ${place}`);
  if (it.errata?.length) out.push(`- **Errata** ${it.errata.join(', ')}`);
  if (it.notes) out.push(`- **Notes** ${it.notes}`);
  if (it.printed) out.push(`- **As printed** \`${it.printed}\`${quoteIsLatex(it) ? ` (the source quote is \`${it.quote.replace(/\s+/g, ' ')}\`)` : ''}`);
  if (it.formula) out.push(`- **Formula checked** (not printed in the book) \`${it.formula}\``);
  if (it.condition) out.push(`- **Condition** ${it.condition}`);
  if (it.correction) out.push(`- **Correction** ${it.correction.statement}${it.correction.latex ? ` — \`${it.correction.latex}\`` : ''}`);
  if (it.reason) out.push(`- **Not checkable** ${it.reason}`);
  out.push(`- **Why** ${r.reason}`);
  if (r.checks.length) {
    out.push('', '| | check | role | reference | cases | measured vs tolerance | margin |', '|---|---|---|---|---|---|---|');
    for (const c of r.checks) out.push(checkRow(c));
  }
  const ce = r.counterexample;
  if (ce) {
    out.push('', `**Counterexample** (check “${ce.check}”, seed ${ce.seed}, path \`${ce.path}\`, ${ce.shrinkSteps} shrink steps):`, '');
    out.push(`- shrunk: \`${json(ce.shrunk.input)}\` → measured ${fmt(ce.shrunk.value)} vs tolerance ${fmt(ce.shrunk.bound)}${ce.shrunk.note ? ` — ${ce.shrunk.note}` : ''}`);
    out.push(`- worst before shrinking: \`${json(ce.worstBeforeShrinking.input)}\` → ${fmt(ce.worstBeforeShrinking.value)} vs ${fmt(ce.worstBeforeShrinking.bound)}${ce.worstBeforeShrinking.note ? ` — ${ce.worstBeforeShrinking.note}` : ''}`);
    out.push(`- replay: \`${replayCommand(it.id, ce.seed, ce.path)}\``);
  }
  out.push('');
  return out.join('\n');
}

export function renderMarkdown(results: ResultsFile): string {
  const { generated: g, oracleFindings: f, items } = results;
  const { byVerdict, bySection } = totals(items);
  const verdicts = VERDICT_ORDER.filter((v) => byVerdict[v] || ['holds', 'refuted', 'conditional', 'definition', 'not-checkable'].includes(v));
  const out: string[] = [];
  out.push('# losscheck conformance report: §4.3 loss functions', '');
  out.push(`${provenanceText(g)}  `, `Seed ${g.seed} · ${g.runs} cases per property, ${g.hessianRuns} per full-Hessian property · oracle backend ${g.backend} · ` +
    Object.entries(g.versions).map(([k, v]) => `${k} ${v}`).join(', '), '');
  const meanings = verdictMeanings(g.toleranceModel.refutationMargin);
  out.push('| verdict | meaning |', '|---|---|', ...verdicts.map((v) => `| ${v} | ${meanings[v]} |`), '');
  out.push(`Errata severities: ${SEVERITY_ORDER.map((k) => `*${k}*: ${SEVERITY_MEANING[k]}`).join('; ')}. ` +
    'The **margin** of a check is how far its deciding case clears its tolerance (above 1: passes; below 1: misses by 1/margin); see [How to read this](#how-to-read-this).', '');
  out.push(...errataSection(results));
  out.push('## Totals', '', `| section | ${verdicts.join(' | ')} | items |`, `|---|${verdicts.map(() => '---').join('|')}|---|`);
  for (const [section, counts] of Object.entries(bySection).sort()) {
    out.push(`| ${section} | ${verdicts.map((v) => counts[v] ?? 0).join(' | ')} | ${Object.values(counts).reduce((a, b) => a + b, 0)} |`);
  }
  out.push(`| **all** | ${verdicts.map((v) => byVerdict[v] ?? 0).join(' | ')} | ${items.length} |`, '');
  out.push(...subjectSection(results));
  out.push('## Items', '', '| id | section | verdict | statement | smallest passing margin |', '|---|---|---|---|---|');
  for (const it of items) {
    const margins = it.result.checks.filter((c) => c.passed).map((c) => Number(c.margin));
    out.push(`| [${it.id}](#${anchor(it)}) | ${it.section} | ${it.result.verdict} | ${cell(it.statement)} | ${margins.length ? marginText(Math.min(...margins)) : '—'} |`);
  }
  out.push('', '## How to read this', '');
  out.push('Each item is a numbered formula (id `4.3.k`) or a prose claim (a slug) of the source. Its checks measure one number per case ' +
    '(usually the largest entrywise difference between two computations) and hold it to a tolerance. The **margin** of a case is ' +
    'tolerance/measured for a check that needs the value at most its tolerance, and measured/tolerance for one that needs it at least its bound: ' +
    'above 1 the case passes (∞: exact), below 1 it fails and misses by 1/margin. A universal claim is refuted by a case that misses by ' +
    `${g.toleranceModel.refutationMargin}× or more, with a correction whose checks pass; an existential claim is shown by a witness with margin ≥ ${g.toleranceModel.refutationMargin}, ` +
    'and refuted only when a check of its universal negation passes (a sample never shows that no witness exists). Roles: *claim* (the sentence ' +
    'under the reading the item states), *negation*, *support* (subject ↔ reference agreement the verdict relies on), *correction*, ' +
    '*condition* / *outside-condition* (both sides of a convention), *literal* (the literal reading, evidence of an erratum; it does not decide the verdict).', '');
  out.push(`Tolerance model: \`${String(g.toleranceModel.formula)}\`; unit roundoff ${json(g.toleranceModel.unitRoundoff)}; ` +
    `${String(g.toleranceModel.roundingsPerElementaryFunction)} roundings per elementary function; Taylor rates accepted within ±${String(g.toleranceModel.taylorRateTolerance)}.`, '');
  out.push('## Oracle findings', '');
  out.push(`tfjs ${f.tfjs.version} on ${f.tfjs.backend}: qualification of each method on closed forms, stock gradients vs the higher-order patch ` +
    `(re-registered gradients of ${f.tfjs.patchedKernels.join(', ')}). Methods qualified after the patch: ` +
    Object.entries(f.tfjs.qualified).map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`).join(', ') + '.', '');
  out.push('| known case | method | stock tfjs | patched | tolerance |', '|---|---|---|---|---|');
  f.tfjs.patched.forEach((p, i) => {
    const s = f.tfjs.stock[i]!;
    const show = (m: typeof p) => (m.relativeError === null ? `throws: ${cell(m.error ?? '')}` : `${fmt(m.relativeError)}${m.passed ? '' : ' **wrong**'}`);
    out.push(`| ${cell(p.case)} | ${p.method} | ${show(s)} | ${show(p)} | ${fmt(p.tolerance)} |`);
  });
  out.push('', 'tfjs library functions the oracle does not use, measured:', '');
  for (const d of f.tfjs.libraryDefects) out.push(`- ${d.name}: ${d.outcome}`);
  out.push('', `Symmetric eigenvalues on ${f.eigen[0]?.cases ?? 0} known-spectrum matrices (rank-deficient, clustered, spread over 16 decades); the checks use **${f.eigenOracle}**:`, '');
  out.push('| library | threw | inaccurate | worst relative error | tolerance | qualified | examples |', '|---|---|---|---|---|---|---|');
  for (const e of f.eigen) {
    out.push(`| ${e.library} | ${e.threw} | ${e.inaccurate} | ${fmt(e.worstRelativeError)} | ${fmt(e.tolerance)} | ${e.qualified ? 'yes' : 'no'} | ${cell(e.examples.join('; ')) || '—'} |`);
  }
  if (f.references?.length) {
    out.push('', 'References, each qualified on known cases before any check used it:', '');
    out.push('| reference | dtype | qualified | known cases | worst error vs tolerance |', '|---|---|---|---|---|');
    for (const r of f.references) {
      const worst = r.cases.reduce<(typeof r.cases)[number] | undefined>((w, c) => (w === undefined || Number(c.error) / Number(c.tolerance) > Number(w.error) / Number(w.tolerance) ? c : w), undefined);
      out.push(`| ${cell(r.label)} | ${r.dtype} | ${r.qualifiable ? (r.qualified ? 'yes' : '**no**') : 'not a reference'} | ${cell(r.note)} | ${worst ? `${fmt(worst.error)} vs ${fmt(worst.tolerance)}` : '—'} |`);
    }
  }
  out.push('', renderAgreementMarkdown(results.backendAgreement));
  out.push('', '## Details', '');
  for (const it of items) out.push(itemSection(it));
  return out.join('\n');
}

/** The subject's conformance per LossApi function (reports/subject.ts), apart from the audit. */
function subjectSection(results: ResultsFile): string[] {
  const s = subjectConformance(results);
  const out = ['## Subject conformance', ''];
  if (!s) return [...out, 'No item of this run has a subject check (role *subject*: the implementation under test against an independent reference) yet.', ''];
  out.push(`Subject \`${s.subject}\`, checked function by function against independent references; about the code, not the book. ` +
    `${subjectSummary(s)}. ${Object.entries(SUBJECT_STATUS_MEANING).map(([k, v]) => `*${k}*: ${v}`).join('; ')}.`, '');
  out.push('| function | status | checks | items | failing checks / why skipped |', '|---|---|---|---|---|');
  for (const f of s.functions) {
    const detail = f.status === 'skipped' ? f.skippedBecause ?? ''
      : f.checks.filter((r) => r.status === 'fail').map((r) => `${r.item}: ${r.check} (${measuredText(r.record)}, margin ${marginText(r.record.margin)})`).join('; ');
    out.push(`| \`${f.name}\` | ${f.status === 'fail' ? '**fail**' : f.status} | ${f.checks.length} | ${[...new Set(f.checks.map((r) => r.item))].join(', ')} | ${cell(detail) || '—'} |`);
  }
  const failing = s.rows.filter((r) => r.counterexample);
  for (const r of failing) {
    const ce = r.counterexample!;
    out.push('', `**${r.item}: ${r.check}** (${r.functions.join(', ')}) — counterexample, seed ${ce.seed}, path \`${ce.path}\`:`, '',
      `- shrunk: \`${json(ce.shrunk.input)}\` → measured ${fmt(ce.shrunk.value)} vs tolerance ${fmt(ce.shrunk.bound)}${ce.shrunk.note ? ` — ${ce.shrunk.note}` : ''}`,
      `- replay: \`${replayCommand(r.item, ce.seed, ce.path)}\``);
  }
  out.push('');
  return out;
}

/** A formula item whose quote is a piece of the printed display LaTeX (shown once, as printed). */
export function quoteIsLatex(it: Pick<ItemRecord, 'quote' | 'printed'>): boolean {
  return !!it.printed && !it.quote.includes('$') && !/\p{Script=Han}/u.test(it.quote) && /\\[a-zA-Z]+|[_^]|&=/.test(it.quote);
}

/** GitHub's anchor of an item's heading "### <id> — <verdict>". */
function anchorOf(id: string, verdict: string): string {
  return `${id} — ${verdict}`.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}
const anchor = (it: ItemRecord) => anchorOf(it.id, it.result.verdict);
