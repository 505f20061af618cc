import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { given, num, t } from '../../engine/text.ts';
import { twoClassPrediction } from '../../domains/index.ts';
import { tfjsTwoClass, twoClassCeTolerance } from '../../support/twoClass.ts';

const TEXT_POINTS = [1, 0.5, 0];
// Two predictions a < b of the true class (swapped into order).
const orderedPairs = fc.tuple(twoClassPrediction(), twoClassPrediction()).filter(([a, b]) => a !== b)
  .map(([a, b]) => (a < b ? { a, b } : { a: b, b: a }));
// float32 slope −1/p̂: rounding p̂ relatively by u moves it relatively by u; a reciprocal rounds once.
const slopeTolerance = (q: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: 3, scale: 1 / q });

export default defineItem({
  id: 'two-class-ce-unbounded-accelerating', kind: 'claim', section: '4.3.3',
  quote: String.raw`交叉熵从 0 增加到$+\infty$，变化是**不对称且加速的**——随着$\hat{p}$接近 0，损失增长越来越快`,
  statement: t`As p̂ falls from 1 to 0, −log p̂ rises from 0 to +∞, asymmetrically (by ln 2 = ${num(Math.LN2, 4)} over [1, ${given(0.5)}], without bound over [${given(0.5)}, 0]) and ever faster: its slope −1/p̂ grows in magnitude as p̂ → 0.`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'L(1) = 0, L(0.5) = ln 2, L(0) = +∞ (tfjs)', role: 'claim', reference: 'tfjs-grad', arbitrary: fc.constant(TEXT_POINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => {
        const { values } = tfjsTwoClass(ctx, qs, 'ce');
        return agreement(values, [0, Math.LN2, Infinity], twoClassCeTolerance(0.5, ctx.dtypes), `L = ${values.join(', ')}`);
      }),
    }),
    check({
      name: 'accelerating: |dL/dp̂| at a is larger than at b whenever a < b (tfjs)', role: 'claim', reference: 'tfjs-grad', arbitrary: orderedPairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const { slopes } = tfjsTwoClass(ctx, cases.flatMap(({ a, b }) => [a, b]), 'ce');
        return cases.map(({ a, b }, k) => ({ value: Math.abs(slopes[2 * k + 1]!) - Math.abs(slopes[2 * k]!),
          bound: slopeTolerance(a, ctx.dtypes) + slopeTolerance(b, ctx.dtypes), note: `|L'(${a})| = ${Math.abs(slopes[2 * k]!)}, |L'(${b})| = ${Math.abs(slopes[2 * k + 1]!)}` }));
      },
    }),
    check({
      name: 'tfjs slope = −1/p̂', role: 'support', reference: ['tfjs-grad', 'closed-form'], arbitrary: twoClassPrediction(), runs: 'default',
      evaluate: (cases, ctx) => {
        const { slopes } = tfjsTwoClass(ctx, cases, 'ce');
        return cases.map((q, b) => agreement(slopes[b]!, -1 / q, slopeTolerance(q, ctx.dtypes)));
      },
    }),
  ],
});
