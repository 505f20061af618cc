// The conformance items in headless Chromium on the tfjs WebGL backend (WebGL2 on SwiftShader here).
import { browserConformanceSuite } from './runInBrowser.ts';

await browserConformanceSuite('webgl');
