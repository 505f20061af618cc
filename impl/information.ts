// Information geometry of the categorical distribution and natural-gradient steps, in float64.
//   Fisher information of Cat(p̂) in its logits z (p̂ = softmax z):     diag(p̂) − p̂p̂ᵀ
//   Fisher information of Cat(p) in its (C, over-complete) mean coordinates: diag(1/p)
//   Expected outer product of the logit score e_y − p̂ under a label distribution q:
//     Σ_y q_y (e_y − p̂)(e_y − p̂)ᵀ = diag(q) − q p̂ᵀ − p̂ qᵀ + p̂p̂ᵀ  (the Fisher when q = p̂; the
//     "empirical Fisher" when q is the data's label distribution)
//   Fisher–Rao distance on the simplex: 2 arccos Σ √(p_i q_i) = 4 arcsin(‖√p − √q‖/2) (the second form
//   keeps its accuracy for nearby points, where arccos of a number near 1 loses half the digits).
import { LosscheckInputError, assertDistribution, assertFiniteNumber, assertMatrix, assertSameLength, assertVector, type Matrix, type Vector } from './errors.ts';
import { softmaxJacobian } from './models.ts';
import { solveSpd } from './linalg.ts';

/** Fisher information of the categorical distribution in its logits, at p̂ = softmax(z): diag(p̂) − p̂p̂ᵀ. */
export function categoricalFisherInLogits(pHat: Vector): number[][] {
  assertDistribution('categoricalFisherInLogits', 'pHat', pHat);
  return softmaxJacobian(pHat);
}

/** Fisher information of Cat(p) in the coordinates p themselves (log-likelihood log p_y): diag(1/p), p > 0. */
export function categoricalFisherInProbabilities(p: Vector): number[][] {
  assertDistribution('categoricalFisherInProbabilities', 'p', p);
  p.forEach((pi, i) => { if (!(pi > 0)) throw new LosscheckInputError('categoricalFisherInProbabilities', 'p', `must be > 0 everywhere, got ${pi} at ${i}`); });
  return p.map((pi, i) => p.map((_, j) => (i === j ? 1 / pi : 0)));
}

/** Σ_y q_y (e_y − p̂)(e_y − p̂)ᵀ: the expected outer product of the logit score under labels y ~ q. */
export function expectedLogitScoreOuterProduct(pHat: Vector, labels: Vector): number[][] {
  assertDistribution('expectedLogitScoreOuterProduct', 'pHat', pHat);
  assertDistribution('expectedLogitScoreOuterProduct', 'labels', labels);
  assertSameLength('expectedLogitScoreOuterProduct', 'pHat', pHat, 'labels', labels);
  return pHat.map((pi, i) => pHat.map((pj, j) => (i === j ? labels[i]! : 0) - labels[i]! * pj - pi * labels[j]! + pi * pj));
}

/** Fisher–Rao distance between two points of the simplex, 4 arcsin(‖√p − √q‖/2). */
export function fisherRaoDistance(p: Vector, q: Vector): number {
  assertDistribution('fisherRaoDistance', 'p', p);
  assertDistribution('fisherRaoDistance', 'q', q);
  assertSameLength('fisherRaoDistance', 'p', p, 'q', q);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (Math.sqrt(p[i]!) - Math.sqrt(q[i]!)) ** 2;
  // ‖√p − √q‖ ≤ √2 on the simplex, so the arcsin argument stays in [0, 1/√2]; rounding cannot push it past 1.
  return 4 * Math.asin(Math.min(1, Math.sqrt(s) / 2));
}

/** One Riemannian (natural) gradient step w − η G⁻¹ ∇L for a symmetric positive definite metric G. */
export function naturalGradientStep(w: Vector, gradient: Vector, metric: Matrix, learningRate: number): number[] {
  assertVector('naturalGradientStep', 'w', w);
  assertVector('naturalGradientStep', 'gradient', gradient, w.length);
  assertMatrix('naturalGradientStep', 'metric', metric, w.length, w.length);
  assertFiniteNumber('naturalGradientStep', 'learningRate', learningRate);
  if (!(learningRate > 0)) throw new LosscheckInputError('naturalGradientStep', 'learningRate', `must be > 0, got ${learningRate}`);
  let direction: number[];
  try {
    direction = solveSpd(metric, gradient);
  } catch (e) {
    // Shapes were checked above, so solveSpd can only reject the metric for not being positive definite.
    throw new LosscheckInputError('naturalGradientStep', 'metric', `must be symmetric positive definite (${(e as Error).message})`);
  }
  return w.map((wi, i) => wi - learningRate * direction[i]!);
}
