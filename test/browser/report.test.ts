// Opens the built HTML report from disk in headless Chromium (playwright-core; the browser of
// @sparticuz/chromium, or LOSSCHECK_CHROMIUM: scripts/chromium.ts) and checks what a reader sees: every
// formula typeset by KaTeX with its inlined fonts, every character of the Chinese quotes drawn (from the
// embedded CJK font, not as empty boxes), the plots drawn, the verdict filter working, no console errors
// and no network. Saves screenshot.png beside the report. Runs after reports/build.ts (scripts/test.sh runs
// it in a second vitest pass; vitest.browser.config.ts) on reports/out/, or on LOSSCHECK_REPORT_DIR
// (`npm run publish-report` points it at the snapshot it publishes).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunch } from '../../scripts/chromium.ts';
import { CJK_FONT_FAMILY, cjkCharacters } from '../../reports/fonts.ts';

const REPORTS = process.env.LOSSCHECK_REPORT_DIR
  ? resolve(process.env.LOSSCHECK_REPORT_DIR) : fileURLToPath(new URL('../../reports/out/', import.meta.url));
const HTML = join(REPORTS, 'conformance.html');
const JSON_REPORT = join(REPORTS, 'conformance.json');
const SCREENSHOT = join(REPORTS, 'screenshot.png');

interface ReportJson {
  items: { id: string; verdict: string; quote?: string; printed?: string; formula?: string; correction?: { latex?: string } }[];
}

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(HTML)) throw new Error(`${HTML} is missing: the report is built by \`npx tsx reports/build.ts\` before this test`);
  const launch = await chromiumLaunch();
  browser = await chromium.launch({ executablePath: launch.executablePath, headless: true, args: launch.args });
  page = await browser.newPage({ viewport: { width: 1280, height: 1700 } });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  // Anything that is not the file itself or an inlined data: URL would be network access: refuse it
  // (so the page is judged as it looks offline) and record it (so the test can fail on it).
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
  await page.goto(pathToFileURL(HTML).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
});

afterAll(async () => { await browser?.close(); });

