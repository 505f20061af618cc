// Moving numbers in and out of tfjs. tf.tensor(nestedArray) infers the shape and flattens by walking
// the nested arrays generically, and arraySync() rebuilds them the same way; for batches of thousands
// of small cases that bookkeeping costs more than the kernels (measured: the batched gradient oracle
// ran at ~65k cases/s through nested arrays, ~250k/s through typed arrays). These helpers take the
// shape from the (already validated, rectangular) input and copy through one Float32Array.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import { OracleInputError, assertBatch, assertBatch3, assertFunction, assertTf } from '../errors.ts';

type Nested = number | Nested[];

function shapeOf(x: Nested): number[] {
  const shape: number[] = [];
  let v: Nested = x;
  while (Array.isArray(v)) { shape.push(v.length); v = v[0]!; }
  return shape;
}

/** A float32 tensor holding the rectangular nested array `x` of finite numbers. */
export function packed<R extends TF.Rank>(tf: Tf, x: Nested): TF.Tensor<R> {
  assertTf('packed', tf);
  const shape = shapeOf(x);
  if (shape.includes(0)) throw new OracleInputError('packed', 'x', `must be non-empty, got shape [${shape.join(', ')}]`);
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  let k = 0;
  const last = shape.length - 1;
  // The walk checks rectangularity and finiteness as it copies (a ragged row would otherwise shift every
  // later value); the position is only spelled out for the error message.
  const path: number[] = [];
  const at = () => path.map((i) => `[${i}]`).join('') || 'x';
  const walk = (v: unknown, depth: number): void => {
    if (!Array.isArray(v) || v.length !== shape[depth]) throw new OracleInputError('packed', 'x', `must be rectangular: ${at()} is not an array of length ${shape[depth]}`);
    if (depth === last) {
      for (let i = 0; i < v.length; i++) {
        const e: unknown = v[i];
        if (typeof e !== 'number' || !Number.isFinite(e)) { path.push(i); throw new OracleInputError('packed', 'x', `holds ${String(e)} at ${at()}; finite numbers required`); }
        data[k++] = e;
      }
      return;
    }
    for (let i = 0; i < v.length; i++) { path.push(i); walk(v[i], depth + 1); path.pop(); }
  };
  if (Array.isArray(x)) walk(x, 0);
  else if (Number.isFinite(x)) data[0] = x;
  else throw new OracleInputError('packed', 'x', `holds ${String(x)}; finite numbers required`);
  return tf.tensor(data, shape as number[] as TF.ShapeMap[R]) as TF.Tensor<R>;
}

/** The tensor's values as nested number arrays of its shape (as arraySync(), through one typed-array read). */
export function unpacked<T = number[]>(t: TF.Tensor): T {
  if (typeof (t as { dataSync?: unknown } | null)?.dataSync !== 'function') throw new OracleInputError('unpacked', 't', 'must be a tfjs tensor');
  const data = t.dataSync();
  const shape = t.shape;
  if (!shape.length) return data[0] as T;
  let k = 0;
  const build = (depth: number): Nested[] => {
    const n = shape[depth]!;
    const out: Nested[] = new Array(n);
    if (depth === shape.length - 1) { for (let i = 0; i < n; i++) out[i] = data[k++]!; return out; }
    for (let i = 0; i < n; i++) out[i] = build(depth + 1);
    return out;
  };
  return build(0) as T;
}

/**
 * Runs `compute` in tf.tidy (every tensor it creates is disposed) and returns its plain-data result.
 * tf.tidy(() => result) would walk a returned array looking for tensors to keep — for a batch of
 * nested number arrays that walk cost more than the kernels — so the result leaves by closure.
 */
export function tidyData<T>(tf: Tf, compute: () => T): T {
  assertTf('tidyData', tf);
  assertFunction('tidyData', 'compute', compute);
  let result: { value: T } | undefined;
  tf.tidy(() => { result = { value: compute() }; });
  return result!.value;
}

/**
 * A non-empty batch of cases [B][w] of finite numbers as one row-major Float32Array, checked and copied in
 * one pass (the builders' inputs are thousands of cases: a check and then a copy walked them twice). On
 * anything else it throws what assertBatch(fn, name, rows, width) throws.
 */
export function packedRows(fn: string, name: string, rows: unknown, width?: number): Float32Array {
  if (Array.isArray(rows) && rows.length > 0 && Array.isArray(rows[0])) {
    const w = width ?? (rows[0] as unknown[]).length;
    const out = new Float32Array(rows.length * w);
    let ok = w > 0;
    for (let b = 0; ok && b < rows.length; b++) {
      const r = rows[b] as unknown;
      if (!Array.isArray(r) || r.length !== w) { ok = false; break; }
      for (let i = 0; i < w; i++) {
        const x = r[i] as unknown;
        if (typeof x !== 'number' || !Number.isFinite(x)) { ok = false; break; }
        out[b * w + i] = x;
      }
    }
    if (ok) return out;
  }
  assertBatch(fn, name, rows, width);
  throw new OracleInputError(fn, name, 'could not be packed as a batch of rows'); // assertBatch accepted what the copy did not
}

/** The same for a batch of matrices [B][N][d] (what assertBatch3(fn, name, t, rows, cols) throws otherwise). */
export function packedMatrices(fn: string, name: string, t: unknown, rows?: number, cols?: number): Float32Array {
  const first = Array.isArray(t) ? (t[0] as unknown) : undefined;
  if (Array.isArray(t) && t.length > 0 && Array.isArray(first) && Array.isArray(first[0])) {
    const n = rows ?? first.length, d = cols ?? (first[0] as unknown[]).length;
    const out = new Float32Array(t.length * n * d);
    let ok = n > 0 && d > 0, k = 0;
    for (let b = 0; ok && b < t.length; b++) {
      const m = t[b] as unknown;
      if (!Array.isArray(m) || m.length !== n) { ok = false; break; }
      for (let i = 0; ok && i < n; i++) {
        const r = m[i] as unknown;
        if (!Array.isArray(r) || r.length !== d) { ok = false; break; }
        for (let j = 0; j < d; j++) {
          const x = r[j] as unknown;
          if (typeof x !== 'number' || !Number.isFinite(x)) { ok = false; break; }
          out[k++] = x;
        }
      }
    }
    if (ok) return out;
  }
  assertBatch3(fn, name, t, rows, cols);
  throw new OracleInputError(fn, name, 'could not be packed as a batch of matrices');
}
