import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { notAbove } from '../../engine/close.ts';
import { between, binaryLabel } from '../../domains/index.ts';
import { squaredError } from '../../../impl/index.ts';

// Targets and predictions of the paragraph's classification setting: labels or soft targets, and
// probabilities in [0, 1].
const probabilities = fc.record({ y: fc.oneof(binaryLabel(), between(0, 1)), yHat: between(0, 1) });
// The most extreme error of a binary label: ŷ at the wrong end.
const extreme = fc.constantFrom({ y: 1, yHat: 0 }, { y: 0, yHat: 1 });
// The supremum over [0, 1]² is c (c = ½ or 1), attained at |y − ŷ| = 1; one float64 subtraction, square and halving.
const rounding = (dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: 3, scale: 1 });
const conventions = [['half', 0.5], ['unhalved', 1]] as const;

export default defineItem({
  id: 'mse-penalty-bounded', kind: 'claim', section: '4.3.2',
  quote: '均方误差对极端错误的惩罚是有限的（二次增长）',
  statement: 'The MSE penalty of an extreme error is bounded: c(y − ŷ)² ≤ c for y, ŷ ∈ [0, 1] (c = ½ with the ½ of 4.3.13, c = 1 without it), the bound reached by the most extreme error |y − ŷ| = 1, although the penalty grows quadratically in the error.',
  reading: 'The paragraph is about classification: predictions near 0 or 1 ("概率接近 0 或 1"), binary labels ("对于二分类"), and it sets the MSE against the cross-entropy\'s −log p̂ → +∞. So the errors are those of probabilities, |y − ŷ| ≤ 1. For a real-valued regression target (4.3.1 has y, ŷ ∈ ℝ) the quadratic growth is unbounded; the sentence does not speak of that case.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'y, ŷ ∈ [0, 1]: impl squaredError ≤ c, both conventions', role: 'claim', reference: 'impl', arbitrary: probabilities, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ y, yHat }) => {
        const worst = conventions.map(([name, c]) => squaredError(y, yHat, name) - c).reduce((a, b) => Math.max(a, b));
        return notAbove(worst, 0, rounding(ctx.dtypes));
      }),
    }),
    check({
      name: 'the most extreme error (y = 1, ŷ = 0 or y = 0, ŷ = 1) reaches c, both conventions', role: 'claim', reference: 'impl', arbitrary: extreme, runs: 2,
      evaluate: (cases, ctx) => cases.map(({ y, yHat }) => ({
        value: Math.max(...conventions.map(([name, c]) => Math.abs(squaredError(y, yHat, name) - c))), bound: rounding(ctx.dtypes),
      })),
    }),
  ],
});
