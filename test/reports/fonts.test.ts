// The fonts the HTML report embeds (reports/fonts.ts): the CJK subset covers exactly the page's CJK
// characters, says which ones the font lacks, and leaves Latin text to the system font; the math subset
// covers what the MathML formulas draw, italic letters included.
import { describe, expect, it } from 'vitest';
import { CJK_FONT_FAMILY, MATH_FONT_FAMILY, cjkCharacters, cjkFontFace, embedCjkFont, embedFonts, mathCharacters, mathFontFace, unicodeRange } from '../../reports/fonts.ts';
import { math } from '../../reports/html.ts';

describe('embedded CJK font', () => {
  it('picks the distinct CJK characters of a text (Han, CJK and full-width punctuation), not Latin or math', () => {
    expect(cjkCharacters('交叉熵（cross-entropy）的梯度是 p̂ − p，交叉熵。')).toEqual(['。', '交', '叉', '度', '是', '梯', '熵', '的', '（', '）', '，']);
    expect(cjkCharacters('x ≤ 1 — “quoted” ½')).toEqual([]);
  });

  it('writes a unicode-range with runs of consecutive code points merged', () => {
    expect(unicodeRange(['丁', '一', '七', '万', '丈', '丐'])).toBe('U+4E00-4E01,U+4E03,U+4E07-4E08,U+4E10');
  });

  it('embeds a woff2 subset covering every CJK character of the text, and names the ones the font lacks', async () => {
    // U+20000 (CJK Extension B) is not in the Simplified Chinese font.
    const face = await cjkFontFace('均方误差与交叉熵 loss，𠀀');
    expect(face.covered).toEqual(cjkCharacters('均方误差与交叉熵，'));
    expect(face.missing).toEqual(['𠀀']);
    expect(face.css).toContain(`font-family:"${CJK_FONT_FAMILY}"`);
    expect(face.css).toContain('src:url(data:font/woff2;base64,');
    expect(face.css).toContain(`unicode-range:${unicodeRange(face.covered)}}`);
    // A handful of glyphs, not the 1.1 MB font.
    expect(face.bytes).toBeGreaterThan(1000);
    expect(face.bytes).toBeLessThan(20_000);
  });

  it('adds the font to a page before </head>, and nothing to a page without CJK text', async () => {
    const { html, font } = await embedCjkFont('<html><head><title>t</title></head><body>梯度</body></html>');
    expect(font.covered).toEqual(['度', '梯']);
    expect(html.indexOf('@font-face')).toBeLessThan(html.indexOf('</head>'));
    const latin = '<html><head></head><body>gradient</body></html>';
    expect((await embedCjkFont(latin)).html).toBe(latin);
  });
});

describe('embedded math font', () => {
  const page = `<html><head></head><body>${math('\\frac{\\partial L}{\\partial w} = \\sum_n (\\hat{p} - y) x \\le \\sigma', true)} 梯度 ${math('\\text{交叉熵}', false)}</body></html>`;

  it('reads the characters the formulas draw: their text and the italic form of each letter, no CJK, no invisible operator', () => {
    const chars = mathCharacters(page);
    for (const c of ['∂', '∑', '≤', '=', 'L', 'w', '𝐿', '𝑤', '𝑝', '𝜎', 'σ', 'ˆ']) expect(chars, c).toContain(c);
    expect(chars.filter((c) => /\p{Script=Han}/u.test(c))).toEqual([]);
    expect(chars).not.toContain('\u2061');
    expect(mathCharacters('<p>x + y</p>')).toEqual([]);
  });

  it('embeds a subset of Noto Sans Math that has every one of them, and both fonts in one page', async () => {
    const face = await mathFontFace(page);
    expect(face.missing).toEqual([]);
    expect(face.covered).toEqual(mathCharacters(page));
    expect(face.css).toContain(`font-family:"${MATH_FONT_FAMILY}"`);
    expect(face.bytes).toBeGreaterThan(2000);
    expect(face.bytes).toBeLessThan(40_000);
    const both = await embedFonts(page);
    expect(both.cjk.covered).toEqual(['交', '叉', '度', '梯', '熵']);
    expect(both.html.match(/@font-face/g)).toHaveLength(2);
    // Characters that only the compressed part of a page holds count too.
    expect((await embedFonts('<html><head></head><body></body></html>', '梯度')).cjk.covered).toEqual(['度', '梯']);
  });
});
