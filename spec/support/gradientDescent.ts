// Gradient descent on the MSE of a linear model without bias (the model of 4.3.7 and the normal
// equations), L(w) = (1/2N) Σ (y⁽ⁿ⁾ − wᵀx⁽ⁿ⁾)², H = (1/N) XᵀX: the data, the minimiser w*, float64
// iterates from impl's gradient, and the tolerances of comparing them.
import type fc from 'fast-check';
import { check, type CheckDefinition } from '../engine/item.ts';
import { agreement } from '../engine/close.ts';
import { tolerance, type Dtype } from '../engine/tolerance.ts';
import { regressionCase, type RegressionCase } from '../domains/index.ts';
import { gram, matVec, mseLinearGradient, scaleMatrix, solveSpd, symmetricEigenvalues, transpose } from '../../impl/index.ts';
import { inputScale, linearGradientTolerance, residualScale, tfjsLinearModel } from './linearModels.ts';

/** Condition number of XᵀX the data may have (so w* and the contraction factors are well determined). */
export const MAX_CONDITION = 1e3;

/** Full-column-rank regression data (d ∈ [2, 4], N ∈ [5, 10], κ(XᵀX) ≤ MAX_CONDITION), bias 0; c.w is the starting point. */
export const gdData: fc.Arbitrary<RegressionCase> = regressionCase({ d: [2, 4], N: [5, 10] })
  .map((c) => ({ ...c, b: 0 }))
  .filter((c) => { const l = symmetricEigenvalues(gram(c.X)); return l[0]! * MAX_CONDITION > l[l.length - 1]!; });

/** H = (1/N) XᵀX. */
export const hessianOf = (c: RegressionCase) => scaleMatrix(gram(c.X), 1 / c.N);

/** The minimiser w*, from the normal equations XᵀX w = Xᵀy. */
export const minimiser = (c: RegressionCase) => solveSpd(gram(c.X), matVec(transpose(c.X), c.y));

/** The step size 1/λ_max(H): stable (< 2/λ_max) and the usual choice. */
export const stepSize = (c: RegressionCase) => { const l = symmetricEigenvalues(hessianOf(c)); return 1 / l[l.length - 1]!; };

/** w_0 = c.w, w_{t+1} = w_t − η ∇L(w_t) with impl's float64 gradient; returns w_0 … w_T. */
export function gdIterates(c: RegressionCase, eta: number, steps: number, start: number[] = c.w): number[][] {
  const out = [start];
  for (let t = 0; t < steps; t++) {
    const w = out[t]!;
    const g = mseLinearGradient(c.X, c.y, w, 0, 'half').w;
    out.push(w.map((wi, i) => wi - eta * g[i]!));
  }
  return out;
}

/**
 * float64 vs float64 for iterates after `steps` steps: each step rounds a gradient (d + N + 3 roundings on
 * terms of size residualScale·max|x|, times η) and the update; the map w ↦ w − η∇L is non-expansive for
 * η ≤ 2/λ_max, so the rounding of the steps adds up. The largest iterate entry bounds the update terms;
 * the solve for w* (when a closed form uses it) is κ(XᵀX)-conditioned.
 */
export function iterateTolerance(c: RegressionCase, eta: number, steps: number, iterates: number[][], dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']): number {
  const wMax = Math.max(...iterates.flat().map(Math.abs), ...minimiser(c).map(Math.abs));
  const stepTerms = eta * 2 * Math.max(...iterates.map((w) => residualScale({ ...c, w }))) * inputScale(c);
  return tolerance({ dtypes, operations: steps * (2 * (c.d + c.N) + 6), scale: wMax + stepTerms, condition: MAX_CONDITION });
}

export const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
export const distance = (a: number[], b: number[]) => norm(a.map((x, i) => x - b[i]!));

/**
 * The subject check of items that run gradient descent on impl's gradient: the subject's mseLinearGradient (bias 0) ↔ tfjs
 * autodiff. With impl as the subject it is the check the audit's iterates rely on.
 */
export const gdGradientSubjectCheck: CheckDefinition<RegressionCase> = check({
  name: 'mseLinearGradient (bias 0) ↔ tfjs autodiff gradient', role: 'subject', subject: 'mseLinearGradient', reference: 'tfjs-grad',
  arbitrary: gdData, runs: 'default',
  evaluate: (cases, ctx) => {
    const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'half');
    return cases.map((c, b) => agreement(ctx.subject.api.mseLinearGradient!(c.X, c.y, c.w, 0, 'half').w, reference[b]!.gradient, linearGradientTolerance(c, ctx.dtypes)));
  },
});
