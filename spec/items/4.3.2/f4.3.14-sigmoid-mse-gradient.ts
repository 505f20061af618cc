import { check, defineItem } from '../../engine/item.ts';
import { agreement, magnitude } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, tfjsGrad } from '../../engine/labels.ts';
import { sigmoidUnitSample, type SigmoidUnitSample } from '../../domains/index.ts';
import { sigmoidMseGradient } from '../../../impl/index.ts';
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
      name: 'printed ↔ tfjs autodiff gradient of 4.3.13', role: 'claim', oracle: tfjsGrad, arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'half-squared-error');
        return cases.map((c, b) => agreement(printed(c), reference[b]!.gradient, unitTolerance(c, magnitude(c.x))));
      },
    }),
    check({
      name: 'printed ↔ impl sigmoidMseGradient (N = 1, "half")', role: 'support', oracle: IMPL_F64, arbitrary: data, runs: 'default',
      // Both float64: dot product, exp, division, 1 − σ, three products; the entries are ≤ ¼|x_i|, but
      // 1 − σ(z) formed from a rounded σ is relative u·e^{|z|} (impl uses the stable e^{−|z|} form).
      evaluate: (cases) => cases.map((c) => agreement(printed(c), sigmoidMseGradient([c.x], [c.y], c.w, 0, 'half').w,
        tolerance({ dtypes: ['float64', 'float64'], operations: c.d + elementary(1) + 6, scale: magnitude(c.x), condition: 1 + Math.exp(Math.abs(logitOf(c))) }))),
    }),
  ],
});
