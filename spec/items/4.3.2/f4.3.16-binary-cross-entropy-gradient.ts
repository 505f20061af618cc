import { check, defineItem } from '../../engine/item.ts';
import { agreement, magnitude } from '../../engine/close.ts';
import { sigmoidUnitSample, type SigmoidUnitSample } from '../../domains/index.ts';
import { logitOf, tfjsUnit, unitTolerance } from '../../support/sigmoidUnit.ts';

/** 4.3.16 as printed: ∂L/∂w = (ŷ − y) x with ŷ = σ(wᵀx). */
function printed(c: SigmoidUnitSample): number[] {
  const yHat = 1 / (1 + Math.exp(-logitOf(c)));
  return c.x.map((xi) => (yHat - c.y) * xi);
}
const data = sigmoidUnitSample();

export default defineItem({
  id: '4.3.16', kind: 'formula', section: '4.3.2',
  quote: String.raw`\frac{\partial L_{CE}}{\partial w} = (\hat{y} - y) x\tag{4.3.16}`,
  printed: String.raw`\frac{\partial L_{CE}}{\partial w} = (\hat{y} - y) x`,
  statement: 'The gradient in w of the binary cross-entropy (4.3.15) of ŷ = σ(wᵀx) is (ŷ − y) x.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed ↔ tfjs autodiff gradient of 4.3.15', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'cross-entropy');
        return cases.map((c, b) => agreement(printed(c), reference[b]!.gradient, unitTolerance(c, magnitude(c.x), ctx.dtypes)));
      },
    }),
    check({
      name: 'logisticCrossEntropyGradient (N = 1, b = 0) ↔ tfjs autodiff gradient of 4.3.15', role: 'subject', subject: 'logisticCrossEntropyGradient',
      reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'cross-entropy');
        return cases.map((c, b) => agreement(ctx.subject.api.logisticCrossEntropyGradient!([c.x], [c.y], c.w, 0).w, reference[b]!.gradient,
          unitTolerance(c, magnitude(c.x), ctx.dtypes)));
      },
    }),
  ],
});
