import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
import { regressionChord, softmaxRegressionChord } from '../../domains/convexity.ts';
import { sigmoidUnitSample } from '../../domains/saturation.ts';
import { vector } from '../../domains/index.ts';
import {
  linearPredictions, meanSquaredError, mseLinearGradient, sigmoid, sigmoidMseGradient, softmaxRegressionGradient, softmaxRegressionLoss,
} from '../../../impl/index.ts';

/**
 * Why a local minimum of a convex f is global: convexity gives the first-order inequality
 * f(v) ≥ f(w) + ∇f(w)ᵀ(v − w) for all w, v. If some v is better than w (f(v) < f(w)), the slope at w
 * toward v is ∇f(w)ᵀ(v − w) ≤ f(v) − f(w) < 0, so w is not a local minimum. The checks hold the
 * inequality on the section's two convex losses, with float64 values and gradients from impl/, and show
 * that it fails for a loss of the text that is not convex (½(y − σ(wᵀx))², 4.3.13).
 */
const rows = (flat: number[], d: number, C: number) => Array.from({ length: d }, (_, i) => flat.slice(i * C, (i + 1) * C));
const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);

/** The first-order gap f(v) − f(w) − ∇f(w)ᵀ(v − w) (≥ 0 for a convex f) and its float64 rounding. */
function firstOrderGap(fw: number, fv: number, g: number[], d: number[], valueRoundings: number, valueScale: number, gradientScale: number) {
  const gap = fv - fw - dot(g, d);
  // Two values of `valueRoundings` roundings on terms ≤ valueScale; the gradient entries are N-term sums
  // whose terms, times |d_i| and summed, are ≤ gradientScale; the dot product adds length(d) roundings.
  const tol = 2 * tolerance({ dtypes: ['float64', 'float64'], operations: valueRoundings, scale: valueScale })
    + tolerance({ dtypes: ['float64', 'float64'], operations: valueRoundings + d.length + 2, scale: gradientScale });
  return { gap, tol };
}

// ½(y − σ(wᵀx))² with two points w, v.
const sigmoidPairs = sigmoidUnitSample(4).chain((s) => fc.record({ s: fc.constant(s), v: vector(s.d, 4) }));

export default defineItem({
  id: 'convex-local-minimum-is-global', kind: 'claim', section: '4.3.2',
  quote: '且任何局部最小值都是全局最小值',
  statement: 'For a convex function (chords above the graph), every local minimum is a global minimum: at any w that some v beats, the slope toward v is at most f(v) − f(w) < 0, so w is not a local minimum.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'first-order inequality f(v) ≥ f(w) + ∇f(w)ᵀ(v − w): mean ½ MSE of a linear model', role: 'claim', oracle: IMPL_F64,
      arbitrary: regressionChord(), runs: 'default',
      evaluate: (cases) => cases.map(({ X, y, chord: { a: w, b: v } }) => {
        const f = (p: number[]) => meanSquaredError(y, linearPredictions(X, p, 0), 'half');
        const g = mseLinearGradient(X, y, w, 0, 'half').w;
        const d = v.map((vi, i) => vi - w[i]!);
        const terms = (p: number[]) => Math.max(...X.map((x, n) => 0.5 * (Math.abs(y[n]!) + x.reduce((s, xi, i) => s + Math.abs(xi * p[i]!), 0)) ** 2));
        const residuals = X.map((x, n) => Math.abs(y[n]!) + x.reduce((s, xi, i) => s + Math.abs(xi * w[i]!), 0));
        const gradientScale = d.reduce((s, di, i) => s + Math.abs(di) * X.reduce((t, x, n) => t + Math.abs(x[i]!) * residuals[n]!, 0) / X.length, 0);
        const { gap, tol } = firstOrderGap(f(w), f(v), g, d, X.length + X[0]!.length + 3, Math.max(terms(w), terms(v)), gradientScale);
        return { value: Math.max(0, -gap), bound: tol, note: `gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'first-order inequality f(V) ≥ f(W) + ⟨∇f(W), V − W⟩: mean softmax-regression cross-entropy', role: 'claim', oracle: IMPL_F64,
      arbitrary: softmaxRegressionChord(), runs: 'default',
      evaluate: (cases) => cases.map(({ d, C, X, P, chord: { a, b } }) => {
        const f = (p: number[]) => softmaxRegressionLoss(rows(p, d, C), X, P);
        const g = softmaxRegressionGradient(rows(a, d, C), X, P).flat();
        const diff = b.map((bi, i) => bi - a[i]!);
        // Terms: logits ≤ Σ|W_ik x_i|, twice (log-sum-exp and the target logit), plus log C; gradient
        // entries (1/N) Σ x_i (p̂_k − p_k) have terms ≤ max|x|.
        const terms = (p: number[]) => Math.log(C) + 2 * Math.max(...X.map((x) => Math.max(...Array.from({ length: C }, (_, k) =>
          x.reduce((s, xi, i) => s + Math.abs(xi * p[i * C + k]!), 0)))));
        const xMax = Math.max(...X.flat().map(Math.abs));
        const gradientScale = xMax * diff.reduce((s, v) => s + Math.abs(v), 0);
        const { gap, tol } = firstOrderGap(f(a), f(b), g, diff, d + 2 * C + X.length + elementary(2) + 4, Math.max(terms(a), terms(b)), gradientScale);
        return { value: Math.max(0, -gap), bound: tol, note: `gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'the check can fail: ½(y − σ(wᵀx))² (not convex) violates the first-order inequality for some w, v', role: 'support', quantifier: 'exists',
      oracle: IMPL_F64, arbitrary: sigmoidPairs, runs: 'default',
      evaluate: (cases) => cases.map(({ s, v }) => {
        const f = (p: number[]) => 0.5 * (s.y - sigmoid(dot(p, s.x))) ** 2;
        const g = sigmoidMseGradient([s.x], [s.y], s.w, 0, 'half').w;
        const diff = v.map((vi, i) => vi - s.w[i]!);
        const { gap, tol } = firstOrderGap(f(s.w), f(v), g, diff, s.d + elementary(1) + 4, 0.5,
          diff.reduce((acc, di, i) => acc + Math.abs(di * s.x[i]!), 0));
        return { value: -gap, bound: tol, sense: 'atLeast' as const, note: `gap ${gap.toExponential(3)}` };
      }),
    }),
  ],
});
