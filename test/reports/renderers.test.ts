// The HTML, Markdown, JSON and JUnit renderers on a hand-made results file (test/reports/fixture.ts).
import { describe, expect, it } from 'vitest';
import { ISLAND_DECODE, encodeIsland, escapeHtml, foldedParts, math, renderHtml, richText } from '../../reports/html.ts';
import { escapeXml, renderJunit } from '../../reports/junit.ts';
import { provenanceText, quoteIsLatex, renderMarkdown } from '../../reports/markdown.ts';
import { conformanceJson } from '../../reports/build.ts';
import { placeText } from '../../reports/errata.ts';
import { NO_FUNCTION, subjectConformance, subjectSummary } from '../../reports/subject.ts';
import { SNAPSHOT_PROVENANCE, snapshotResults } from '../../reports/snapshot.ts';
import type { CheckRecord } from '../../reports/model.ts';
import { FIXTURE } from './fixture.ts';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
/** An item's card as the page carries it, and its evidence as the browser puts it in when opened. */
const card = (html: string, id: string) => new RegExp(`<article class="item" id="item-${id.replace(/\./g, '\\.')}"[\\s\\S]*?</article>`).exec(html)![0];

describe('HTML report renderer', () => {
  const html = renderHtml(FIXTURE, [{ id: 'plot-x', title: 'A plot', caption: 'from impl/', svg: '<svg class="marks"></svg>' }]);
  const folded = foldedParts(html);
  const all = html + Object.values(folded).join('\n');

  it('is self-contained: no external URL in src/href/url(), MathML instead of a script typesetter', () => {
    expect(html).not.toMatch(/url\((?!["']?data:|%23)/); // %23: a fragment (#a) inside temml's data: SVG
    expect(html).not.toMatch(/\s(src|href)="(?!data:|#)/);
    expect(html).toContain('<math');
    expect(all).not.toContain('temml-error');
  });

  it('heads the page with the verdict legend, then the errata, each with the items that evidence it', () => {
    const at = (s: string) => html.indexOf(s);
    expect(at('id="legend"')).toBeGreaterThan(0);
    expect(at('id="legend"')).toBeLessThan(at('id="errata"'));
    expect(at('id="errata"')).toBeLessThan(at('id="totals"'));
    expect(html).toMatch(/1 distinct erratum: 1 sign/);
    expect(html).toMatch(/<a href="#item-4\.3\.5">4\.3\.5<\/a>/);
    // Every verdict and severity is explained in the legend, with a tooltip on the legend's badges.
    for (const v of ['holds', 'refuted', 'conditional', 'definition', 'not-checkable']) expect(html).toMatch(new RegExp(`<dt><span class="badge v-${v}" title="[^"]+">`));
    expect(html).toContain('misses its tolerance by 10× or more'); // the run's refutation margin, not a typed number
    for (const s of ['error', 'sign', 'typo', 'notation', 'imprecise']) expect(html).toMatch(new RegExp(`<span class="sev sev-${s}" title="[^"]+">`));
  });

  it('gives every verdict badge a tooltip: the legend writes it, the page script copies it to the others', () => {
    expect(html).toMatch(/for\(const (\w+) of document\.querySelectorAll\("dl\.legend \.badge"\)\)\w+\[\1\.textContent\]=\1\.title/);
    expect(count(html, /class="badge v-[\w-]+"(?! title)/g)).toBeGreaterThan(FIXTURE.items.length - 1); // the cards' badges, titled by the script
  });

  it('records what the report was built from', () => {
    expect(html).toContain('Built from commit 0123456789abcdef0123456789abcdef01234567+dirty, run 2026-11-30 10:43:26 UTC');
  });

  it('renders one compact card per item, and folds each evidence into the compressed island', () => {
    expect(count(html, /<article class="item"/g)).toBe(FIXTURE.items.length);
    for (const it of FIXTURE.items) {
      expect(html).toContain(`data-verdict="${it.result.verdict}"`);
      expect(folded[`item-${it.id}`], it.id).toBeDefined();
    }
    expect(html).toContain('recorded verdict: holds');
    // The evidence is not in the page as HTML until opened: no check table outside the island.
    expect(html).not.toContain('<table class="checks">');
    expect(folded['item-4.3.5']).toContain('<table class="checks">');
  });

  it('shows a formula once: a LaTeX quote is typeset as printed (evidence), its source folded, never raw above the formula', () => {
    const c = card(html, '4.3.5');
    expect(quoteIsLatex(FIXTURE.items[1]!)).toBe(true);
    expect(c).not.toContain('<blockquote');
    expect(c).toMatch(/<details class="source"><summary>source quote \(LaTeX\)<\/summary><code class="s">&amp;= -\\frac/);
    expect(folded['item-4.3.5']).toMatch(/<div class="formula"><div class="label">as printed<\/div><div class="math-display"><math/);
    // A Chinese quote stays a quote, with its inline math typeset.
    expect(card(html, 'a-prose-claim')).toMatch(/<blockquote lang="zh" class="quote s">当<math>/);
  });

  it('evidence: reading, the sentence, the typeset correction, the checks with THE margin, the counterexample and its replay', () => {
    const e = folded['item-4.3.5']!;
    expect(e).toContain('as the surrounding formulas define it');
    expect(e).toContain('checks <b>part</b> of §4.3.1 #18 “(4.3.5)…”: the quote. The rest of that sentence: checked by ' +
      '<a href="#item-gradient-forms-similar">gradient-forms-similar</a>; not checked: <i>motivation</i> (a lead-in)');
    expect(e).toContain('<div class="formula correction"><div class="label">correction</div><div class="math-display"><math');
    expect(e).toContain('npx losscheck check 4.3.5 --seed 7 --path 3:0:1');
    expect(e).toContain('0.5 &gt; 5.00e-7');
    expect(e).toContain('misses by 1.00e+6×');
    expect(e).toContain('∞ (exact)');
    expect(all).not.toMatch(/Infinity/);
    expect(all).not.toMatch(/<tr class="fail">(?:(?!<\/tr>).)*≤/);
    expect(card(html, '4.3.5')).toContain('checks <b>part</b> of a sentence');
    expect(folded['item-4.3.1']).toContain('checks all of §4.3.1 #4 “均方误差…”');
    expect(folded['item-a-prose-claim']).toContain('not compared with the source');
  });

  it('shows the subject conformance per function, apart from the audit: pass, fail with counterexample and replay, skipped with reason', () => {
    const section = /<section id="subject">[\s\S]*?<\/section>/.exec(html)![0];
    expect(section).toContain('Subject conformance: <code>tfjs</code>');
    expect(section).toContain('4 functions: 1 pass, 2 fail, 1 skipped (4 checks)');
    expect(section).toMatch(/<code>mseGradient<\/code><\/td><td><span class="st st-fail"/);
    expect(section).toContain('npx losscheck check 4.3.1 --seed 7 --path 5:1');
    expect(section).toContain('has no hessian capability');
    // The functions that pass are folded, one row each; every status's meaning is in the section's legend.
    expect(section).not.toContain('<code>crossEntropy</code>');
    expect(folded['subject-functions']).toMatch(/<code>crossEntropy<\/code><\/td><td><span class="st st-pass"/);
    for (const st of ['pass', 'fail', 'skipped']) expect(section).toMatch(new RegExp(`<p class="st-legend">.*<span class="st st-${st}" title="[^"]+">`));
    // A function is failing when any of its checks fails (mse is named by the failing mseGradient check too).
    expect(section).toMatch(/<code>mse<\/code><\/td><td><span class="st st-fail"/);
  });

  it('keeps the filter and search state in the URL and searches id, statement and quote', () => {
    expect(html).toContain('<input id="q" type="search"');
    expect(html).toContain('history.replaceState');
    expect(html).toMatch(/<a href="#verdict=refuted&amp;section=4\.3\.1">1<\/a>|<a href="#verdict=refuted&section=4\.3\.1">1<\/a>/);
  });

  it('escapes text and keeps a quote verbatim when its dollars do not pair up', () => {
    expect(html).toContain('Escapes &lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot; in text.');
    expect(richText('an excerpt that cuts $x + y in half')).toBe('an excerpt that cuts $x + y in half');
    const typeset = richText('当$\\hat{y}$接近0或1时，**梯度**接近0');
    expect(typeset).toContain('<math>');
    expect(typeset).toContain('<strong>梯度</strong>');
  });

  it('shows the cross-backend agreement when more than one backend was recorded', () => {
    const m = { maxError: 1e-7, tolerance: 1e-6, passed: true, verdict: 'holds' };
    const withBackends = renderHtml({ ...FIXTURE, backendAgreement: {
      backends: [{ name: 'node-wasm', source: 'conformance.json', seed: 7, runs: 100, comparable: true, skipped: [] },
        { name: 'node-cpu', source: 'backend-node-cpu.json', seed: 7, runs: 100, comparable: true, skipped: [] },
        { name: 'browser-webgl', comparable: false, skipped: [] }, { name: 'browser-wasm', comparable: false, skipped: [] }],
      rows: [{ id: '4.3.1', check: 'printed ↔ tfjs', role: 'claim', spread: 1,
        perBackend: { 'node-wasm': m, 'node-cpu': m, 'browser-webgl': null, 'browser-wasm': null }, agrees: true }],
      items: 1, itemsAgreeingOnAll: 0, findings: [], notes: [],
    } }, []);
    expect(withBackends).toContain('<section id="backends">');
    expect(foldedParts(withBackends).backends).toContain('1.00e-7 / 1.00e-6 ✓');
    expect(html).not.toContain('<section id="backends">');
  });

  it('carries the folded parts in 93 printable characters that never close the <script>, read back by the decoder the page runs', () => {
    const decode = new Function(`return ${ISLAND_DECODE}`)() as (text: string, n: number) => Uint8Array;
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n * 7) % 256);
      if (n % 3 === 0) bytes.fill(255);
      const text = encodeIsland(bytes);
      expect(text).toMatch(/^[!-~]*$/);
      expect(text).not.toContain('<');
      expect(text.length).toBe(2 * Math.ceil((8 * n) / 13));
      expect([...decode(text, n)], `${n} bytes`).toEqual([...bytes]);
    }
    expect(Object.keys(folded).length).toBeGreaterThan(FIXTURE.items.length);
  });

  it("shows temml's error element for LaTeX it cannot parse (what the tests look for)", () => {
    expect(math('\\frac{1}{', true)).toContain('temml-error');
    expect(escapeHtml(`<&"'>`)).toBe('&lt;&amp;&quot;&#39;&gt;');
  });
});

describe('sentence ledger place, in words', () => {
  it('says whether the item checks all or part of its sentence, and what covers the rest', () => {
    expect(placeText(FIXTURE.items[1]!)).toBe('checks part of §4.3.1 #18 “(4.3.5)…” (its quote); the rest: checked by gradient-forms-similar; not checked: motivation (a lead-in)');
    expect(placeText(FIXTURE.items[0]!)).toBe('checks all of §4.3.1 #4 “均方误差…”');
    expect(placeText({ sentences: [{ section: '4.3.2', at: 3, words: 'x', whole: false, others: [] }] }))
      .toBe('checks part of §4.3.2 #3 “x…” (its quote); the rest: no other item, and no classification in the ledger');
    expect(placeText({})).toBeUndefined();
  });
});

describe('subject conformance (grouping of the recorded subject checks)', () => {
  it('groups per function: fail if any check fails, skipped if all are skipped, else pass', () => {
    const s = subjectConformance(FIXTURE)!;
    expect(s.subject).toBe('tfjs');
    expect(s.functions.map((f) => [f.name, f.status])).toEqual([['crossEntropy', 'pass'], ['mse', 'fail'], ['mseGradient', 'fail'], ['mseHessian', 'skipped']]);
    expect(s.functions[3]!.skippedBecause).toMatch(/no hessian capability/);
    expect(s.functions[1]!.checks.map((r) => r.status)).toEqual(['fail', 'pass']); // failing first
    expect(s.counts).toEqual({ pass: 1, fail: 2, skipped: 1 });
    expect(subjectSummary(s)).toBe('4 functions: 1 pass, 2 fail, 1 skipped (4 checks)');
  });
  it('is absent when no subject check was recorded, and names a check that lists no function', () => {
    const noSubject = { ...FIXTURE, items: FIXTURE.items.map((it) => ({ ...it, result: { ...it.result, checks: it.result.checks.filter((c) => c.role !== 'subject') } })) };
    expect(subjectConformance(noSubject)).toBeUndefined();
    const bare: CheckRecord = { ...FIXTURE.items[0]!.result.checks[1]!, subject: { id: 'tfjs', functions: [] } };
    const one = { ...FIXTURE, items: [{ ...FIXTURE.items[0]!, result: { ...FIXTURE.items[0]!.result, checks: [bare] } }] };
    expect(subjectConformance(one)!.functions.map((f) => f.name)).toEqual([NO_FUNCTION]);
  });
});

describe('Markdown and JSON reports', () => {
  const md = renderMarkdown(FIXTURE);
  const json = conformanceJson(FIXTURE) as { generated: Record<string, unknown>; subjectConformance: { functions: { name: string; status: string }[] } };

  it('start with what they were built from and the verdict legend, then the errata', () => {
    expect(md.split('\n').slice(0, 4).join('\n')).toContain('Built from commit 0123456789abcdef0123456789abcdef01234567+dirty, run 2026-11-30 10:43:26 UTC');
    expect(md.indexOf('| refuted |')).toBeLessThan(md.indexOf('## Errata'));
    expect(json.generated.commit).toBe('0123456789abcdef0123456789abcdef01234567+dirty');
    expect(json.generated.date).toBe('2026-11-30T10:43:26Z');
  });
  it('have the subject conformance section, apart from the items', () => {
    expect(md).toContain('## Subject conformance');
    expect(md).toContain('| `mseGradient` | **fail** | 1 | 4.3.1 | 4.3.1: mseGradient ↔ finite differences (0.003 > 3.00e-7, margin 1.00e-4 (misses by 1.00e+4×)) |');
    expect(md).toContain('- replay: `npx losscheck check 4.3.1 --seed 7 --path 5:1`');
    expect(md).toMatch(/\| `mseHessian` \| skipped \| 1 \| 4\.3\.1 \| tfjs \(float32\) has no hessian capability/);
    expect(json.subjectConformance.functions.map((f) => `${f.name}:${f.status}`)).toEqual(['crossEntropy:pass', 'mse:fail', 'mseGradient:fail', 'mseHessian:skipped']);
  });
  it('show a LaTeX quote once, with the printed formula', () => {
    const section = md.slice(md.indexOf('### 4.3.5'), md.indexOf('### a-prose-claim'));
    expect(section).not.toContain('- **Source**');
    expect(section).toContain('(the source quote is `&= -\\frac{1}{N}');
    expect(md.slice(md.indexOf('### a-prose-claim'))).toContain('- **Source** 「当');
  });
});

describe('provenance', () => {
  it('says when no commit was recorded, and what the published snapshot keeps instead of a commit and a date', () => {
    expect(provenanceText({ date: '2026-01-02T03:04:05Z' })).toMatch(/^Built from no commit recorded .*, run 2026-01-02 03:04:05 UTC$/);
    const { results } = snapshotResults(FIXTURE);
    expect(results.generated.commit).toBeUndefined();
    expect(results.generated.date).toBeUndefined();
    expect(provenanceText(results.generated)).toBe(SNAPSHOT_PROVENANCE);
    expect(renderMarkdown(results)).toContain('git log -1 -- reports/conformance.json');
    expect(renderJunit(results)).not.toContain('0123456789abcdef');
  });
});

describe('JUnit renderer', () => {
  const xml = renderJunit(FIXTURE);

  it('writes one testcase per item, grouped in one testsuite per subsection', () => {
    expect(count(xml, /<testcase /g)).toBe(FIXTURE.items.length);
    expect(count(xml, /<testsuite /g)).toBe(2);
    expect(xml).toMatch(/<testsuites name="losscheck conformance" tests="4" failures="1" errors="0" skipped="1">/);
  });

  it('fails exactly the item whose verdict differs from the recorded one, and skips the not-checkable one', () => {
    const cases = xml.split('<testcase ').slice(1);
    const failing = cases.filter((c) => c.includes('<failure'));
    expect(failing).toHaveLength(1);
    expect(failing[0]).toContain('name="changed-claim');
    expect(failing[0]).toContain('verdict is borderline, recorded holds');
    expect(cases.filter((c) => c.includes('<skipped'))).toHaveLength(1);
  });

  it('shows each verdict in the testcase name and as a property, the time when recorded, and the commit and date of the run', () => {
    expect(xml).toContain('name="4.3.5 [refuted] · A statement."');
    expect(xml).toContain('<property name="verdict" value="refuted"/>');
    expect(xml).toContain('<property name="errata" value="toy-sign"/>');
    expect(xml).toContain('<property name="commit" value="0123456789abcdef0123456789abcdef01234567+dirty"/><property name="date" value="2026-11-30T10:43:26Z"/>');
    const withTime = renderJunit({ ...FIXTURE, items: [{ ...FIXTURE.items[0]!, result: { ...FIXTURE.items[0]!.result, durationMs: 1234 } }] });
    expect(withTime).toContain('time="1.234"');
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(xml).toContain('Escapes &lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot; in text.');
    expect(escapeXml('a\u0001b<')).toBe('ab&lt;');
    expect(xml).toContain('replay with npx losscheck check 4.3.5 --seed 7 --path 3:0:1');
  });
});
