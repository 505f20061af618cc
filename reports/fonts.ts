// The HTML report's fonts, so it needs none of the system's: the page embeds subsets, cut at build time
// by subset-font (harfbuzz's hb-subset in wasm) and inlined as woff2 data: URLs, of
// - Noto Sans SC (regular, the "chinese-simplified" file of @fontsource/noto-sans-sc) for exactly the CJK
//   characters the page uses; the @font-face's unicode-range lists those characters only, so Latin text
//   keeps the system font and the embedded face is used for every CJK character wherever it stands;
// - Noto Sans Math (@fontsource/noto-sans-math: the whole font, with its OpenType MATH table) for the
//   characters of the page's MathML formulas (reports/html.ts typesets LaTeX to MathML with temml), plus
//   the mathematical italic letters the browser draws for single-letter identifiers (<mi>x</mi> is drawn
//   as U+1D465); hb-subset keeps the MATH table with the glyph variants the kept characters need.
// It renders; it asserts nothing: a character a font lacks is returned in `missing` (and fails the tests).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family name the report's CSS puts first in its font stack. */
export const CJK_FONT_FAMILY = 'losscheck Noto Sans SC';
/** The source font, from the npm registry (OFL-1.1). */
export const CJK_FONT_FILE = '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2';
/** The family name of the embedded math font (the report's CSS sets it on <math>). */
export const MATH_FONT_FAMILY = 'losscheck Noto Sans Math';
/** The whole Noto Sans Math (OFL-1.1; fontsource calls the file "latin", but it has every glyph and the MATH table). */
export const MATH_FONT_FILE = '@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff2';

/** Han, kana, CJK symbols and punctuation (、。), CJK compatibility and full-width forms (（），：；). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]/u;

/** The distinct CJK characters of a text, in code-point order. */
export function cjkCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) if (CJK.test(ch)) found.add(ch);
  return [...found].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** CSS unicode-range of a set of characters, consecutive code points merged (U+4E00-4E03,U+4E07). */
export function unicodeRange(chars: readonly string[]): string {
  const points = [...new Set(chars.map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    const hex = (p: number) => p.toString(16).toUpperCase();
    out.push(j > i ? `U+${hex(points[i]!)}-${hex(points[j]!)}` : `U+${hex(points[i]!)}`);
    i = j + 1;
  }
  return out.join(',');
}

export interface EmbeddedFont {
  /** The @font-face rule (empty when the text has no character for the font). */
  css: string;
  /** Characters the embedded subset draws. */
  covered: string[];
  /** CJK characters of the text that the source font lacks (they would render as empty boxes). */
  missing: string[];
  /** Size of the embedded woff2 in bytes (before base64). */
  bytes: number;
}

/** The @font-face rule embedding the subset of `fontFile` for `wanted` (what the font lacks is listed, not drawn). */
async function subsetFace(family: string, fontFile: string, wanted: string[], how: { unicodeRange: boolean; layoutClosure: boolean; hinting: boolean }): Promise<EmbeddedFont> {
  if (!wanted.length) return { css: '', covered: [], missing: [], bytes: 0 };
  const source = readFileSync(createRequire(import.meta.url).resolve(fontFile));
  const { default: subsetFont } = await import('subset-font');
  // Cut to sfnt first to read back which characters the subset maps (hb-subset silently drops the
  // ones the font lacks), then to woff2 for the page.
  // subset-font 2.9 takes noHinting (hb-subset --no-hinting); @types/subset-font 2.3 does not list it yet.
  const options = { noLayoutClosure: !how.layoutClosure, noHinting: !how.hinting };
  const sfnt = await subsetFont(source, wanted.join(''), { targetFormat: 'truetype', ...options });
  const { Blob, Face } = await import('harfbuzzjs');
  const mapped = new Set(new Face(new Blob(sfnt)).collectUnicodes());
  const covered = wanted.filter((c) => mapped.has(c.codePointAt(0)!));
  const missing = wanted.filter((c) => !mapped.has(c.codePointAt(0)!));
  if (!covered.length) return { css: '', covered, missing, bytes: 0 };
  const woff2 = await subsetFont(sfnt, covered.join(''), { targetFormat: 'woff2', ...options });
  const css = `@font-face{font-family:"${family}";font-style:normal;font-weight:400;font-display:block;` +
    `src:url(data:font/woff2;base64,${woff2.toString('base64')}) format("woff2")${how.unicodeRange ? `;unicode-range:${unicodeRange(covered)}` : ''}}`;
  return { css, covered, missing, bytes: woff2.length };
}

/** The @font-face rule embedding the subset of the source font for the CJK characters of `text`. */
export async function cjkFontFace(text: string, fontFile = CJK_FONT_FILE): Promise<EmbeddedFont> {
  // Noto Sans SC has no hinting instructions to drop (dropping the empty ones makes the woff2 larger).
  return subsetFace(CJK_FONT_FAMILY, fontFile, cjkCharacters(text), { unicodeRange: true, layoutClosure: false, hinting: true });
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) => s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) =>
  e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : ENTITY[e] ?? m);

