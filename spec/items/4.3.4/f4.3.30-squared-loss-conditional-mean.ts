import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { monteCarloSeed, noiseSpec, targetPoint, type NoiseSpec, type TargetPoint } from '../../domains/index.ts';
import { linearPredictions } from '../../../impl/index.ts';
import { drawSample } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_SAMPLES, caseSeed, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';
import { noiseDistribution, riskExcessOutcome } from '../../support/bayes.ts';

/** The loss of 4.3.30 as printed: L(y, ŷ) = (y − ŷ)². */
const squaredLoss = (y: number, yHat: number) => (y - yHat) ** 2;
const fStarOf = (t: TargetPoint) => linearPredictions([t.x], t.w, t.b)[0]!;

interface Case { target: TargetPoint; noise: NoiseSpec; seed: number }
const anyNoise = fc.record({ target: targetPoint(), noise: fc.oneof(noiseSpec(), noiseSpec({ nonzeroMean: true })), seed: monteCarloSeed() });
const zeroMeanNoise = fc.record({ target: targetPoint(), noise: noiseSpec(), seed: monteCarloSeed() });
const biasedNoise = fc.record({ target: targetPoint(), noise: noiseSpec({ nonzeroMean: true }), seed: monteCarloSeed() });
const MC_CASES = 100;

/** y | x drawn from the additive model 4.3.29. */
const sampleOf = (c: Case) => {
  const fStar = fStarOf(c.target), eps = noiseDistribution(c.noise);
  return drawSample((r) => fStar + eps.sample(r), MONTE_CARLO_SAMPLES, caseSeed(c.seed));
};

/** "ŷ* = center": the expected squared loss exceeds its value at center by exactly (c − center)² — so center is the unique minimiser. */
const minimisedAt = (center: (c: Case) => number) => (cs: Case[]) => {
  qualifiedMonteCarlo();
  return cs.map((c) => riskExcessOutcome(sampleOf(c), squaredLoss, center(c), c.noise.sd, (probe) => (probe - center(c)) ** 2));
};

export default defineItem({
  id: '4.3.30', kind: 'formula', section: '4.3.4',
  quote: String.raw`\hat{y}^* = \mathbb{E}_{y|x}[y] = f^*(x)\tag{4.3.30}`,
  printed: String.raw`\hat{y}^* = \mathbb{E}_{y|x}[y] = f^*(x)`,
  statement: 'Under squared loss the Bayes-optimal prediction is the conditional mean E[y|x], which equals f*(x) in the additive noise model.',
  condition: 'E[ε | x] = 0 (the text assumes ε ∼ N(0, σ²)); the first equality, ŷ* = E[y|x], needs only a finite variance',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'ŷ* = E[y|x]: E(y − c)² − E(y − E y)² = (c − E y)² for any noise (Monte Carlo)', role: 'claim',
      reference: ['monte-carlo', 'impl'], arbitrary: anyNoise, runs: MC_CASES,
      evaluate: minimisedAt((c) => fStarOf(c.target) + noiseDistribution(c.noise).mean),
    }),
    check({
      name: 'E ε = 0: ŷ* = f*(x), E(y − c)² − E(y − f*)² = (c − f*)² (Monte Carlo)', role: 'condition',
      reference: ['monte-carlo', 'impl'], arbitrary: zeroMeanNoise, runs: MC_CASES,
      evaluate: minimisedAt((c) => fStarOf(c.target)),
    }),
    check({
      name: 'E ε ≠ 0: ŷ* = f*(x) fails (the minimiser is f*(x) + E ε)', role: 'outside-condition',
      reference: ['monte-carlo', 'impl'], arbitrary: biasedNoise, runs: MC_CASES,
      evaluate: minimisedAt((c) => fStarOf(c.target)),
    }),
  ],
});
