// temml's MathML and stylesheet, made lighter for the HTML report without changing what a browser draws:
// - minifyMathml drops what has no effect on rendering: the fence and separator attributes (MathML 3
//   properties that MathML Core does not define and no engine lays out differently for), and an
//   operator's form when it is the one the browser infers anyway (an <mo> first in an <mrow> of several
//   children is a prefix, last a postfix). stretchy="false" stays: Core stretches fences by default.
// - compactMathStyles gives each class-and-style combination that temml repeats on many elements (the
//   accents' class="chr-med wbk-med-acc" style="math-depth:0;") one short class, defined once: its
//   selectors are temml's own, rewritten with the same specificity, and its inline style becomes a rule
//   with !important (which, like an inline style, no normal rule overrides). Then temml's rules that
//   no element of the page can match (classes and elements the page does not use) are dropped.
// It renders; it asserts nothing, and computes no math.

interface Element { tag: string; attrs: [string, string][]; kids: Node[] }
type Node = Element | string;

const TOKEN = /<\/([\w-]+)>|<([\w-]+)((?:\s+[\w:-]+="[^"]*")*)\s*>|([^<]+)/gy;

/** temml's output as a tree (it writes no comments and no self-closing tags); an error names what did not parse. */
function parse(xml: string): Node[] {
  const root: Element = { tag: '', attrs: [], kids: [] };
  const stack = [root];
  TOKEN.lastIndex = 0;
  for (let m; TOKEN.lastIndex < xml.length;) {
    const at = TOKEN.lastIndex;
    if (!(m = TOKEN.exec(xml))) throw new Error(`minifyMathml: cannot parse the MathML at ${JSON.stringify(xml.slice(at, at + 40))}`);
    const top = stack[stack.length - 1]!;
    if (m[1]) {
      if (m[1] !== top.tag) throw new Error(`minifyMathml: </${m[1]}> closes <${top.tag}>`);
      stack.pop();
    } else if (m[2]) {
      const el: Element = { tag: m[2], attrs: [...m[3]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]), kids: [] };
      top.kids.push(el);
      stack.push(el);
    } else top.kids.push(m[4]!);
  }
  if (stack.length !== 1) throw new Error(`minifyMathml: <${stack[stack.length - 1]!.tag}> is not closed`);
  return root.kids;
}

const serialize = (nodes: Node[]): string => nodes.map((n) => typeof n === 'string' ? n
  : `<${n.tag}${n.attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>${serialize(n.kids)}</${n.tag}>`).join('');

/** MathML Core's space-like elements (a grouping element is one when all its children are). */
const spaceLike = (n: Node): boolean => typeof n !== 'string' &&
  (n.tag === 'mtext' || n.tag === 'mspace' || (['mrow', 'mstyle', 'mphantom', 'mpadded'].includes(n.tag) && n.kids.every(spaceLike)));

/** Fences with a prefix (opening) and a postfix (closing) entry in MathML Core's operator dictionary. */
const OPENING = ['(', '[', '{', '⟨', '⌈', '⌊', '|', '‖'];
const CLOSING = [')', ']', '}', '⟩', '⌉', '⌋', '|', '‖'];

/** Attributes that MathML Core does not define and that change nothing a browser draws. */
const INERT = new Set(['fence', 'separator']);

function minifyTree(el: Element): void {
  el.attrs = el.attrs.filter(([k]) => !INERT.has(k));
  // In an <mrow> of two or more children that are not space-like, the first <mo> is inferred a prefix and
  // the last a postfix (by Chromium, Gecko and WebKit alike). For a fence, whose entry in the operator
  // dictionary has that form, an explicit form saying the same is dropped. (Not for another operator: an
  // explicit form the dictionary lacks is drawn with other spacing than the inferred one, e.g. a prefix ⋅.)
  if (el.tag === 'mrow' && el.kids.filter((k) => !spaceLike(k)).length >= 2) {
    const ends: [Node | undefined, string, string[]][] = [[el.kids[0], 'prefix', OPENING], [el.kids[el.kids.length - 1], 'postfix', CLOSING]];
    for (const [kid, form, fences] of ends) {
      if (typeof kid === 'string' || kid?.tag !== 'mo' || kid.kids.length !== 1 || !fences.includes(kid.kids[0] as string)) continue;
      kid.attrs = kid.attrs.filter(([k, v]) => !(k === 'form' && v === form));
    }
  }
  for (const kid of el.kids) if (typeof kid !== 'string') minifyTree(kid);
}

