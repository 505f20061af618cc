import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsTwoClass, twoClassCeTolerance, twoClassMseTolerance } from '../../support/twoClass.ts';
import { RATIOS, TWO_CLASS } from '../../support/twoClassNumbers.ts';
import { num, t } from '../../engine/text.ts';

// p̂ = 0.1 (prediction error 0.9) and p̂ = 0.9 (error 0.1), as in the text.
const TEXT_POINTS = [0.1, 0.9];
const points = fc.constant(TEXT_POINTS);
/** Relative error of a ratio a/b of two computed values: the sum of their relative errors. */
const ratioTolerance = (a: number, ta: number, b: number, tb: number) => (a / b) * (ta / a + tb / b);

function measured(ctx: RunContext) {
  const mse = tfjsTwoClass(ctx, TEXT_POINTS, 'mse').values, ce = tfjsTwoClass(ctx, TEXT_POINTS, 'ce').values;
  const [m1, m9] = mse as [number, number], [c1, c9] = ce as [number, number];
  const d = ctx.dtypes;
  const tm1 = twoClassMseTolerance(0.1, d), tm9 = twoClassMseTolerance(0.9, d), tc1 = twoClassCeTolerance(0.1, d), tc9 = twoClassCeTolerance(0.9, d);
  return { m1, m9, c1, c9, tm1, tm9, tc1, tc9, mseRatio: m1 / m9, ceRatio: c1 / c9,
    ratioTol: ratioTolerance(m1, tm1, m9, tm9) + ratioTolerance(c1, tc1, c9, tc9) };
}

