import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { regressionCase, vector, type RegressionCase } from '../../domains/index.ts';
import { linearPredictions, matVec, meanSquaredError } from '../../../impl/index.ts';
import { linearHessianTolerance, residualScale, tfjsLinearModel } from '../../support/linearModels.ts';

// Linear-regression data with d ≥ 2 (one parameter has one direction only), a second parameter point w′
// and a direction v.
const data = regressionCase({ d: [2, 4], N: [1, 8] });
const withDirections = data.chain((c) => fc.record({ w2: vector(c.d, 2), v: vector(c.d, 1) })
  .filter(({ v }) => v.some((vi) => Math.abs(vi) > 0.1))
  .map(({ w2, v }) => ({ c, w2, v: v.map((vi) => vi / Math.hypot(...v)) })));

/** Curvature of L = (1/2N) Σ (y − wᵀx − b)² along the unit direction v at w: the second difference L(w + v) − 2L(w) + L(w − v), exact for a quadratic. */
function secondDifference(c: RegressionCase, w: number[], v: number[]): number {
  const loss = (u: number[]) => meanSquaredError(c.y, linearPredictions(c.X, u, c.b), 'half');
  return loss(w.map((wi, i) => wi + v[i]!)) - 2 * loss(w) + loss(w.map((wi, i) => wi - v[i]!));
}

/** Rounding of three float64 losses (N + d + 4 roundings each, terms of size (residualScale + max|x|)²/2) combined. */
const differenceTolerance = (c: RegressionCase, w: number[], dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']) => {
  const xMax = Math.max(...c.X.flat().map(Math.abs));
  return 4 * tolerance({ dtypes, operations: c.N + c.d + 4, scale: (residualScale({ ...c, w }) + xMax) ** 2, condition: 2 });
};

export default defineItem({
  id: 'mse-curvature-same-all-directions', kind: 'claim', section: '4.3.1',
  quote: '均方误差的恒定曲率意味着优化空间在所有方向上具有相同的"陡峭程度"',
  statement: 'Because its curvature is constant, the MSE of a linear model is equally steep in every direction: the curvature vᵀHv along a unit '
    + 'direction v does not depend on v (λ_min(H) = λ_max(H)).',
  reading: '“陡峭程度” in a direction is read as the curvature along it, vᵀHv for a unit vector v (the quantity the paragraph is about; the slope, '
    + 'the directional derivative, depends on the direction too). “The same in all directions” is then isotropy, H a multiple of the identity, '
    + 'which constancy of H (the same matrix at every w) does not imply.',
  correction: {
    statement: 'Constant curvature means the same Hessian H = (1/N)XᵀX at every point w, not the same curvature in every direction: along a unit '
      + 'direction v the curvature is vᵀHv, which takes every value between λ_min(H) and λ_max(H); it is direction-free only when XᵀX is a '
      + 'multiple of the identity.',
    latex: String.raw`\frac{d^2}{dt^2} L(w + t v) = v^T H v \in [\lambda_{\min}(H), \lambda_{\max}(H)]\ \text{for every } w,\quad H = \tfrac{1}{N} X^T X`,
  },
  errata: ['constant-curvature-read-as-isotropic'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'λ_max(H) − λ_min(H) = 0 for the tfjs Hessian of the MSE (d ≥ 2)', role: 'claim', reference: ['eigen', 'tfjs-hessian'], arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'half', true);
        return cases.map((c, b) => {
          const h = reference[b]!.hessian!;
          const sym = h.map((row, i) => row.map((x, j) => (x + h[j]![i]!) / 2));
          const l = ctx.eigen.values(sym);
          // Two eigenvalues of a float32 Hessian: each within its entries' tolerance (times d for the spectral norm).
          return { value: l[l.length - 1]! - l[0]!, bound: 2 * c.d * linearHessianTolerance(c, ctx.dtypes), note: `eigenvalues ${l.map((x) => x.toPrecision(4)).join(', ')}` };
        });
      },
    }),
    check({
      name: 'correction: the curvature along v is the same at w and w′ (float64 second differences)', role: 'correction', reference: 'impl',
      arbitrary: withDirections, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ c, w2, v }) => agreement(secondDifference(c, c.w, v), secondDifference(c, w2, v),
        differenceTolerance(c, c.w, ctx.dtypes) + differenceTolerance(c, w2, ctx.dtypes))),
    }),
    check({
      name: 'correction: the curvature along v is vᵀHv, H the tfjs Hessian', role: 'correction', reference: ['tfjs-hessian', 'impl'], arbitrary: withDirections, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases.map(({ c }) => c), ctx, 'linear-mse', 'half', true);
        return cases.map(({ c, v }, b) => {
          const h = reference[b]!.hessian!;
          const vHv = v.reduce((s, vi, i) => s + vi * matVec(h, v)[i]!, 0);
          // vᵀHv of a unit v sums d² entries, each within the Hessian tolerance (float32 tfjs against float64), plus the rounding
          // of the float64 second difference itself (float64 on both sides: a part with its own dtypes).
          return agreement(secondDifference(c, c.w, v), vHv, c.d * c.d * linearHessianTolerance(c, ctx.dtypes) + differenceTolerance(c, c.w));
        });
      },
    }),
  ],
});