/** temml's MathML without what changes nothing a browser draws (see the head of this file); other markup is returned as is. */
export function minifyMathml(markup: string): string {
  if (!markup.startsWith('<math')) return markup; // temml's error element
  const nodes = parse(markup);
  for (const n of nodes) if (typeof n !== 'string') minifyTree(n);
  return serialize(nodes);
}

// --- the stylesheet ---

/** A rule (selector list and declarations) or a block at-rule (@supports, @media) holding rules. */
type CssNode = { prelude: string; body: string } | { prelude: string; rules: CssNode[] };

/** A minified stylesheet as rules and blocks (quotes respected). */
export function parseCss(css: string): CssNode[] {
  let i = 0;
  const block = (): CssNode[] => {
    const out: CssNode[] = [];
    for (;;) {
      while (i < css.length && /\s/.test(css[i]!)) i++;
      if (i >= css.length || css[i] === '}') { i++; return out; }
      const open = css.indexOf('{', i);
      if (open < 0) throw new Error(`parseCss: no { after ${JSON.stringify(css.slice(i, i + 40))}`);
      const prelude = css.slice(i, open).trim();
      i = open + 1;
      if (prelude.startsWith('@')) { out.push({ prelude, rules: block() }); continue; }
      const start = i;
      for (let quote = ''; i < css.length && (quote || css[i] !== '}'); i++) {
        if (quote ? css[i] === quote : css[i] === '"' || css[i] === "'") quote = quote ? '' : css[i]!;
      }
      out.push({ prelude, body: css.slice(start, i) });
      i++;
    }
  };
  return block();
}

const writeCss = (rules: CssNode[]): string => rules.map((r) => 'body' in r ? `${r.prelude}{${r.body}}`
  : r.rules.length ? `${r.prelude}{${writeCss(r.rules)}}` : '').join('');

/** A selector list split at its top-level commas. */
const selectors = (prelude: string): string[] => {
  const out: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < prelude.length; i++) {
    if (prelude[i] === '(') depth++;
    else if (prelude[i] === ')') depth--;
    else if (prelude[i] === ',' && depth === 0) { out.push(prelude.slice(from, i).trim()); from = i + 1; }
  }
  return [...out, prelude.slice(from).trim()];
};
/** The compound selectors of a selector (no functional pseudo-class in it: see `plain`). */
const compounds = (selector: string) => selector.split(/\s*[>+~]\s*|\s+/).filter(Boolean);
const CLASS = /\.(-?[_a-zA-Z][\w-]*)/g;
const classesOf = (compound: string) => [...compound.matchAll(CLASS)].map((m) => m[1]!);
const typeOf = (compound: string) => /^[a-zA-Z][\w-]*/.exec(compound)?.[0];
/** A selector this file can read: no :not(…)/:is(…) and the like, no attribute selector on class. */
const plain = (selector: string) => !/:[\w-]+\(\s*[^\d\s)]/.test(selector.replace(/:nth-[\w-]+\([^)]*\)/g, '')) && !/\[class/.test(selector);

/** The classes and element names used by a page's markup. */
export function markupNames(html: string): { classes: Set<string>; tags: Set<string> } {
  const classes = new Set<string>(), tags = new Set<string>();
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.add(m[1]!.toLowerCase());
    const cls = /\sclass="([^"]*)"/.exec(m[2]!);
    if (cls) for (const c of cls[1]!.split(/\s+/)) if (c) classes.add(c);
  }
  return { classes, tags };
}

/** The rules of a stylesheet that can match an element of the page: a selector naming a class or element the page lacks is dropped. */
export function pruneCss(css: string, used: { classes: Set<string>; tags: Set<string> }): string {
  const can = (selector: string) => !plain(selector) || compounds(selector).every((c) => {
    const type = typeOf(c);
    return (!type || used.tags.has(type.toLowerCase())) && classesOf(c).every((k) => used.classes.has(k));
  });
  const walk = (rules: CssNode[]): CssNode[] => rules.flatMap((r): CssNode[] => {
    if (!('body' in r)) return [{ prelude: r.prelude, rules: walk(r.rules) }];
    const kept = selectors(r.prelude).filter(can);
    return kept.length ? [{ prelude: kept.join(','), body: r.body }] : [];
  });
  return writeCss(walk(parseCss(css)));
}

