import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { notAbove } from '../../engine/close.ts';
import { PRINTED_F64 } from '../../engine/labels.ts';
import { between, real } from '../../domains/index.ts';

const loss = (y: number, yHat: number) => (y - yHat) ** 2; // unhalved; the ½ convention halves the bound
const probabilities = fc.record({ y: between(0, 1), yHat: between(0, 1) });
// Regression targets and predictions (4.3.1 has y, ŷ ∈ ℝ): errors up to 2·10³.
const reals = fc.record({ y: real(1000), yHat: real(1000) });
// The supremum over [0, 1]² is 1, attained at |y − ŷ| = 1; one float64 subtraction and square.
const BOUND = 1;
const rounding = tolerance({ dtypes: ['float64', 'float64'], operations: 2, scale: 1 });

export default defineItem({
  id: 'mse-penalty-bounded', kind: 'claim', section: '4.3.2',
  quote: '均方误差对极端错误的惩罚是有限的（二次增长）',
  statement: 'The MSE penalty of an extreme error is bounded: (y − ŷ)² ≤ 1 (½ with the ½ convention), although it grows quadratically in the error.',
  condition: 'Targets and predictions are probabilities in [0, 1] (the classification setting of this paragraph). For real-valued regression outputs the quadratic growth makes the penalty unbounded.',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'y, ŷ ∈ [0, 1]: (y − ŷ)² ≤ 1', role: 'condition', oracle: PRINTED_F64, arbitrary: probabilities, runs: 'default',
      evaluate: (cases) => cases.map(({ y, yHat }) => notAbove(loss(y, yHat), BOUND, rounding)),
    }),
    check({
      name: 'y, ŷ ∈ [0, 1]: the bound is attained at y = 1, ŷ = 0', role: 'condition', oracle: PRINTED_F64, arbitrary: fc.constant({ y: 1, yHat: 0 }), runs: 1,
      evaluate: (cases) => cases.map(({ y, yHat }) => ({ value: Math.abs(loss(y, yHat) - BOUND), bound: rounding })),
    }),
    check({
      name: 'y, ŷ ∈ [−10³, 10³]: (y − ŷ)² ≤ 1', role: 'outside-condition', oracle: PRINTED_F64, arbitrary: reals, runs: 'default',
      evaluate: (cases) => cases.map(({ y, yHat }) => notAbove(loss(y, yHat), BOUND, rounding)),
    }),
  ],
});
