import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { chord, regressionCase } from '../../domains/index.ts';
import { regressionChord } from '../../domains/convexity.ts';
import { linearPredictions, meanSquaredError, mseLinearGradient, squaredError } from '../../../impl/index.ts';
import { chordGap } from '../../support/convexity.ts';

/**
 * The inference of the sentence: a Hessian that is positive semidefinite everywhere makes the function
 * convex. For f(w) = ½(y − wᵀx)² the second-order expansion is exact, so the first-order gap
 * f(v) − f(w) − ∇f(w)ᵀ(v − w) is the Hessian's quadratic form ½(v − w)ᵀ(x xᵀ)(v − w) = ½((v − w)ᵀx)² ≥ 0
 * (the first-order characterisation of convexity); the chord inequality 4.3.11 follows, for one sample
 * and for the batch MSE (a sum of such terms).
 */
const sample = regressionCase({ d: [1, 6], N: [1, 1] }).chain((c) => fc.record({ c: fc.constant(c), chord: chord(c.d, 3) }));
const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
/** ½(|y| + Σ|w_i x_i|)²: the size of the terms of ½(y − wᵀx)². */
const termSize = (x: number[], y: number) => (w: number[]) => 0.5 * (Math.abs(y) + w.reduce((s, wi, i) => s + Math.abs(wi * x[i]!), 0)) ** 2;

export default defineItem({
  id: 'mse-convex-from-psd-hessian', kind: 'claim', section: '4.3.2',
  quote: '由于 Hessian 是半正定的，均方误差是凸函数',
  statement: 'Because its Hessian x xᵀ is positive semidefinite at every w, the MSE ½(y − wᵀx)² is convex in w (and so is the batch MSE, a sum of such terms).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the first-order gap f(v) − f(w) − ∇f(w)ᵀ(v − w) is the Hessian form ½((v − w)ᵀx)² ≥ 0', role: 'claim', reference: 'impl',
      arbitrary: sample, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ c, chord: { a: w, b: v } }) => {
        const x = c.X[0]!, y = c.y[0]!;
        const f = (p: number[]) => squaredError(y, dot(p, x), 'half');
        const g = mseLinearGradient([x], [y], w, 0, 'half').w;
        const d = v.map((vi, i) => vi - w[i]!);
        const gap = f(v) - f(w) - dot(g, d);
        // Two values (d + 3 roundings on terms ≤ termSize), the gradient·d product (terms ≤ residual·Σ|x_i d_i|),
        // and the form ½(dᵀx)² (d + 2 roundings on (Σ|x_i d_i|)²).
        const xd = d.reduce((s, di, i) => s + Math.abs(di * x[i]!), 0);
        const residual = Math.abs(y) + w.reduce((s, wi, i) => s + Math.abs(wi * x[i]!), 0);
        const tol = tolerance({ dtypes: ctx.dtypes, operations: 2 * c.d + 6,
          scale: 2 * Math.max(termSize(x, y)(w), termSize(x, y)(v)) + residual * xd + xd * xd });
        return agreement(gap, 0.5 * dot(d, x) ** 2, tol, `gap ${gap.toExponential(3)}`);
      }),
    }),
    check({
      name: 'hence convex: chord inequality for ½(y − wᵀx)² in w', role: 'claim', reference: 'impl', arbitrary: sample, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ c, chord: { a, b, lambda } }) => {
        const x = c.X[0]!, y = c.y[0]!;
        const { gap, tolerance: tol } = chordGap((w) => squaredError(y, dot(w, x), 'half'), a, b, lambda, c.d + 3, termSize(x, y), ctx.dtypes);
        return { value: Math.max(0, gap), bound: tol };
      }),
    }),
    check({
      name: 'and for the batch: chord inequality for the mean ½ MSE in w', role: 'claim', reference: 'impl', arbitrary: regressionChord(), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ X, y, chord: { a, b, lambda } }) => {
        const terms = (w: number[]) => Math.max(...X.map((x, n) => termSize(x, y[n]!)(w)));
        const { gap, tolerance: tol } = chordGap((w) => meanSquaredError(y, linearPredictions(X, w, 0), 'half'), a, b, lambda, X[0]!.length + X.length + 3, terms, ctx.dtypes);
        return { value: Math.max(0, gap), bound: tol };
      }),
    }),
  ],
});
