// Fisher information of N(μ, σ²) in θ = (μ, σ) from tfjs autodiff of −log N(x; μ, σ²) at the nodes of
// the qualified Gauss–Hermite rule (exact expectation: the integrands are polynomials of degree ≤ 4 in x); and the
// curvatures of ½(y − ŷ)² for a regression model read as y ∼ N(ŷ, σ²), with the same rule.
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import fc from 'fast-check';
import { between, regressionCase, type RegressionCase } from '../domains/index.ts';
import { tfjsLosses } from '../../oracles/tfjs/index.ts';
import { gaussianNegativeLogDensity } from '../../oracles/tfjs/information.ts';
import { gaussianNodes } from '../../oracles/quadrature.ts';
import { qualifiedGaussHermite } from './information.ts';
import { inputScale, residualScale } from './linearModels.ts';

export interface GaussianCase { mu: number; sigma: number }

/** E[s sᵀ] and E[∇²(−log N)] over x ~ N(μ, σ²), s = ∇_θ log N(x; θ), one tfjs call for all cases and nodes. */
export function tfjsGaussianFisher(cases: GaussianCase[], ctx: RunContext): { fromScores: number[][]; fromHessians: number[][] }[] {
  const rule = qualifiedGaussHermite();
  const K = rule.nodes.length;
  const x = cases.flatMap((c) => gaussianNodes(rule, c.mu, c.sigma));
  const params = cases.flatMap((c) => Array.from({ length: K }, () => [c.mu, c.sigma]));
  const out = ctx.tfjs.derivatives(params, gaussianNegativeLogDensity(x), { hessian: true });
  return cases.map((_, b) => {
    const fromScores = [[0, 0], [0, 0]], fromHessians = [[0, 0], [0, 0]];
    for (let k = 0; k < K; k++) {
      const r = b * K + k, w = rule.weights[k]!, g = out.gradients[r]!, h = out.hessians![r]!;
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
        fromScores[i]![j]! += w * g[i]! * g[j]!; // the sign of the score cancels in the outer product
        fromHessians[i]![j]! += w * h[i]![j]!;
      }
    }
    return { fromScores, fromHessians };
  });
}

/**
 * float32 autodiff of −log N at x = μ + σz (|z| ≤ √3): score entries ≤ 2/σ, their products and the
 * Hessian entries ≤ 8/σ² (scale); x − μ is formed from inputs of size |μ| + 2σ, so float32 rounding moves
 * z by u(|μ| + 2σ)/σ (κ = 2 + |μ|/σ); a dozen operations forward and back, three weighted nodes.
 */
export function gaussianFisherTolerance(c: GaussianCase, dtypes: readonly [Dtype, Dtype]): number {
  return tolerance({ dtypes, operations: 16, scale: 8 / c.sigma ** 2, condition: 2 + Math.abs(c.mu) / c.sigma });
}

/** One sample (x, y) of a regression model ŷ(w) = wᵀx + b or σ(wᵀx + b), read as the mean of y ∼ N(ŷ, σ²) (`noise` = σ). */
export interface GaussianRegressionCase extends RegressionCase { noise: number }
export type GaussianRegressionModel = 'linear-mse' | 'sigmoid-mse';

/** One sample (x, y), d ∈ [1, 4], and a noise level σ ∈ [0.2, 5] of y ∼ N(ŷ, σ²). */
export const gaussianRegressionSamples: fc.Arbitrary<GaussianRegressionCase> = fc.record({ c: regressionCase({ d: [1, 4], N: [1, 1] }), noise: between(0.2, 5) })
  .map(({ c, noise }) => ({ ...c, noise }));

/** max_ij |H_ij − σ²·I_ij|: how far the Hessian at the observed y is from σ² times the Fisher information. */
export const hessianFisherGap = ({ hessian, fisher }: GaussianRegressionCurvatures, noise: number) =>
  Math.max(...hessian.flatMap((row, i) => row.map((h, j) => Math.abs(h - noise ** 2 * fisher[i]![j]!))));

