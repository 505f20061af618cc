// Measurements shared by the §4.3.2 items on Softmax and the log-partition function A(z) = log Σ_j e^{z_j}:
// tfjs values of Softmax components on chords, tfjs gradients and Hessians of A, and the float32
// tolerance of a Softmax value. (Moved here from softmax-convex-composition when it was split.)
import fc from 'fast-check';
import { check, type CheckRole, type RunContext } from '../engine/item.ts';
import { eigenvalueTolerance, eigenvaluesOf } from './convexity.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import { chord, simplexPoint } from '../domains/index.ts';
import { tfjsLosses } from '../../oracles/tfjs/index.ts';

/** Chords in logit space z ∈ [−6, 6]^C, C ∈ [2, 5], and a component k of the Softmax. */
export const softmaxChords = fc.integer({ min: 2, max: 5 }).chain((C) => fc.record({ c: chord(C, 6), k: fc.nat(C - 1) }));
/** A target p (interior of the simplex) and a chord of logits z ∈ [−6, 6]^C. */
export const logitTargets = fc.integer({ min: 2, max: 5 }).chain((C) => fc.record({ p: simplexPoint(C), c: chord(C, 6) }));

export const mix = (a: number[], b: number[], l: number) => a.map((ai, i) => l * ai + (1 - l) * b[i]!);
const unit = (C: number, k: number) => Array.from({ length: C }, (_, i) => (i === k ? 1 : 0));

/** Softmax(z)_k at z = a, b and the mixed point, from tfjs (one call per C over all three points of every case). */
export function tfjsSoftmaxChords(cases: { c: { a: number[]; b: number[]; lambda: number }; k: number }[], ctx: RunContext) {
  return batchedByShape(cases, (s) => String(s.c.a.length), (group) => {
    const points = group.flatMap(({ c }) => [c.a, c.b, mix(c.a, c.b, c.lambda)]);
    const u = group.flatMap(({ c, k }) => [unit(c.a.length, k), unit(c.a.length, k), unit(c.a.length, k)]);
    const { values } = ctx.tfjs.derivatives(points, tfjsLosses.softmaxProjectionLoss(u));
    return group.map((_, g) => ({ fa: values[3 * g]!, fb: values[3 * g + 1]!, fm: values[3 * g + 2]! }));
  });
}

/** Gradient (and Hessian) of A(z) = log Σ e^z from tfjs: p = 0 turns log Σ exp z − p·z into log Σ exp z. */
export function tfjsLogSumExp(zs: number[][], ctx: RunContext, hessian: boolean) {
  return batchedByShape(zs.map((z, i) => ({ z, i })), (s) => String(s.z.length), (group) => {
    const out = ctx.tfjs.derivatives(group.map((s) => s.z), tfjsLosses.crossEntropyFromLogitsLoss(group.map((s) => s.z.map(() => 0)), group.map((s) => s.z)), { hessian });
    return group.map((_, g) => ({ gradient: out.gradients[g]!, hessian: out.hessians?.[g] }));
  });
}

/** A float32 Softmax value (≤ 1) from C exps, a C-term sum and a division; logits are rounded (κ = 1 + max|z|). */
export const softmaxTol = (z: number[], dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']) => tolerance({ dtypes, operations: z.length + elementary(2) + 2, scale: 1, condition: 1 + Math.max(...z.map(Math.abs)) });

/** The check that the log-partition function is convex: the tfjs Hessian of log Σ e^z has λ_min ≥ 0. */
export function logPartitionHessianPsd(role: CheckRole) {
  return check({
    name: `${role === 'correction' ? 'correction: ' : ''}the Hessian of log Σ e^z (tfjs) is PSD: λ_min ≥ 0`, role,
    reference: ['eigen', 'tfjs-hessian'], arbitrary: logitTargets, runs: 'hessian',
    evaluate: (cases, ctx) => {
      const hessians = tfjsLogSumExp(cases.map((s) => s.c.a), ctx, true).map((r) => r.hessian!);
      return eigenvaluesOf(ctx, hessians).map((lambda, b) => {
        const z = cases[b]!.c.a;
        // Entries q_i δ_ij − q_i q_j ≤ ¼ in size: a Softmax value's tolerance, doubled for the backward pass.
        return { value: Math.max(0, -lambda[0]!), bound: eigenvalueTolerance(z.length, 2 * softmaxTol(z, ctx.dtypes), z.length * 0.25),
          note: `λ_min = ${lambda[0]!.toExponential(3)}` };
      });
    },
  });
}