export default defineItem({
  id: 'mse-rates-errors-alike', kind: 'claim', section: '4.3.3',
  quote: '均方误差认为0.1的预测误差和0.9的预测误差在"严重程度"上是相近的',
  statement: 'MSE rates the prediction errors 0.1 (p̂ = 0.9) and 0.9 (p̂ = 0.1) as similarly severe, in contrast to CE, which rates p̂ = 0.1 as much worse.',
  reading: 'The sentence says where each prediction stands on MSE’s own scale, and contrasts that with CE. First, absolutely, free of any choice of '
    + 'measure: MSE is bounded, so each value has a place between no loss and the largest loss, and “相近” asks that the two places be close; '
    + 'the claim check holds the place of p̂ = 0.1 to that of p̂ = 0.9, with no threshold for “相近”: its margin is the factor between them. Then the '
    + 'contrast, with one measure on both sides: MSE separates the two predictions by a smaller factor L(0.1)/L(0.9) than CE does. The ratio is unit-free '
    + '(a loss is defined up to a positive factor: the ½ of 4.3.1, the base of the log), which a difference of loss values is not.',
  errata: ['mse-quadratic-read-as-linear'],
  notes: t`Second reading: the ratio comparison depends on choosing the ratio as the measure; the measure-free refutation is the absolute one. Settled: the claim check is now the absolute one — L_MSE(0.1) = ${num(TWO_CLASS.mseAt01, 3)} is ${num(TWO_CLASS.mseAt01 / TWO_CLASS.mseMax, { percent: true })} of the largest MSE, ${num(TWO_CLASS.mseMax, 1)}, and L_MSE(0.9) = ${num(TWO_CLASS.mseAt09, 1)} is ${num(TWO_CLASS.mseAt09 / TWO_CLASS.mseMax, { percent: true })} — and the ratio comparison (${num(RATIOS.mse, 2)} against CE’s ${num(RATIOS.ce, 4)}) is a further claim check. By differences the sentence would look right: L_MSE(0.1) − L_MSE(0.9) = ${num(TWO_CLASS.mseAt01 - TWO_CLASS.mseAt09, 3)} against L_CE(0.1) − L_CE(0.9) = ${num(TWO_CLASS.ceAt01 - TWO_CLASS.ceAt09, 4)} in nats; but differences carry the units: with base-ten logarithms the CE difference is ${num((TWO_CLASS.ceAt01 - TWO_CLASS.ceAt09) / Math.LN10, 3)}, below the MSE’s, and the order flips (with the ½ of 4.3.1 the MSE difference is ${num((TWO_CLASS.mseAt01 - TWO_CLASS.mseAt09) / 2, 3)}), which is why the absolute place and the ratio are the measures used.`,
  correction: {
    statement: t`MSE places p̂ = 0.1 at ${num(TWO_CLASS.mseAt01 / TWO_CLASS.mseMax, { percent: true })} of its largest value and p̂ = 0.9 at ${num(TWO_CLASS.mseAt09 / TWO_CLASS.mseMax, { percent: true })}: it rates p̂ = 0.1 as ${num(RATIOS.mse, 2)} times worse than p̂ = 0.9 (${num(TWO_CLASS.mseAt01, 3)} vs ${num(TWO_CLASS.mseAt09, 1)}), a larger factor than CE’s ${num(RATIOS.ce, 3)} (${num(TWO_CLASS.ceAt01, 4)} vs ${num(TWO_CLASS.ceAt09, 3)}): both losses separate the two predictions strongly, MSE more. The contrast the sentence draws fits the Euclidean distance √L, whose factor is ${num(RATIOS.distance, 1)}, not the MSE, its square. The real difference is in the tail: MSE is bounded (at most ${num(TWO_CLASS.mseMax, 1)}, at p̂ = 0), CE grows without bound as p̂ → 0.`,
    latex: `\\frac{L_{MSE}(0.1)}{L_{MSE}(0.9)} = ${RATIOS.mse.toPrecision(2)} > \\frac{L_{CE}(0.1)}{L_{CE}(0.9)} = ${RATIOS.ce.toPrecision(3)} > \\frac{\\sqrt{L_{MSE}(0.1)}}{\\sqrt{L_{MSE}(0.9)}} = ${RATIOS.distance.toPrecision(1)}`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'absolutely: on MSE’s scale [0, L_max] the place of p̂ = 0.1 is no higher than that of p̂ = 0.9, L(0.1)/L_max ≤ L(0.9)/L_max (the margin is the factor between them; tfjs)',
      role: 'claim', reference: 'tfjs-grad', arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        const top = tfjsTwoClass(ctx, [0], 'mse').values[0]!;
        // Each place carries the relative errors of its two float32 values.
        const tol = (m.m1 / top) * (m.tm1 / m.m1 + twoClassMseTolerance(0, ctx.dtypes) / top) + (m.m9 / top) * (m.tm9 / m.m9 + twoClassMseTolerance(0, ctx.dtypes) / top);
        return { value: m.m1 / top, bound: m.m9 / top + tol,
          note: `L(0.1) = ${m.m1.toPrecision(4)} is ${(100 * m.m1 / top).toPrecision(3)}% of L_max = ${top}, L(0.9) = ${m.m9.toPrecision(4)} is ${(100 * m.m9 / top).toPrecision(3)}%` };
      }),
    }),
    check({
      name: 'against CE, one measure on both sides: L_MSE(0.1)/L_MSE(0.9) ≤ L_CE(0.1)/L_CE(0.9) (tfjs)', role: 'claim', reference: 'tfjs-grad', arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return { value: m.mseRatio - m.ceRatio, bound: m.ratioTol, note: `MSE ratio ${m.mseRatio.toPrecision(4)}, CE ratio ${m.ceRatio.toPrecision(4)}` };
      }),
    }),
    check({
      name: 'correction: the four loss values are those of 2(1 − p̂)² and −log p̂ (tfjs vs impl)', role: 'correction', reference: ['tfjs-grad', 'impl'], arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return agreement([m.m1, m.m9, m.c1, m.c9], [TWO_CLASS.mseAt01, TWO_CLASS.mseAt09, TWO_CLASS.ceAt01, TWO_CLASS.ceAt09], Math.max(m.tm1, m.tm9, m.tc1, m.tc9));
      }),
    }),
    check({
      name: 'correction: the MSE ratio and the CE ratio (tfjs vs impl)', role: 'correction', reference: ['tfjs-grad', 'impl'], arbitrary: points, runs: 1,
      evaluate: (cases, ctx) => cases.map(() => {
        const m = measured(ctx);
        return agreement([m.mseRatio, m.ceRatio], [RATIOS.mse, RATIOS.ce], m.ratioTol);
      }),
    }),
    check({
      name: 'correction: the Euclidean distance √L separates them by a smaller factor than CE (tfjs)', role: 'correction', reference: 'tfjs-grad', arbitrary: points, runs: 1,
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
