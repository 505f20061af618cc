import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { notBelow } from '../../engine/close.ts';
import { t, given } from '../../engine/text.ts';
import { between, overdeterminedRegression, type RegressionCase } from '../../domains/index.ts';
import { binaryCrossEntropyFromLogit, sigmoid } from '../../../impl/index.ts';
import { solveLinear } from '../../../oracles/linalg.ts';
import { chordGap, gramOf } from '../../support/convexity.ts';

/**
 * The counterexample is the cross-entropy of the book's own model on separable data: one sample x = 1
 * with label y = 1, f(w) = −log σ(w) = log(1 + e^{−w}). It is convex, positive, and decreases toward its
 * infimum 0 without reaching it: f'(w) = −σ(−w) < 0 for every real w, so w + 1 is strictly better than w,
 * by f(w) − f(w + 1) = ∫_w^{w+1} σ(−s) ds ≥ σ(−w − 1) > 0.
 *
 * Sampled range. w ∈ [−30, 700]: up to there f(w + 1) ≈ e^{−w−1} is a normal float64 (≥ 2⁻¹⁰²²), so its
 * relative accuracy — and "strictly better" — is representable. Beyond about w = 745, e^{−w} underflows
 * to 0, f(w) = f(w + 1) = 0 in float64, and a sampled "no strictly better point" would be an artefact of
 * the format, not a minimiser; the identity above covers those w.
 */
const LOW = -30, HIGH = 700;
const f = (w: number) => binaryCrossEntropyFromLogit(1, w);
const weights = between(LOW, HIGH).map((w) => ({ w }));
const chords = fc.record({ a: between(-30, 30), b: between(-30, 30), lambda: between(0, 1) });
// A float64 softplus(−w) = max(−w, 0) + log1p(e^{−|w|}): an exp, a log1p and an add, relative to its value.
const valueTol = (w: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: elementary(2) + 2, scale: f(w) });
// The difference f(w) − f(w + 1) of two such values, plus its own rounding.
const decreaseTol = (w: number, dtypes: readonly [Dtype, Dtype]) => valueTol(w, dtypes) + valueTol(w + 1, dtypes) + tolerance({ dtypes, operations: 1, scale: f(w) });

/** A strongly convex MSE (N > d) and its minimiser from an ml-matrix solve, with the solve's residual gradient. */
function mseMinimiser(c: RegressionCase) {
  const H = gramOf(c.X).map((row) => row.map((v) => v / c.N));
  const rhs = Array.from({ length: c.d }, (_, i) => c.X.reduce((s, x, n) => s + x[i]! * c.y[n]!, 0) / c.N);
  const wStar = solveLinear(H, rhs);
  const gStar = H.map((row, i) => row.reduce((s, h, j) => s + h * wStar[j]!, 0) - rhs[i]!);
  const mse = (w: number[]) => c.X.reduce((s, x, n) => s + (c.y[n]! - x.reduce((acc, xi, i) => acc + xi * w[i]!, 0)) ** 2, 0) / (2 * c.N);
  return { wStar, gStar, mse };
}

