import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, notBelow } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { real } from '../../domains/index.ts';
import { squaredError } from '../../../impl/index.ts';

const pairs = fc.record({ y: real(10), yHat: real(10) });
const perfect = fc.constant({ y: 1, yHat: 1 });
const conventions = ['half', 'unhalved'] as const;

export default defineItem({
  id: 'mse-bounded-below', kind: 'claim', section: '4.3.2',
  quote: String.raw`即使模型完全正确分类（对于二分类$y=1,\hat{y}=1$），损失也不会趋于$-\infty$，它有一个下界`,
  statement: 'The MSE is bounded below, by 0, and does not tend to −∞ even for a perfect prediction: a perfect binary prediction (y = 1, ŷ = 1) attains the bound 0.',
  notes: 'The lower bound is not what sets MSE apart from cross-entropy, which is bounded below by 0 as well (ce-boundary-limits); the sentence does not claim it is.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'impl squaredError(y, ŷ) ≥ 0 for all y, ŷ ∈ [−10, 10], both conventions', role: 'claim', reference: 'impl', arbitrary: pairs, runs: 'default',
      // A sum of squares is ≥ 0 exactly, and a correctly rounded square of a float64 is never negative: no allowance.
      evaluate: (cases) => cases.map(({ y, yHat }) => {
        const least = Math.min(...conventions.map((c) => squaredError(y, yHat, c)));
        return notBelow(least, 0, 0, `min over conventions ${least.toExponential(2)}`);
      }),
    }),
    check({
      name: 'y = 1, ŷ = 1 attains L = 0 (impl, both conventions)', role: 'claim', reference: 'impl', arbitrary: perfect, runs: 1,
      evaluate: (cases, ctx) => cases.map(({ y, yHat }) => agreement(conventions.map((c) => squaredError(y, yHat, c)), [0, 0],
        tolerance({ dtypes: ctx.dtypes, operations: 3, scale: 1 }))),
    }),
  ],
});
