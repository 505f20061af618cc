import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { regressionCase, vector } from '../../domains/index.ts';
import { mseHessianEntryTolerance, tfjsMseHessians } from '../../support/convexity.ts';

const sample = regressionCase({ d: [1, 6], N: [1, 1] }).chain((c) => fc.record({ c: fc.constant(c), v: vector(c.d, 3) }));
const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);

/** vᵀHv with H the tfjs Hessian of ½(y − wᵀx)², and its tolerance against the float64 (vᵀx)². */
function quadraticForms(cases: { c: { X: number[][]; y: number[]; w: number[]; d: number }; v: number[] }[], ctx: Parameters<typeof tfjsMseHessians>[1]) {
  const hessians = tfjsMseHessians(cases.map((s) => s.c), ctx);
  return cases.map(({ c, v }, b) => {
    const x = c.X[0]!;
    const l1 = v.reduce((s, vi) => s + Math.abs(vi), 0);
    // vᵀEv ≤ ‖v‖₁²·max|E_ij| for the float32 error E, plus the float64 forms (2d roundings, a part of their own) on terms ≤ ‖v‖₁² max|x|².
    const tol = l1 ** 2 * mseHessianEntryTolerance(c.X, ctx.dtypes)
      + tolerance({ dtypes: ['float64', 'float64'], operations: 2 * c.d + 2, scale: l1 ** 2 * Math.max(...x.map((xi) => xi * xi)) });
    return { form: dot(v, hessians[b]!.map((row) => dot(row, v))), square: dot(v, x) ** 2, tol };
  });
}

export default defineItem({
  id: 'mse-hessian-quadratic-form', kind: 'claim', section: '4.3.2',
  quote: String.raw`（对于任意向量$v$，有$v = (v^T x)^2 \geq 0$）`,
  printed: String.raw`v = (v^T x)^2 \geq 0`,
  statement: 'For every vector v, the quadratic form of the Hessian x xᵀ is vᵀ(x xᵀ)v = (vᵀx)² ≥ 0 (the argument for x xᵀ being positive semidefinite).',
  reading: 'The left side is the quadratic form vᵀ(x xᵀ)v, as the argument for positive semidefiniteness requires; the printed "v =" drops the form (read literally it equates the vector v with the scalar (vᵀx)²).',
  errata: ['quadratic-form-written-as-v'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'vᵀHv (tfjs Hessian of ½(y − wᵀx)²) = (vᵀx)²', role: 'claim', reference: 'tfjs-hessian', arbitrary: sample, runs: 'hessian',
      evaluate: (cases, ctx) => quadraticForms(cases, ctx).map(({ form, square, tol }) => agreement(form, square, tol)),
    }),
    check({
      name: 'and it is ≥ 0: vᵀHv (tfjs Hessian) is not negative beyond rounding', role: 'claim', reference: 'tfjs-hessian', arbitrary: sample, runs: 'hessian',
      evaluate: (cases, ctx) => quadraticForms(cases, ctx).map(({ form, tol }) => ({ value: Math.max(0, -form), bound: tol, note: `vᵀHv = ${form.toExponential(3)}` })),
    }),
    check({
      name: 'literal: every entry of v equals (vᵀx)²', role: 'literal', reference: 'printed', arbitrary: sample, runs: 'default',
      // A d-term dot product and a square, float64; terms ≤ (Σ|v_i x_i|)² and |v_i|.
      evaluate: (cases, ctx) => cases.map(({ c, v }) => {
        const x = c.X[0]!;
        const s = v.reduce((acc, vi, i) => acc + Math.abs(vi * x[i]!), 0);
        return agreement(v, v.map(() => dot(v, x) ** 2), tolerance({ dtypes: ctx.dtypes, operations: c.d + 2, scale: s ** 2 + 3 }));
      }),
    }),
  ],
});
