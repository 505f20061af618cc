import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { notBelow } from '../../engine/close.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
import { between, overdeterminedRegression, type RegressionCase } from '../../domains/index.ts';
import { binaryCrossEntropyFromLogit } from '../../../impl/index.ts';
import { solveLinear } from '../../../oracles/linalg.ts';
import { chordGap, gramOf } from '../../support/convexity.ts';

/**
 * The counterexample is the cross-entropy of the book's own model on separable data: one sample x = 1
 * with label y = 1, f(w) = −log σ(w) = log(1 + e^{−w}). It is convex, positive, and decreases toward its
 * infimum 0 without reaching it. w is sampled over [−30, 30]; for every w, w + 1 is strictly better.
 */
const f = (w: number) => binaryCrossEntropyFromLogit(1, w);
const weights = between(-30, 30).map((w) => ({ w }));
const chords = fc.record({ a: between(-30, 30), b: between(-30, 30), lambda: between(0, 1) });
// A float64 softplus: an exp, a log1p and a max, relative to its value.
const valueTol = (w: number) => tolerance({ dtypes: ['float64', 'float64'], operations: elementary(2) + 2, scale: f(w) });

/** A strongly convex MSE (N > d) and its minimiser from an ml-matrix solve, with the solve's residual gradient. */
function mseMinimiser(c: RegressionCase) {
  const H = gramOf(c.X).map((row) => row.map((v) => v / c.N));
  const rhs = Array.from({ length: c.d }, (_, i) => c.X.reduce((s, x, n) => s + x[i]! * c.y[n]!, 0) / c.N);
  const wStar = solveLinear(H, rhs);
  const gStar = H.map((row, i) => row.reduce((s, h, j) => s + h * wStar[j]!, 0) - rhs[i]!);
  const mse = (w: number[]) => c.X.reduce((s, x, n) => s + (c.y[n]! - x.reduce((t, xi, i) => t + xi * w[i]!, 0)) ** 2, 0) / (2 * c.N);
  return { wStar, gStar, mse };
}

export default defineItem({
  id: 'convex-implies-global-minimum', kind: 'claim', section: '4.3.2',
  quote: '这意味着函数具有全局最小值，且任何局部最小值都是全局最小值',
  statement: 'Convexity (chords above the graph) means the function has a global minimum, and every local minimum is global (also: "凸性保证了全局最小值的存在").',
  correction: {
    statement: 'Convexity makes every local minimum global, but does not guarantee that a minimum exists: the cross-entropy of a logistic model on separable data is convex with infimum 0 and no minimiser. Strong convexity (or coercivity) does guarantee one.',
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'f(w) = −log σ(w) (convex) has a minimiser: some w with no strictly better w + 1', role: 'claim', quantifier: 'exists', oracle: IMPL_F64,
      arbitrary: weights, runs: 'default',
      evaluate: (cases) => cases.map(({ w }) => ({ value: f(w) - f(w + 1), bound: valueTol(w) + valueTol(w + 1),
        note: `f(w) = ${f(w).toExponential(3)}, f(w + 1) = ${f(w + 1).toExponential(3)}` })),
    }),
    check({
      name: 'correction: f(w) = −log σ(w) is convex (chord inequality)', role: 'correction', oracle: IMPL_F64, arbitrary: chords, runs: 'default',
      evaluate: (cases) => cases.map(({ a, b, lambda }) => {
        const { gap, tolerance: tol } = chordGap(([w]) => f(w!), [a], [b], lambda, elementary(2) + 2, ([w]) => 1 + Math.abs(w!));
        return { value: Math.max(0, gap), bound: tol };
      }),
    }),
    check({
      name: 'correction: its infimum 0 is not attained: f(w) ≥ σ(−w) > 0', role: 'correction', oracle: IMPL_F64, arbitrary: weights, runs: 'default',
      // log(1 + t) ≥ t/(1 + t) with t = e^{−w}.
      evaluate: (cases) => cases.map(({ w }) => {
        const lower = 1 / (1 + Math.exp(w));
        return notBelow(f(w), lower, valueTol(w));
      }),
    }),
    check({
      name: 'correction: a strongly convex MSE (N > d) attains its minimum: f(ŵ*) ≤ f(w)', role: 'correction', oracle: 'ml-matrix solve (float64)',
      arbitrary: overdeterminedRegression(), runs: 'default',
      evaluate: (cases: RegressionCase[]) => cases.map((c) => {
        const { wStar, gStar, mse } = mseMinimiser(c);
        const d = c.w.map((wi, i) => wi - wStar[i]!);
        // f(w) − f(ŵ*) = g*ᵀd + ½dᵀHd ≥ g*ᵀd: charge the solve residual and two N-term sums.
        const slack = Math.abs(gStar.reduce((s, g, i) => s + g * d[i]!, 0))
          + tolerance({ dtypes: ['float64', 'float64'], operations: c.N + c.d + 3, scale: mse(c.w) + mse(wStar) });
        return { value: Math.max(0, mse(wStar) - mse(c.w)), bound: slack };
      }),
    }),
  ],
});
