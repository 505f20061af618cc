/// <reference types="vite/client" />
// Runs the conformance items inside headless Chromium on one tfjs backend (webgl or wasm) through the
// same engine (runItems), tolerance model, qualification and higher-order patch as the Node suite, and
// records the evidence to reports/.results/backend-browser-<backend>.json, from which reports/backends.ts
// builds the cross-backend agreement table. Each backend runs in its own test file, hence its own page
// and its own tfjs runtime.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { commands } from 'vitest/browser';
import fc from 'fast-check';
import numeric from 'numeric';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { useBackend, type BackendName } from '../../oracles/tfjs/backend.ts';
import { configFromEnv } from '../../spec/engine/config.ts';
import { createContext, type OracleContext } from '../../spec/engine/context.ts';
import type { ItemDefinition } from '../../spec/engine/item.ts';
import { runItems, type ItemResult } from '../../spec/engine/run.ts';
import { compareItems } from '../../spec/engine/order.ts';
import { replacer } from '../../spec/engine/json.ts';
import { TOLERANCE_MODEL } from '../../spec/engine/tolerance.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The LOSSCHECK_* variables of the Node process that started vitest (a page has no environment). */
    losscheckEnv: Record<string, string | undefined>;
  }
}

// numeric's Function()-generated code (numeric.eig) looks up a global `numeric`, which Node's CJS
// loader provides and a browser module does not; without it numeric.eig throws and the eigen
// qualification would silently pick a different library than in Node.
(globalThis as { numeric?: unknown }).numeric = numeric;
// In a page the .wasm binaries are fetched by URL; Vite serves them from node_modules.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

/**
 * With shape uniforms a compiled tfjs-webgl program serves every shape of its operation, but tfjs-webgl 4.22 can
 * reuse a program for another whose cache key collides (tensorflow/tfjs#6478, #7430): after 4.3.8's
 * softmax-regression programs, ce-overlap-curvature's batched gradient came back 0.15 where the same case alone
 * gives 1.5e-8 (tolerance 5.6e-6), a BatchDependenceError; each of the two items that failed so passes alone.
 * So every item starts with an empty program cache (freshProgramCache): programs are shared within an item,
 * never across items. (Measured on SwiftShader: 6.2 min so; 21 min without shape uniforms, one compile per shape.)
 */
const SHAPES_UNIFORMS = true;

/** Deletes tfjs-webgl's compiled programs (the backend's binary cache), so the next item compiles its own. */
function freshProgramCache(): void {
  const backend = tf.backend() as unknown as {
    binaryCache?: Record<string, { webGLProgram?: WebGLProgram }>;
    gpgpu?: { deleteProgram(program: WebGLProgram): void };
  };
  const cache = backend.binaryCache;
  if (!cache || !backend.gpgpu) throw new Error('tfjs-webgl: no binary cache to clear (tfjs internals changed)');
  for (const key of Object.keys(cache)) {
    const program = cache[key]!.webGLProgram;
    if (program) backend.gpgpu.deleteProgram(program);
    delete cache[key];
  }
}

interface Discovered { file: string; item?: ItemDefinition; nodeOnly?: string }

/** Errors that mean "this needs Node", as opposed to a real failure of the item. */
const NODE_ONLY = /externalized for browser compatibility|process is not defined|Buffer is not defined|require is not defined|__dirname is not defined|node:[a-z_/]+/;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

// The same discovery and order as spec/engine/registry.ts (every .ts under spec/items/ default-exports an item),
// through Vite's glob instead of the file system. Lazy, so one item that needs Node cannot take the
// others down: its import error is recorded as a skip with the reason.
async function discoverItems(): Promise<Discovered[]> {
  const modules = import.meta.glob<{ default?: ItemDefinition }>(['../../spec/items/**/*.ts', '!**/*.test.ts']);
  const found = await Promise.all(Object.entries(modules).map(async ([path, load]): Promise<Discovered> => {
    const file = path.replace(/^(\.\.\/)+/, '');
    try {
      const mod = await load();
      if (!mod.default || typeof mod.default.id !== 'string') throw new Error(`${file} must default-export an item made with defineItem()`);
      return { file, item: mod.default };
    } catch (e) {
      if (NODE_ONLY.test(messageOf(e))) return { file, nodeOnly: `needs a Node-only API to load: ${messageOf(e).slice(0, 200)}` };
      throw e;
    }
  }));
  // Registry order (spec/engine/order.ts); files that could not load go last, by path.
  return found.sort((a, b) => (a.item && b.item ? compareItems(a.item, b.item) : a.item ? -1 : b.item ? 1 : a.file < b.file ? -1 : 1));
}

