import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { between, monteCarloSeed, noiseSpec, vector, targetPoint, type NoiseSpec, type TargetPoint } from '../../domains/index.ts';
import { laplaceNegativeLogLikelihood, linearPredictions, meanAbsoluteError } from '../../../impl/index.ts';
import { drawSample } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_SAMPLES, caseSeed, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';
import { minimiserOutcome, noiseDistribution } from '../../support/bayes.ts';
import { efficiencyOutcome } from '../../support/efficiency.ts';

const likelihoodCase = fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({ y: vector(n, 10), yHat: vector(n, 10), b: between(0.1, 5) }));

interface NoiseCase { target: TargetPoint; noise: NoiseSpec; seed: number }
const fStarOf = (t: TargetPoint) => linearPredictions([t.x], t.w, t.b)[0]!;
// Skewed (exponential) noise is included: there the median differs from the mean by (1 − ln 2)·sd.
const anyNoise = fc.record({ target: targetPoint(), noise: fc.oneof(noiseSpec(), noiseSpec({ nonzeroMean: true })), seed: monteCarloSeed() });
const laplaceNoise = fc.record({ target: targetPoint(), noise: noiseSpec({ kinds: ['laplace'] }), seed: monteCarloSeed() });

export default defineItem({
  id: 'laplace-noise-mae', kind: 'claim', section: '4.3.4',
  quote: '如果噪声是拉普拉斯分布的，MAE（平均绝对误差）更合适',
  statement: 'With Laplace noise, MAE is the better loss: the Laplace negative log-likelihood is an increasing affine function of the MAE, the expected absolute loss is minimised by the median, and the MAE minimiser (sample median) estimates f*(x) with lower risk than the sample mean.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'Σ −log Laplace(y_n; ŷ_n, b) = (N/b)·MAE(y, ŷ) + N log 2b', role: 'claim',
      reference: 'impl', arbitrary: likelihoodCase, runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => {
        const n = c.y.length;
        const nll = c.y.reduce((s, y, i) => s + laplaceNegativeLogLikelihood(y, c.yHat[i]!, c.b), 0);
        const affine = (n / c.b) * meanAbsoluteError(c.y, c.yHat) + n * Math.log(2 * c.b);
        const scale = c.y.reduce((s, y, i) => s + (Math.abs(y) + Math.abs(c.yHat[i]!)) / c.b + Math.abs(Math.log(2 * c.b)), 0);
        return agreement(nll, affine, tolerance({ dtypes: ctx.dtypes, operations: n + elementary(1) + 3, scale }));
      }),
    }),
    check({
      name: 'the median minimises E|y − c| for Gaussian, Laplace and skewed noise (Monte Carlo, paired)', role: 'claim',
      reference: ['monte-carlo', 'impl'], arbitrary: anyNoise, runs: 100,
      evaluate: (cs: NoiseCase[]) => {
        qualifiedMonteCarlo();
        return cs.map((c) => {
          const fStar = fStarOf(c.target), eps = noiseDistribution(c.noise);
          const sample = drawSample((r) => fStar + eps.sample(r), MONTE_CARLO_SAMPLES, caseSeed(c.seed));
          return minimiserOutcome(sample, (y, yHat) => Math.abs(y - yHat), fStar + eps.median, c.noise.sd);
        });
      },
    }),
    check({
      name: 'Laplace noise: E[(mean − f*)²] − E[(median − f*)²] > 0, the MAE minimiser is the more efficient (Monte Carlo, n = 25)', role: 'claim',
      reference: ['monte-carlo', 'impl'], arbitrary: laplaceNoise, runs: 20,
      evaluate: (cs: NoiseCase[]) => {
        qualifiedMonteCarlo();
        return cs.map((c) => efficiencyOutcome(c.noise, fStarOf(c.target), c.seed, 'median'));
      },
    }),
  ],
});
