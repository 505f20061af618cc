// Fisher information of N(μ, σ²) in θ = (μ, σ) from tfjs autodiff of −log N(x; μ, σ²) at the nodes of
// the qualified Gauss–Hermite rule (exact expectation: the integrands are polynomials of degree ≤ 4 in x).
import type { RunContext } from '../engine/item.ts';
import { tolerance } from '../engine/tolerance.ts';
import { gaussianNegativeLogDensity } from '../../oracles/tfjs/information.ts';
import { gaussianNodes } from '../../oracles/quadrature.ts';
import { qualifiedGaussHermite } from './information.ts';

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
export function gaussianFisherTolerance(c: GaussianCase, dtypes: readonly ['float32', 'float32' | 'float64']): number {
  return tolerance({ dtypes, operations: 16, scale: 8 / c.sigma ** 2, condition: 2 + Math.abs(c.mu) / c.sigma });
}
