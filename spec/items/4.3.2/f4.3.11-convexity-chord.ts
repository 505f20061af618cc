import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary } from '../../engine/tolerance.ts';
import {
  chord, regressionCase, regressionChord, sigmoidUnitSample, softmaxRegressionCase, softmaxRegressionChord,
} from '../../domains/index.ts';
import { linearPredictions, meanSquaredError, softmaxRegressionLoss } from '../../../impl/index.ts';
import {
  chordGap, eigenvalueTolerance, eigenvaluesOf, entryNorm, mseHessianEntryTolerance, softmaxHessianEntryTolerance,
  tfjsMseHessians, tfjsSoftmaxHessians,
} from '../../support/convexity.ts';

const rows = (flat: number[], d: number, C: number) => Array.from({ length: d }, (_, i) => flat.slice(i * C, (i + 1) * C));

/** Mean ½ MSE of a linear model without bias, and the size of its largest term ½(|y| + Σ|w_i x_i|)². */
const mse = (X: number[][], y: number[]) => (w: number[]) => meanSquaredError(y, linearPredictions(X, w, 0), 'half');
const mseTerms = (X: number[][], y: number[]) => (w: number[]) =>
  Math.max(...X.map((x, n) => 0.5 * (Math.abs(y[n]!) + x.reduce((s, xi, i) => s + Math.abs(xi * w[i]!), 0)) ** 2));
/** Mean softmax-regression cross-entropy in vec(W); its terms are logits, ≤ Σ|W_ik x_i|, plus log C. */
const ce = (d: number, C: number, X: number[][], P: number[][]) => (w: number[]) => softmaxRegressionLoss(rows(w, d, C), X, P);
const ceTerms = (d: number, C: number, X: number[][]) => (w: number[]) =>
  Math.log(C) + 2 * Math.max(...X.map((x) => Math.max(...Array.from({ length: C }, (_, k) => x.reduce((s, xi, i) => s + Math.abs(xi * w[i * C + k]!), 0)))));

/** The chord gap as an outcome: its positive part (a violation) must stay within rounding. */
const violation = ({ gap, tolerance }: { gap: number; tolerance: number }) => ({ value: Math.max(0, gap), bound: tolerance });
/** The negative part of the smallest Hessian eigenvalue must stay within the eigenvalue tolerance. */
const negativePart = (lambdaMin: number, tol: number) => ({ value: Math.max(0, -lambdaMin), bound: tol, note: `λ_min = ${lambdaMin.toExponential(3)}` });

// A one-sample sigmoid unit with a chord in w: ½(y − σ(wᵀx))² (4.3.13) is not convex in w, so some
// chord must violate the inequality; this shows the chord measurement can fail. The witness is a float64
// chord gap held to its rounding tolerance; the engine accepts it only when it clears that tolerance by
// WITNESS_MARGIN (so the margin is not applied twice here).
const sigmoidChord = sigmoidUnitSample(4).chain((s) => fc.record({ s: fc.constant(s), c: chord(s.d, 4) }));

export default defineItem({
  id: '4.3.11', kind: 'formula', section: '4.3.2', definition: true,
  quote: String.raw`f(\lambda x_1 + (1-\lambda)x_2) \leq \lambda f(x_1) + (1-\lambda)f(x_2)\tag{4.3.11}`,
  printed: String.raw`f(\lambda x_1 + (1-\lambda)x_2) \leq \lambda f(x_1) + (1-\lambda)f(x_2)`,
  statement: 'Defines convexity by the chord inequality; the MSE of a linear model in w and the softmax-regression cross-entropy in W satisfy it, as their positive semidefinite Hessians confirm.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'chord inequality: mean ½ MSE in w', role: 'claim', reference: 'impl', arbitrary: regressionChord(), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ X, y, chord: { a, b, lambda } }) =>
        violation(chordGap(mse(X, y), a, b, lambda, X[0]!.length + X.length + 3, mseTerms(X, y), ctx.dtypes))),
    }),
    check({
      name: 'chord inequality: mean softmax-regression cross-entropy in vec(W)', role: 'claim', reference: 'impl', arbitrary: softmaxRegressionChord(), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ d, C, X, P, chord: { a, b, lambda } }) =>
        violation(chordGap(ce(d, C, X, P), a, b, lambda, d + 2 * C + X.length + 4, ceTerms(d, C, X), ctx.dtypes))),
    }),
    check({
      name: 'Hessian of the mean ½ MSE (tfjs) is PSD: λ_min ≥ 0', role: 'claim', reference: ['eigen', 'tfjs-hessian'],
      arbitrary: regressionCase(), runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsMseHessians(cases, ctx);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => negativePart(lambda[0]!,
          eigenvalueTolerance(cases[b]!.d, mseHessianEntryTolerance(cases[b]!.X, ctx.dtypes), cases[b]!.d * entryNorm(hessians[b]!))));
      },
    }),
    check({
      name: 'Hessian of the softmax-regression cross-entropy (tfjs) is PSD: λ_min ≥ 0', role: 'claim', reference: ['eigen', 'tfjs-hessian'],
      arbitrary: softmaxRegressionCase({ d: [1, 4], C: [2, 4], N: [1, 5] }), runs: 'hessian',
      evaluate: (cases, ctx) => {
        const data = cases.map((c) => ({ ...c, W: c.W.flat() }));
        const hessians = tfjsSoftmaxHessians(data, ctx);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => {
          const n = data[b]!.d * data[b]!.C;
          return negativePart(lambda[0]!, eigenvalueTolerance(n, softmaxHessianEntryTolerance(data[b]!, ctx.dtypes), n * entryNorm(hessians[b]!)));
        });
      },
    }),
    check({
      name: 'the chord check can fail: ½(y − σ(wᵀx))² violates it on some chord', role: 'support', reference: 'closed-form',
      arbitrary: sigmoidChord, runs: 'default', quantifier: 'exists',
      evaluate: (cases, ctx) => cases.map(({ s, c }) => {
        const f = (w: number[]) => 0.5 * (s.y - 1 / (1 + Math.exp(-w.reduce((acc, wi, i) => acc + wi * s.x[i]!, 0)))) ** 2;
        const { gap, tolerance } = chordGap(f, c.a, c.b, c.lambda, s.d + elementary(1) + 4, () => 0.5, ctx.dtypes);
        return { value: gap, bound: tolerance, sense: 'atLeast' as const, note: `chord gap ${gap.toExponential(3)}` };
      }),
    }),
  ],
});
