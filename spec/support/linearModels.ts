// Oracle adapters and tolerance derivations shared by the items about linear and logistic models on a
// dataset (X N×d, y, parameters w, b).
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import type { RegressionCase } from '../domains/index.ts';
import { tfjsLosses } from '../../oracles/tfjs/index.ts';

export type Convention = 'half' | 'unhalved';
type Model = 'linear-mse' | 'sigmoid-mse' | 'logistic-ce';

/** tfjs (float32) gradients (and Hessians) in w of the model's mean loss, batched per shape (N, d). */
export function tfjsLinearModel(cases: RegressionCase[], ctx: RunContext, model: Model, convention: Convention = 'half',
  hessian = false): { gradient: number[]; hessian?: number[][] }[] {
  return batchedByShape(cases, (c) => `${c.N}x${c.d}`, (group) => {
    const x = group.map((c) => c.X), y = group.map((c) => c.y), b = group.map((c) => c.b);
    const build = model === 'linear-mse' ? tfjsLosses.linearMseLoss(x, y, b, convention)
      : model === 'sigmoid-mse' ? tfjsLosses.sigmoidMseLoss(x, y, b, convention)
        : tfjsLosses.logisticCrossEntropyLoss(x, y, b);
    const out = ctx.tfjs.derivatives(group.map((c) => c.w), build, { hessian });
    return group.map((_, k) => ({ gradient: out.gradients[k]!, ...(hessian ? { hessian: out.hessians![k]! } : {}) }));
  });
}

/** Σ|w_i x_i| + |b| + |y| for the sample with the largest one: the terms combined into a residual. */
export function residualScale(c: RegressionCase): number {
  return Math.max(...c.X.map((x, n) => Math.abs(c.y[n]!) + Math.abs(c.b) + x.reduce((s, xi, i) => s + Math.abs(xi * c.w[i]!), 0)));
}

export const inputScale = (c: RegressionCase) => Math.max(...c.X.flat().map(Math.abs), Number.MIN_VALUE);

/**
 * float32 vs float64 for gradient entries (c/N) Σ_n r_n x_ni of a linear-MSE model: terms of size
 * ≤ 2·residualScale·max|x| (factor 2 covers the un-halved convention); d + 2 roundings form r_n, N more
 * accumulate the mean, the backward pass mirrors them. Input rounding is inside the terms' size.
 */
export function linearGradientTolerance(c: RegressionCase, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  return tolerance({ dtypes, operations: 2 * (c.d + c.N + 3), scale: 2 * residualScale(c) * inputScale(c) });
}

/** Hessian entries (c/N) Σ x_ni x_nj: terms of size ≤ 2·max|x|², N roundings plus the backward pass. */
export function linearHessianTolerance(c: RegressionCase): number {
  return tolerance({ dtypes: ['float32', 'float64'], operations: 2 * (c.d + c.N + 3), scale: 2 * inputScale(c) ** 2 });
}

/**
 * Gradient entries (c/N) Σ (ŷ − y) σ'(z) x or (1/N) Σ (ŷ − y) x with ŷ = σ(z): |ŷ − y| ≤ 1 + |y|,
 * σ' ≤ ¼, so terms ≤ 2(1 + max|y|)·max|x|; the logit is a d-term sum whose float32 rounding perturbs
 * it by u·residualScale, which moves σ by at most ¼ of that (κ = 1 + residualScale).
 */
export function sigmoidGradientTolerance(c: RegressionCase): number {
  const yMax = Math.max(...c.y.map(Math.abs));
  return tolerance({
    dtypes: ['float32', 'float64'], operations: 2 * (c.d + c.N + elementary(2) + 3), scale: 2 * (1 + yMax) * inputScale(c),
    condition: 1 + residualScale(c),
  });
}
