// Moving numbers in and out of tfjs. tf.tensor(nestedArray) infers the shape and flattens by walking
// the nested arrays generically, and arraySync() rebuilds them the same way; for batches of thousands
// of small cases that bookkeeping costs more than the kernels (measured: the batched gradient oracle
// ran at ~65k cases/s through nested arrays, ~250k/s through typed arrays). These helpers take the
// shape from the (already validated, rectangular) input and copy through one Float32Array.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';

type Nested = number | Nested[];

function shapeOf(x: Nested): number[] {
  const shape: number[] = [];
  let v: Nested = x;
  while (Array.isArray(v)) { shape.push(v.length); v = v[0]!; }
  return shape;
}

/** A float32 tensor holding the rectangular nested array `x` (callers validate rectangularity). */
export function packed<R extends TF.Rank>(tf: Tf, x: Nested): TF.Tensor<R> {
  const shape = shapeOf(x);
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  let k = 0;
  const last = shape.length - 1;
  const walk = (v: Nested[], depth: number): void => {
    if (depth === last) { for (let i = 0; i < v.length; i++) data[k++] = v[i] as number; return; }
    for (let i = 0; i < v.length; i++) walk(v[i] as Nested[], depth + 1);
  };
  if (Array.isArray(x)) walk(x, 0); else data[0] = x;
  return tf.tensor(data, shape as number[] as TF.ShapeMap[R]) as TF.Tensor<R>;
}

/** The tensor's values as nested number arrays of its shape (as arraySync(), through one typed-array read). */
export function unpacked<T = number[]>(t: TF.Tensor): T {
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
  let result: { value: T } | undefined;
  tf.tidy(() => { result = { value: compute() }; });
  return result!.value;
}
