// Renders the HTML report: one self-contained page that opens from disk with no network. Formulas are
// typeset at build time to MathML (temml; the browser lays them out natively, in the Noto Sans Math
// subset that build.ts embeds with the CJK font subset: reports/fonts.ts); plots are inline SVG; a few
// lines of plain JS filter and search the items and keep that state in the URL. The page stays light:
// each item is a compact card (id, verdict, statement, quote, correction/condition/reason), and what
// opens below it (the sentence it checks, the formulas typeset, reading, notes, every check with its
// margin, the counterexample and its replay line) is kept, with the other folded parts, in one
// compressed island (deflate-raw, in 93 printable characters: EVIDENCE_ID) that the page's script inflates in the browser
// (Compression Streams API) the first time something is opened, so the whole evidence is in the one
// file, one click away, without weighing on the download or the first paint. Like the Markdown report it renders recorded
// results only and asserts nothing; a formula temml cannot parse is shown as temml's own error element
// (.temml-error), which the tests look for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import temml from 'temml';
import type { CaseRecord, CheckRecord, ItemRecord, Num, QualificationMeasurement, ResultsFile } from './model.ts';
import { fmt, marginText, measuredText, provenanceText, quoteIsLatex, replayCommand } from './markdown.ts';
import { SEVERITY_MEANING, SEVERITY_ORDER, errataRows, errataSummary, placeViews, type PlaceView } from './errata.ts';
import type { Plot } from './plots.ts';
import { BACKEND_COLUMNS, type BackendAgreement } from './backends.ts';
import { VERDICT_ORDER, totals, verdictMeanings } from './summary.ts';
import { CJK_FONT_FAMILY, MATH_FONT_FAMILY } from './fonts.ts';
import { SUBJECT_STATUS_MEANING, subjectConformance, subjectSummary, type SubjectCheckRow, type SubjectConformance } from './subject.ts';
import { compactMathStyles, markupNames, minifyMathml, pruneCss } from './mathml.ts';

/** The five verdicts an item can record, shown in the totals even when none has that verdict. */
const RECORDABLE = ['holds', 'refuted', 'conditional', 'definition', 'not-checkable'];

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One formula typeset to MathML; a display formula is wrapped so it scrolls inside its card on a narrow screen. */
export function math(latex: string, display: boolean): string {
  // No annotation: the LaTeX source is not repeated inside the page (the JSON and Markdown reports carry it).
  const mathml = minifyMathml(temml.renderToString(latex, { displayMode: display, throwOnError: false, annotate: false }));
  return display ? `<div class="math-display">${mathml}</div>` : mathml;
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

/**
 * temml's stylesheet for Noto Sans Math (how Chromium, Firefox and WebKit lay out its MathML), with the
 * embedded subset as the font (CJK text inside a formula falls back to the embedded CJK subset).
 */
export function mathCss(): string {
  const css = readFileSync(createRequire(import.meta.url).resolve('temml/dist/Temml-NotoSans.css'), 'utf8');
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@font-face\s*{[^}]*}/g, '')
    .replace(/"NotoSans Math"/g, `"${MATH_FONT_FAMILY}", "${CJK_FONT_FAMILY}"`)
    .replace(/\s*\n\s*/g, '\n').replace(/\s*([{};:,])\s*/g, '$1').trim();
}

const num = (x: Num | null | undefined) => escapeHtml(fmt(x));
const slug = (id: string) => `item-${id.replace(/[^\w.-]+/g, '-')}`;
const itemLink = (id: string) => `<a href="#${slug(id)}">${escapeHtml(id)}</a>`;
/** A table that scrolls sideways inside its card instead of widening the page. */
const scroll = (table: string) => `<div class="scroll">${table}</div>`;
/** The folded parts of the page, by key: their HTML travels compressed and is put in when opened. */
type Island = Map<string, string>;
/** The id of the <script type="application/octet-stream"> that holds the island. */
export const EVIDENCE_ID = 'evidence';

/** A folded part: its body goes to the island, and the page's script puts it in when the <details> is opened. */
function lazy(island: Island, key: string, cls: string, summary: string, body: string, keyFromCard = false): string {
  if (island.has(key)) throw new Error(`two folded parts share the key ${key}`);
  island.set(key, body);
  // An item's evidence is found by its card's id (the script looks it up), so it needs no key of its own.
  return `<details class="${cls ? `lazy ${cls}` : 'lazy'}"${keyFromCard ? '' : ` data-key="${escapeHtml(key)}"`}><summary>${summary}</summary></details>`;
}

/**
 * The island's text: its bytes 13 bits at a time, each as two characters of the 93 printable ASCII ones
 * other than "<" (93² ≥ 2¹³), which never ends a <script> element: 16 characters per 13 bytes' worth of
 * bits where base64 takes 17.3 (8% lighter). ISLAND_DECODE, in the page's script, reads it back.
 */
const ISLAND_DIGITS = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => c !== '<').join('');
export function encodeIsland(bytes: Uint8Array): string {
  const out: string[] = [];
  const put = (x: number) => out.push(ISLAND_DIGITS[x % 93]! + ISLAND_DIGITS[Math.floor(x / 93)]!);
  let acc = 0, bits = 0;
  for (const b of bytes) {
    acc |= b << bits;
    bits += 8;
    if (bits >= 13) { put(acc & 8191); acc >>>= 13; bits -= 13; }
  }
  if (bits > 0) put(acc);
  return out.join('');
}
/** The decoder of encodeIsland's text into its `n` bytes, as the page's script has it (JavaScript source; foldedParts runs the same). */
export const ISLAND_DECODE = `(text, n) => {
    const out = new Uint8Array(n), digit = (i) => { const c = text.charCodeAt(i); return c - 33 - (c > 60); };
    let acc = 0, bits = 0, o = 0;
    for (let i = 0; o < n && i < text.length; i += 2) {
      acc |= (digit(i) + 93 * digit(i + 1)) << bits;
      for (bits += 13; bits >= 8 && o < n; bits -= 8, acc >>>= 8) out[o++] = acc & 255;
    }
    return out;
  }`;

