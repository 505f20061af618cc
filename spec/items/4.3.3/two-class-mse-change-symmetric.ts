import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { between } from '../../domains/index.ts';
import type { Dtype } from '../../engine/tolerance.ts';
import { tfjsTwoClass, twoClassMseTolerance } from '../../support/twoClass.ts';
import { TWO_CLASS } from '../../support/twoClassNumbers.ts';
import { num, t } from '../../engine/text.ts';

// The text's three points, and equal steps of size h from p̂ = 1: 1, 1 − h, 1 − 2h.
const TEXT_POINTS = [1, 0.5, 0];
const steps = between(0.01, 0.5).map((h) => [1, 1 - h, 1 - 2 * h]);
/** The changes of L over the two halves [1, m] and [m, end]. */
const changes = (values: number[]) => [values[1]! - values[0]!, values[2]! - values[1]!] as const;
const tolOf = (qs: number[], dtypes: readonly [Dtype, Dtype]) => 2 * Math.max(...qs.map((q) => twoClassMseTolerance(q, dtypes)));

export default defineItem({
  id: 'two-class-mse-change-symmetric', kind: 'claim', section: '4.3.3',
  quote: String.raw`变化是**对称的**（$\hat{p}$从1到0.5的变化量等于0.5到0的变化量）`,
  statement: 'Along p̂ = 1 → 0, the change of the two-class MSE is symmetric: its increase from p̂ = 1 to 0.5 equals its increase from 0.5 to 0.',
  correction: {
    statement: t`The increase is ${num(TWO_CLASS.mseChangeFirst, 1)} from p̂ = 1 to 0.5 and ${num(TWO_CLASS.mseChangeSecond, 2)} from 0.5 to 0, ${num(TWO_CLASS.mseChangeSecond / TWO_CLASS.mseChangeFirst, 1)} times as much: 2(1 − p̂)² is quadratic in the error 1 − p̂, so of two equal steps from p̂ = 1 the second adds three times what the first did (the MSE’s growth accelerates too). What changes by equal amounts is the Euclidean distance √L = √2(1 − p̂), which is linear in the error. What sets MSE apart from CE here is that it stays bounded (≤ 2), not that it is symmetric.`,
    latex: String.raw`L(0.5) - L(1) = ` + `${TWO_CLASS.mseChangeFirst}` + String.raw`,\quad L(0) - L(0.5) = ` + `${TWO_CLASS.mseChangeSecond}`
      + String.raw`;\quad L(1-2h) - L(1-h) = 3\,[L(1-h) - L(1)];\quad \sqrt{L(0.5)} - \sqrt{L(1)} = \sqrt{L(0)} - \sqrt{L(0.5)}`,
  },
  errata: ['mse-quadratic-read-as-linear'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'L(0.5) − L(1) = L(0) − L(0.5) (tfjs)', role: 'claim', reference: 'tfjs-grad', arbitrary: fc.constant(TEXT_POINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => {
        const [first, second] = changes(tfjsTwoClass(ctx, qs, 'mse').values);
        return agreement(first, second, tolOf(qs, ctx.dtypes), `changes ${first} and ${second}`);
      }),
    }),
    check({
      name: 'correction: the changes are those of 2(1 − p̂)² (impl), 0.5 and 1.5 (tfjs)', role: 'correction', reference: ['tfjs-grad', 'impl'], arbitrary: fc.constant(TEXT_POINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => agreement([...changes(tfjsTwoClass(ctx, qs, 'mse').values)], [TWO_CLASS.mseChangeFirst, TWO_CLASS.mseChangeSecond], tolOf(qs, ctx.dtypes))),
    }),
    check({
      name: 'correction: over equal steps h from p̂ = 1 the second change is 3× the first (tfjs)', role: 'correction', reference: 'tfjs-grad',
      arbitrary: steps, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsTwoClass(ctx, cases.flat(), 'mse').values;
        return cases.map((qs, b) => {
          const [first, second] = changes(values.slice(3 * b, 3 * b + 3));
          return agreement(second, 3 * first, 4 * tolOf(qs, ctx.dtypes));
        });
      },
    }),
    check({
      name: 'correction: the Euclidean distance √L changes by equal amounts over [1, 0.5] and [0.5, 0] (tfjs)', role: 'correction', reference: 'tfjs-grad',
      arbitrary: fc.constant(TEXT_POINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => {
        const [first, second] = changes(tfjsTwoClass(ctx, qs, 'mse').values.map(Math.sqrt));
        // √ halves the relative error of L, but near L = 0 it amplifies an absolute error e to √e: bound by √(tolerance of L).
        return agreement(first, second, 2 * Math.sqrt(tolOf(qs, ctx.dtypes)), `changes ${first} and ${second}`);
      }),
    }),
  ],
});
