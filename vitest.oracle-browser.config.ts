// The tfjs oracle in a real browser: test/browser-oracle/ runs the conformance items in headless
// Debian Chromium on the webgl and wasm backends (`npm run test:browser`, via scripts/backends.ts).
// Not part of `npm test`: vitest.config.ts excludes test/browser-oracle/.
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

// Software WebGL2 (ANGLE on SwiftShader) in a sandbox-less container with no GPU and no network.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];
const FORWARDED = ['LOSSCHECK_SEED', 'LOSSCHECK_RUNS', 'LOSSCHECK_HESSIAN_RUNS', 'LOSSCHECK_ONLY'];

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
        launchOptions: { executablePath: process.env.LOSSCHECK_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
      }),
    },
  },
});
