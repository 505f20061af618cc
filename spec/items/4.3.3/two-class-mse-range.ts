import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { twoClassPrediction } from '../../domains/index.ts';
import { tfjsTwoClass, twoClassMseSlopeTolerance, twoClassMseTolerance } from '../../support/twoClass.ts';

const ENDPOINTS = [1, 0];

export default defineItem({
  id: 'two-class-mse-range', kind: 'claim', section: '4.3.3',
  quote: '均方误差从0增加到 2',
  statement: 'As p̂ decreases from 1 to 0, the two-class MSE 2(1 − p̂)² increases monotonically from 0 to 2.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'L(1) = 0 and L(0) = 2 (tfjs)', role: 'claim', reference: 'tfjs-grad', arbitrary: fc.constant(ENDPOINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => {
        const { values } = tfjsTwoClass(ctx, qs, 'mse');
        return agreement(values, [0, 2], Math.max(...qs.map((q) => twoClassMseTolerance(q, ctx.dtypes))), `L(1) = ${values[0]}, L(0) = ${values[1]}`);
      }),
    }),
    check({
      name: 'dL/dp̂ = −4(1 − p̂) ≤ 0 on [0, 1] (tfjs): L grows as p̂ falls', role: 'claim', reference: 'tfjs-grad',
      arbitrary: fc.oneof(twoClassPrediction(), fc.constantFrom(0, 1)), runs: 'default',
      evaluate: (cases, ctx) => {
        const { slopes } = tfjsTwoClass(ctx, cases, 'mse');
        return cases.map((q, b) => agreement(slopes[b]!, -4 * (1 - q), twoClassMseSlopeTolerance(q, ctx.dtypes)));
      },
    }),
  ],
});
