// Oracle adapters shared by the §4.3.2 items about one sigmoid unit: batched tfjs values and
// derivatives of scalar losses (one tensor call for all cases), and the float32-vs-float64 tolerance of
// a quantity built from σ(z). Only spec/ knows the book; this file knows the oracles' shapes.
import type { RunContext } from '../engine/item.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import type { Tf } from '../../oracles/tfjs/backend.ts';
import type { PerCaseLoss } from '../../oracles/tfjs/autodiff.ts';
import { batchedByShape } from '../engine/batch.ts';
import type { SigmoidUnitSample } from '../domains/index.ts';
import { tfjsLosses } from '../../oracles/tfjs/index.ts';

/** Values and first derivatives of a scalar-parameter loss at every point, in one batched tfjs call. */
export function tfjsScalar(ctx: RunContext, at: number[], build: (tf: Tf) => PerCaseLoss): { values: number[]; derivatives: number[] } {
  const out = ctx.tfjs.derivatives(at.map((t) => [t]), build);
  return { values: out.values, derivatives: out.gradients.map((g) => g[0]!) };
}

/**
 * float32 autodiff vs a float64 closed form for a quantity of size `scale` built from σ(z) (σ, 1 − σ,
 * σ − y, σ(1 − σ)) with a few elementary functions. Two effects set κ: rounding z to float32 moves
 * σ and 1 − σ by relative u·|z|; and each of the n float32 roundings that produce σ is an absolute
 * error ≤ u in σ, hence a relative error u/min(σ, 1 − σ) = u(1 + e^{|z|}) in 1 − σ (or σ − 1).
 * `extra` counts further roundings on the path; `dtypes` is the running check's pair (ctx.dtypes).
 */
export function sigmoidTolerance(z: number, scale: number, extra = 0, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  const operations = elementary(3) + extra;
  return tolerance({
    dtypes, operations, scale, condition: 1 + Math.abs(z) + operations * (1 + Math.exp(Math.abs(z))),
  });
}


/** z = wᵀx in float64, and Σ|w_i x_i|, the size of the terms it sums (float32 rounding of z is u times that). */
export const logitOf = (c: SigmoidUnitSample) => c.w.reduce((s, wi, i) => s + wi * c.x[i]!, 0);
export const logitTermSize = (c: SigmoidUnitSample) => c.w.reduce((s, wi, i) => s + Math.abs(wi * c.x[i]!), 0);

/** tfjs values and gradients in w of one sample's loss, ½(y − σ(wᵀx))² (4.3.13) or the binary cross-entropy of σ(wᵀx). */
export function tfjsUnit(cases: SigmoidUnitSample[], ctx: RunContext, loss: 'half-squared-error' | 'cross-entropy'): { value: number; gradient: number[] }[] {
  return batchedByShape(cases, (c) => String(c.d), (group) => {
    const x = group.map((c) => [c.x]), y = group.map((c) => [c.y]), b = group.map(() => 0);
    const build = loss === 'cross-entropy'
      ? tfjsLosses.logisticCrossEntropyLoss(x, y, b)
      : tfjsLosses.sigmoidMseLoss(x, y, b, 'half');
    const out = ctx.tfjs.derivatives(group.map((c) => c.w), build);
    return group.map((_, i) => ({ value: out.values[i]!, gradient: out.gradients[i]! }));
  });
}

/**
 * Absolute tolerance for a float32 tfjs value or gradient entry of a one-sample sigmoid-unit loss vs
 * float64: rounding x, w to float32 moves z by u·Σ|w_i x_i|, and the loss and its logit derivative
 * change by at most that (|dL/dz|, |d²L/dz²| ≤ 1); a gradient entry carries a factor |x_i| (scale). `dtypes`
 * is the running check's pair (ctx.dtypes).
 */
export function unitTolerance(c: SigmoidUnitSample, scale: number, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  return tolerance({ dtypes, operations: c.d + elementary(3) + 4, scale, condition: 1 + logitTermSize(c) });
}
