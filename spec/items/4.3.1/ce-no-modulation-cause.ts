import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logits, oneHot } from '../../domains/index.ts';
import { matVec, softmax, softmaxJacobian } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { softmaxSquaredErrorGradientTolerance, tfjsSoftmaxSquaredErrorGradients } from '../../support/softmaxSquaredError.ts';

interface Case { z: number[]; p: number[] }
// Moderate and saturated logits (up to ±12: p̂ within e^-24 of a vertex, where the softmax Jacobian nearly vanishes).
const cases = fc.integer({ min: 2, max: 6 }).chain((C) => fc.record({ z: fc.oneof(logits(C, 3), logits(C, 12)), p: oneHot(C) }));

/** ∇_z of −log p̂_y through the outputs: (∂p̂/∂z)ᵀ ∂L/∂p̂ = (diag(p̂) − p̂p̂ᵀ)(−p ⊘ p̂) (a one-hot p: only the true class's term). */
function throughOutputs({ z, p }: Case): number[] {
  const q = softmax(z);
  return matVec(softmaxJacobian(q), p.map((pi, i) => (pi === 0 ? 0 : -pi / q[i]!)));
}

function tfjsCrossEntropyGradients(all: Case[], ctx: RunContext): number[][] {
  return batchedByShape(all, (c) => String(c.z.length), (group) => {
    const z = group.map((c) => c.z);
    return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z)).gradients;
  });
}

// Cross-entropy logit gradient entries in [−1, 1] (as in ce-logit-gradient): C exps, a C-term sum, the division, and in
// float64 a C-term product with S, where −p_y/p̂_y meets S's column y, of size ≤ p̂_y, so the terms stay ≤ 1; float32
// rounding of z moves p̂ by ≤ 2u·max|z| relative (κ = 1 + 2 max|z|).
const tol = (c: Case, dtypes: readonly [Dtype, Dtype]) => tolerance({
  dtypes, operations: 2 * c.z.length + elementary(c.z.length + 1), scale: 1, condition: 1 + 2 * Math.max(...c.z.map(Math.abs)),
});

export default defineItem({
  id: 'ce-no-modulation-cause', kind: 'claim', section: '4.3.1',
  quote: '因为我们在推导中直接对 logits 求导，而非对 Softmax 输出求导',
  statement: 'The cross-entropy gradient is free of the softmax derivative because it is taken directly with respect to the logits, not the softmax '
    + 'outputs: differentiating a loss of the softmax output directly with respect to the logits leaves no softmax-derivative factor.',
  reading: 'The parenthesis gives the cause of the missing factor: the variable of differentiation. If that were the cause, any loss of the '
    + 'softmax output taken directly with respect to the logits would be free of the factor; the squared error ½‖p̂ − p‖², the loss the '
    + 'sentence contrasts, is the test case (its logit gradient without the factor is p̂ − p).',
  correction: {
    statement: 'The softmax derivative is in the chain rule, and the derivative of −log cancels it: ∇_z(−log p̂_y) = (diag(p̂) − p̂p̂ᵀ)(−e_y/p̂_y) = p̂ − e_y, '
      + 'the same result through the outputs. The squared error, taken with respect to the logits, keeps the factor: '
      + '∇_z ½‖p̂ − p‖² = (diag(p̂) − p̂p̂ᵀ)(p̂ − p). The cause is the pairing of the logarithm with the softmax, not the variable.',
    latex: String.raw`\nabla_z(-\log \hat{p}_y) = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)\Big(-\frac{e_y}{\hat{p}_y}\Big) = \hat{p} - e_y,\qquad \nabla_z \tfrac{1}{2}\|\hat{p} - p\|^2 = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)(\hat{p} - p)`,
  },
  errata: ['ce-gradient-cause'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'the squared error taken directly in the logits has no softmax factor: tfjs ∇_z ½‖p̂ − p‖² = p̂ − p', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: cases, runs: 'default',
      evaluate: (all, ctx) => {
        const ref = tfjsSoftmaxSquaredErrorGradients(all, ctx);
        return all.map((c, b) => agreement(softmax(c.z).map((q, i) => q - c.p[i]!), ref[b]!, softmaxSquaredErrorGradientTolerance(c.z, ctx.dtypes)));
      },
    }),
    check({
      name: 'correction: ∇_z ½‖p̂ − p‖² = (diag(p̂) − p̂p̂ᵀ)(p̂ − p) ↔ tfjs', role: 'correction', reference: ['tfjs-grad', 'impl'], arbitrary: cases, runs: 'default',
      evaluate: (all, ctx) => {
        const ref = tfjsSoftmaxSquaredErrorGradients(all, ctx);
        return all.map((c, b) => { const q = softmax(c.z); return agreement(matVec(softmaxJacobian(q), q.map((qi, i) => qi - c.p[i]!)), ref[b]!, softmaxSquaredErrorGradientTolerance(c.z, ctx.dtypes)); });
      },
    }),
    check({
      name: 'correction: through the outputs, (diag(p̂) − p̂p̂ᵀ)(−p ⊘ p̂) ↔ tfjs ∇_z(−log p̂_y) (the factor cancels)', role: 'correction', reference: ['tfjs-grad', 'impl'],
      arbitrary: cases, runs: 'default',
      evaluate: (all, ctx) => { const ref = tfjsCrossEntropyGradients(all, ctx); return all.map((c, b) => agreement(throughOutputs(c), ref[b]!, tol(c, ctx.dtypes))); },
    }),
  ],
});