/** Mathematical italic of a Latin or Greek letter, as MathML draws a single-letter <mi> (Unicode's holes: ℎ). */
function mathItalic(ch: string): string | undefined {
  const c = ch.codePointAt(0)!;
  if (c === 0x68) return '\u210e';
  if (c >= 0x41 && c <= 0x5a) return String.fromCodePoint(0x1d434 + c - 0x41);
  if (c >= 0x61 && c <= 0x7a) return String.fromCodePoint(0x1d44e + c - 0x61);
  if (c >= 0x391 && c <= 0x3a9 && c !== 0x3a2) return String.fromCodePoint(0x1d6e2 + c - 0x391);
  if (c >= 0x3b1 && c <= 0x3c9) return String.fromCodePoint(0x1d6fc + c - 0x3b1);
  if (c === 0x131) return '\u{1d6a4}';
  if (c === 0x237) return '\u{1d6a5}';
  return undefined;
}

/** The characters the MathML formulas of a page draw (their text, the italic forms of their letters), without CJK and whitespace. */
export function mathCharacters(html: string): string[] {
  const found = new Set<string>();
  for (const [formula] of html.matchAll(/<math\b[\s\S]*?<\/math>/g)) {
    for (const ch of decode(formula.replace(/<[^>]*>/g, ''))) {
      if (/[\s\u200b-\u200d\u2060-\u2064\ufeff]/u.test(ch) || CJK.test(ch)) continue; // invisible operators draw nothing
      found.add(ch);
      const italic = mathItalic(ch);
      if (italic) found.add(italic);
    }
  }
  return [...found].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** The @font-face rule embedding the subset of the math font for the formulas of `html`. */
export async function mathFontFace(html: string, fontFile = MATH_FONT_FILE): Promise<EmbeddedFont> {
  // No unicode-range: <math> sets this family first, and every character there is covered or reported.
  // Layout closure keeps the script-size (ssty) and other alternates the MathML layout picks. The TrueType
  // hinting instructions (fpgm, prep, cvt and each glyph's; 30% of the subset) are dropped, as the CJK font
  // has none: they only snap outlines to the pixel grid at small sizes on Windows' rasterizer.
  return subsetFace(MATH_FONT_FAMILY, fontFile, mathCharacters(html), { unicodeRange: false, layoutClosure: true, hinting: false });
}

/**
 * The page with the subset font for its own CJK characters added as a <style> before </head>. The
 * characters are read from the finished page (quotes, statements, reasons: wherever they stand).
 */
export async function embedCjkFont(html: string): Promise<{ html: string; font: EmbeddedFont }> {
  const font = await cjkFontFace(html);
  return { html: withStyle(html, font.css), font };
}

/**
 * The page with both embedded fonts: the CJK subset and the math subset for its formulas. `folded` is the
 * HTML the page carries compressed (reports/html.ts foldedParts), whose characters the fonts cover too.
 */
export async function embedFonts(html: string, folded = ''): Promise<{ html: string; cjk: EmbeddedFont; math: EmbeddedFont }> {
  const [cjk, math] = await Promise.all([cjkFontFace(html + folded), mathFontFace(html + folded)]);
  return { html: withStyle(html, cjk.css + math.css), cjk, math };
}

function withStyle(html: string, css: string): string {
  if (!css) return html;
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('embedFonts: the page has no </head>');
  return `${html.slice(0, at)}<style>${css}</style>\n${html.slice(at)}`;
}
