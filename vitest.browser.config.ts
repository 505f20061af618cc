// The real-browser test of the built HTML report. scripts/test.sh runs it after reports/build.ts;
// it drives the Chromium of scripts/chromium.ts through playwright-core from a node-environment test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
