// Cross-entropy between probability vectors, −Σ p_i log q_i, from tfjs (all cases of a check in one call
// per class count), with the float32-vs-float64 tolerance of such a value.
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import { crossEntropyOfProbabilities } from '../../oracles/tfjs/sigmoidUnit.ts';

/** tfjs −Σ p_i log q_i for each case. */
export function tfjsCrossEntropy(cases: { p: number[]; q: number[] }[], ctx: RunContext): number[] {
  return batchedByShape(cases, (c) => String(c.p.length), (group) =>
    ctx.tfjs.derivatives(group.map((c) => c.q), crossEntropyOfProbabilities(group.map((c) => c.p))).values);
}

/** Σ_i p_i |log q_i|: the size of the terms of −Σ p_i log q_i (entries with p_i = 0 contribute nothing). */
export const crossEntropyTermSize = (p: number[], q: number[]) => p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.abs(Math.log(q[i]!)) : 0), 0);

/**
 * Error of one evaluation of −Σ p_i log q_i in `dtype`: C logs, C products, a C-term sum, on terms of
 * total size Σ p_i|log q_i|; rounding q_i relatively by u moves p_i log q_i by p_i·u, and rounding p_i
 * moves it by u·p_i|log q_i| (so κ = 1 relative to Σ p_i (1 + |log q_i|)).
 */
export function crossEntropyTolerance(p: number[], q: number[], dtypes: readonly [Dtype, Dtype]): number {
  return tolerance({ dtypes, operations: p.length + elementary(1) + 2, scale: 1 + crossEntropyTermSize(p, q) });
}
