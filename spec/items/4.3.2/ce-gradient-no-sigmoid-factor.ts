import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { binaryLabel, sigmoidOutput } from '../../domains/index.ts';
import { binaryCrossEntropyOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
// Logits over [−12, 12] (outputs within 6e-6 of 0 or 1 included) and both labels.
const data = fc.record({ out: sigmoidOutput(12), y: binaryLabel() }).map(({ out, y }) => ({ z: out.z, y }));

export default defineItem({
  id: 'ce-gradient-no-sigmoid-factor', kind: 'claim', section: '4.3.2',
  quote: '这里没有 Sigmoid 导数的调制',
  statement: 'The gradient of the binary cross-entropy (4.3.15) of ŷ = σ(z) in the logit z is ŷ − y, with no σ\'(z) factor (so its gradient in w is (ŷ − y)x, 4.3.16): its size is the error |y − ŷ| itself, for every z, saturated or not.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: '∂L_CE/∂z (tfjs) ↔ ŷ − y, relative to the error', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), binaryCrossEntropyOfLogit(cases.map((c) => c.y), cases.map((c) => c.z)));
        return cases.map((c, b) => {
          const error = sigma(c.z) - c.y;
          // Held to the size of the error itself, so a missing or extra σ'(z) ≤ ¼ factor cannot pass.
          return agreement(derivatives[b]!, error, sigmoidTolerance(c.z, Math.abs(error), 0, ctx.dtypes));
        });
      },
    }),
  ],
});
