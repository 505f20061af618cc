// Renders the Markdown report from recorded results.
import type { CheckRecord, ItemRecord, Num, ResultsFile } from './model.ts';
import { VERDICT_ORDER, totals } from './summary.ts';
import { renderAgreementMarkdown } from './backends.ts';

export function fmt(x: Num | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'string') return x === 'Infinity' ? '∞' : x;
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(2) : Number(x.toPrecision(4)).toString();
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x));

export function replayCommand(id: string, seed: number, path?: string): string {
  return `npx losscheck check ${id} --seed ${seed}${path ? ` --path ${path}` : ''}`;
}

function checkRow(c: CheckRecord): string {
  const rel = c.sense === 'atLeast' ? '≥' : '≤';
  return `| ${c.passed ? 'pass' : '**fail**'} | ${cell(c.name)} | ${c.role} | ${cell(c.oracle)} | ${c.cases} | ${fmt(c.maxError)} ${rel} ${fmt(c.tolerance)} | ${fmt(c.margin)} |`;
}

function itemSection(it: ItemRecord): string {
  const r = it.result;
  const out: string[] = [];
  out.push(`### ${it.id} — ${r.verdict}${r.verdict !== it.expectedVerdict ? ` (recorded: ${it.expectedVerdict})` : ''}`);
  out.push('');
  out.push(`- **Section** ${it.section} · **kind** ${it.kind} · \`${it.file}\``);
  out.push(`- **Source** 「${it.quote}」`);
  out.push(`- **Statement** ${it.statement}`);
  if (it.printed) out.push(`- **As printed** \`${it.printed}\``);
  if (it.condition) out.push(`- **Condition** ${it.condition}`);
  if (it.correction) out.push(`- **Correction** ${it.correction.statement}${it.correction.latex ? ` — \`${it.correction.latex}\`` : ''}`);
  if (it.reason) out.push(`- **Not checkable** ${it.reason}`);
  out.push(`- **Why** ${r.reason}`);
  if (r.checks.length) {
    out.push('', '| | check | role | oracle | cases | measured vs tolerance | margin |', '|---|---|---|---|---|---|---|');
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
  out.push(`Seed ${g.seed} · ${g.runs} cases per property, ${g.hessianRuns} per full-Hessian property · oracle backend ${g.backend} · ` +
    Object.entries(g.versions).map(([k, v]) => `${k} ${v}`).join(', '), '');
  out.push('## Totals', '', `| section | ${verdicts.join(' | ')} | items |`, `|---|${verdicts.map(() => '---').join('|')}|---|`);
  for (const [section, counts] of Object.entries(bySection).sort()) {
    out.push(`| ${section} | ${verdicts.map((v) => counts[v] ?? 0).join(' | ')} | ${Object.values(counts).reduce((a, b) => a + b, 0)} |`);
  }
  out.push(`| **all** | ${verdicts.map((v) => byVerdict[v] ?? 0).join(' | ')} | ${items.length} |`, '');
  out.push('## Items', '', '| id | section | verdict | statement | smallest margin |', '|---|---|---|---|---|');
  for (const it of items) {
    const margins = it.result.checks.filter((c) => c.passed).map((c) => (typeof c.margin === 'number' ? c.margin : Infinity));
    out.push(`| [${it.id}](#${anchor(it)}) | ${it.section} | ${it.result.verdict} | ${cell(it.statement)} | ${margins.length ? fmt(Math.min(...margins)) : '—'} |`);
  }
  out.push('', '## How to read this', '');
  out.push('Each item is a numbered formula (id `4.3.k`) or a prose claim (a slug) of the source. Its checks measure one number per case ' +
    '(usually the largest entrywise difference between two computations) and hold it to a tolerance; **margin** is tolerance/measured ' +
    'for a passing check (≥ 1 passes; larger is safer) and measured/tolerance for a failing one. A refutation needs a failing claim check ' +
    `beyond ${g.toleranceModel.refutationMargin}× its tolerance and a correction whose checks pass. Roles: *claim* (the text as printed), ` +
    '*support* (impl ↔ oracle agreement the verdict relies on), *correction*, *condition* / *outside-condition* (both sides of a convention).', '');
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
  out.push('', renderAgreementMarkdown(results.backendAgreement));
  out.push('', '## Details', '');
  for (const it of items) out.push(itemSection(it));
  return out.join('\n');
}

function anchor(it: ItemRecord): string {
  return `${it.id} — ${it.result.verdict}`.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}
