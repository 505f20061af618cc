import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { tfjsTwoClass, twoClassCeTolerance, twoClassMseTolerance } from '../../support/twoClass.ts';

// p̂ = 0.1 (prediction error 0.9) and p̂ = 0.9 (error 0.1), as in the text.
const TEXT_POINTS = [0.1, 0.9];
const points = fc.constant(TEXT_POINTS);
/** Relative error of a ratio a/b of two computed values: the sum of their relative errors. */
const ratioTolerance = (a: number, ta: number, b: number, tb: number) => (a / b) * (ta / a + tb / b);

function measured(ctx: Parameters<typeof tfjsTwoClass>[0]) {
  const mse = tfjsTwoClass(ctx, TEXT_POINTS, 'mse').values, ce = tfjsTwoClass(ctx, TEXT_POINTS, 'ce').values;
  const [m1, m9] = mse as [number, number], [c1, c9] = ce as [number, number];
  const tm1 = twoClassMseTolerance(0.1), tm9 = twoClassMseTolerance(0.9), tc1 = twoClassCeTolerance(0.1), tc9 = twoClassCeTolerance(0.9);
  return { m1, m9, c1, c9, tm1, tm9, tc1, tc9, mseRatio: m1 / m9, ceRatio: c1 / c9,
    ratioTol: ratioTolerance(m1, tm1, m9, tm9) + ratioTolerance(c1, tc1, c9, tc9) };
}

export default defineItem({
  id: 'mse-rates-errors-alike', kind: 'claim', section: '4.3.3',
  quote: '均方误差认为0.1的预测误差和0.9的预测误差在"严重程度"上是相近的',
  statement: 'MSE rates the prediction errors 0.1 (p̂ = 0.9) and 0.9 (p̂ = 0.1) as similarly severe, in contrast to CE, which rates p̂ = 0.1 as much worse. '
    + '"Similar" is read against that contrast: MSE separates the two predictions by a smaller factor than CE does.',
  correction: {
    statement: 'MSE rates p̂ = 0.1 as 81 times worse than p̂ = 0.9 (1.62 vs 0.02), a larger factor than CE’s 21.9 (2.303 vs 0.105); both losses '
      + 'separate the two predictions strongly. The real difference is in the tail: MSE is bounded (at most 2, at p̂ = 0), CE grows without bound as p̂ → 0.',
    latex: String.raw`\frac{L_{MSE}(0.1)}{L_{MSE}(0.9)} = \frac{1.62}{0.02} = 81 > \frac{L_{CE}(0.1)}{L_{CE}(0.9)} = \frac{2.303}{0.1054} = 21.9`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'L_MSE(0.1)/L_MSE(0.9) ≤ L_CE(0.1)/L_CE(0.9) (tfjs)', role: 'claim', oracle: tfjsGrad, arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return { value: m.mseRatio - m.ceRatio, bound: m.ratioTol, note: `MSE ratio ${m.mseRatio.toPrecision(4)}, CE ratio ${m.ceRatio.toPrecision(4)}` };
      }),
    }),
    check({
      name: 'correction: L_MSE = 1.62, 0.02 and L_CE = ln 10, ln(10/9) at p̂ = 0.1, 0.9 (tfjs)', role: 'correction', oracle: tfjsGrad, arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return agreement([m.m1, m.m9, m.c1, m.c9], [2 * 0.9 ** 2, 2 * 0.1 ** 2, Math.log(10), Math.log(10 / 9)], Math.max(m.tm1, m.tm9, m.tc1, m.tc9));
      }),
    }),
    check({
      name: 'correction: the MSE ratio is 81, the CE ratio 21.85 (tfjs)', role: 'correction', oracle: tfjsGrad, arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return agreement([m.mseRatio, m.ceRatio], [81, Math.log(10) / Math.log(10 / 9)], m.ratioTol);
      }),
    }),
  ],
});
