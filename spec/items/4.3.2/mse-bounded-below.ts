import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, PRINTED_F64 } from '../../engine/labels.ts';
import { real } from '../../domains/index.ts';
import { squaredError } from '../../../impl/index.ts';

const pairs = fc.record({ y: real(10), yHat: real(10) });
const perfect = fc.constant({ y: 1, yHat: 1 });

export default defineItem({
  id: 'mse-bounded-below', kind: 'claim', section: '4.3.2',
  quote: String.raw`损失也不会趋于$-\infty$，它有一个下界`,
  statement: 'The MSE is bounded below (by 0) and does not tend to −∞; a perfect binary prediction (y = 1, ŷ = 1) attains the bound.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the negative part of (y − ŷ)² is 0 for all y, ŷ ∈ [−10, 10]', role: 'claim', oracle: PRINTED_F64, arbitrary: pairs, runs: 'default',
      // A float64 square is never negative, so the comparison is exact.
      evaluate: (cases) => cases.map(({ y, yHat }) => ({ value: Math.max(0, -((y - yHat) ** 2)), bound: 0 })),
    }),
    check({
      name: 'y = 1, ŷ = 1 attains L = 0 (impl, both conventions)', role: 'claim', oracle: IMPL_F64, arbitrary: perfect, runs: 1,
      evaluate: (cases) => cases.map(({ y, yHat }) => agreement([squaredError(y, yHat, 'half'), squaredError(y, yHat, 'unhalved')], [0, 0],
        tolerance({ dtypes: ['float64', 'float64'], operations: 3, scale: 1 }))),
    }),
  ],
});
