// The HTML and JUnit renderers on a hand-made results file (test/reports/fixture.ts).
import { describe, expect, it } from 'vitest';
import { escapeHtml, math, renderHtml, richText } from '../../reports/html.ts';
import { escapeXml, renderJunit } from '../../reports/junit.ts';
import { FIXTURE } from './fixture.ts';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('HTML report renderer', () => {
  const html = renderHtml(FIXTURE, [{ id: 'plot-x', title: 'A plot', caption: 'from impl/', svg: '<svg class="marks"></svg>' }]);

  it('is self-contained: fonts inlined as data: URLs, no external URL in src/href/url()', () => {
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).not.toMatch(/\s(src|href)="(?!data:|#)/);
  });

  it('heads the page with the errata, each with the items that evidence it', () => {
    expect(html.indexOf('id="errata"')).toBeGreaterThan(0);
    expect(html.indexOf('id="errata"')).toBeLessThan(html.indexOf('id="totals"'));
    expect(html).toMatch(/1 distinct erratum: 1 sign/);
    expect(html).toMatch(/<a href="#item-4\.3\.5">4\.3\.5<\/a>/);
  });
  it('shows the reading and the place in the sentence ledger; never a raw Infinity; a failing check is never "≤"', () => {
    expect(html).toContain('as the surrounding formulas define it');
    expect(html).toContain('part of §4.3.1 #18 ((4.3.5)…); the rest: also checked by gradient-forms-similar; motivation: a lead-in');
    expect(html).not.toMatch(/Infinity/);
    expect(html).toContain('∞ (exact)');
    expect(html).not.toMatch(/<tr class="fail">.*?<td class="n">[^<]*≤/);
  });
  it('renders one card per item with its verdict, and flags a changed verdict', () => {
    expect(count(html, /<article class="item"/g)).toBe(FIXTURE.items.length);
    for (const it of FIXTURE.items) expect(html).toContain(`data-verdict="${it.result.verdict}"`);
    expect(html).toContain('recorded verdict: holds');
  });

  it('typesets printed formulas and corrections with KaTeX, and the replay command', () => {
    expect(count(html, /class="formula[^"]*"><div class="label">as printed/g)).toBe(2);
    expect(html).toContain('<div class="label">correction</div><div class="math math-display"');
    expect(html).not.toContain('katex-error');
    expect(html).toContain('npx losscheck check 4.3.5 --seed 7 --path 3:0:1');
    expect(html).toContain('0.5 &gt; 5.00e-7');
    expect(html).toContain('misses by 1.00e+6×');
  });

  it('escapes text and keeps a quote verbatim when its dollars do not pair up', () => {
    expect(html).toContain('Escapes &lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot; in text.');
    expect(richText('an excerpt that cuts $x + y in half')).toBe('an excerpt that cuts $x + y in half');
    const typeset = richText('当$\\hat{y}$接近0或1时，**梯度**接近0');
    expect(typeset).toContain('class="math math-inline"');
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
    expect(withBackends).toContain('1.00e-7 / 1.00e-6 ✓');
    expect(html).not.toContain('<section id="backends">');
  });

  it("shows KaTeX's error element for LaTeX it cannot parse (what the browser test looks for)", () => {
    expect(math('\\frac{1}{', true)).toContain('katex-error');
    expect(escapeHtml(`<&"'>`)).toBe('&lt;&amp;&quot;&#39;&gt;');
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

  it('shows each verdict in the testcase name and as a property, and the time when recorded', () => {
    expect(xml).toContain('name="4.3.5 [refuted] · A statement."');
    expect(xml).toContain('<property name="verdict" value="refuted"/>');
    expect(xml).toContain('<property name="errata" value="toy-sign"/>');
    const withTime = renderJunit({ ...FIXTURE, items: [{ ...FIXTURE.items[0]!, result: { ...FIXTURE.items[0]!.result, durationMs: 1234 } }] });
    expect(withTime).toContain('time="1.234"');
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(xml).toContain('Escapes &lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot; in text.');
    expect(escapeXml('a\u0001b<')).toBe('ab&lt;');
    expect(xml).toContain('replay with npx losscheck check 4.3.5 --seed 7 --path 3:0:1');
  });
});