function islandScript(island: Island): string {
  const bytes = deflateRawSync(JSON.stringify(Object.fromEntries(island)), { level: 9 });
  return `<script type="application/octet-stream" id="${EVIDENCE_ID}" data-bytes="${bytes.length}">${encodeIsland(bytes)}</script>`;
}

/** The folded parts of a rendered page, by key, as HTML (what the browser's script inflates; for the fonts and the tests). */
export function foldedParts(html: string): Record<string, string> {
  const m = new RegExp(`<script type="application/octet-stream" id="${EVIDENCE_ID}" data-bytes="(\\d+)">([^<]*)</script>`).exec(html);
  if (!m) return {};
  const decode = new Function(`return ${ISLAND_DECODE}`)() as (text: string, n: number) => Uint8Array;
  return JSON.parse(inflateRawSync(decode(m[2]!, Number(m[1]))).toString('utf8')) as Record<string, string>;
}

/**
 * A verdict badge. Its tooltip (title) is the verdict's meaning: written here for the legend's badges, and
 * set by the page's script on every other badge from the legend (one copy of each meaning in the file).
 */
function badge(verdict: string, meaning?: string): string {
  return `<span class="badge v-${escapeHtml(verdict)}"${meaning ? ` title="${escapeHtml(meaning)}"` : ''}>${escapeHtml(verdict)}</span>`;
}
/** An errata severity; its tooltip is written on the legend's and set by the page's script on the others, as for the badges. */
function severity(s: string, titled = false): string {
  return `<span class="sev sev-${escapeHtml(s)}"${titled ? ` title="${escapeHtml(SEVERITY_MEANING[s] ?? s)}"` : ''}>${escapeHtml(s)}</span>`;
}

/**
 * The columns of the errata and checks tables. On a phone their rows become blocks and each cell is headed by
 * its column's name: written once in the stylesheet (cellLabels), not on every cell.
 */
const ERRATA_COLUMNS = ['severity', 'where', 'printed', 'right', 'evidence'];
const CHECK_COLUMNS = ['', 'check', 'role', 'reference', 'cases', 'measured vs tolerance', 'margin'];
/** The check a skipped row names has, from this column on, the reason it was skipped. */
const CHECK_SKIPPED_AT = 6;
const head = (columns: string[]) => `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
/** CSS giving the cells of `table`, from column `from` on, their column's name as a heading. */
const cellLabels = (table: string, columns: string[], from: number) =>
  columns.map((c, i) => (i + 1 >= from ? `table.${table} td:nth-child(${i + 1})::before { content: ${JSON.stringify(c)}; }` : '')).join(' ');

/** Compact JSON of a counterexample input: 6 significant digits, long arrays kept whole (it is the evidence). */
function inputJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x));
}

function caseLine(label: string, c: CaseRecord): string {
  return `<dt>${label}</dt><dd><code>${escapeHtml(inputJson(c.input))}</code> → measured ` +
    `<b>${num(c.value)}</b> vs tolerance ${num(c.bound)}${c.note ? ` — ${escapeHtml(c.note)}` : ''}</dd>`;
}

function counterexampleBlock(id: string, ce: NonNullable<CheckRecord['counterexample']>): string {
  return `<div class="cx"><div class="label">counterexample</div>` +
    `<p>check “${escapeHtml(ce.check)}”, seed ${ce.seed}, path <code>${escapeHtml(ce.path)}</code>, ${ce.shrinkSteps} shrink steps</p><dl>` +
    caseLine('shrunk', ce.shrunk) + caseLine('worst before shrinking', ce.worstBeforeShrinking) +
    `<dt>replay</dt><dd><code class="replay">${escapeHtml(replayCommand(id, ce.seed, ce.path))}</code></dd></dl></div>`;
}

/** One row of an item's checks. The seed is the run's (shown once above the table) unless this check's differs. */
function checkRow(c: CheckRecord, runSeed: number): string {
  const seed = c.seed === runSeed ? '' : ` (seed ${c.seed})`;
  const role = `${escapeHtml(c.role)}${c.quantifier === 'exists' ? ' (exists)' : ''}`;
  if (c.skipped) {
    return `<tr class="skip"><td>skip</td><td>${escapeHtml(c.name)}${seed}</td><td>${role}</td><td>${escapeHtml(c.oracle)}</td>` +
      `<td class="n">0</td><td colspan="2">${escapeHtml(c.skipped)}</td></tr>`;
  }
  return `<tr${c.passed ? '' : ' class="fail"'}><td>${c.passed ? 'pass' : '<b>fail</b>'}</td><td>${escapeHtml(c.name)}${seed}</td><td>${role}</td>` +
    `<td>${escapeHtml(c.oracle)}</td><td class="n">${c.cases}</td>` +
    `<td class="n">${escapeHtml(measuredText(c))}</td><td class="n">${escapeHtml(marginText(c.margin))}</td></tr>`;
}

function checksTable(checks: CheckRecord[], runSeed: number): string {
  return scroll(`<table class="checks">${head(CHECK_COLUMNS)}<tbody>${checks.map((c) => checkRow(c, runSeed)).join('')}</tbody></table>`);
}

function errataSection(results: ResultsFile): string {
  const rows = errataRows(results).map(({ erratum: e, evidence }) =>
    `<tr><td>${severity(e.severity)}</td><td>${richText(e.where)}</td><td>${richText(e.printed)}</td><td>${richText(e.right)}</td>` +
    `<td>${evidence.map((x) => itemLink(x.id)).join(', ')}</td></tr>`);
  return `<section id="errata"><h2>Errata</h2>
