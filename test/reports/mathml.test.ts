// The HTML report's lighter MathML and stylesheet (reports/mathml.ts): what is dropped changes nothing a
// browser draws, what is kept is what would change it, and a shortened class is defined for everything
// its long classes and inline style did. (That the page draws the same is checked by screenshots in
// test/browser: every formula typeset, none empty, in the embedded math font.)
import { describe, expect, it } from 'vitest';
import temml from 'temml';
import { compactMathStyles, markupNames, minifyMathml, pruneCss } from '../../reports/mathml.ts';
import { foldedParts, renderHtml } from '../../reports/html.ts';
import { FIXTURE } from './fixture.ts';

const typeset = (latex: string) => temml.renderToString(latex, { displayMode: false, throwOnError: false, annotate: false });

describe('minifyMathml', () => {
  it("drops temml's fence and separator attributes, and a fence's form where the browser infers the same", () => {
    const raw = typeset('f(x, y) = [a]');
    expect(raw).toContain('fence="true"');
    expect(raw).toContain('separator="true"');
    const min = minifyMathml(raw);
    expect(min).not.toMatch(/fence=|separator=/);
    // The same elements and text, in the same order.
    expect(min.replace(/ [\w-]+="[^"]*"/g, '')).toBe(raw.replace(/ [\w-]+="[^"]*"/g, ''));
    // stretchy="false" stays: MathML Core stretches fences by default.
    expect(min.match(/stretchy="false"/g)?.length).toBe(raw.match(/stretchy="false"/g)?.length);
  });

  it('keeps a form the browser would not infer: not first or last in its row, alone in it, or an operator whose dictionary entry lacks it', () => {
    expect(minifyMathml('<math><mrow><mo form="prefix" stretchy="false">(</mo><mi>x</mi><mo form="postfix" stretchy="false">)</mo></mrow></math>'))
      .toBe('<math><mrow><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow></math>');
    const kept = [
      '<math><mrow><mi>f</mi><mo form="prefix" stretchy="false">(</mo><mi>x</mi><mo form="postfix" stretchy="false">)</mo><mi>g</mi></mrow></math>',
      '<math><mrow><mo form="prefix" stretchy="false">(</mo></mrow></math>',
      '<math><mrow><mo form="prefix" stretchy="false">(</mo><mtext>a</mtext><mspace width="1em"></mspace></mrow></math>',
      '<math><mrow><mo form="prefix" stretchy="false">⋅</mo><mi>x</mi></mrow></math>',
      '<math><mrow><mi>x</mi><mo form="prefix" stretchy="false">)</mo></mrow></math>',
    ];
    for (const m of kept) expect(minifyMathml(m), m).toBe(m);
  });

  it("leaves temml's error element alone and names markup it cannot read", () => {
    const error = typeset('\\frac{1}{');
    expect(minifyMathml(error)).toBe(error);
    expect(() => minifyMathml('<math><mrow><mi>x</mi></math>')).toThrow(/closes <mrow>/);
  });
});

describe('compactMathStyles', () => {
  const css = '.a{color:red}.b{margin:0}.a.b{padding:1px}.x .a{top:0}mo.c{left:0}.d{right:0}@supports (x:y){.b{z-index:1}}';
  const accent = '<mo class="a b" style="math-depth:0;">^</mo>';
  const page = `<p class="a"></p><math>${accent.repeat(10)}<mi class="c">x</mi></math>`;

  it('gives a repeated class-and-style combination one short class, defined by every rule its classes matched, at the same specificity', () => {
    const noDescendant = css.replace('.x .a{top:0}', '');
    const { fragments, css: out } = compactMathStyles([page, `<math>${accent}</math>`], noDescendant, '');
    expect(fragments[0]).toBe(`<p class="a"></p><math>${'<mo class="tm0">^</mo>'.repeat(10)}<mi class="c">x</mi></math>`);
    expect(fragments[1]).toBe('<math><mo class="tm0">^</mo></math>');
    expect(out).toContain('.a,.tm0{color:red}');
    expect(out).toContain('.b,.tm0{margin:0}');
    expect(out).toContain('.a.b,.tm0.tm0{padding:1px}');
    expect(out).toContain('@supports (x:y){.b,.tm0{z-index:1}}');
    expect(out).toContain('.d{right:0}');
    // The inline style, as a rule no normal rule overrides (as none overrides an inline style).
    expect(out).toContain('.tm0{math-depth:0!important}');
  });

  it('keeps the classes of a combination that a selector names across elements, that the page stylesheet names, or that is rare', () => {
    expect(compactMathStyles([page], css, '').fragments[0]).toBe(page); // .x .a
    const noDescendant = css.replace('.x .a{top:0}', '');
    expect(compactMathStyles([page], noDescendant, 'p.b{color:blue}').fragments[0]).toBe(page);
    const once = `<math>${accent}</math>`;
    expect(compactMathStyles([once], noDescendant, '').fragments[0]).toBe(once);
  });
});

describe('pruneCss', () => {
  it('drops the selectors naming a class or an element the page does not use, and blocks left empty', () => {
    const used = markupNames('<body><math><mi class="tm0">x</mi></math><span class="keep other"></span></body>');
    expect([...used.classes].sort()).toEqual(['keep', 'other', 'tm0']);
    expect(pruneCss('.keep,.gone{a:b}menclose{c:d}math>mi{e:f}@supports (x:y){.gone{g:h}}@supports (x:y){.tm0{i:j}}body{k:l}', used))
      .toBe('.keep{a:b}math>mi{e:f}@supports (x:y){.tm0{i:j}}body{k:l}');
    // A selector this file cannot read (a functional pseudo-class) is kept.
    expect(pruneCss('span:not(.gone){a:b}', used)).toBe('span:not(.gone){a:b}');
  });
});

describe('the report page', () => {
  it('defines every class its formulas use, and carries no attribute MathML Core ignores', () => {
    const html = renderHtml(FIXTURE, []);
    const all = html + Object.values(foldedParts(html)).join('\n');
    const formulas = all.match(/<math\b[\s\S]*?<\/math>/g) ?? [];
    expect(formulas.length).toBeGreaterThan(5);
    const styles = (html.match(/<style>[\s\S]*?<\/style>/g) ?? []).join('');
    for (const cls of new Set(formulas.join('').match(/(?<=class=")[^"]+/g) ?? [])) {
      for (const c of cls.split(' ')) expect(styles, c).toMatch(new RegExp(`\\.${c}(?![\\w-])`));
    }
    expect(formulas.join('')).not.toMatch(/fence=|separator=/);
  });
});
