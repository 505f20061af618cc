import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logits, oneHot } from '../../domains/index.ts';
import { softmax } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

// Logits with one class ahead by a margin m ∈ [0, 16], so p̂ of that class ranges from moderate to ≈ 1 − 1e-7.
const confident = fc.integer({ min: 2, max: 6 }).chain((C) => fc.record({
  z: logits(C, 2), p: oneHot(C), lead: fc.nat(C - 1), margin: fc.integer({ min: 0, max: 16 }),
})).map(({ z, p, lead, margin }) => ({ z: z.map((zi, i) => (i === lead ? zi + margin : zi)), p, lead }));

export default defineItem({
  id: 'ce-curvature-vanishes-when-confident', kind: 'claim', section: '4.3.1',
  quote: '当某个类别的预测概率接近 1 时，Hessian 中对应方向的曲率变小',
  statement: 'As the predicted probability of a class approaches 1, the curvature of cross-entropy along that class’s logit, p̂_k(1 − p̂_k), goes to 0.',
  reading: 'The direction of class k: its logit z_k, or in the weights (4.3.9, H = (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ) a direction e_k ⊗ u of its weight vector w_k, '
    + 'where the curvature is (uᵀx)² p̂_k(1 − p̂_k): the same factor, checked here in the logits. (As p̂_k → 1 every other p̂_j → 0 too, so the '
    + 'whole Hessian vanishes, not only the curvature along class k.)',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs ∂²L/∂z_k² ≤ 1 − p̂_k for the leading class k (violation)', role: 'claim', reference: ['tfjs-hessian', 'impl'], arbitrary: confident, runs: 'default',
      evaluate: (cases, ctx) => {
        const curvature = batchedByShape(cases, (c) => String(c.z.length), (group) => {
          const z = group.map((c) => c.z);
          const { hessians } = ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z), { hessian: true });
          return group.map((c, b) => hessians![b]![c.lead]![c.lead]!);
        });
        return cases.map((c, b) => {
          const pk = softmax(c.z)[c.lead]!;
          // Violation of curvature ≤ 1 − p̂_k (true value p̂_k(1 − p̂_k)), held to the float32 noise of the
          // autodiff value: ~u per exp/sum step on entries ≤ ¼, inputs rounded (κ = 1 + 2 max|z|).
          return { value: Math.max(0, curvature[b]! - (1 - pk)), bound: tolerance({ dtypes: ctx.dtypes, operations: c.z.length + elementary(c.z.length + 2), scale: 0.25, condition: 1 + 2 * Math.max(...c.z.map(Math.abs)) }),
            note: `p̂_k = ${pk.toPrecision(8)}, curvature ${curvature[b]!.toExponential(3)}` };
        });
      },
    }),
  ],
});
