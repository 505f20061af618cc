// Opens the built HTML report from disk in headless Debian Chromium (playwright-core) and checks what a
// reader sees: every formula typeset by KaTeX with its inlined fonts, the plots drawn, the verdict filter
// working, no console errors and no network. Saves reports/screenshot.png (used by the README).
// Runs after reports/build.ts (scripts/test.sh runs it in a second vitest pass; vitest.browser.config.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const REPORTS = fileURLToPath(new URL('../../reports/', import.meta.url));
const HTML = `${REPORTS}conformance.html`;
const JSON_REPORT = `${REPORTS}conformance.json`;
const SCREENSHOT = `${REPORTS}screenshot.png`;
const CHROMIUM = process.env.LOSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

interface ReportJson {
  items: { id: string; verdict: string; printed?: string; correction?: { latex?: string } }[];
}

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(HTML)) throw new Error(`${HTML} is missing: the report is built by \`npx tsx reports/build.ts\` before this test`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\``);
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
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
    const printedAndCorrections = report.items.filter((it) => it.printed).length +
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

  it('saves a screenshot of the top of the page (totals, plots, first refuted item)', async () => {
    const refuted = await page.locator('button[data-filter="refuted"]').count();
    if (refuted) await page.click('button[data-filter="refuted"]');
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    if (refuted) await page.click('button[data-filter="all"]');
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(consoleErrors).toEqual([]);
  });
});