<p>${escapeHtml(errataSummary(results))} in the source. An erratum is one distinct error, counted once however many items show it;
the evidence is the items whose checks show it.</p>
${rows.length ? scroll(`<table class="errata">${head(ERRATA_COLUMNS)}<tbody>${rows.join('\n')}</tbody></table>`) : '<p>None recorded.</p>'}
</section>`;
}

/** The verdicts and severities explained, at the top of the page. */
function legendSection(results: ResultsFile, meanings: Record<string, string>): string {
  const present = new Set(results.items.map((it) => it.result.verdict));
  const verdicts = VERDICT_ORDER.filter((v) => RECORDABLE.includes(v) || present.has(v));
  return `<section id="legend" aria-label="legend"><dl class="legend">${verdicts.map((v) => `<dt>${badge(v, meanings[v])}</dt><dd>${escapeHtml(meanings[v]!)}</dd>`).join('')}</dl>
<p class="sevs">Errata severities: ${SEVERITY_ORDER.map((s) => `${severity(s, true)} ${escapeHtml(SEVERITY_MEANING[s]!)}`).join(' · ')}.
The <b>margin</b> of a check is how far its deciding case clears its tolerance (above 1: passes; below 1: misses by 1/margin). <a href="#how">More on how to read this</a>.</p></section>`;
}

function placeLine(v: PlaceView): string {
  if (v.extent === 'whole') return `<p class="place"><span class="label">sentence</span> checks all of ${escapeHtml(v.where)}</p>`;
  const rest = [
    ...(v.others.length ? [`checked by ${v.others.map(itemLink).join(', ')}`] : []),
    ...(v.rest ? [`not checked: <i>${escapeHtml(v.rest.class)}</i>${v.rest.reason ? ` (${escapeHtml(v.rest.reason)})` : ''}`] : []),
  ];
  const restHtml = rest.length ? rest.join('; ') : '<span class="uncovered">no other item, and no classification in the ledger</span>';
  if (v.extent === 'part') {
    return `<p class="place part"><span class="label">sentence</span> checks <b>part</b> of ${escapeHtml(v.where)}: the quote. The rest of that sentence: ${restHtml}</p>`;
  }
  return `<p class="place"><span class="label">sentence</span> ${escapeHtml(v.where)} (not compared with the source: it was not available to the run)${rest.length ? `; also there: ${restHtml}` : ''}</p>`;
}

/**
 * An item's card. Closed, it shows what a reader scans (id, verdict, statement, quote, and the correction,
 * condition or reason); its evidence opens below it, from the island: the sentence it checks, why the
 * verdict, the formulas typeset, reading, notes, errata, every check and the counterexample.
 */
function itemCard(island: Island, it: ItemRecord, runSeed: number): string {
  const r = it.result;
  const out: string[] = [];
  const changed = r.verdict !== it.expectedVerdict;
  const latexQuote = quoteIsLatex(it);
  out.push(`<article class="item" id="${slug(it.id)}" data-verdict="${escapeHtml(r.verdict)}" data-section="${escapeHtml(it.section)}">`);
  out.push(`<header><h3><a href="#${slug(it.id)}">${escapeHtml(it.id)}</a></h3>${badge(r.verdict)}` +
    (changed ? `<span class="changed">recorded verdict: ${escapeHtml(it.expectedVerdict)}</span>` : '') +
    `<span class="meta">§${escapeHtml(it.section)} · ${escapeHtml(it.kind)}</span></header>`);
  out.push(`<p class="statement s">${richText(it.statement)}</p>`);
  // A quote that is a piece of the printed display formula is shown once: typeset, as printed, in the evidence.
  out.push(latexQuote ? `<details class="source"><summary>source quote (LaTeX)</summary><code class="s">${escapeHtml(it.quote)}</code></details>`
    : `<blockquote lang="zh" class="quote s">${richText(it.quote)}</blockquote>`);
  if (it.condition) out.push(`<p class="condition"><span class="label">condition</span> ${richText(it.condition)}</p>`);
  if (it.correction) out.push(`<p class="correction"><span class="label">correction</span> ${richText(it.correction.statement)}</p>`);
  if (it.reason) out.push(`<p class="reason"><span class="label">not checkable</span> ${richText(it.reason)}</p>`);

  const body: string[] = [];
  for (const v of placeViews(it)) body.push(placeLine(v));
  body.push(`<p class="why"><span class="label">why</span> ${escapeHtml(r.reason)}</p>`);
  if (it.printed) body.push(`<div class="formula"><div class="label">as printed</div>${math(it.printed, true)}</div>`);
  if (it.formula) body.push(`<div class="formula checked"><div class="label">formula checked (not printed in the book)</div>${math(it.formula, true)}</div>`);
  if (it.correction?.latex) body.push(`<div class="formula correction"><div class="label">correction</div>${math(it.correction.latex, true)}</div>`);
  if (it.reading) body.push(`<p class="reading"><span class="label">reading</span> ${richText(it.reading)}</p>`);
  if (it.notes) body.push(`<p class="notes"><span class="label">notes</span> ${richText(it.notes)}</p>`);
  if (it.errata?.length) body.push(`<p class="errata-links"><span class="label">errata</span> ${it.errata.map((id) => `<a href="#errata">${escapeHtml(id)}</a>`).join(', ')}</p>`);
  body.push(`<p class="run">file <code>${escapeHtml(it.file)}</code></p>`);
  if (r.checks.length) body.push(checksTable(r.checks, runSeed));
  if (r.counterexample) body.push(counterexampleBlock(it.id, r.counterexample));

  const failed = r.checks.filter((c) => !c.skipped && !c.passed).length;
  const skipped = r.checks.filter((c) => c.skipped).length;
  const partial = placeViews(it).some((v) => v.extent === 'part');
  const summary = [
    partial ? 'checks <b>part</b> of a sentence' : '',
    r.checks.length ? `${r.checks.length} ${r.checks.length === 1 ? 'check' : 'checks'}${failed ? `, <b>${failed} failing</b>` : ''}${skipped ? `, ${skipped} skipped` : ''}` : 'no checks',
    it.printed || it.formula || it.correction?.latex ? 'formulas' : '',
    r.counterexample ? '<b>counterexample</b>, replay' : '',
  ].filter(Boolean).join(' · ');
  out.push(lazy(island, slug(it.id), '', `evidence: ${summary}`, body.join('\n'), true));
  out.push('</article>');
  return out.join('');
}

function totalsSection(items: ItemRecord[]): string {
  const { byVerdict, bySection } = totals(items);
  const verdicts = VERDICT_ORDER.filter((v) => byVerdict[v] || RECORDABLE.includes(v));
  const link = (label: string, state: Record<string, string>) => `<a href="#${new URLSearchParams(state).toString()}">${label}</a>`;
  const rows = Object.entries(bySection).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([section, counts]) =>
    `<tr><th>${link(`§${escapeHtml(section)}`, { section })}</th>${verdicts.map((v) => `<td class="n">${counts[v] ? link(String(counts[v]), { verdict: v, section }) : 0}</td>`).join('')}` +
    `<td class="n">${Object.values(counts).reduce((a, b) => a + b, 0)}</td></tr>`);
  const changed = items.filter((it) => it.result.verdict !== it.expectedVerdict);
  return `<section id="totals"><h2>Totals</h2>
