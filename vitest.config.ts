import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['spec/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser test reads the built report, so it runs after reports/build.ts (vitest.browser.config.ts).
    // test/browser-oracle runs the items in Chromium (vitest.oracle-browser.config.ts, `npm run test:browser`).
    exclude: [...configDefaults.exclude, 'test/browser/**', 'test/browser-oracle/**'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
