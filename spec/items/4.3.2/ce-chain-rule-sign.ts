import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { sigmoidOutput } from '../../domains/index.ts';
import { binaryCrossEntropyOfLogit, negativeLogOfParameter } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
// ŷ = σ(z), z ∈ [−12, 12]; the loss is −log ŷ (the y = 1 term of 4.3.15).
const outputs = sigmoidOutput(12);
// d/dŷ(−log ŷ) in float32: ŷ is rounded (relative u) and 1/ŷ inherits it; value size 1/ŷ.
const logTolerance = (dtypes: readonly [Dtype, Dtype], p: number) => tolerance({ dtypes, operations: 4, scale: 1 / p });

function chainProducts(cases: { z: number }[], ctx: Parameters<typeof tfjsScalar>[0]): number[] {
  const zs = cases.map((c) => c.z);
  return tfjsScalar(ctx, zs, binaryCrossEntropyOfLogit(zs.map(() => 1), zs)).derivatives;
}

export default defineItem({
  id: 'ce-chain-rule-sign', kind: 'claim', section: '4.3.2',
  quote: String.raw`交叉熵损失$-\log \hat{y}$关于$\hat{y}$的梯度是$1/\hat{y}$，而 Sigmoid的导数是$\hat{y}(1-\hat{y})$，两者相乘得到$(1-\hat{y})$`,
  // The book states the derivative and the product in words around the inline 1/ŷ, ŷ(1 − ŷ), (1 − ŷ); this is the equation they make.
  formula: String.raw`\frac{\partial(-\log\hat{y})}{\partial\hat{y}} = \frac{1}{\hat{y}},\quad \frac{1}{\hat{y}}\cdot\hat{y}(1-\hat{y}) = 1-\hat{y}`,
  statement: 'The derivative of −log ŷ in ŷ is 1/ŷ, and multiplied by the sigmoid derivative ŷ(1 − ŷ) it gives the logit gradient 1 − ŷ.',
  correction: {
    statement: 'd(−log ŷ)/dŷ = −1/ŷ, so the chain-rule product (the logit gradient of −log σ(z)) is −(1 − ŷ) = ŷ − 1, i.e. ŷ − y of 4.3.16 with y = 1.',
    latex: String.raw`\frac{\partial(-\log\hat{y})}{\partial\hat{y}} = -\frac{1}{\hat{y}},\quad -\frac{1}{\hat{y}}\cdot\hat{y}(1-\hat{y}) = -(1-\hat{y})`,
  },
  errata: ['ce-gradient-sign-dropped'],
  notes: 'Unlike the gradient of the worked example (ce-gradient-example), a size set against the MSE\'s, this sentence states a derivative and a chain-rule product, where the sign is part of what is asserted; no reading a competent reader would take makes d(−log ŷ)/dŷ equal to +1/ŷ. The cancellation the sentence goes on to draw holds with either sign: ce-gradient-not-damped-by-saturation.',
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed 1/ŷ ↔ tfjs d(−log ŷ)/dŷ', role: 'claim', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const p = cases.map((c) => sigma(c.z));
        const { derivatives } = tfjsScalar(ctx, p, negativeLogOfParameter());
        return p.map((pb, b) => agreement(1 / pb, derivatives[b]!, logTolerance(ctx.dtypes, pb)));
      },
    }),
    check({
      name: 'printed product 1 − ŷ ↔ tfjs ∂(−log σ(z))/∂z', role: 'claim', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => chainProducts(cases, ctx).map((g, b) => {
        const p = sigma(cases[b]!.z);
        return agreement(1 - p, g, sigmoidTolerance(cases[b]!.z, 1 - p, 0, ctx.dtypes));
      }),
    }),
    check({
      name: 'correction −1/ŷ ↔ tfjs d(−log ŷ)/dŷ', role: 'correction', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const p = cases.map((c) => sigma(c.z));
        const { derivatives } = tfjsScalar(ctx, p, negativeLogOfParameter());
        return p.map((pb, b) => agreement(-1 / pb, derivatives[b]!, logTolerance(ctx.dtypes, pb)));
      },
    }),
    check({
      name: 'correction −(1 − ŷ) ↔ tfjs ∂(−log σ(z))/∂z', role: 'correction', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => chainProducts(cases, ctx).map((g, b) => {
        const p = sigma(cases[b]!.z);
        return agreement(-(1 - p), g, sigmoidTolerance(cases[b]!.z, 1 - p, 0, ctx.dtypes));
      }),
    }),
  ],
});