export interface GaussianRegressionCurvatures {
  /** ∇²_w ½(y − ŷ)² at the observed y. */
  hessian: number[][];
  /** E_{y'∼N(ŷ,σ²)} ∇²_w ½(y' − ŷ)². */
  expectedHessian: number[][];
  /** The Fisher information of N(ŷ(w), σ²) in w, E[∇ℓ∇ℓᵀ] with ℓ = −log N(y'; ŷ, σ²) = ½(y' − ŷ)²/σ² + const. */
  fisher: number[][];
}

/**
 * tfjs Hessians and gradients of ½(y − ŷ)² in w at the observed y and at the nodes y' = ŷ + σz_k of the qualified
 * Gauss–Hermite rule (the integrands are polynomials of degree ≤ 2 in y': exact), one call per input dimension. The
 * score of N(ŷ, σ²) is the gradient of −½(y' − ŷ)²/σ², i.e. the MSE gradient over σ².
 */
export function tfjsGaussianRegressionCurvatures(cases: GaussianRegressionCase[], ctx: RunContext, model: GaussianRegressionModel): GaussianRegressionCurvatures[] {
  const rule = qualifiedGaussHermite();
  const K = rule.nodes.length, rows = K + 1;
  const yHat = (c: GaussianRegressionCase) => { const z = c.X[0]!.reduce((s, xi, i) => s + xi * c.w[i]!, c.b); return model === 'linear-mse' ? z : 1 / (1 + Math.exp(-z)); };
  return batchedByShape(cases, (c) => String(c.d), (group) => {
    const targets = group.flatMap((c) => [c.y[0]!, ...gaussianNodes(rule, yHat(c), c.noise)]);
    const x = group.flatMap((c) => Array.from({ length: rows }, () => c.X)), b = group.flatMap((c) => Array.from({ length: rows }, () => c.b));
    const build = model === 'linear-mse' ? tfjsLosses.linearMseLoss(x, targets.map((y) => [y]), b, 'half') : tfjsLosses.sigmoidMseLoss(x, targets.map((y) => [y]), b, 'half');
    const out = ctx.tfjs.derivatives(group.flatMap((c) => Array.from({ length: rows }, () => c.w)), build, { hessian: true });
    return group.map((c, k) => {
      const zero = () => Array.from({ length: c.d }, () => new Array<number>(c.d).fill(0));
      const expectedHessian = zero(), fisher = zero();
      for (let node = 0; node < K; node++) {
        const r = k * rows + 1 + node, weight = rule.weights[node]!, g = out.gradients[r]!, h = out.hessians![r]!;
        for (let i = 0; i < c.d; i++) for (let j = 0; j < c.d; j++) {
          expectedHessian[i]![j]! += weight * h[i]![j]!;
          fisher[i]![j]! += (weight * g[i]! * g[j]!) / c.noise ** 4;
        }
      }
      return { hessian: out.hessians![k * rows]!, expectedHessian, fisher };
    });
  });
}

/**
 * float32 autodiff of ½(y − ŷ)² at y and at the nodes ŷ ± √3σ: every compared entry (Hessians, and σ² times the Fisher,
 * g gᵀ/σ² with node residuals ≤ √3σ) is a sum of terms ≤ max|x|²·(3 + residual) (σ' ≤ ¼, |σ''| ≤ ⅒ for the sigmoid); a
 * residual formed from terms of size residualScale + √3σ and rounded in float32 moves relatively by u times that over σ.
 */
export function gaussianRegressionTolerance(c: GaussianRegressionCase, dtypes: readonly [Dtype, Dtype]): number {
  const residual = residualScale(c) + Math.sqrt(3) * c.noise;
  return tolerance({ dtypes, operations: 2 * (c.d + elementary(1) + 6), scale: 3 * inputScale(c) ** 2 * (1 + residual), condition: 2 + residual / c.noise + residualScale(c) });
}