${changed.length ? `<p class="changed">${changed.length} item(s) differ from the recorded verdict: ${changed.map((it) => itemLink(it.id)).join(', ')}</p>` : ''}
${scroll(`<table class="totals"><thead><tr><th>subsection</th>${verdicts.map((v) => `<th>${badge(v)}</th>`).join('')}<th>items</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><th>${link('all', { verdict: 'all' })}</th>${verdicts.map((v) => `<td class="n">${byVerdict[v] ? link(String(byVerdict[v]), { verdict: v }) : 0}</td>`).join('')}<td class="n">${items.length}</td></tr></tfoot></table>`)}
</section>`;
}

/** The filter bar of the items: verdict buttons, a subsection menu and a search box (their state is in the URL). */
function toolbar(items: ItemRecord[], meanings: Record<string, string>): string {
  const { byVerdict, bySection } = totals(items);
  const verdicts = VERDICT_ORDER.filter((v) => byVerdict[v] || RECORDABLE.includes(v));
  const buttons = [`<button type="button" class="filter" data-filter="all" aria-pressed="true" title="every item">all <b>${items.length}</b></button>`,
    ...verdicts.map((v) => `<button type="button" class="filter v-${v}" data-filter="${v}" aria-pressed="false" title="${escapeHtml(meanings[v]!)}">${v} <b>${byVerdict[v] ?? 0}</b></button>`)];
  const sections = Object.keys(bySection).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return `<div class="toolbar"><div class="filters" role="group" aria-label="filter items by verdict">${buttons.join('')}</div>
<div class="search"><label>subsection <select id="section"><option value="">all</option>${sections.map((s) => `<option value="${escapeHtml(s)}">§${escapeHtml(s)}</option>`).join('')}</select></label>
<input id="q" type="search" placeholder="search id, statement, quote" aria-label="search the items' id, statement and quote" autocomplete="off">
<button type="button" id="open-all" title="open the evidence of every item shown">open all</button></div>
<p class="shown">showing <b id="shown-count">${items.length}</b> of ${items.length} items <span id="none" hidden>— none match: <a href="#verdict=all">show all</a></span></p></div>`;
}

/**
 * A subject status. Its tooltip is the status's meaning: written on the subject section's legend, and set by
 * the page's script on every other status from there (as for the verdict badges).
 */
const subjectStatus = (x: string, titled = false) =>
  `<span class="st st-${x}"${titled ? ` title="${escapeHtml(SUBJECT_STATUS_MEANING[x as 'pass'] ?? x)}"` : ''}>${x}</span>`;

/** One subject check; its counterexample in full the first time it is shown (`shown` remembers), referred to after. */
function subjectCheckLine(r: SubjectCheckRow, shown?: Set<SubjectCheckRow>): string {
  const c = r.record;
  const what = r.status === 'skipped' ? `skipped: ${escapeHtml(r.skipped ?? '')}`
    : `${escapeHtml(measuredText(c))}, margin ${escapeHtml(marginText(c.margin))}, ${c.cases} cases`;
  const again = shown?.has(r);
  shown?.add(r);
  const cx = !r.counterexample ? '' : again ? ' (its counterexample and replay: above)' : counterexampleBlock(r.item, r.counterexample);
  return `<li>${subjectStatus(r.status)} ${itemLink(r.item)}: ${escapeHtml(r.check)} <span class="muted">(vs ${escapeHtml(r.reference)})</span> — ${what}${cx}</li>`;
}

/**
 * The subject's conformance per LossApi function, apart from the audit of the book. The functions that fail
 * or are skipped are shown (with the failing checks' counterexamples); those that pass, one row each, and
 * every subject check are folded.
 */
function subjectSection(island: Island, results: ResultsFile): string {
  const s = subjectConformance(results);
  const intro = `<p>The implementation under test, checked function by function against independent references (checks of role
<i>subject</i>). This is about the code, not about the book.${s ? '' : ' No item of this run has a subject check yet.'}</p>`;
  if (!s) return `<section id="subject"><h2>Subject conformance</h2>${intro}</section>`;
  const shown = new Set<SubjectCheckRow>();
  // A table of the functions that pass has no column for failing checks or reasons.
  const row = (f: SubjectConformance['functions'][number], detailed: boolean) => {
    const detail = f.status === 'skipped' ? escapeHtml(f.skippedBecause ?? '')
      : f.status === 'fail' ? `<ul>${f.checks.filter((r) => r.status === 'fail').map((r) => subjectCheckLine(r, shown)).join('')}</ul>` : '';
    const items = [...new Set(f.checks.map((r) => r.item))];
    return `<tr class="st-row-${f.status}"><td><code>${escapeHtml(f.name)}</code></td><td>${subjectStatus(f.status)}</td>` +
      `<td>${f.checks.length} (${items.map(itemLink).join(', ')})</td>${detailed ? `<td>${detail}</td>` : ''}</tr>`;
  };
  const table = (functions: SubjectConformance['functions'], detailed: boolean) => scroll(`<table class="subject">` +
    `${head(['function', 'status', 'checks (items)', ...(detailed ? ['failing checks / why skipped'] : [])])}<tbody>${functions.map((f) => row(f, detailed)).join('\n')}</tbody></table>`);
  const notPassing = s.functions.filter((f) => f.status !== 'pass'), passing = s.functions.filter((f) => f.status === 'pass');
  const legend = (['pass', 'fail', 'skipped'] as const).map((x) => `${subjectStatus(x, true)} ${escapeHtml(SUBJECT_STATUS_MEANING[x])}`).join(' · ');
  return `<section id="subject"><h2>Subject conformance: <code>${escapeHtml(s.subject)}</code></h2>${intro}