interface BrowserItemRecord {
  id: string; kind: ItemDefinition['kind']; section: string; statement: string;
  expectedVerdict: ItemDefinition['expectedVerdict']; file: string; durationMs: number; result: ItemResult;
}

async function describeBackend(ctx: OracleContext): Promise<Record<string, unknown>> {
  const { backend } = ctx.tfjs.runtime;
  if (backend === 'webgl') {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return {
      webglVersion: tf.env().getNumber('WEBGL_VERSION'),
      shapesUniforms: tf.env().getBool('WEBGL_USE_SHAPES_UNIFORMS'),
      renderFloat32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
      renderer: gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown',
    };
  }
  if (backend === 'wasm') {
    return {
      simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
      threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
      crossOriginIsolated: globalThis.crossOriginIsolated,
    };
  }
  return {};
}

/** Defines the suite for one backend; call it at the top level of a test file. */
export async function browserConformanceSuite(backend: Extract<BackendName, 'webgl' | 'wasm'>): Promise<void> {
  const env = inject('losscheckEnv');
  const config = configFromEnv(env);
  const only = env.LOSSCHECK_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const discovered = (await discoverItems()).filter((d) => !only || (d.item && only.includes(d.item.id)));
  const records: BrowserItemRecord[] = [];
  const skipped: { file: string; id?: string; reason: string }[] = [];
  let ctx: OracleContext;
  let contextMs = 0;
  const started = performance.now();

  beforeAll(async () => {
    useBackend(backend);
    // Without shape uniforms tfjs-webgl compiles a shader program per distinct tensor shape (tens of ms each
    // on SwiftShader); with them, each item starts from an empty program cache (SHAPES_UNIFORMS).
    if (backend === 'webgl') tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', SHAPES_UNIFORMS);
    const t0 = performance.now();
    ctx = await createContext(config);
    contextMs = performance.now() - t0;
  });

  afterAll(async () => {
    if (!ctx) return;
    const payload = {
      generated: {
        seed: config.seed, runs: config.runs, hessianRuns: config.hessianRuns,
        backend: `tfjs-${ctx.tfjs.runtime.backend}`,
        environment: { kind: 'browser', userAgent: navigator.userAgent, ...(await describeBackend(ctx)) },
        versions: { tfjs: ctx.tfjs.runtime.version, 'fast-check': fc.__version, numeric: String(numeric.version) },
        toleranceModel: TOLERANCE_MODEL,
        timing: { contextAndQualificationMs: Math.round(contextMs), totalMs: Math.round(performance.now() - started) },
        ...(only ? { only } : {}),
      },
      oracleFindings: { tfjs: ctx.tfjs.qualification, eigen: ctx.eigenQualification, eigenOracle: ctx.eigen.label },
      items: records,
      skipped,
    };
    // A partial run (LOSSCHECK_ONLY) must not stand in for the full one in the agreement table.
    const name = `backend-browser-${backend}${only ? '.selected' : ''}.json`;
    await commands.writeFile(`reports/.results/${name}`, `${JSON.stringify(payload, replacer, 2)}\n`);
  });

  describe(`conformance in Chromium on tfjs-${backend} (seed ${config.seed}, ${config.runs} cases, ${config.hessianRuns} for Hessians)`, () => {
    it('initialises the requested backend (no silent fallback to cpu)', () => {
      expect(ctx.tfjs.runtime.backend).toBe(backend);
      expect(ctx.tfjs.runtime.notice).toBeUndefined();
    });

    for (const d of discovered) {
      it(d.item ? `${d.item.id} · ${d.item.statement}` : d.file, async (t) => {
        if (!d.item) {
          skipped.push({ file: d.file, reason: d.nodeOnly! });
          t.skip(d.nodeOnly);
        }
        const item = d.item!;
        const t0 = performance.now();
        let result: ItemResult;
        try {
          if (backend === 'webgl') freshProgramCache();
          result = (await runItems([item], ctx))[0]!;
        } catch (e) {
          if (!NODE_ONLY.test(messageOf(e))) throw e;
          const reason = `a check needs a Node-only API: ${messageOf(e).slice(0, 200)}`;
          skipped.push({ file: d.file, id: item.id, reason });
          t.skip(reason);
        }
        const { id, kind, section, statement, expectedVerdict } = item;
        records.push({ id, kind, section, statement, expectedVerdict, file: d.file, durationMs: Math.round(performance.now() - t0), result: result! });
        const evidence = result!.checks.map((c) =>
          `  ${c.passed ? 'pass' : 'FAIL'} [${c.role}] ${c.name}: ${c.maxError} vs ${c.tolerance} (${c.cases} cases, ${c.oracle})`).join('\n');
        expect(result!.verdict, `${item.id} on tfjs-${backend}: ${result!.reason}\n${evidence}`).toBe(item.expectedVerdict);
      });
    }
  });
}
