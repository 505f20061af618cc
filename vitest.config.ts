import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// The browser test reads the built report, so it runs after reports/build.ts (vitest.browser.config.ts).
// test/browser-oracle runs the items in Chromium (vitest.oracle-browser.config.ts, `npm run test:browser`).
const NOT_HERE = [...configDefaults.exclude, 'test/browser/**', 'test/browser-oracle/**'];
// Files that replace modules with vi.mock run in a fresh module graph of their own.
const MOCKING = ['spec/_meta/broken-impl.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // vitest's default is cores − 1, i.e. one worker on a 2-core machine; the suite is CPU-bound and the
    // main process nearly idle, so at least two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The conformance results travel with the tests (task meta); this reporter writes them (spec/engine/reporter.ts).
    reporters: ['default', './spec/engine/reporter.ts'],
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
    ],
  },
});
