// One TensorFlow.js runtime per worker: WASM backend by default (float32, SIMD), cpu as fallback
// with a one-line notice. LOSSCHECK_BACKEND=cpu|wasm selects one explicitly; in a browser, where
// there is no environment, useBackend() selects one (webgl exists only there).
// tfjs is imported when the runtime is first asked for (≈ 1 s): listing or loading the items, which
// import the oracle modules, does not pay for it.
import type * as TF from '@tensorflow/tfjs';
import { OracleInputError } from '../errors.ts';

export type Tf = typeof TF;
export type BackendName = 'wasm' | 'cpu' | 'webgl';

export interface TfRuntime {
  tf: Tf;
  backend: BackendName;
  version: string;
  notice?: string;
}

let runtime: Promise<TfRuntime> | undefined;
let selected: BackendName | undefined;

/** Selects the backend before the runtime is first used; it overrides LOSSCHECK_BACKEND. */
export function useBackend(name: BackendName): void {
  if (name !== 'wasm' && name !== 'cpu' && name !== 'webgl') {
    throw new OracleInputError('useBackend', 'name', `must be 'wasm', 'cpu' or 'webgl', got '${String(name)}'`);
  }
  if (runtime && selected !== name) {
    throw new OracleInputError('useBackend', 'name', `the tfjs runtime is already initialised; cannot switch to '${name}'`);
  }
  selected = name;
}

function requestedBackend(): BackendName {
  if (selected) return selected;
  const env = typeof process !== 'undefined' ? process.env.LOSSCHECK_BACKEND : undefined;
  if (env === undefined || env === '') return 'wasm';
  if (env !== 'wasm' && env !== 'cpu') {
    throw new OracleInputError('tfjsRuntime', 'LOSSCHECK_BACKEND', `must be 'wasm' or 'cpu', got '${env}'`);
  }
  return env;
}

/** The worker's tfjs runtime, initialised once. */
export function tfjsRuntime(): Promise<TfRuntime> {
  runtime ??= (async () => {
    const tf: Tf = await import('@tensorflow/tfjs');
    await import('@tensorflow/tfjs-backend-wasm'); // registers the 'wasm' backend
    tf.enableProdMode(); // silences the "install tfjs-node" banner and per-op debug checks
    const wanted = requestedBackend();
    let notice: string | undefined;
    let ok = false;
    try { ok = await tf.setBackend(wanted); } catch { ok = false; }
    if (!ok) {
      notice = `losscheck: tfjs backend '${wanted}' is unavailable here; falling back to 'cpu'`;
      console.warn(notice);
      await tf.setBackend('cpu');
    }
    await tf.ready();
    return { tf, backend: tf.getBackend() as BackendName, version: tf.version.tfjs, notice };
  })();
  return runtime;
}
