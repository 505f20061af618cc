import { check, defineItem } from '../../engine/item.ts';
import { agreement, magnitude } from '../../engine/close.ts';
import { sigmoidUnitSample, type SigmoidUnitSample } from '../../domains/index.ts';
import { logitOf, tfjsUnit, unitTolerance } from '../../support/sigmoidUnit.ts';

/** 4.3.14 as printed: ∂L/∂w = −(y − ŷ) σ'(wᵀx) x, with σ'(z) = σ(z)(1 − σ(z)) and ŷ = σ(wᵀx). */
function printed(c: SigmoidUnitSample): number[] {
  const s = 1 / (1 + Math.exp(-logitOf(c)));
  return c.x.map((xi) => -(c.y - s) * s * (1 - s) * xi);
}
const data = sigmoidUnitSample();

export default defineItem({
  id: '4.3.14', kind: 'formula', section: '4.3.2',
  quote: String.raw`\frac{\partial L_{MSE}}{\partial w} = -(y - \hat{y}) \sigma'(w^T x) x\tag{4.3.14}`,
  printed: String.raw`\frac{\partial L_{MSE}}{\partial w} = -(y - \hat{y}) \sigma'(w^T x) x`,
  statement: 'The gradient in w of ½(y − σ(wᵀx))² (4.3.13) is −(y − ŷ) σ\'(wᵀx) x, with ŷ = σ(wᵀx).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed ↔ tfjs autodiff gradient of 4.3.13', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'half-squared-error');
        return cases.map((c, b) => agreement(printed(c), reference[b]!.gradient, unitTolerance(c, magnitude(c.x), ctx.dtypes)));
      },
    }),
    check({
      name: 'sigmoidMseGradient (N = 1, b = 0, "half") ↔ tfjs autodiff gradient of 4.3.13', role: 'subject', subject: 'sigmoidMseGradient',
      reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'half-squared-error');
        return cases.map((c, b) => agreement(ctx.subject.api.sigmoidMseGradient!([c.x], [c.y], c.w, 0, 'half').w, reference[b]!.gradient,
          unitTolerance(c, magnitude(c.x), ctx.dtypes)));
      },
    }),
  ],
});