describe('HTML report in Chromium (from disk)', () => {
  it('loads without network access and without console errors', () => {
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('has one card per recorded item, each with a verdict badge', async () => {
    const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8')) as ReportJson;
    const cards = await page.$$eval('article.item', (els) => els.map((e) => ({
      id: e.querySelector('h3')?.textContent ?? '', verdict: (e as HTMLElement).dataset.verdict ?? '',
      badge: e.querySelector('.badge')?.textContent ?? '',
    })));
    expect(cards.map((c) => c.id)).toEqual(report.items.map((it) => it.id));
    expect(cards.map((c) => c.verdict)).toEqual(report.items.map((it) => it.verdict));
    for (const c of cards) expect(c.badge).toBe(c.verdict);
  });

  it('typesets every formula with KaTeX: no .katex-error, every formula rendered and visible, fonts loaded', async () => {
    const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8')) as ReportJson;
    // Display formulas: as printed, checked (not printed in the book), and corrections.
    const printedAndCorrections = report.items.filter((it) => it.printed).length + report.items.filter((it) => it.formula).length +
      report.items.filter((it) => it.correction?.latex).length;
    expect(await page.locator('.katex-error').count()).toBe(0);
    const formulas = await page.$$eval('.math', (els) => els.map((e) => {
      const k = e.querySelector('.katex-html');
      const box = k?.getBoundingClientRect();
      return { latex: (e as HTMLElement).dataset.latex ?? '', rendered: !!k, width: box?.width ?? 0, height: box?.height ?? 0 };
    }));
    expect(formulas.filter((f) => f.latex).length).toBe(formulas.length);
    expect(await page.locator('.formula .math-display').count()).toBe(printedAndCorrections);
    for (const f of formulas) {
      expect(f.rendered, `not rendered: ${f.latex}`).toBe(true);
      expect(f.width * f.height, `empty rendering: ${f.latex}`).toBeGreaterThan(0);
    }
    // The fonts are inlined as data: URLs; KaTeX_Main and KaTeX_Math are used by every formula.
    const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
    expect(fonts).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
  });

  it('draws every character of every quote, none as an empty box (.notdef)', async () => {
    // Each distinct character of the quotes' text (KaTeX's formulas are checked above) is drawn on a
    // canvas in the quote's own font stack and compared with a code point no font has (U+10FFFD), which
    // Chromium draws as the .notdef box: a character the fonts lack is drawn the same way.
    const { family, missing, blank, checked } = await page.evaluate(() => {
      const quotes = [...document.querySelectorAll('blockquote.quote')];
      let text = '';
      for (const q of quotes) {
        const walk = document.createTreeWalker(q, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) if (!walk.currentNode.parentElement?.closest('.katex')) text += walk.currentNode.textContent ?? '';
      }
      const chars = [...new Set([...text].filter((c) => !/\s/u.test(c)))];
      const fontFamily = quotes.length ? getComputedStyle(quotes[0]!).fontFamily : '';
      const canvas = document.createElement('canvas');
      canvas.width = 64; canvas.height = 64;
      const g = canvas.getContext('2d', { willReadFrequently: true })!;
      g.font = `40px ${fontFamily}`;
      const draw = (c: string) => { g.clearRect(0, 0, 64, 64); g.fillText(c, 8, 48); return g.getImageData(0, 0, 64, 64).data; };
      const notdef = draw(String.fromCodePoint(0x10fffd));
      const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.every((v, i) => v === b[i]);
      const missing: string[] = [], blank: string[] = [];
      for (const c of chars) {
        const img = draw(c);
        if (same(img, notdef)) missing.push(c);
        else if (img.every((v) => v === 0)) blank.push(c);
      }
      return { family: fontFamily, missing, blank, checked: chars.length };
    });
    expect(family.startsWith(`"${CJK_FONT_FAMILY}"`), family).toBe(true);
    expect(checked).toBeGreaterThan(300);
    expect(missing, `drawn as empty boxes: ${missing.join(' ')}`).toEqual([]);
    expect(blank, `drawn as nothing: ${blank.join(' ')}`).toEqual([]);
  });

  it('draws every CJK character of the page with the embedded font, whatever fonts the system has', async () => {
    const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8')) as ReportJson;
    const wanted = cjkCharacters(await page.evaluate(() => document.body.innerText));
    expect(wanted.length).toBeGreaterThan(300);
    // Every quote's CJK characters are on the page (the quotes are what the book says).
    const inQuotes = cjkCharacters(report.items.map((it) => it.quote ?? '').join(''));
    expect(inQuotes.filter((c) => !wanted.includes(c))).toEqual([]);
    const face = await page.evaluate((family) => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family)
      .map((f) => ({ status: f.status, unicodeRange: f.unicodeRange })), CJK_FONT_FAMILY);
    expect(face.map((f) => f.status)).toEqual(['loaded']);
    // Which fonts Chromium used for a line of all those characters in the page's font stack (DevTools
    // protocol): only the embedded one, for every glyph.
    await page.evaluate((text) => {
      const probe = document.createElement('p');
      probe.id = 'cjk-probe';
      probe.textContent = text;
      document.body.append(probe);
    }, wanted.join(''));
    const cdp = await page.context().newCDPSession(page);
    try {
      const { root } = await cdp.send('DOM.getDocument');
      await cdp.send('CSS.enable');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#cjk-probe' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.map((f) => ({ custom: f.isCustomFont, glyphs: f.glyphCount })), JSON.stringify(fonts))
        .toEqual([{ custom: true, glyphs: wanted.length }]);
    } finally {
      await cdp.detach();
      await page.evaluate(() => document.getElementById('cjk-probe')?.remove());
    }
  });

  it('draws the three plots as SVG with marks', async () => {
    for (const id of ['plot-gradient-ratio', 'plot-simplex', 'plot-spectrum']) {
      const svg = page.locator(`#${id} svg`);
      expect(await svg.count(), id).toBe(1);
      const box = await svg.boundingBox();
      expect(box && box.width > 200 && box.height > 150, `${id} is drawn at a visible size`).toBe(true);
      expect(await page.locator(`#${id} svg path`).count(), `${id} has marks`).toBeGreaterThan(3);
    }
    // The text's example point is labelled on the gradient-ratio plot.
    expect(await page.locator('#plot-gradient-ratio svg text', { hasText: 'ŷ = 0.99' }).count()).toBe(1);
  });

  it('filters items by verdict and back', async () => {
    const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8')) as ReportJson;
    const counts = new Map<string, number>();
    for (const it of report.items) counts.set(it.verdict, (counts.get(it.verdict) ?? 0) + 1);
    const visible = () => page.$$eval('article.item', (els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).dataset.verdict));
    for (const [verdict, n] of counts) {
      await page.click(`button[data-filter="${verdict}"]`);
      const shown = await visible();
      expect(shown, verdict).toEqual(Array(n).fill(verdict));
      expect(await page.textContent('#shown-count')).toBe(String(n));
      expect(await page.getAttribute(`button[data-filter="${verdict}"]`, 'aria-pressed')).toBe('true');
    }
    await page.click('button[data-filter="all"]');
    expect((await visible()).length).toBe(report.items.length);
  });

  it('saves a screenshot of the first refuted item quoted in Chinese (quote, statement, formulas, checks)', async () => {
    // The first refuted items are formulas, quoted as LaTeX; the screenshot shows a claim the text makes
    // in Chinese (any item so quoted when none is refuted), scrolled to the top of the window.
    const showCard = (verdict: string) => page.evaluate((v) => {
      for (const b of document.querySelectorAll<HTMLElement>(`button[data-filter="${v}"]`)) b.click();
      const card = [...document.querySelectorAll<HTMLElement>('article.item')].find((a) => !a.hidden &&
        /\p{Script=Han}/u.test(a.querySelector('blockquote.quote')?.textContent ?? ''));
      if (!card) return null;
      window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - 16);
      return card.id;
    }, verdict);
    const shown = (await showCard('refuted')) ?? (await showCard('all'));
    expect(shown, 'an item quoted in Chinese').not.toBeNull();
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await page.click('button[data-filter="all"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(consoleErrors).toEqual([]);
  });
});
