import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { tfjsHessian } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';
import { linearPredictions, outer } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { gaussianNodes } from '../../../oracles/quadrature.ts';
import { GAUSS_HERMITE_LABEL, qualifiedGaussHermite } from '../../support/information.ts';
import { inputScale, residualScale } from '../../support/linearModels.ts';

// One sample (x, y) of a linear model ŷ = wᵀx + b; the loss ½(y − ŷ)² is −log N(y; ŷ, 1) up to a constant.
const samples = regressionCase({ d: [1, 5], N: [1, 1] });

/** tfjs Hessian of ½(y − ŷ)² in w, and the Fisher E_{y'∼N(ŷ,1)}[∇_w ℓ ∇_w ℓᵀ] from tfjs gradients at the quadrature nodes. */
function hessianAndFisher(cases: RegressionCase[], ctx: RunContext): { hessian: number[][]; fisher: number[][] }[] {
  const rule = qualifiedGaussHermite();
  const K = rule.nodes.length;
  return batchedByShape(cases, (c) => String(c.d), (group) => {
    const hess = ctx.tfjs.derivatives(group.map((c) => c.w),
      tfjsLosses.linearMseLoss(group.map((c) => c.X), group.map((c) => c.y), group.map((c) => c.b), 'half'), { hessian: true }).hessians!;
    const yNodes = group.flatMap((c) => gaussianNodes(rule, linearPredictions(c.X, c.w, c.b)[0]!, 1));
    const grads = ctx.tfjs.derivatives(group.flatMap((c) => Array.from({ length: K }, () => c.w)),
      tfjsLosses.linearMseLoss(group.flatMap((c) => Array.from({ length: K }, () => c.X)), yNodes.map((y) => [y]),
        group.flatMap((c) => Array.from({ length: K }, () => c.b)), 'half')).gradients;
    return group.map((c, b) => {
      const fisher = Array.from({ length: c.d }, () => new Array<number>(c.d).fill(0));
      for (let k = 0; k < K; k++) {
        const g = grads[b * K + k]!;
        for (let i = 0; i < c.d; i++) for (let j = 0; j < c.d; j++) fisher[i]![j]! += rule.weights[k]! * g[i]! * g[j]!;
      }
      return { hessian: hess[b]!, fisher };
    });
  });
}

// Entries x_i x_j (Hessian) and z_k² x_i x_j with z_k² ≤ 3 (Fisher): scale 3·max|x|²; the residual
// y_k − ŷ is formed from terms of size residualScale + √3, so float32 rounding moves it by u times that.
const tol = (c: RegressionCase) => tolerance({
  dtypes: ['float32', 'float32'], operations: 2 * (c.d + 6), scale: 3 * inputScale(c) ** 2, condition: 2 + residualScale(c),
});

export default defineItem({
  id: 'mse-gaussian-nll-hessian-fisher', kind: 'claim', section: '4.3.3',
  quote: '对于均方误差，如果我们将其视为对某个参数化分布族（如高斯分布$y \\sim \\mathcal{N}(\\hat{y}, \\sigma^2)$）的负对数似然，则其Hessian也与Fisher信息相关',
  statement: 'Read as the negative log-likelihood of y ∼ N(ŷ, σ²), the MSE has a Hessian related to the Fisher information: for a linear model and σ = 1 '
    + 'the Hessian of ½(y − ŷ)² in w equals the Fisher information x xᵀ of N(wᵀx + b, 1) (in general it is σ² times it).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'linear model: ∇²_w ½(y − ŷ)² = E_{y∼N(ŷ,1)}[∇_w ℓ ∇_w ℓᵀ] (tfjs)', role: 'claim',
      oracle: (ctx) => `${tfjsHessian(ctx)}; ${GAUSS_HERMITE_LABEL}`, arbitrary: samples, runs: 'hessian',
      evaluate: (cases, ctx) => hessianAndFisher(cases, ctx).map(({ hessian, fisher }, b) => agreement(hessian, fisher, tol(cases[b]!))),
    }),
    check({
      name: 'both equal x xᵀ (impl outer)', role: 'support', oracle: (ctx) => `${tfjsHessian(ctx)}; ${GAUSS_HERMITE_LABEL}`, arbitrary: samples, runs: 'hessian',
      evaluate: (cases, ctx) => hessianAndFisher(cases, ctx).map(({ hessian, fisher }, b) => {
        const x = cases[b]!.X[0]!;
        return agreement([hessian, fisher], [outer(x, x), outer(x, x)], tol(cases[b]!));
      }),
    }),
  ],
});
