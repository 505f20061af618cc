// The conformance items in headless Chromium on the tfjs WASM backend (SIMD, no threads).
import { browserConformanceSuite } from './runInBrowser.ts';

await browserConformanceSuite('wasm');
