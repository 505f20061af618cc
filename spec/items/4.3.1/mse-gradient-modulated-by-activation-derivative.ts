import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logits, oneHot } from '../../domains/index.ts';
import { matVec, sigmoid, sigmoidDerivative, softmax, softmaxJacobian } from '../../../impl/index.ts';
import { binaryCrossEntropyOfLogit, sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { softmaxSquaredErrorGradientTolerance, tfjsSoftmaxSquaredErrorGradients } from '../../support/softmaxSquaredError.ts';

// One logit and a label; |z| ≤ 12 covers the saturated region (σ' down to 6·10⁻⁶).
const binary = fc.record({ z: fc.integer({ min: -12_000, max: 12_000 }).map((i) => i / 1000), y: fc.constantFrom(0, 1) });
const multi = fc.integer({ min: 2, max: 6 }).chain((C) => fc.record({ z: fc.oneof(logits(C, 3), logits(C, 12)), p: oneHot(C) }));

// Sigmoid: entries 2|σ − y|σ' ≤ ½ and σ − y ≤ 1 (terms of size ≤ 2 with the factor 2); σ, its derivative and the
// log-sum-exp of the cross-entropy, a few products, forward and backward; float32 rounding of z moves σ by ≤ u·|z|
// relative (κ = 1 + 2|z|). 1 − σ(z) is formed from σ ≈ 1 for z ≫ 0: its absolute error is a few u whatever its size,
// which this absolute tolerance covers.
const sigmoidTolerance = (z: number) => tolerance({ dtypes: ['float32', 'float64'], operations: 2 * (elementary(3) + 4), scale: 2, condition: 1 + 2 * Math.abs(z) });

export default defineItem({
  id: 'mse-gradient-modulated-by-activation-derivative', kind: 'claim', section: '4.3.1',
  quote: '在均方误差中，梯度还受到 Sigmoid/Softmax 导数的调制',
  statement: 'With a sigmoid or softmax output, the MSE gradient in the logits carries the activation’s derivative, which the cross-entropy '
    + 'gradient lacks: ∂(y − σ(z))²/∂z = 2σ\'(z)·(σ(z) − y), 2σ\'(z) times the cross-entropy gradient σ(z) − y, and '
    + '∇_z ½‖softmax(z) − p‖² = (diag(p̂) − p̂p̂ᵀ)(p̂ − p).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'sigmoid: tfjs ∂(y − σ(z))²/∂z = 2σ\'(z) × tfjs ∂CE/∂z (both sides by autodiff)', role: 'claim', oracle: tfjsGrad, arbitrary: binary, runs: 'default',
      evaluate: (cases, ctx) => {
        const [mse, ce] = [sigmoidSquaredErrorOfLogit(cases.map((c) => c.y), 'unhalved'), binaryCrossEntropyOfLogit(cases.map((c) => c.y), cases.map((c) => c.z))]
          .map((build) => batchedByShape(cases, () => 'all', (group) => ctx.tfjs.derivatives(group.map((c) => [c.z]), build).gradients.map((g) => g[0]!)));
        return cases.map((c, b) => agreement(mse![b]!, 2 * sigmoidDerivative(c.z) * ce![b]!, sigmoidTolerance(c.z),
          `σ(z) = ${sigmoid(c.z).toPrecision(6)}, MSE gradient ${mse![b]!.toExponential(3)}, CE gradient ${ce![b]!.toExponential(3)}`));
      },
    }),
    check({
      name: 'softmax: tfjs ∇_z ½‖softmax(z) − p‖² = (diag(p̂) − p̂p̂ᵀ)(p̂ − p)', role: 'claim', oracle: tfjsGrad, arbitrary: multi, runs: 'default',
      evaluate: (cases, ctx) => {
        const ref = tfjsSoftmaxSquaredErrorGradients(cases, ctx);
        return cases.map((c, b) => {
          const q = softmax(c.z);
          return agreement(matVec(softmaxJacobian(q), q.map((qi, i) => qi - c.p[i]!)), ref[b]!, softmaxSquaredErrorGradientTolerance(c.z));
        });
      },
    }),
  ],
});
