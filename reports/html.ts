// Renders the HTML report: one self-contained page (KaTeX HTML pre-rendered at build time, KaTeX CSS
// with its fonts inlined as data: URLs, plots as inline SVG, a few lines of plain JS for the verdict
// filter; build.ts adds the CJK font subset of reports/fonts.ts), so it opens from disk with no network. Like the Markdown report it renders recorded
// results only and asserts nothing; a formula KaTeX cannot parse is shown as KaTeX's own error
// element (.katex-error), which the browser test looks for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import type { CaseRecord, CheckRecord, ItemRecord, Num, QualificationMeasurement, ResultsFile } from './model.ts';
import { fmt, marginText, measuredText, replayCommand } from './markdown.ts';
import { SEVERITY_MEANING, errataRows, errataSummary, placeText } from './errata.ts';
import type { Plot } from './plots.ts';
import { BACKEND_COLUMNS, type BackendAgreement } from './backends.ts';
import { VERDICT_ORDER, totals } from './summary.ts';
import { CJK_FONT_FAMILY } from './fonts.ts';

/** The five verdicts an item can record, shown in the totals even when none has that verdict. */
const RECORDABLE = ['holds', 'refuted', 'conditional', 'definition', 'not-checkable'];

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One formula typeset by KaTeX, wrapped so the browser test can count formulas and their renderings. */
export function math(latex: string, display: boolean): string {
  const html = katex.renderToString(latex, {
    displayMode: display, throwOnError: false, output: 'html',
    // The source writes Unicode (e.g. "C−1") inside math; that is not an error worth a console warning.
    strict: 'ignore',
  });
  const tag = display ? 'div' : 'span';
  return `<${tag} class="math ${display ? 'math-display' : 'math-inline'}" data-latex="${escapeHtml(latex)}">${html}</${tag}>`;
}

/**
 * Source text with its $…$ / $$…$$ math typeset and **bold** kept. A quote is an excerpt and may cut
 * a formula in half: when the dollars do not pair up, the text is shown verbatim instead.
 */
export function richText(text: string | undefined): string {
  if (text === undefined) return '—'; // a record without this field still renders (the JSON shows what is missing)
  const parts = text.split(/(\$\$[\s\S]+?\$\$|\$[^$]+?\$)/);
  const dollarsLeft = parts.filter((_, i) => i % 2 === 0).some((p) => p.includes('$'));
  if (dollarsLeft) return escapeHtml(text);
  return parts.map((p, i) => {
    if (i % 2 === 1) return p.startsWith('$$') ? math(p.slice(2, -2), true) : math(p.slice(1, -1), false);
    return escapeHtml(p).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  }).join('');
}

const require = createRequire(import.meta.url);

