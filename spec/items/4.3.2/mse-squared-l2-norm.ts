import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { regressionCase } from '../../domains/index.ts';
import { linearPredictions, meanSquaredError } from '../../../impl/index.ts';

const data = regressionCase({ d: [1, 4], N: [1, 12] });

export default defineItem({
  id: 'mse-squared-l2-norm', kind: 'claim', section: '4.3.2',
  quote: String.raw`MSE 的二次增长对应于$L_2$范数的平方`,
  statement: 'The batch MSE (4.3.2) is the squared L2 norm of the residual vector divided by N: (1/N) Σ (y − ŷ)² = ‖y − ŷ‖₂²/N.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'impl meanSquaredError (unhalved) ↔ Math.hypot(y − ŷ)²/N', role: 'claim', oracle: 'Math.hypot (float64, scaled norm)', arbitrary: data, runs: 'default',
      evaluate: (cases) => cases.map((c) => {
        const yHat = linearPredictions(c.X, c.w, c.b);
        const norm = Math.hypot(...c.y.map((yn, n) => yn - yHat[n]!));
        // An N-term sum of squares (or hypot's scaled sum and square root, then squared); terms ≤ ‖r‖².
        return agreement(meanSquaredError(c.y, yHat, 'unhalved'), norm ** 2 / c.N,
          tolerance({ dtypes: ['float64', 'float64'], operations: c.N + 4, scale: norm ** 2 / c.N }));
      }),
    }),
  ],
});
