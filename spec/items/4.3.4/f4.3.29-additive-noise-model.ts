import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { monteCarloSeed, noiseSpec, targetPoint, type NoiseSpec, type TargetPoint } from '../../domains/index.ts';
import { linearPredictions } from '../../../impl/index.ts';
import { drawSample, meanOf, varianceOf } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_SAMPLES, caseSeed, monteCarloTolerance, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';
import { noiseDistribution } from '../../support/bayes.ts';

/** 4.3.29 as printed: y = f*(x) + ε. */
const printed = (fStar: number, epsilon: number) => fStar + epsilon;
const fStarOf = (t: TargetPoint) => linearPredictions([t.x], t.w, t.b)[0]!;

interface Case { target: TargetPoint; noise: NoiseSpec; seed: number }
const cases = fc.record({ target: targetPoint(), noise: fc.oneof(noiseSpec(), noiseSpec({ nonzeroMean: true })), seed: monteCarloSeed() });
// Each case draws MONTE_CARLO_SAMPLES values of y; 100 cases cover the three noise shapes and both signs of E ε.
const MC_CASES = 100;

function conditionalSample(c: Case): Float64Array {
  const fStar = fStarOf(c.target), eps = noiseDistribution(c.noise);
  return drawSample((r) => printed(fStar, eps.sample(r)), MONTE_CARLO_SAMPLES, caseSeed(c.seed));
}

export default defineItem({
  id: '4.3.29', kind: 'formula', section: '4.3.4', definition: true,
  quote: String.raw`y = f^*(x) + \epsilon\tag{4.3.29}`,
  printed: String.raw`y = f^*(x) + \epsilon`,
  statement: 'Defines the additive noise model: the target is the true function plus noise, so given x, y is the noise distribution shifted by f*(x).',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'E[y | x] = f*(x) + E[ε] (Monte Carlo over ε)', role: 'claim', reference: ['monte-carlo', 'impl'], arbitrary: cases, runs: MC_CASES,
      evaluate: (cs: Case[]) => {
        qualifiedMonteCarlo();
        return cs.map((c) => {
          const e = meanOf(conditionalSample(c));
          const expected = fStarOf(c.target) + noiseDistribution(c.noise).mean;
          return { value: Math.abs(e.estimate - expected), bound: monteCarloTolerance(e, Math.abs(expected) + 10 * c.noise.sd) };
        });
      },
    }),
    check({
      name: 'Var[y | x] = Var[ε] (Monte Carlo over ε)', role: 'claim', reference: ['monte-carlo', 'impl'], arbitrary: cases, runs: MC_CASES,
      evaluate: (cs: Case[]) => {
        qualifiedMonteCarlo();
        return cs.map((c) => {
          const e = varianceOf(conditionalSample(c));
          const expected = noiseDistribution(c.noise).variance;
          return { value: Math.abs(e.estimate - expected), bound: monteCarloTolerance(e, (Math.abs(fStarOf(c.target)) + 10 * c.noise.sd) ** 2) };
        });
      },
    }),
  ],
});
