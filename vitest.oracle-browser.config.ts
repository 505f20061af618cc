// The tfjs oracle in a real browser: test/browser-oracle/ runs the conformance items in headless
// Chromium (@sparticuz/chromium from npm, or LOSSCHECK_CHROMIUM: scripts/chromium.ts) on the webgl and
// wasm backends (`npm run test:browser`, via scripts/backends.ts). WebGL2 runs on ANGLE over SwiftShader
// (software) in a sandbox-less container with no GPU and no network.
// Not part of `npm test`: vitest.config.ts excludes test/browser-oracle/.
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunch } from './scripts/chromium.ts';

const FORWARDED = ['LOSSCHECK_SEED', 'LOSSCHECK_RUNS', 'LOSSCHECK_HESSIAN_RUNS', 'LOSSCHECK_ONLY'];

// The browser is unpacked (first use) or found before vitest starts it.
const launch = await chromiumLaunch();

export default defineConfig({
  // Pre-bundled up front: discovering them while the items load would make Vite reload the page mid-run.
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'fast-check', 'numeric', 'ml-matrix'],
  },
  test: {
    include: ['test/browser-oracle/**/*.test.ts'],
    // One backend at a time: both share 2 cores, and per-backend timings stay meaningful.
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
    provide: { losscheckEnv: Object.fromEntries(FORWARDED.map((k) => [k, process.env[k]])) },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      instances: [{ browser: 'chromium' }],
      provider: playwright({
        launchOptions: { executablePath: launch.executablePath, args: launch.args },
      }),
    },
  },
});
