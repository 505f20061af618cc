import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { real } from '../../domains/index.ts';
import { squaredError } from '../../../impl/index.ts';

const points = fc.record({ y: real(10), yHat: real(10) });

export default defineItem({
  id: 'mse-convex-unique-minimum', kind: 'claim', section: '4.3.1',
  quote: String.raw`且具有唯一的全局最小值`,
  statement: 'The MSE ½(y − ŷ)², as a function of the prediction ŷ, has a unique global minimum, at ŷ = y.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'L(y, y) = 0 and L(y, ŷ) > 0 for every ŷ ≠ y (exact)', role: 'claim', reference: 'impl', arbitrary: points, runs: 'default',
      evaluate: (cases) => cases.map(({ y, yHat }) => {
        const atMinimum = squaredError(y, y, 'half');
        const elsewhere = yHat === y ? 1 : squaredError(y, yHat, 'half');
        // Exact comparisons: 0 is exact at ŷ = y, and a non-zero float difference squares to a positive number here.
        return { value: atMinimum === 0 && elsewhere > 0 ? 0 : 1, bound: 0 };
      }),
    }),
  ],
});
