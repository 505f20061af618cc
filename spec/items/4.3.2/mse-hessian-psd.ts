import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { regressionCase, vector } from '../../domains/index.ts';
import { eigenvalueTolerance, eigenvaluesOf, entryNorm, mseHessianEntryTolerance, tfjsMseHessians } from '../../support/convexity.ts';

// One sample (N = 1), with a probe direction v ∈ [−3, 3]^d.
const sample = regressionCase({ d: [1, 6], N: [1, 1] }).chain((c) => fc.record({ c: fc.constant(c), v: vector(c.d, 3) }));

export default defineItem({
  id: 'mse-hessian-psd', kind: 'claim', section: '4.3.2',
  quote: '这是一个**半正定矩阵**',
  statement: 'The Hessian x xᵀ of ½(y − wᵀx)² is positive semidefinite: vᵀHv ≥ 0 for every v, and every eigenvalue is ≥ 0. (That it makes the MSE convex is the next sentence: mse-convex-from-psd-hessian.)',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'vᵀHv ≥ 0 with H the tfjs Hessian', role: 'claim', reference: 'tfjs-hessian', arbitrary: sample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsMseHessians(cases.map((s) => s.c), ctx);
        return cases.map(({ c, v }, b) => {
          const q = v.reduce((s, vi, i) => s + vi * v.reduce((t, vj, j) => t + hessians[b]![i]![j]! * vj, 0), 0);
          // vᵀEv ≤ ‖v‖₁²·max|E_ij| for the float32 error E, plus the float64 quadratic form (d² terms, a part of its own).
          const l1 = v.reduce((s, vi) => s + Math.abs(vi), 0);
          const tol = l1 ** 2 * mseHessianEntryTolerance(c.X, ctx.dtypes) + tolerance({ dtypes: ['float64', 'float64'], operations: 2 * c.d, scale: l1 ** 2 * entryNorm(hessians[b]!) });
          return { value: Math.max(0, -q), bound: tol, note: `vᵀHv = ${q.toExponential(3)}` };
        });
      },
    }),
    check({
      name: 'every eigenvalue of the tfjs Hessian ≥ 0', role: 'claim', reference: ['eigen', 'tfjs-hessian'], arbitrary: sample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsMseHessians(cases.map((s) => s.c), ctx);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => {
          const { c } = cases[b]!;
          return { value: Math.max(0, -lambda[0]!), bound: eigenvalueTolerance(c.d, mseHessianEntryTolerance(c.X, ctx.dtypes), c.d * entryNorm(hessians[b]!)),
            note: `λ_min = ${lambda[0]!.toExponential(3)}` };
        });
      },
    }),
  ],
});