<p>${escapeHtml(subjectSummary(s))}. A function fails when one of its checks fails, and is skipped when all of them are.</p>
<p class="st-legend">${legend}.</p>
${notPassing.length ? table(notPassing, true) : ''}
${passing.length ? lazy(island, 'subject-functions', 'subject-functions', `the ${passing.length} ${passing.length === 1 ? 'function' : 'functions'} that pass, one row each`, table(passing, false)) : ''}
${lazy(island, 'subject-checks', 'subject-checks', `all ${s.rows.length} subject checks`, `<ul class="subject-checks">${s.rows.map((r) => subjectCheckLine(r)).join('')}</ul>`)}
</section>`;
}

/** The plots, folded (their SVG is a tenth of the page; compressed in the island it is a fortieth): the titles say what they show. */
function plotsSection(island: Island, plots: Plot[]): string {
  if (!plots.length) return '';
  const figures = `<div class="plots">${plots.map((p) =>
    `<figure class="plot" id="${escapeHtml(p.id)}"><h3>${escapeHtml(p.title)}</h3>${p.svg}<figcaption>${escapeHtml(p.caption)}</figcaption></figure>`).join('\n')}</div>`;
  return `<section id="plots"><h2>Plots</h2>${lazy(island, 'plots', 'plots', plots.map((p) => escapeHtml(p.title)).join(' · '), figures)}</section>`;
}

function findingsSection(island: Island, f: ResultsFile['oracleFindings']): string {
  const t = f.tfjs;
  const show = (m: QualificationMeasurement | undefined) => !m ? '—'
    : m.relativeError === null ? `throws: ${escapeHtml(m.error ?? '')}` : `${num(m.relativeError)}${m.passed === false ? ' <b>wrong</b>' : ''}`;
  const rows = t.patched.map((p, i) =>
    `<tr><td>${escapeHtml(p.case)}</td><td>${escapeHtml(p.method)}</td><td>${show(t.stock[i])}</td><td>${show(p)}</td><td class="n">${num(p.tolerance)}</td></tr>`);
  const references = f.references?.length ? `<h3>References, each qualified on known cases before any check used it</h3>
${scroll(`<table class="findings"><thead><tr><th>reference</th><th>dtype</th><th>qualified</th><th>known cases</th></tr></thead><tbody>
${f.references.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.dtype)}</td><td>${r.qualifiable ? (r.qualified ? 'yes' : '<b>no</b>') : 'not a reference'}</td>` +
    `<td>${escapeHtml(r.note)}${r.cases.length ? `<ul>${r.cases.map((c) => `<li>${escapeHtml(c.case)}: ${num(c.error)} vs ${num(c.tolerance)}${c.passed ? '' : ' <b>missed</b>'}</li>`).join('')}</ul>` : ''}</td></tr>`).join('\n')}
</tbody></table>`)}` : '';
  const body = `<p>Facts about the references, never verdicts about the book. tfjs ${escapeHtml(t.version)} on the ${escapeHtml(t.backend)} backend,
each method qualified on closed forms, stock gradients vs the higher-order patch (re-registered gradients of
${t.patchedKernels.map(escapeHtml).join(', ') || 'none'}). Qualified after the patch:
${Object.entries(t.qualified).map(([k, v]) => `${escapeHtml(k)} ${v ? 'yes' : '<b>no</b>'}`).join(', ')}.</p>
${scroll(`<table class="findings"><thead><tr><th>known case</th><th>method</th><th>stock tfjs (relative error)</th><th>patched</th><th>tolerance</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`)}
${t.libraryDefects.length ? `<h3>tfjs library functions the oracle does not use, measured</h3><ul>${t.libraryDefects.map((d) => `<li><code>${escapeHtml(d.name)}</code>: ${escapeHtml(d.outcome)}</li>`).join('')}</ul>` : ''}
<h3>Symmetric eigenvalues on known spectra</h3>
${scroll(`<table class="findings"><thead><tr><th>library</th><th>cases</th><th>threw</th><th>inaccurate</th><th>worst relative error</th><th>tolerance</th><th>qualified</th></tr></thead><tbody>
${f.eigen.map((e) => `<tr><td>${escapeHtml(e.library)}</td><td class="n">${e.cases}</td><td class="n">${e.threw}</td><td class="n">${e.inaccurate}</td>` +
    `<td class="n">${num(e.worstRelativeError)}</td><td class="n">${num(e.tolerance)}</td><td>${e.qualified ? 'yes' : '<b>no</b>'}` +
    `${e.examples.length ? ` — ${e.examples.map(escapeHtml).join('; ')}` : ''}</td></tr>`).join('\n')}
