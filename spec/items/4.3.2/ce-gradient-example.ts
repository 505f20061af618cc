import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, magnitude } from '../../engine/close.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { vector } from '../../domains/index.ts';
import { binaryCrossEntropyOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';

// The book's example (y = 1, ŷ = 0.99, i.e. wᵀx = log 99) for inputs x ∈ [−2, 2]^d, d ∈ [1, 5]. The
// text states equalities here ("误差为 0.01，梯度仍为 0.01·x"), not approximations, and the inputs are
// exact, so the rounding model (not a stated precision) is the tolerance.
const Z = Math.log(99);
const example = fc.integer({ min: 1, max: 5 }).chain((d) => vector(d, 2)).map((x) => ({ x, y: 1 }));

/** ∂L/∂w = (∂L/∂z) x: the logit derivative from tfjs, times x. */
function tfjsGradients(cases: { x: number[]; y: number }[], ctx: Parameters<typeof tfjsScalar>[0]): number[][] {
  const { derivatives } = tfjsScalar(ctx, cases.map(() => Z), binaryCrossEntropyOfLogit(cases.map((c) => c.y), cases.map(() => Z)));
  return cases.map((c, b) => c.x.map((xi) => derivatives[b]! * xi));
}

export default defineItem({
  id: 'ce-gradient-example', kind: 'claim', section: '4.3.2',
  quote: String.raw`梯度仍为$0.01 \cdot x$`,
  printed: String.raw`\frac{\partial L_{CE}}{\partial w} = 0.01 \cdot x \quad (\hat{y} = 0.99,\ y = 1)`,
  statement: 'With ŷ = 0.99 and y = 1 the cross-entropy gradient is still 0.01·x.',
  correction: {
    statement: 'By 4.3.16 the gradient is (ŷ − y)x = −0.01·x: the same size 0.01‖x‖, opposite sign (descent increases wᵀx).',
    latex: String.raw`\frac{\partial L_{CE}}{\partial w} = (0.99 - 1)\, x = -0.01 \cdot x`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed 0.01·x ↔ tfjs gradient at ŷ = 0.99, y = 1', role: 'claim', oracle: tfjsGrad, arbitrary: example, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsGradients(cases, ctx);
        return cases.map((c, b) => agreement(c.x.map((xi) => 0.01 * xi), reference[b]!, sigmoidTolerance(Z, 0.01 * magnitude(c.x), 1)));
      },
    }),
    check({
      name: 'correction −0.01·x ↔ tfjs gradient at ŷ = 0.99, y = 1', role: 'correction', oracle: tfjsGrad, arbitrary: example, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsGradients(cases, ctx);
        return cases.map((c, b) => agreement(c.x.map((xi) => -0.01 * xi), reference[b]!, sigmoidTolerance(Z, 0.01 * magnitude(c.x), 1)));
      },
    }),
  ],
});