export default defineItem({
  id: 'convex-implies-global-minimum', kind: 'claim', section: '4.3.2',
  quote: '这意味着函数具有全局最小值',
  statement: 'Convexity (chords above the graph) means that the function has a global minimum; the text says it again as "凸性保证了全局最小值的存在" (convexity guarantees that a global minimum exists). The other clause of the sentence, that every local minimum is global, is convex-local-minimum-is-global.',
  correction: {
    statement: t`Convexity does not make a minimum exist. f(w) = −log σ(w) is convex and has none: f'(w) = −σ(−w) < 0 at every w, so w + 1 is always strictly better (checked in float64 for w ∈ [${given(LOW)}, ${given(HIGH)}]), and σ(−w) ≤ f(w) ≤ e^{−w}, so its infimum 0 is approached and never reached. This is the cross-entropy of a logistic model on separable data. Existence needs more than convexity, e.g. strong convexity (or coercivity): a strongly convex MSE attains its minimum.`,
  },
  errata: ['convexity-existence-of-minimum'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'f(w) = −log σ(w) (convex) has a minimiser: some w with no strictly better w + 1 (a minimiser would be one)', role: 'claim', quantifier: 'exists', reference: 'impl',
      arbitrary: weights, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ w }) => ({ value: f(w) - f(w + 1), bound: decreaseTol(w, ctx.dtypes),
        note: `f(w) = ${f(w).toExponential(3)}, f(w + 1) = ${f(w + 1).toExponential(3)}` })),
    }),
    check({
      name: 'negation: every w has a strictly better point: f(w) − f(w + 1) clears its rounding error', role: 'negation', reference: 'impl',
      arbitrary: weights, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ w }) => ({ value: f(w) - f(w + 1), bound: decreaseTol(w, ctx.dtypes), sense: 'atLeast' as const,
        note: `decrease ${(f(w) - f(w + 1)).toExponential(3)} at w = ${w.toFixed(3)}` })),
    }),
    check({
      name: 'negation, for every real w: f(w) − f(w + 1) ≥ σ(−w − 1) > 0 (f\' = −σ(−·), mean value theorem)', role: 'negation', reference: 'impl',
      arbitrary: weights, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ w }) => notBelow(f(w) - f(w + 1), sigmoid(-w - 1),
        decreaseTol(w, ctx.dtypes) + tolerance({ dtypes: ctx.dtypes, operations: elementary(1) + 2, scale: sigmoid(-w - 1) }))),
    }),
    check({
      name: 'correction: f(w) = −log σ(w) is convex (chord inequality)', role: 'correction', reference: 'impl', arbitrary: chords, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ a, b, lambda }) => {
        const { gap, tolerance: tol } = chordGap(([w]) => f(w!), [a], [b], lambda, elementary(2) + 2, ([w]) => 1 + Math.abs(w!), ctx.dtypes);
        return { value: Math.max(0, gap), bound: tol };
      }),
    }),
    check({
      name: 'correction: its infimum 0 is not attained: f(w) ≥ σ(−w) > 0', role: 'correction', reference: 'impl', arbitrary: weights, runs: 'default',
      // log(1 + s) ≥ s/(1 + s) with s = e^{−w}.
      evaluate: (cases, ctx) => cases.map(({ w }) => notBelow(f(w), sigmoid(-w), valueTol(w, ctx.dtypes)
        + tolerance({ dtypes: ctx.dtypes, operations: elementary(1) + 2, scale: sigmoid(-w) }))),
    }),
    check({
      name: 'correction: and it is approached: f(w) ≤ e^{−w}', role: 'correction', reference: 'impl', arbitrary: weights, runs: 'default',
      // log(1 + s) ≤ s with s = e^{−w}.
      evaluate: (cases, ctx) => cases.map(({ w }) => ({ value: Math.max(0, f(w) - Math.exp(-w)),
        bound: valueTol(w, ctx.dtypes) + tolerance({ dtypes: ctx.dtypes, operations: elementary(1), scale: Math.exp(-w) }) })),
    }),
    check({
      name: 'correction: a strongly convex MSE (N > d) attains its minimum: f(ŵ*) ≤ f(w)', role: 'correction', reference: 'solve',
      arbitrary: overdeterminedRegression(), runs: 'default',
      evaluate: (cases: RegressionCase[], ctx) => cases.map((c) => {
        const { wStar, gStar, mse } = mseMinimiser(c);
        const d = c.w.map((wi, i) => wi - wStar[i]!);
        // f(w) − f(ŵ*) = g*ᵀd + ½dᵀHd ≥ g*ᵀd: charge the solve residual and two N-term sums.
        const slack = Math.abs(gStar.reduce((s, g, i) => s + g * d[i]!, 0))
          + tolerance({ dtypes: ctx.dtypes, operations: c.N + c.d + 3, scale: mse(c.w) + mse(wStar) });
        return { value: Math.max(0, mse(wStar) - mse(c.w)), bound: slack };
      }),
    }),
  ],
});
