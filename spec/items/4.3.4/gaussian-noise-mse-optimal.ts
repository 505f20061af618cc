import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { between, monteCarloSeed, noiseSpec, real, vector, targetPoint, type NoiseSpec, type TargetPoint } from '../../domains/index.ts';
import { linearPredictions, meanSquaredError } from '../../../impl/index.ts';
import { gaussian } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_LABEL, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';
import { efficiencyOutcome } from '../../support/efficiency.ts';

// Observations y and predictions ŷ (N of each) with a noise scale σ: the Gaussian likelihood of y given ŷ.
const likelihoodCase = fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({ y: vector(n, 10), yHat: vector(n, 10), sigma: between(0.1, 5), shift: real(1) }));

interface EfficiencyCase { target: TargetPoint; noise: NoiseSpec; seed: number }
const gaussianNoise = fc.record({ target: targetPoint(), noise: noiseSpec({ kinds: ['gaussian'] }), seed: monteCarloSeed() });

export default defineItem({
  id: 'gaussian-noise-mse-optimal', kind: 'claim', section: '4.3.4',
  quote: '如果数据中的噪声是高斯分布的，MSE 是最优的',
  statement: 'With Gaussian noise, MSE is the optimal loss: the Gaussian negative log-likelihood is an increasing affine function of the MSE (same minimiser), and the MSE minimiser (sample mean) estimates f*(x) with lower risk than the MAE minimiser (sample median).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'Σ −log N(y_n; ŷ_n, σ²) = (N/σ²)·MSE_½(y, ŷ) + N log σ + (N/2) log 2π (float64, density from the oracle)', role: 'claim',
      oracle: 'Gaussian log-density (oracles/monteCarlo.ts, float64)', arbitrary: likelihoodCase, runs: 'default',
      evaluate: (cs) => cs.map((c) => {
        const n = c.y.length;
        const nll = -c.y.reduce((s, y, i) => s + gaussian(c.yHat[i]!, c.sigma).logDensity(y), 0);
        const affine = (n / c.sigma ** 2) * meanSquaredError(c.y, c.yHat, 'half') + n * Math.log(c.sigma) + 0.5 * n * Math.log(2 * Math.PI);
        // N terms, each a square, a division and two logs; terms are as large as (|y| + |ŷ|)²/σ² plus the log constants.
        const scale = c.y.reduce((s, y, i) => s + ((Math.abs(y) + Math.abs(c.yHat[i]!)) / c.sigma) ** 2 + Math.abs(Math.log(c.sigma)) + 1, 0);
        return agreement(nll, affine, tolerance({ dtypes: ['float64', 'float64'], operations: n + elementary(2) + 3, scale }));
      }),
    }),
    check({
      name: 'Gaussian noise: E[(median − f*)²] − E[(mean − f*)²] > 0, the MSE minimiser is the more efficient (Monte Carlo, n = 25)', role: 'claim',
      oracle: MONTE_CARLO_LABEL, arbitrary: gaussianNoise, runs: 20,
      evaluate: (cs: EfficiencyCase[]) => {
        qualifiedMonteCarlo();
        return cs.map((c) => efficiencyOutcome(c.noise, linearPredictions([c.target.x], c.target.w, c.target.b)[0]!, c.seed, 'mean'));
      },
    }),
  ],
});
