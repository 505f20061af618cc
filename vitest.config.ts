// The one vitest config: four projects, selected with --project.
//   shared, isolated  the items, meta-tests and tool tests in Node: `npm test`, `npx vitest run [files]`
//   report            the built HTML report in Chromium, after reports/build.ts (scripts/test.sh: `--project report`)
//   browser-oracle    the conformance items in headless Chromium on tfjs webgl and wasm (vitest browser mode;
//                     `npm run test:browser`, scripts/backends.ts: `--project browser-oracle`)
// The two Chromium projects exist only when named with --project, so a plain `vitest run` runs the Node
// projects and never starts (or unpacks) a browser.
// Mutation testing keeps its own node-only config (vitest.stryker.config.ts): Stryker's vitest runner 9.6.1
// takes a config file but cannot select a project, and overrides the pool and the worker count itself.
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { ConformanceFirst } from './spec/engine/sequencer.ts';

// The browser test reads the built report, so it runs after reports/build.ts (project report).
// test/browser-oracle runs the items in Chromium (project browser-oracle, `npm run test:browser`).
const NOT_HERE = [...configDefaults.exclude, 'test/browser/**', 'test/browser-oracle/**'];
// Files that replace modules with vi.mock run in a fresh module graph of their own.
const MOCKING = ['spec/_meta/broken-impl.test.ts'];
// The LOSSCHECK_* variables of the Node process are handed to the page (a page has no environment).
const FORWARDED = ['LOSSCHECK_SEED', 'LOSSCHECK_RUNS', 'LOSSCHECK_HESSIAN_RUNS', 'LOSSCHECK_ONLY'];

/** The projects named on the command line (`--project x`, `--project=x`), if any. */
function projectsOnCommandLine(argv: readonly string[] = process.argv): string[] {
  return argv.flatMap((a, i) => (a === '--project' ? [argv[i + 1] ?? ''] : a.startsWith('--project=') ? [a.slice('--project='.length)] : []));
}

/**
 * The browser-mode project. Its Chromium (@sparticuz/chromium from npm, or LOSSCHECK_CHROMIUM:
 * scripts/chromium.ts) is unpacked or found before vitest starts it, and only when the project is asked
 * for, so a plain run never touches it. WebGL2 runs on ANGLE over SwiftShader (software) in a
 * sandbox-less container with no GPU and no network.
 */
async function browserOracleProject(): Promise<TestProjectInlineConfiguration> {
  const [{ playwright }, { chromiumLaunch }] = await Promise.all([import('@vitest/browser-playwright'), import('./scripts/chromium.ts')]);
  const launch = await chromiumLaunch();
  return {
    // Pre-bundled up front: discovering them while the items load would make Vite reload the page mid-run.
    optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'fast-check', 'numeric', 'ml-matrix'] },
    test: {
      name: 'browser-oracle',
      include: ['test/browser-oracle/**/*.test.ts'],
      // One backend at a time: both share 2 cores, and per-backend timings stay meaningful.
      fileParallelism: false,
      testTimeout: 900_000,
      hookTimeout: 300_000,
      sequence: { groupOrder: 2 },
      provide: { losscheckEnv: Object.fromEntries(FORWARDED.map((k) => [k, process.env[k]])) },
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        instances: [{ browser: 'chromium' }],
        provider: playwright({ launchOptions: { executablePath: launch.executablePath, args: launch.args } }),
      },
    },
  };
}

/** Whether a --project pattern (vitest's wildcards: *) selects the project `name`. */
const selects = (pattern: string, name: string) => !pattern.startsWith('!')
  && new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name);
/** Drives the Chromium of scripts/chromium.ts through playwright-core from a node-environment test. */
const REPORT: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'report', include: ['test/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, sequence: { groupOrder: 1 } },
};

const asked = (name: string) => projectsOnCommandLine().some((p) => selects(p, name));

export default defineConfig({
  test: {
    environment: 'node',
    // vitest's default is cores − 1, i.e. one worker on a 2-core machine; the suite is CPU-bound and the
    // main process nearly idle, so at least two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The conformance parts first, the costliest first, then the other files (spec/engine/sequencer.ts).
    sequence: { sequencer: ConformanceFirst },
    // The conformance results travel with the tests (task meta); the first reporter writes them
    // (spec/engine/reporter.ts), the second renders the report from a main run's results (scripts/report-reporter.ts).
    reporters: ['default', './spec/engine/reporter.ts', './scripts/report-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['spec/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...NOT_HERE, ...MOCKING],
          // One module graph per worker: tfjs, its qualification and the eigen oracle are set up once
          // per worker, not once per test file. Nothing in these files mutates shared module state.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      ...(asked('report') ? [REPORT] : []),
      ...(asked('browser-oracle') ? [await browserOracleProject()] : []),
    ],
  },
});