/** katex.min.css with every @font-face pointing at its woff2 file inlined as a data: URL. */
export function inlineKatexCss(): string {
  const dist = dirname(require.resolve('katex/dist/katex.min.css'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  return css.replace(/src:url\(fonts\/([\w-]+)\.woff2\)[^;}]*/g, (_m, font: string) => {
    const data = readFileSync(join(dist, 'fonts', `${font}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
}

const num = (x: Num | null | undefined) => escapeHtml(fmt(x));
const slug = (id: string) => `item-${id.replace(/[^\w.-]+/g, '-')}`;

function badge(verdict: string): string {
  return `<span class="badge v-${escapeHtml(verdict)}">${escapeHtml(verdict)}</span>`;
}

/** Compact JSON of a counterexample input: 6 significant digits, long arrays kept whole (it is the evidence). */
function inputJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x));
}

function caseLine(label: string, c: CaseRecord): string {
  return `<dt>${label}</dt><dd><code class="input">${escapeHtml(inputJson(c.input))}</code> → measured ` +
    `<b>${num(c.value)}</b> vs tolerance ${num(c.bound)}${c.note ? ` — ${escapeHtml(c.note)}` : ''}</dd>`;
}

function checkRow(c: CheckRecord): string {
  if (c.skipped) {
    return `<tr class="skip"><td>skip</td><td>${escapeHtml(c.name)}</td><td><span class="role">${escapeHtml(c.role)}</span></td>` +
      `<td>${escapeHtml(c.oracle)}</td><td class="n">0</td><td class="n">${c.seed}</td><td colspan="2">${escapeHtml(c.skipped)}</td></tr>`;
  }
  return `<tr class="${c.passed ? 'pass' : 'fail'}"><td>${c.passed ? 'pass' : '<b>fail</b>'}</td>` +
    `<td>${escapeHtml(c.name)}</td><td><span class="role">${escapeHtml(c.role)}${c.quantifier === 'exists' ? ' (exists)' : ''}</span></td>` +
    `<td>${escapeHtml(c.oracle)}</td><td class="n">${c.cases}</td><td class="n">${c.seed}</td>` +
    `<td class="n">${escapeHtml(measuredText(c))}</td><td class="n">${escapeHtml(marginText(c.margin))}</td></tr>`;
}

function errataSection(results: ResultsFile): string {
  const rows = errataRows(results).map(({ erratum: e, evidence }) =>
    `<tr><td><span class="sev sev-${escapeHtml(e.severity)}" title="${escapeHtml(SEVERITY_MEANING[e.severity] ?? '')}">${escapeHtml(e.severity)}</span></td>` +
    `<td>${richText(e.where)}</td><td>${richText(e.printed)}</td><td>${richText(e.right)}</td>` +
    `<td>${evidence.map((x) => `<a href="#${slug(x.id)}">${escapeHtml(x.id)}</a> ${badge(x.verdict)}`).join('<br>')}</td></tr>`);
  return `<section id="errata"><h2>Errata</h2>
<p>${escapeHtml(errataSummary(results))} in the source. An erratum is one distinct error, counted once however many items show it;
the evidence is the items whose checks show it.</p>
${rows.length ? `<table class="errata"><thead><tr><th>severity</th><th>where</th><th>printed</th><th>right</th><th>evidence</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>` : '<p>None recorded.</p>'}
</section>`;
}

function itemCard(it: ItemRecord, backend: string): string {
  const r = it.result;
  const out: string[] = [];
  const changed = r.verdict !== it.expectedVerdict;
  out.push(`<article class="item" id="${slug(it.id)}" data-verdict="${escapeHtml(r.verdict)}" data-section="${escapeHtml(it.section)}">`);
  out.push(`<header><h3><a href="#${slug(it.id)}">${escapeHtml(it.id)}</a></h3>${badge(r.verdict)}` +
    (changed ? `<span class="changed">recorded verdict: ${escapeHtml(it.expectedVerdict)}</span>` : '') +
    `<span class="meta">§${escapeHtml(it.section)} · ${escapeHtml(it.kind)} · <code>${escapeHtml(it.file)}</code></span></header>`);
  out.push(`<blockquote lang="zh" class="quote">${richText(it.quote)}</blockquote>`);
  out.push(`<p class="statement">${richText(it.statement)}</p>`);
  if (it.reading) out.push(`<p class="reading"><span class="label">reading</span> ${richText(it.reading)}</p>`);
  const place = placeText(it);
  if (place) out.push(`<p class="place"><span class="label">sentence</span> ${escapeHtml(place)}</p>`);
  if (it.errata?.length) out.push(`<p class="errata-links"><span class="label">errata</span> ${it.errata.map((id) => `<a href="#errata">${escapeHtml(id)}</a>`).join(', ')}</p>`);
  if (it.notes) out.push(`<p class="notes"><span class="label">notes</span> ${richText(it.notes)}</p>`);
  if (it.printed) out.push(`<div class="formula"><div class="label">as printed</div>${math(it.printed, true)}</div>`);
  if (it.formula) out.push(`<div class="formula checked"><div class="label">formula checked (not printed in the book)</div>${math(it.formula, true)}</div>`);
  if (it.correction) {
    out.push(`<div class="formula correction"><div class="label">correction</div>` +
      `${it.correction.latex ? math(it.correction.latex, true) : ''}<p>${richText(it.correction.statement)}</p></div>`);
  }
  if (it.condition) out.push(`<p class="condition"><span class="label">condition</span> ${richText(it.condition)}</p>`);
  if (it.reason) out.push(`<p class="reason"><span class="label">not checkable</span> ${richText(it.reason)}</p>`);
  out.push(`<p class="why"><span class="label">why</span> ${escapeHtml(r.reason)}</p>`);
  if (r.checks.length) {
    out.push(`<p class="run">seed ${r.checks[0]!.seed} · oracle backend ${escapeHtml(backend)}</p>`);
    out.push('<table class="checks"><thead><tr><th></th><th>check</th><th>role</th><th>reference</th><th>cases</th>' +
      '<th>seed</th><th>measured vs tolerance</th><th>margin</th></tr></thead><tbody>');
    for (const c of r.checks) out.push(checkRow(c));
    out.push('</tbody></table>');
  }
  const ce = r.counterexample;
  if (ce) {
    out.push(`<div class="counterexample"><div class="label">counterexample</div>` +
      `<p>check “${escapeHtml(ce.check)}”, seed ${ce.seed}, path <code>${escapeHtml(ce.path)}</code>, ${ce.shrinkSteps} shrink steps</p><dl>` +
      caseLine('shrunk', ce.shrunk) + caseLine('worst before shrinking', ce.worstBeforeShrinking) +
      `<dt>replay</dt><dd><code class="replay">${escapeHtml(replayCommand(it.id, ce.seed, ce.path))}</code></dd></dl></div>`);
  }
  out.push('</article>');
  return out.join('\n');
}

function totalsSection(items: ItemRecord[]): string {
  const { byVerdict, bySection } = totals(items);
  const verdicts = VERDICT_ORDER.filter((v) => byVerdict[v] || RECORDABLE.includes(v));
  const buttons = [`<button type="button" class="filter" data-filter="all" aria-pressed="true">all <b>${items.length}</b></button>`,
    ...verdicts.map((v) => `<button type="button" class="filter v-${v}" data-filter="${v}" aria-pressed="false">${v} <b>${byVerdict[v] ?? 0}</b></button>`)];
  const rows = Object.entries(bySection).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([section, counts]) =>
    `<tr><th>§${escapeHtml(section)}</th>${verdicts.map((v) => `<td class="n">${counts[v] ?? 0}</td>`).join('')}` +
    `<td class="n">${Object.values(counts).reduce((a, b) => a + b, 0)}</td></tr>`);
  const changed = items.filter((it) => it.result.verdict !== it.expectedVerdict);
  return `<section id="totals"><h2>Totals</h2>
<div class="filters" role="group" aria-label="filter items by verdict">${buttons.join('')}</div>
<p class="shown">showing <b id="shown-count">${items.length}</b> of ${items.length} items</p>
${changed.length ? `<p class="changed">${changed.length} item(s) differ from the recorded verdict: ${changed.map((it) => `<a href="#${slug(it.id)}">${escapeHtml(it.id)}</a>`).join(', ')}</p>` : ''}
<table class="totals"><thead><tr><th>subsection</th>${verdicts.map((v) => `<th>${badge(v)}</th>`).join('')}<th>items</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><th>all</th>${verdicts.map((v) => `<td class="n">${byVerdict[v] ?? 0}</td>`).join('')}<td class="n">${items.length}</td></tr></tfoot></table>
</section>`;
}

function indexSection(items: ItemRecord[]): string {
  const rows = items.map((it) => {
    const margins = it.result.checks.filter((c) => c.passed).map((c) => Number(c.margin));
    return `<tr data-verdict="${escapeHtml(it.result.verdict)}"><td><a href="#${slug(it.id)}">${escapeHtml(it.id)}</a></td>` +
      `<td>§${escapeHtml(it.section)}</td><td>${badge(it.result.verdict)}</td><td>${escapeHtml(it.statement)}</td>` +
      `<td class="n">${margins.length ? escapeHtml(marginText(Math.min(...margins))) : '—'}</td></tr>`;
  });
  return `<section id="index"><details><summary><h2>Index of ${items.length} items</h2></summary><table class="index"><thead><tr><th>id</th><th>section</th><th>verdict</th>` +
    `<th>statement</th><th>smallest passing margin</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></details></section>`;
}

function plotsSection(plots: Plot[]): string {
  return `<section id="plots"><h2>Plots</h2><div class="plots">${plots.map((p) =>
    `<figure class="plot" id="${escapeHtml(p.id)}"><h3>${escapeHtml(p.title)}</h3>${p.svg}<figcaption>${escapeHtml(p.caption)}</figcaption></figure>`).join('\n')}</div></section>`;
}

function findingsSection(f: ResultsFile['oracleFindings']): string {
  const t = f.tfjs;
  const show = (m: QualificationMeasurement | undefined) => !m ? '—'
    : m.relativeError === null ? `throws: ${escapeHtml(m.error ?? '')}` : `${num(m.relativeError)}${m.passed === false ? ' <b>wrong</b>' : ''}`;
  const rows = t.patched.map((p, i) =>
    `<tr><td>${escapeHtml(p.case)}</td><td>${escapeHtml(p.method)}</td><td>${show(t.stock[i])}</td><td>${show(p)}</td><td class="n">${num(p.tolerance)}</td></tr>`);
  return `<section id="oracles"><h2>Oracle findings</h2>
<p>Facts about the references, never verdicts about the book. tfjs ${escapeHtml(t.version)} on the ${escapeHtml(t.backend)} backend,
each method qualified on closed forms, stock gradients vs the higher-order patch (re-registered gradients of
${t.patchedKernels.map(escapeHtml).join(', ') || 'none'}). Qualified after the patch:
${Object.entries(t.qualified).map(([k, v]) => `${escapeHtml(k)} ${v ? 'yes' : '<b>no</b>'}`).join(', ')}.</p>
<table class="findings"><thead><tr><th>known case</th><th>method</th><th>stock tfjs (relative error)</th><th>patched</th><th>tolerance</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${t.libraryDefects.length ? `<h3>tfjs library functions the oracle does not use, measured</h3><ul>${t.libraryDefects.map((d) => `<li><code>${escapeHtml(d.name)}</code>: ${escapeHtml(d.outcome)}</li>`).join('')}</ul>` : ''}
<h3>Symmetric eigenvalues on known spectra</h3>
<table class="findings"><thead><tr><th>library</th><th>cases</th><th>threw</th><th>inaccurate</th><th>worst relative error</th><th>tolerance</th><th>qualified</th></tr></thead><tbody>
${f.eigen.map((e) => `<tr><td>${escapeHtml(e.library)}</td><td class="n">${e.cases}</td><td class="n">${e.threw}</td><td class="n">${e.inaccurate}</td>` +
    `<td class="n">${num(e.worstRelativeError)}</td><td class="n">${num(e.tolerance)}</td><td>${e.qualified ? 'yes' : '<b>no</b>'}` +
    `${e.examples.length ? ` — ${e.examples.map(escapeHtml).join('; ')}` : ''}</td></tr>`).join('\n')}
</tbody></table><p>Eigenvalue oracle used by the checks: ${escapeHtml(f.eigenOracle)}.</p>
${f.references?.length ? `<h3>References, each qualified on known cases before any check used it</h3>
<table class="findings"><thead><tr><th>reference</th><th>dtype</th><th>qualified</th><th>known cases</th></tr></thead><tbody>
${f.references.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.dtype)}</td><td>${r.qualifiable ? (r.qualified ? 'yes' : '<b>no</b>') : 'not a reference'}</td>` +
    `<td>${escapeHtml(r.note)}${r.cases.length ? `<ul>${r.cases.map((c) => `<li>${escapeHtml(c.case)}: ${num(c.error)} vs ${num(c.tolerance)}${c.passed ? '' : ' <b>missed</b>'}</li>`).join('')}</ul>` : ''}</td></tr>`).join('\n')}
</tbody></table>` : ''}</section>`;
}

/** The cross-backend agreement of the tfjs-oracle checks (reports/backends.ts), when more than one backend was recorded. */
function backendSection(agreement: BackendAgreement | undefined): string {
  if (!agreement || agreement.backends.filter((b) => b.source).length < 2) return '';
  const rows = agreement.rows.map((r) => `<tr${r.agrees ? '' : ' class="fail"'}><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.check)}</td>` +
    `<td><span class="role">${escapeHtml(r.role)}</span></td>${BACKEND_COLUMNS.map((name) => {
      const m = r.perBackend[name];
      return `<td class="n">${m ? `${num(m.maxError)} / ${num(m.tolerance)} ${m.passed ? '✓' : '✗'}` : '—'}</td>`;
    }).join('')}<td class="n">${r.spread === null ? '—' : num(r.spread)}</td><td>${r.agrees ? 'yes' : '<b>no</b>'}</td></tr>`);
  const runs = agreement.backends.map((b) => `<li><b>${escapeHtml(b.name)}</b>: ${b.source
    ? `seed ${b.seed ?? '—'}, ${b.runs ?? '—'} cases${b.comparable ? '' : ' — <b>not comparable</b> (different seed or case counts)'}`
    : 'not recorded'}</li>`).join('');
  return `<section id="backends"><h2>Cross-backend agreement</h2>
<p>${agreement.itemsAgreeingOnAll} of ${agreement.items} items with a tfjs-oracle check agree on all ${BACKEND_COLUMNS.length} backends
(same seed, cases, tolerance model and qualified oracle methods). Each cell is the measured value of the deciding case / its tolerance.</p>
<ul>${runs}</ul>
${agreement.findings.length ? `<p><b>Findings</b> (a backend disagreeing beyond tolerance):</p><ul>${agreement.findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>` : '<p>Findings: none — no backend disagrees beyond tolerance.</p>'}
${agreement.notes.length ? `<ul>${agreement.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
<details><summary>${agreement.rows.length} tfjs-oracle checks per backend</summary><table class="backends"><thead><tr><th>item</th><th>check</th><th>role</th>
${BACKEND_COLUMNS.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}<th>spread</th><th>agrees</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></details></section>`;
}

const howToRead = (refutationMargin: unknown) => `<section id="how"><h2>How to read this</h2>
<p>Each item is a numbered formula (id <code>4.3.k</code>) or a prose claim (a slug) of the source, shown with its verbatim
Chinese quote, one English sentence, and the formula as printed. Each check measures one number per case (usually the largest
entrywise difference between two computations) and holds it to a tolerance derived from unit roundoff, the number of roundings
and the conditioning (<code>spec/engine/tolerance.ts</code>). The <b>margin</b> of a case is tolerance/measured for a check that needs
the value at most its tolerance, and measured/tolerance for one that needs it at least its bound: above 1 the case passes (∞: exact),
below 1 it fails and misses by 1/margin. A universal claim is refuted by a case that misses by ${escapeHtml(String(refutationMargin))}× or more, with a
correction whose checks pass; an existential claim is shown by a witness with margin ≥ ${escapeHtml(String(refutationMargin))}, and refuted only when a check of
its universal negation passes (a sample never shows that no witness exists).
Roles: <i>claim</i> (the sentence under the reading the item states), <i>negation</i>, <i>support</i> (agreement with a reference the verdict
relies on), <i>correction</i>, <i>condition</i> and <i>outside-condition</i>, <i>literal</i> (the literal reading: evidence of an erratum, it does not
decide the verdict). A counterexample is fast-check's shrunk case; its replay command re-runs the item with the same seed from the recorded path.</p></section>`;

const SCRIPT = `(() => {
  const buttons = [...document.querySelectorAll('button[data-filter]')];
  const show = (verdict) => {
    let shown = 0;
    for (const el of document.querySelectorAll('article.item, table.index tbody tr')) {
      const on = verdict === 'all' || el.dataset.verdict === verdict;
      el.hidden = !on;
      if (on && el.tagName === 'ARTICLE') shown++;
    }
    document.getElementById('shown-count').textContent = String(shown);
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.filter === verdict));
  };
  for (const b of buttons) b.addEventListener('click', () => show(b.dataset.filter));
})();`;

const CSS = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d0d7de; --bg:#fff; --soft:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px; font: 15px/1.5 "${CJK_FONT_FAMILY}", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { margin-top: 36px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.run-info, .meta, .run, .shown { color: var(--muted); font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8em; font-weight: 600; color: #fff; background: #6e7781; white-space: nowrap; }
.v-holds { background: #1a7f37; } .v-refuted { background: #cf222e; } .v-conditional { background: #9a6700; } .v-definition { background: #0969da; }
.v-not-checkable { background: #6e7781; } .v-borderline, .v-inconclusive { background: #8250df; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
button.filter { border: 1px solid var(--line); border-radius: 14px; padding: 3px 12px; background: #fff; color: var(--fg); cursor: pointer; font: inherit; }
button.filter[aria-pressed="true"] { outline: 2px solid var(--fg); outline-offset: 1px; }
button.filter.v-holds { background: #1a7f37; } button.filter.v-refuted { background: #cf222e; } button.filter.v-conditional { background: #9a6700; }
button.filter.v-definition { background: #0969da; } button.filter.v-not-checkable { background: #6e7781; }
button.filter.v-borderline, button.filter.v-inconclusive { background: #8250df; }
button.filter[class*="v-"] { color: #fff; border-color: transparent; }
.changed { color: #cf222e; font-weight: 600; margin-left: 8px; }
.sev { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 0.85em; font-weight: 600; border: 1px solid var(--line); }
.sev-error { color: #cf222e; } .sev-sign { color: #bc4c00; } .sev-typo, .sev-notation { color: #0969da; } .sev-imprecise { color: #59636e; }
div.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(370px, 1fr)); gap: 16px; }
figure.plot { margin: 0; } figure.plot h3 { font-size: 0.95em; margin: 0 0 4px; } figure.plot svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.82em; color: var(--muted); }
details > summary { cursor: pointer; } details > summary h2 { display: inline-block; border: 0; margin: 24px 0 8px; }
article.item { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
article.item > header { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; } article.item h3 { margin: 0; font-size: 1.2em; }
article.item h3 a { color: inherit; text-decoration: none; }
.quote { margin: 10px 0; padding: 6px 12px; border-left: 4px solid var(--line); background: var(--soft); white-space: pre-wrap; overflow-wrap: anywhere; }
.statement { font-style: italic; }
.formula { margin: 8px 0; padding: 4px 12px; border-left: 4px solid #0969da; overflow-x: auto; } .formula.correction { border-left-color: #1a7f37; }
.label { display: inline-block; font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin-right: 6px; }
table.checks tr.fail td { background: #ffebe9; } .role { font-size: 0.85em; color: var(--muted); }
.counterexample { margin-top: 10px; padding: 6px 12px; background: #fff8c5; border-radius: 6px; }
.counterexample dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; } .counterexample dd { margin: 0; overflow-wrap: anywhere; }
code.input { font-size: 0.85em; } code.replay { background: #fff; padding: 1px 4px; }
[hidden] { display: none !important; }
`;

export function renderHtml(results: ResultsFile, plots: Plot[]): string {
  const { generated: g, oracleFindings, items } = results;
  const versions = Object.entries(g.versions).map(([k, v]) => `${escapeHtml(k)} ${escapeHtml(v)}`).join(', ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>losscheck conformance report: §4.3 loss functions</title>
<link rel="icon" href="data:,">
<style>${inlineKatexCss()}</style>
<style>${CSS}</style>
</head><body>
<h1>losscheck conformance report: §4.3 loss functions</h1>
<p class="run-info">Seed ${g.seed} · ${g.runs} cases per property, ${g.hessianRuns} per full-Hessian property · oracle backend ${escapeHtml(g.backend)} · ${versions}</p>
${errataSection(results)}
${totalsSection(items)}
${plotsSection(plots)}
${indexSection(items)}
<section id="items"><h2>Evidence per item</h2>
${items.map((it) => itemCard(it, g.backend)).join('\n')}
</section>
${findingsSection(oracleFindings)}
${backendSection(results.backendAgreement)}
${howToRead(g.toleranceModel.refutationMargin)}
<script>${SCRIPT}</script>
</body></html>
`;
}
