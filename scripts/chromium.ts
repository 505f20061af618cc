// The Chromium every browser test launches: the headless Chromium that @sparticuz/chromium ships inside
// its npm package (so `npm ci` brings it; no apt, no download), or a browser of your own named by
// LOSSCHECK_CHROMIUM. Used by test/browser (the HTML report, through playwright-core) and by
// the browser-oracle project of vitest.config.ts (`npm run test:browser`, vitest browser mode).
//
// The package unpacks its brotli archives into os.tmpdir() and reuses whatever it finds there, also
// libraries left by another version (the launch then dies with SIGTRAP, "eglGetProcAddress not found").
// It reads the temp folder when imported and again in executablePath(), so TMPDIR points at a folder of
// our own for both: node_modules/.cache/losscheck-chromium/<version>/, unpacked beside it and renamed into
// place when complete, so an interrupted unpack is never reused. `npx tsx scripts/chromium.ts` prints
// the path and how long it took.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'losscheck-chromium');
const PACKAGE = '@sparticuz/chromium';

/**
 * @sparticuz/chromium's flags are made for AWS Lambda; these do not fit a browser that Playwright
 * drives here: one process and no zygote (Playwright opens several pages and contexts), its own
 * --headless (Playwright adds --headless), no web security and insecure content (the report test
 * judges the page as a reader's browser shows it), and feature lists (they would replace Playwright's
 * own --disable-features list, which switches off features that go to the network).
 */
const NOT_FOR_PLAYWRIGHT = ['--single-process', '--no-zygote', '--headless', '--disable-web-security',
  '--allow-running-insecure-content', '--disable-features', '--enable-features'];
/** Ours: a sandbox-less container (root) with no network; Playwright adds its own defaults. */
const OURS = ['--no-sandbox', '--disable-quic', '--disable-sync', '--disable-background-networking', '--disable-component-update'];

export interface ChromiumLaunch {
  executablePath: string;
  /** Flags for playwright's launch(): WebGL2 through ANGLE on SwiftShader (software), no sandbox, no network. */
  args: string[];
  /** Where the browser comes from, for messages. */
  source: string;
}

/** @sparticuz/chromium's flags minus those that do not fit Playwright, plus ours. */
export function launchArgs(packageArgs: readonly string[]): string[] {
  const kept = packageArgs.filter((a) => !NOT_FOR_PLAYWRIGHT.some((drop) => a === drop || a.startsWith(`${drop}=`)));
  return [...new Set([...kept, ...OURS])];
}

function packageVersion(): string {
  const entry = createRequire(import.meta.url).resolve(PACKAGE);
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === PACKAGE && pkg.version) return pkg.version;
  }
  throw new Error(`cannot find the version of ${PACKAGE} (is \`npm ci\` done?)`);
}

type SparticuzChromium = { args: string[]; executablePath(input?: string): Promise<string> };

/** Imports @sparticuz/chromium with os.tmpdir() pointing at `tmp` (it reads it at import time). */
async function withTmpdir<T>(tmp: string, run: (chromium: SparticuzChromium) => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const { default: chromium } = await import('@sparticuz/chromium') as unknown as { default: SparticuzChromium };
    return await run(chromium);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved;
  }
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/** The unpacked browser of this package version, unpacking it on first use (about 2 s). */
async function unpacked(version: string): Promise<{ executablePath: string; args: string[] }> {
  const home = join(CACHE, version);
  mkdirSync(CACHE, { recursive: true });
  for (const entry of readdirSync(CACHE)) {
    const partial = /\.partial-(\d+)$/.exec(entry);
    // Other versions' browsers (about 200 MB each) and unpacks whose process is gone.
    if ((partial && !alive(Number(partial[1]))) || (!partial && entry !== version)) rmSync(join(CACHE, entry), { recursive: true, force: true });
  }
  if (existsSync(join(home, 'chromium'))) return withTmpdir(home, async (c) => ({ executablePath: join(home, 'chromium'), args: c.args }));
  const staging = `${home}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  const args = await withTmpdir(staging, async (c) => {
    const path = await c.executablePath();
    if (path !== join(staging, 'chromium')) throw new Error(`${PACKAGE} unpacked to ${path}, not into ${staging}`);
    return c.args;
  });
  try {
    renameSync(staging, home);
  } catch (e) {
    // Another process unpacked the same version meanwhile: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(home, 'chromium'))) throw e;
  }
  return { executablePath: join(home, 'chromium'), args };
}

/** How to launch Chromium here: LOSSCHECK_CHROMIUM if set, else the browser of @sparticuz/chromium. */
export async function chromiumLaunch(env: Record<string, string | undefined> = process.env): Promise<ChromiumLaunch> {
  const version = packageVersion();
  const own = env.LOSSCHECK_CHROMIUM;
  if (own) {
    if (!existsSync(own)) throw new Error(`LOSSCHECK_CHROMIUM=${own}: no such file (unset it to use the Chromium of ${PACKAGE})`);
    const { args } = await withTmpdir(join(CACHE, version), async (c) => ({ args: c.args }));
    return { executablePath: own, args: launchArgs(args), source: `LOSSCHECK_CHROMIUM (${own})` };
  }
  const { executablePath, args } = await unpacked(version);
  return { executablePath, args: launchArgs(args), source: `${PACKAGE}@${version}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const launch = await chromiumLaunch();
  console.log(`${launch.source}: ${launch.executablePath} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(launch.args.join(' '));
}