const START_TAG = /<([\w-]+)((?:\s+[\w:-]+="[^"]*")*)>/g;
const MATH = /<math\b[\s\S]*?<\/math>/g;
/** The class and style attributes of a start tag, as one key: "class\u0000style". */
const styleKey = (attrs: string) => {
  const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1] ?? '', style = /\sstyle="([^"]*)"/.exec(attrs)?.[1] ?? '';
  return cls || style ? `${cls}\u0000${style}` : undefined;
};
/** The short classes this file gives (none of the page's own classes starts so). */
const ALIAS = 'tm';

/**
 * Every <math> of `fragments` with each class-and-style combination that repeats given one short class,
 * and `mathCss` (temml's stylesheet) with those classes defined: temml's selectors rewritten for them at the
 * same specificity, each inline style as a rule with !important. `otherCss` is the page's own stylesheet:
 * a combination whose classes it names keeps its classes.
 */
export function compactMathStyles(fragments: string[], mathCss: string, otherCss: string): { fragments: string[]; css: string } {
  const counts = new Map<string, number>();
  for (const f of fragments) for (const [formula] of f.matchAll(MATH)) for (const t of formula.matchAll(START_TAG)) {
    const key = styleKey(t[2]!);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rules = parseCss(mathCss);
  const allSelectors: string[] = [];
  const collect = (rs: CssNode[]) => { for (const r of rs) if ('body' in r) allSelectors.push(...selectors(r.prelude)); else collect(r.rules); };
  collect(rules);
  // A class this file can rewrite: every selector of temml's that names it is plain and names classes in one compound only.
  const rewritable = (cls: string) => !new RegExp(`\\.${cls}(?![\\w-])`).test(otherCss) && allSelectors.every((s) => !classesOf(s).includes(cls) ||
    (plain(s) && compounds(s).filter((c) => classesOf(c).length).length === 1));
  const aliases = new Map<string, string>();
  for (const [key, n] of [...counts].sort((a, b) => b[1] * b[0].length - a[1] * a[0].length)) {
    const [cls, style] = key.split('\u0000') as [string, string];
    const name = `${ALIAS}${aliases.size}`;
    const saved = n * (key.length + (cls && style ? 16 : 8) - `class="${name}"`.length);
    if (n < 2 || saved < 64 || /temml-error/.test(cls) || !cls.split(/\s+/).filter(Boolean).every(rewritable)) continue;
    aliases.set(key, name);
  }
  if (!aliases.size) return { fragments, css: mathCss };
  const out = fragments.map((f) => f.replace(MATH, (formula) => formula.replace(START_TAG, (tag, name: string, attrs: string) => {
    const alias = aliases.get(styleKey(attrs) ?? '');
    return alias ? `<${name}${attrs.replace(/\s(?:class|style)="[^"]*"/g, '')} class="${alias}">` : tag;
  })));
  // temml's selectors for the short classes: the compound naming the combination's classes, with the short class as many times.
  const classSets = [...aliases].map(([key, name]) => ({ name, classes: new Set(key.split('\u0000')[0]!.split(/\s+/).filter(Boolean)) }));
  const rewrite = (rs: CssNode[]): CssNode[] => rs.map((r) => {
    if (!('body' in r)) return { prelude: r.prelude, rules: rewrite(r.rules) };
    const list = selectors(r.prelude);
    const added = list.flatMap((s) => {
      const named = classesOf(s);
      if (!named.length || !plain(s)) return [];
      return classSets.filter(({ classes }) => named.every((c) => classes.has(c)))
        .map(({ name }) => { let first = true; return s.replace(CLASS, () => (first ? (first = false, `.${name}`.repeat(named.length)) : '')); });
    });
    return { prelude: [...list, ...added].join(','), body: r.body };
  });
  const styles = [...aliases].flatMap(([key, name]) => {
    const style = key.split('\u0000')[1]!;
    const decls = style.split(';').map((d) => d.trim()).filter(Boolean).map((d) => `${d}!important`).join(';');
    return decls ? [`.${name}{${decls}}`] : [];
  });
  return { fragments: out, css: writeCss(rewrite(rules)) + styles.join('') };
}
