import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { sigmoidUnitSample, type SigmoidUnitSample } from '../../domains/index.ts';
import { logitOf, tfjsUnit, unitTolerance } from '../../support/sigmoidUnit.ts';

/** 4.3.15 as printed: L = −[y log ŷ + (1−y) log(1−ŷ)], here with ŷ = σ(wᵀx) as in the paragraph. */
function printed(c: SigmoidUnitSample): number {
  const yHat = 1 / (1 + Math.exp(-logitOf(c)));
  return -(c.y * Math.log(yHat) + (1 - c.y) * Math.log(1 - yHat));
}
// |wᵀx| ≤ 10 keeps 1 − ŷ ≥ 4.5e-5, so the printed form (which forms 1 − ŷ) stays finite in float64.
const data = sigmoidUnitSample(1);

/** The printed form forms 1 − ŷ from a rounded ŷ: relative error u·(1 + e^{|z|}) in it, absolute in its log. */
const printedTolerance = (c: SigmoidUnitSample) => tolerance({
  dtypes: ['float64', 'float64'], operations: c.d + elementary(3) + 4, scale: 1 + Math.abs(logitOf(c)), condition: 1 + Math.exp(Math.abs(logitOf(c))),
});

export default defineItem({
  id: '4.3.15', kind: 'formula', section: '4.3.2', definition: true,
  quote: String.raw`L_{CE} = -[y \log \hat{y} + (1-y) \log (1-\hat{y})]\tag{4.3.15}`,
  printed: String.raw`L_{CE} = -[y \log \hat{y} + (1-y) \log (1-\hat{y})]`,
  statement: 'Defines the binary cross-entropy of a sigmoid output ŷ = σ(wᵀx), L = −[y log ŷ + (1−y) log(1−ŷ)], for one sample.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed ↔ tfjs value (softplus form)', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'cross-entropy');
        // The value is at most 1 + |z|; the float64 printed side adds its own 1 − ŷ error (a second part, float64 only).
        return cases.map((c, b) => agreement(printed(c), reference[b]!.value,
          unitTolerance(c, 1 + Math.abs(logitOf(c)), ctx.dtypes) + printedTolerance(c)));
      },
    }),
    check({
      name: 'binaryCrossEntropyFromLogit ↔ tfjs value (softplus form)', role: 'subject', subject: 'binaryCrossEntropyFromLogit',
      reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'cross-entropy');
        return cases.map((c, b) => agreement(ctx.subject.api.binaryCrossEntropyFromLogit!(c.y, logitOf(c)), reference[b]!.value,
          unitTolerance(c, 1 + Math.abs(logitOf(c)), ctx.dtypes)));
      },
    }),
  ],
});
