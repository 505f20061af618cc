// Generators for attention items: Q (n×d_k), K (m×d_k), V (m×d_v) with entries in [−range, range].
import fc from 'fast-check';
import { matrix } from './index.ts';

export interface AttentionCase { n: number; m: number; dk: number; dv: number; Q: number[][]; K: number[][]; V: number[][] }

/** Shapes n, m ∈ [1, 5], d_k ∈ [1, 8], d_v ∈ [1, 4] unless limited; entries in [−range, range] (scores stay below ~4√d_k·range²/4). */
export function attentionCase(
  limits: { n?: [number, number]; m?: [number, number]; dk?: [number, number]; dv?: [number, number]; square?: boolean } = {}, range = 2,
): fc.Arbitrary<AttentionCase> {
  const int = ([lo, hi]: [number, number]) => fc.integer({ min: lo, max: hi });
  return fc.record({ n: int(limits.n ?? [1, 5]), m: int(limits.m ?? [1, 5]), dk: int(limits.dk ?? [1, 8]), dv: int(limits.dv ?? [1, 4]) })
    .map((s) => (limits.square ? { ...s, m: s.n } : s))
    .chain((s) => fc.record({ Q: matrix(s.n, s.dk, range), K: matrix(s.m, s.dk, range), V: matrix(s.m, s.dv, range) })
      .map((t) => ({ ...s, ...t })));
}
