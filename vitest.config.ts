import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['spec/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser test reads the built report, so it runs after reports/build.ts (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
