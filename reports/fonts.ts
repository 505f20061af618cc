// The HTML report's Chinese text without a system CJK font: the page embeds a subset of Noto Sans SC
// (regular, the "chinese-simplified" file of @fontsource/noto-sans-sc) cut at build time by subset-font
// (harfbuzz's hb-subset in wasm) to exactly the CJK characters the page uses, as one woff2 data: URL.
// The @font-face's unicode-range lists those characters only, so Latin text keeps the system font and
// the embedded face is used for every CJK character wherever it stands. It renders; it asserts nothing:
// a character the font lacks is returned in `missing` (and fails the browser test).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family name the report's CSS puts first in its font stack. */
export const CJK_FONT_FAMILY = 'losscheck Noto Sans SC';
/** The source font, from the npm registry (OFL-1.1). */
export const CJK_FONT_FILE = '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2';

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

export interface CjkFontFace {
  /** The @font-face rule (empty when the text has no CJK character). */
  css: string;
  /** Characters the embedded subset draws. */
  covered: string[];
  /** CJK characters of the text that the source font lacks (they would render as empty boxes). */
  missing: string[];
  /** Size of the embedded woff2 in bytes (before base64). */
  bytes: number;
}

/** The @font-face rule embedding the subset of the source font for the CJK characters of `text`. */
export async function cjkFontFace(text: string, fontFile = CJK_FONT_FILE): Promise<CjkFontFace> {
  const wanted = cjkCharacters(text);
  if (!wanted.length) return { css: '', covered: [], missing: [], bytes: 0 };
  const source = readFileSync(createRequire(import.meta.url).resolve(fontFile));
  const { default: subsetFont } = await import('subset-font');
  // Cut to sfnt first to read back which characters the subset maps (hb-subset silently drops the
  // ones the font lacks), then to woff2 for the page.
  const sfnt = await subsetFont(source, wanted.join(''), { targetFormat: 'truetype', noLayoutClosure: true });
  const { Blob, Face } = await import('harfbuzzjs');
  const mapped = new Set(new Face(new Blob(sfnt)).collectUnicodes());
  const covered = wanted.filter((c) => mapped.has(c.codePointAt(0)!));
  const missing = wanted.filter((c) => !mapped.has(c.codePointAt(0)!));
  if (!covered.length) return { css: '', covered, missing, bytes: 0 };
  const woff2 = await subsetFont(sfnt, covered.join(''), { targetFormat: 'woff2', noLayoutClosure: true });
  const css = `@font-face{font-family:"${CJK_FONT_FAMILY}";font-style:normal;font-weight:400;font-display:block;` +
    `src:url(data:font/woff2;base64,${woff2.toString('base64')}) format("woff2");unicode-range:${unicodeRange(covered)}}`;
  return { css, covered, missing, bytes: woff2.length };
}

/**
 * The page with the subset font for its own CJK characters added as a <style> before </head>. The
 * characters are read from the finished page (quotes, statements, reasons: wherever they stand).
 */
export async function embedCjkFont(html: string): Promise<{ html: string; font: CjkFontFace }> {
  const font = await cjkFontFace(html);
  if (!font.css) return { html, font };
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('embedCjkFont: the page has no </head>');
  return { html: `${html.slice(0, at)}<style>${font.css}</style>\n${html.slice(at)}`, font };
}
