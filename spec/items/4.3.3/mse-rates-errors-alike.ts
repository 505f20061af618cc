import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { tfjsTwoClass, twoClassCeTolerance, twoClassMseTolerance } from '../../support/twoClass.ts';
import { RATIOS, TWO_CLASS } from '../../support/twoClassNumbers.ts';
import { num, t } from '../../engine/text.ts';

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
  statement: 'MSE rates the prediction errors 0.1 (p̂ = 0.9) and 0.9 (p̂ = 0.1) as similarly severe, in contrast to CE, which rates p̂ = 0.1 as much worse.',
  reading: 'The sentence contrasts the two losses, so “相近” (similar) is read against that contrast, with one measure on both sides: MSE separates '
    + 'the two predictions by a smaller factor L(0.1)/L(0.9) than CE does. The ratio is the measure because it is unit-free: a loss is defined up '
    + 'to a positive factor (the ½ of 4.3.1, the base of the log), which a difference of loss values is not free of.',
  errata: ['mse-quadratic-read-as-linear'],
  notes: t`By differences the comparison turns on the units: L_MSE(0.1) − L_MSE(0.9) = ${num(TWO_CLASS.mseAt01 - TWO_CLASS.mseAt09, 3)} (${num((TWO_CLASS.mseAt01 - TWO_CLASS.mseAt09) / 2, 3)} with the ½ of 4.3.1) against L_CE(0.1) − L_CE(0.9) = ${num(TWO_CLASS.ceAt01 - TWO_CLASS.ceAt09, 3)} in nats but ${num((TWO_CLASS.ceAt01 - TWO_CLASS.ceAt09) / Math.LN10, 3)} with base-ten logarithms, so the order flips with the base of the log; the ratios do not move. And by any measure the MSE of p̂ = 0.1 is not similar to that of p̂ = 0.9: it is ${num(TWO_CLASS.mseAt01 / TWO_CLASS.mseMax, { percent: true })} of the largest MSE, against ${num(TWO_CLASS.mseAt09 / TWO_CLASS.mseMax, { percent: true })}.`,
  correction: {
    statement: t`MSE rates p̂ = 0.1 as ${num(RATIOS.mse, 2)} times worse than p̂ = 0.9 (${num(TWO_CLASS.mseAt01, 3)} vs ${num(TWO_CLASS.mseAt09, 1)}), a larger factor than CE’s ${num(RATIOS.ce, 3)} (${num(TWO_CLASS.ceAt01, 4)} vs ${num(TWO_CLASS.ceAt09, 3)}): both losses separate the two predictions strongly, MSE more. The contrast the sentence draws fits the Euclidean distance √L, whose factor is ${num(RATIOS.distance, 1)}, not the MSE, its square. The real difference is in the tail: MSE is bounded (at most ${num(TWO_CLASS.mseMax, 1)}, at p̂ = 0), CE grows without bound as p̂ → 0.`,
    latex: `\\frac{L_{MSE}(0.1)}{L_{MSE}(0.9)} = ${RATIOS.mse.toPrecision(2)} > \\frac{L_{CE}(0.1)}{L_{CE}(0.9)} = ${RATIOS.ce.toPrecision(3)} > \\frac{\\sqrt{L_{MSE}(0.1)}}{\\sqrt{L_{MSE}(0.9)}} = ${RATIOS.distance.toPrecision(1)}`,
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
      name: 'correction: the four loss values are those of 2(1 − p̂)² and −log p̂ (tfjs vs impl)', role: 'correction', oracle: tfjsGrad, arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return agreement([m.m1, m.m9, m.c1, m.c9], [TWO_CLASS.mseAt01, TWO_CLASS.mseAt09, TWO_CLASS.ceAt01, TWO_CLASS.ceAt09], Math.max(m.tm1, m.tm9, m.tc1, m.tc9));
      }),
    }),
    check({
      name: 'correction: the MSE ratio and the CE ratio (tfjs vs impl)', role: 'correction', oracle: tfjsGrad, arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return agreement([m.mseRatio, m.ceRatio], [RATIOS.mse, RATIOS.ce], m.ratioTol);
      }),
    }),
    check({
      name: 'correction: the Euclidean distance √L separates them by a smaller factor than CE (tfjs)', role: 'correction', oracle: tfjsGrad, arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        // √ halves the relative error of each MSE value (both far from 0 here).
        const distanceRatio = Math.sqrt(m.m1 / m.m9);
        return { value: distanceRatio - m.ceRatio, bound: distanceRatio * (m.tm1 / m.m1 + m.tm9 / m.m9) / 2 + ratioTolerance(m.c1, m.tc1, m.c9, m.tc9),
          note: `distance ratio ${distanceRatio.toPrecision(4)}, CE ratio ${m.ceRatio.toPrecision(4)}` };
      }),
    }),
  ],
});
