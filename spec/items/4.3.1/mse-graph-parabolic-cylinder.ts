import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';
import type { Dtype } from '../../engine/tolerance.ts';
import { linearHessianTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

/** λ_min of the tfjs Hessian of (1/2N) Σ (y − wᵀx − b)² in w (symmetrised: nested float32 gradients leave the two triangles a rounding apart). */
function smallestEigenvalues(cases: RegressionCase[], ctx: RunContext): number[] {
  const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'half', true);
  return reference.map(({ hessian }) => ctx.eigen.values(hessian!.map((row, i) => row.map((x, j) => (x + hessian![j]![i]!) / 2)))[0]!);
}

// The graph is flat along a direction (a cylinder) iff λ_min(H) = 0: held to the rounding of the float32 Hessian's entries,
// times d for an eigenvalue of a d×d matrix.
const flatness = (c: RegressionCase, lambdaMin: number, dtypes: readonly [Dtype, Dtype]) => ({ value: Math.max(0, lambdaMin), bound: c.d * linearHessianTolerance(c, dtypes), note: `λ_min(H) = ${lambdaMin.toExponential(3)}` });

// More weights than samples (d > N): XᵀX has rank ≤ N < d.
const wide = regressionCase({ d: [2, 5], N: [1, 4] }).filter((c) => c.d > c.N);
// High dimension in the geometric sense (d ≥ 2) with at least as many samples as weights.
const tall = regressionCase({ d: [2, 4], N: [4, 8] });

export default defineItem({
  id: 'mse-graph-parabolic-cylinder', kind: 'claim', section: '4.3.1',
  quote: '其图像是一个抛物面（高维情况下为抛物柱面）',
  statement: 'The graph of the MSE of a linear model over its weights w is a paraboloid, and in the high-dimensional case a parabolic cylinder: '
    + 'flat along some direction, λ_min(H) = 0 for H = (1/N)XᵀX.',
  reading: 'The graph is taken over the weights w of the linear model of 4.3.4 (over one prediction ŷ ∈ ℝ it is a parabola, and over a vector of '
    + 'predictions ½‖y − ŷ‖² is a round paraboloid in every dimension, never a cylinder). A convex quadratic’s graph is an elliptic paraboloid when '
    + 'its Hessian is positive definite and a parabolic cylinder when the Hessian is singular, the loss then being constant along null(X).',
  condition: '“High-dimensional” means more weights than samples, d > N: then XᵀX is singular and the graph is a parabolic cylinder. With at least '
    + 'as many samples as weights and X of full column rank, the graph is an elliptic paraboloid in any dimension: dimension alone does not make it '
    + 'a cylinder, the rank of X does.',
  errata: ['mse-cylinder-needs-rank-deficiency'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'd > N: λ_min of the tfjs Hessian is 0 (a flat direction)', role: 'condition', reference: ['eigen', 'tfjs-hessian'], arbitrary: wide, runs: 'hessian',
      evaluate: (cases, ctx) => { const l = smallestEigenvalues(cases, ctx); return cases.map((c, b) => flatness(c, l[b]!, ctx.dtypes)); },
    }),
    check({
      name: 'd ≥ 2, N ≥ d: λ_min of the tfjs Hessian is 0 (a flat direction)', role: 'outside-condition', reference: ['eigen', 'tfjs-hessian'], arbitrary: tall, runs: 'hessian',
      evaluate: (cases, ctx) => { const l = smallestEigenvalues(cases, ctx); return cases.map((c, b) => flatness(c, l[b]!, ctx.dtypes)); },
    }),
  ],
});
