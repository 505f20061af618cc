import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { twoClassPrediction } from '../../domains/index.ts';
import { given, num, t } from '../../engine/text.ts';
import { tfjsTwoClass, twoClassCeTolerance } from '../../support/twoClass.ts';
import { RATIOS, TWO_CLASS } from '../../support/twoClassNumbers.ts';

const TEXT_POINTS = [0.1, 0.9];

export default defineItem({
  id: 'ce-rates-low-prediction-worse', kind: 'claim', section: '4.3.3',
  quote: '而交叉熵认为$\\hat{p}=0.1$比$\\hat{p}=0.9$严重得多（因为真实类别是1，预测0.1比预测0.9更"离谱"）',
  statement: t`Cross-entropy rates p̂ = 0.1 as much worse than p̂ = 0.9, because the true class is 1: L_CE(0.1) = ${num(TWO_CLASS.ceAt01, 4)} is ${num(RATIOS.ce, 3)} times L_CE(0.9) = ${num(TWO_CLASS.ceAt09, 3)}, and −log p̂ grows strictly as the probability of the true class falls.`,
  reading: 'Measured as the MSE side of the sentence is, by the ratio of the two losses, with no threshold for “much”: the claim check asks only that '
    + 'p̂ = 0.1 be rated worse, and its margin is the measured factor. Whether that factor is large in contrast with MSE, as the sentence implies, '
    + 'is item mse-rates-errors-alike (refuted: MSE’s factor is larger).',
  notes: t`Re-read as charitable, not generous: the former check required a factor of at least ${given(10)}, a threshold the item had chosen; and the quote now includes the reason the sentence gives.`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'L_CE(0.1)/L_CE(0.9) ≥ 1: p̂ = 0.1 rated worse (the margin is the factor; tfjs)', role: 'claim', reference: 'tfjs-grad', arbitrary: fc.constant(TEXT_POINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => {
        const [c1, c9] = tfjsTwoClass(ctx, qs, 'ce').values as [number, number];
        // The ratio's own float32 error (relative errors of both values added) is subtracted before comparing.
        const ratio = c1 / c9, err = ratio * (twoClassCeTolerance(0.1, ctx.dtypes) / c1 + twoClassCeTolerance(0.9, ctx.dtypes) / c9);
        return { value: ratio - err, bound: 1, sense: 'atLeast' as const, note: `L(0.1) = ${c1.toPrecision(4)}, L(0.9) = ${c9.toPrecision(4)}, ratio ${ratio.toPrecision(4)}` };
      }),
    }),
    check({
      name: 'the reason: a lower probability of the true class is always rated worse, dL/dp̂ < 0 on (0, 1) (tfjs)', role: 'claim', reference: 'tfjs-grad',
      arbitrary: twoClassPrediction(), runs: 'default',
      evaluate: (cases, ctx) => {
        const { slopes } = tfjsTwoClass(ctx, cases, 'ce');
        // The slope −1/p̂ is at most −1; it must lie below 0 by more than a float32 rounding of a quantity of size 1 + |log p̂|.
        return cases.map((q, b) => ({ value: slopes[b]!, bound: -twoClassCeTolerance(q, ctx.dtypes), note: `L'(${q}) = ${slopes[b]}` }));
      },
    }),
    check({
      name: 'the stated values L_CE(0.1), L_CE(0.9) (impl, in the statement) ↔ tfjs −log p̂', role: 'support', reference: ['tfjs-grad', 'impl'], arbitrary: fc.constant(TEXT_POINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => agreement(tfjsTwoClass(ctx, qs, 'ce').values, [TWO_CLASS.ceAt01, TWO_CLASS.ceAt09], Math.max(...qs.map((q) => twoClassCeTolerance(q, ctx.dtypes))))),
    }),
    check({
      name: 'subject crossEntropy((1, 0), (p̂, 1 − p̂)) ↔ tfjs −log p̂, at the text’s points and across (0, 1)', role: 'subject', subject: 'crossEntropy', reference: 'tfjs-grad',
      arbitrary: fc.oneof(fc.constantFrom(...TEXT_POINTS), twoClassPrediction()), runs: 'default',
      evaluate: (cases, ctx) => {
        const { values } = tfjsTwoClass(ctx, cases, 'ce');
        return cases.map((q, b) => agreement(ctx.subject.api.crossEntropy!([1, 0], [q, 1 - q]), values[b]!, twoClassCeTolerance(q, ctx.dtypes)));
      },
    }),
  ],
});