</tbody></table>`)}<p>Eigenvalue oracle used by the checks: ${escapeHtml(f.eigenOracle)}.</p>
${references}`;
  // The eigen libraries are measured side by side (one of them may fail: a finding); the checks use eigenOracle.
  const qualified = Object.values(t.qualified).every(Boolean) && (f.references ?? []).every((r) => !r.qualifiable || r.qualified);
  return `<section id="oracles"><h2>Oracle findings</h2>
<p>${qualified ? 'Every reference the checks use was qualified on known cases before use.' : '<b>Some reference failed its qualification</b> (details below).'}</p>
${qualified ? lazy(island, 'findings', 'findings', 'the qualification measurements', body) : body}</section>`;
}

/** The cross-backend agreement of the tfjs-oracle checks (reports/backends.ts), when more than one backend was recorded. */
function backendSection(island: Island, agreement: BackendAgreement | undefined): string {
  if (!agreement || agreement.backends.filter((b) => b.source).length < 2) return '';
  const rows = agreement.rows.map((r) => `<tr${r.agrees ? '' : ' class="fail"'}><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.check)}</td>` +
    `<td>${escapeHtml(r.role)}</td>${BACKEND_COLUMNS.map((name) => {
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
${lazy(island, 'backends', 'backends', `${agreement.rows.length} tfjs-oracle checks per backend`, scroll(`<table class="backends"><thead><tr><th>item</th><th>check</th><th>role</th>
${BACKEND_COLUMNS.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}<th>spread</th><th>agrees</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`))}</section>`;
}

const howToRead = (refutationMargin: unknown) => `<section id="how"><h2>How to read this</h2>
<p>Each item is a numbered formula (id <code>4.3.k</code>) or a prose claim (a slug) of the source, shown with its verbatim
Chinese quote, one English sentence, and the formula as printed. Open a card's evidence to see its checks. Each check measures one number per case (usually the largest
entrywise difference between two computations) and holds it to a tolerance derived from unit roundoff, the number of roundings
and the conditioning (<code>spec/engine/tolerance.ts</code>). The <b>margin</b> of a case is tolerance/measured for a check that needs
the value at most its tolerance, and measured/tolerance for one that needs it at least its bound: above 1 the case passes (∞: exact),
below 1 it fails and misses by 1/margin. A universal claim is refuted by a case that misses by ${escapeHtml(String(refutationMargin))}× or more, with a
correction whose checks pass; an existential claim is shown by a witness with margin ≥ ${escapeHtml(String(refutationMargin))}, and refuted only when a check of
its universal negation passes (a sample never shows that no witness exists).
Roles: <i>claim</i> (the sentence under the reading the item states), <i>negation</i>, <i>support</i> (agreement with a reference the verdict
relies on), <i>subject</i> (the implementation under test against an independent reference: the subject conformance above, not the book),
<i>correction</i>, <i>condition</i> and <i>outside-condition</i>, <i>literal</i> (the literal reading: evidence of an erratum, it does not
decide the verdict). A counterexample is fast-check's shrunk case; its replay command re-runs the item with the same seed from the recorded path.
The <i>sentence</i> line says which sentence of the source (by subsection and position in the sentence ledger) the item checks, and when it checks only part of it, what covers the rest.</p>
<p>The filters, the subsection and the search are kept in the address (<code>#verdict=refuted&amp;section=4.3.2&amp;q=softmax</code>; <code>#refuted</code> works too), so a copied link shows what you saw.</p></section>`;

const SCRIPT = `(() => {
  const cards = [...document.querySelectorAll('article.item')];
  const buttons = [...document.querySelectorAll('button[data-filter]')];
  const verdicts = buttons.map((b) => b.dataset.filter);
  const q = document.getElementById('q'), section = document.getElementById('section');
  const KEYS = ['verdict', 'section', 'q'];
  const EMPTY = { verdict: 'all', section: '', q: '' };
  // Every verdict badge's tooltip is its meaning, as the legend at the top states it.
  const meaning = {};
  for (const b of document.querySelectorAll('dl.legend .badge')) meaning[b.textContent] = b.title;
  // Every errata severity's and subject status's too, as the legends state them.
  for (const b of document.querySelectorAll('.sevs .sev, .st-legend .st')) meaning[b.className.split(' ')[0] + ':' + b.textContent] = b.title;
  const titles = (root) => {
    for (const b of root.querySelectorAll('.badge:not([title])')) b.title = meaning[b.textContent] || '';
    for (const b of root.querySelectorAll('.sev:not([title]), .st:not([title])')) b.title = meaning[b.className.split(' ')[0] + ':' + b.textContent] || '';
  };
  titles(document);
  // The folded parts, inflated once from the island (deflate-raw, encodeIsland) when something is first opened.
  let parts;
  const load = () => parts || (parts = (async () => {
    const island = document.getElementById('${EVIDENCE_ID}');
    const bytes = (${ISLAND_DECODE})(island.textContent, Number(island.dataset.bytes));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return JSON.parse(await new Response(stream).text());
  })());
  const keyOf = (d) => d.dataset.key || (d.closest('article.item') || {}).id;
  const fill = async (d) => {
    if (!keyOf(d) || d.dataset.filled) return;
    d.dataset.filled = 'yes';
    let html;
    try { html = (await load())[keyOf(d)]; } catch (e) {
      html = '<p class="changed">This browser could not unpack the evidence (' + e + '); conformance.md and conformance.json beside this page hold it.</p>';
    }
    d.insertAdjacentHTML('beforeend', html || '');
    titles(d);
    d.dispatchEvent(new Event('filled'));
  };
  document.addEventListener('toggle', (e) => { if (e.target.matches && e.target.matches('details.lazy') && e.target.open) fill(e.target); }, true);
  // What the search looks at: the id, the statement and the quote.
  const texts = new Map();
  const haystack = (card) => {
    if (!texts.has(card)) texts.set(card, [...card.querySelectorAll('h3, .s')].map((e) => e.textContent).join('\\n').toLowerCase());
    return texts.get(card);
  };
  const stateFrom = (params) => ({
    verdict: verdicts.includes(params.get('verdict')) ? params.get('verdict') : 'all',
    section: params.get('section') || '', q: params.get('q') || '',
  });
  // The state in the address: #verdict=…&section=…&q=…, the shorthand #refuted, or the same keys in ?…
  const read = () => {
    const hash = location.hash.slice(1);
    if (verdicts.includes(decodeURIComponent(hash))) return { ...EMPTY, verdict: decodeURIComponent(hash) };
    const params = new URLSearchParams(hash);
    if (KEYS.some((k) => params.has(k))) return stateFrom(params);
    return stateFrom(new URLSearchParams(location.search));
  };
  const write = (s) => {
    const params = new URLSearchParams();
    for (const k of KEYS) if (s[k] && s[k] !== EMPTY[k]) params.set(k, s[k]);
    let hash = params.toString();
    if (!hash && KEYS.some((k) => new URLSearchParams(location.search).has(k))) hash = 'verdict=all'; // the query would say otherwise
    history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
  };
  let state = EMPTY;
  const apply = (s, toUrl) => {
    state = s;
    const words = s.q.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0;
    for (const card of cards) {
      const on = (s.verdict === 'all' || card.dataset.verdict === s.verdict) && (!s.section || card.dataset.section === s.section) &&
        words.every((w) => haystack(card).includes(w));
      card.hidden = !on;
      if (on) shown++;
    }
    document.getElementById('shown-count').textContent = String(shown);
    document.getElementById('none').hidden = shown > 0;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.filter === s.verdict));
    if (q.value !== s.q) q.value = s.q;
    section.value = s.section;
    if (toUrl) write(s);
  };
  const open = (card) => { const d = card.querySelector('details.lazy'); if (d && !d.open) d.open = true; };
  // A link to an item (#item-…) shows it, opened, even when the filters hid it.
  const goToItem = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const card = id.startsWith('item-') && document.getElementById(id);
    if (!card) return false;
    if (card.hidden) apply(EMPTY, false);
    open(card);
    card.scrollIntoView();
    return true;
  };
  for (const b of buttons) b.addEventListener('click', () => apply({ ...state, verdict: b.dataset.filter }, true));
  q.addEventListener('input', () => apply({ ...state, q: q.value }, true));
  section.addEventListener('change', () => apply({ ...state, section: section.value }, true));
  document.getElementById('open-all').addEventListener('click', () => { for (const c of cards) if (!c.hidden) open(c); });
  window.addEventListener('hashchange', () => { if (!goToItem()) apply(read(), false); });
  apply(read(), false);
  if (!goToItem() && (state.verdict !== 'all' || state.section || state.q)) document.getElementById('items').scrollIntoView();
})();`;

const CSS = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d0d7de; --bg:#fff; --soft:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px; font: 15px/1.5 "${CJK_FONT_FAMILY}", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); overflow-wrap: break-word; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { margin-top: 32px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.run-info, .meta, .run, .shown, .muted { color: var(--muted); font-size: 0.9em; }
code { overflow-wrap: anywhere; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8em; font-weight: 600; color: #fff; background: #6e7781; white-space: nowrap; cursor: help; }
.v-holds { background: #1a7f37; } .v-refuted { background: #cf222e; } .v-conditional { background: #9a6700; } .v-definition { background: #0969da; }
.v-not-checkable { background: #6e7781; } .v-borderline, .v-inconclusive { background: #8250df; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 12px 0 4px; font-size: 0.92em; } dl.legend dd { margin: 0; }
.sevs { font-size: 0.92em; margin: 6px 0; }
.toolbar { background: var(--bg); padding: 6px 0; border-bottom: 1px solid var(--line); }
@media (min-width: 700px) { .toolbar { position: sticky; top: 0; z-index: 1; } }
.filters { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; }
.search { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; } .search input { flex: 1 1 200px; min-width: 0; padding: 4px 8px; font: inherit; }
button { font: inherit; cursor: pointer; } .search button { border: 1px solid var(--line); border-radius: 6px; background: var(--soft); padding: 3px 10px; }
button.filter { border: 1px solid var(--line); border-radius: 14px; padding: 3px 12px; background: #fff; color: var(--fg); }
button.filter[aria-pressed="true"] { outline: 2px solid var(--fg); outline-offset: 1px; }
button.filter.v-holds { background: #1a7f37; } button.filter.v-refuted { background: #cf222e; } button.filter.v-conditional { background: #9a6700; }
button.filter.v-definition { background: #0969da; } button.filter.v-not-checkable { background: #6e7781; }
button.filter.v-borderline, button.filter.v-inconclusive { background: #8250df; }
button.filter[class*="v-"] { color: #fff; border-color: transparent; }
.shown { margin: 2px 0; }
.changed { color: #cf222e; font-weight: 600; }
.sev { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 0.85em; font-weight: 600; border: 1px solid var(--line); cursor: help; }
.sev-error { color: #cf222e; } .sev-sign { color: #bc4c00; } .sev-typo, .sev-notation { color: #0969da; } .sev-imprecise { color: #59636e; }
.st { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 0.85em; font-weight: 600; color: #fff; cursor: help; }
.st-pass { background: #1a7f37; } .st-fail { background: #cf222e; } .st-skipped { background: #6e7781; } .st-legend { font-size: 0.92em; }
ul.subject-checks li, table.subject li { margin: 2px 0; } table.subject td:first-child code { white-space: nowrap; }
div.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 370px), 1fr)); gap: 16px; }
figure.plot { margin: 0; min-width: 0; } figure.plot h3 { font-size: 0.95em; margin: 0 0 4px; } figure.plot svg { display: block; max-width: 100%; height: auto; }
figure.plot svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
figcaption { font-size: 0.82em; color: var(--muted); }
details > summary { cursor: pointer; }
article.item { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 12px 0; }
article.item > header { display: flex; align-items: center; gap: 4px 10px; flex-wrap: wrap; } article.item h3 { margin: 0; font-size: 1.15em; overflow-wrap: anywhere; }
article.item h3 a { color: inherit; text-decoration: none; }
article.item p { margin: 6px 0; }
.quote { margin: 8px 0; padding: 4px 12px; border-left: 4px solid var(--line); background: var(--soft); white-space: pre-wrap; overflow-wrap: anywhere; }
.statement { font-style: italic; }
.place.part b { color: #9a6700; } .uncovered { color: #bc4c00; }
article.item > details.lazy > summary { color: var(--muted); font-size: 0.92em; margin-top: 4px; }
article.item > details.lazy[open] > summary { margin-bottom: 6px; }
.formula { margin: 8px 0; padding: 4px 12px; border-left: 4px solid #0969da; } .formula.correction { border-left-color: #1a7f37; }
.math-display { overflow-x: auto; overflow-y: hidden; padding: 4px 0; }
math { font-size: 1.1em; } p math, td math, li math, blockquote math { max-width: 100%; overflow-x: auto; vertical-align: middle; }
details.source { font-size: 0.85em; color: var(--muted); } details.source code { display: block; white-space: pre-wrap; }
.label { display: inline-block; font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin-right: 6px; }
table.checks tr.fail td { background: #ffebe9; } table.checks td:nth-child(3) { color: var(--muted); }
.cx { margin-top: 10px; padding: 6px 12px; background: #fff8c5; border-radius: 6px; }
.cx dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 4px 0; } .cx dd { margin: 0; overflow-wrap: anywhere; }
.cx code { font-size: 0.85em; } code.replay { background: #fff; padding: 1px 4px; }
@media (max-width: 600px) { body { padding: 12px; } article.item { padding: 8px 10px; } .search input { flex-basis: 100%; order: 1; } .cx dl { grid-template-columns: minmax(0, 1fr); }
  table.errata, table.errata tbody, table.errata tr, table.errata td, table.checks, table.checks tbody, table.checks tr { display: block; }
  table.errata thead, table.checks thead { display: none; }
  table.errata tr, table.checks tr { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; } table.errata td { border: 0; padding: 2px 8px; }
  table.errata td:nth-child(n+2)::before { display: block; font-size: 0.75em; text-transform: uppercase; color: var(--muted); } ${cellLabels('errata', ERRATA_COLUMNS, 2)}
  table.checks td { display: inline-block; border: 0; padding: 2px 8px; text-align: left; white-space: normal; } table.checks td:nth-child(2) { display: block; }
  table.checks td:nth-child(n+3)::before { margin-right: 4px; color: var(--muted); font-size: 0.85em; } ${cellLabels('checks', CHECK_COLUMNS, 3)}
  table.checks tr.skip td:nth-child(${CHECK_SKIPPED_AT})::before { content: "skipped"; }
  table.checks tr.fail { background: #ffebe9; } table.checks tr.fail td { background: none; } }
@media (min-width: 700px) { article.item, #items { scroll-margin-top: 130px; } }
[hidden] { display: none !important; }
`;

/** The page's script and stylesheets as the browser gets them: minified by esbuild (same behaviour, a third lighter). */
const minify = (code: string, loader: 'js' | 'css') => transformSync(code, { loader, minify: true }).code.trim();

export function renderHtml(results: ResultsFile, plots: Plot[]): string {
  const { generated: g, oracleFindings, items } = results;
  const meanings = verdictMeanings(g.toleranceModel.refutationMargin);
  const versions = Object.entries(g.versions).map(([k, v]) => `${escapeHtml(k)} ${escapeHtml(v)}`).join(', ');
  const island: Island = new Map();
  // Rendered first: the sections fill the island as they fold their parts.
  const sections = {
    subject: subjectSection(island, results),
    plots: plotsSection(island, plots),
    items: items.map((it) => itemCard(island, it, g.seed)).join('\n'),
    findings: findingsSection(island, oracleFindings),
    backends: backendSection(island, results.backendAgreement),
  };
  const body = `<h1>losscheck conformance report: §4.3 loss functions</h1>
<p class="run-info">${escapeHtml(provenanceText(g))}<br>Seed ${g.seed} · ${g.runs} cases per property, ${g.hessianRuns} per full-Hessian property · oracle backend ${escapeHtml(g.backend)} · ${versions}</p>
${legendSection(results, meanings)}
${errataSection(results)}
${totalsSection(items)}
${sections.subject}
${sections.plots}
<section id="items"><h2>Evidence per item</h2>
${toolbar(items, meanings)}
${sections.items}
</section>
${sections.findings}
${sections.backends}
${howToRead(g.toleranceModel.refutationMargin)}`;
  // The formulas' repeated classes and styles shortened across the page and its folded parts, then temml's
  // stylesheet cut to the rules that can match something there (reports/mathml.ts).
  const css = minify(CSS, 'css');
  const keys = [...island.keys()];
  const compact = compactMathStyles([body, ...island.values()], mathCss(), css);
  const [page, ...parts] = compact.fragments as [string, ...string[]];
  const used = markupNames(`<html><head></head><body>${compact.fragments.join('\n')}</body></html>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>losscheck conformance report: §4.3 loss functions</title>
<link rel="icon" href="data:,">
<style>${minify(pruneCss(compact.css, used), 'css')}</style>
<style>${css}</style>
</head><body>
${page}
${islandScript(new Map(keys.map((k, i) => [k, parts[i]!])))}
<script>${minify(SCRIPT, 'js')}</script>
</body></html>
`;
}
