import { check, defineItem } from '../../engine/item.ts';
import { notAbove } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between } from '../../domains/index.ts';
import { given, num, t } from '../../engine/text.ts';
import { adamInitialState, adamStep, logisticCrossEntropyGradient, sigmoid, sigmoidMseGradient, type AdamConfig } from '../../../impl/index.ts';

// The section's own example of a vanishing gradient: one sigmoid unit ŷ = σ(z) (x = 1, w = z), label
// y = 1, started confidently wrong at z₀ ∈ [−10, −3], trained until it reaches ŷ = ½ (z = 0).
const Z0_MIN = -10, Z0_MAX = -3;
const starts = between(Z0_MIN, Z0_MAX).map((z0) => ({ z0 }));
const ETA = 1;
const ADAM: AdamConfig = { learningRate: ETA, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
/** More steps than any start in range needs under gradient descent on the MSE (≈ e^{|z₀|}); a run that hits it counts as never arriving. */
const STEP_CAP = 1e6;
// Simulations, not measurements with rounding: the step counts are integers (impl's float64 gradients and Adam), the
// bounds closed forms proved below.

const mseGradient = (z: number) => sigmoidMseGradient([[1]], [1], [z], 0, 'half').w[0]!;
const ceGradient = (z: number) => logisticCrossEntropyGradient([[1]], [1], [z], 0).w[0]!;

/** Gradient-descent steps z ← z − η ∂L/∂z from z₀ until z ≥ 0. */
function descentSteps(z0: number, gradient: (z: number) => number): number {
  let z = z0, n = 0;
  while (z < 0 && n < STEP_CAP) { z -= ETA * gradient(z); n++; }
  return z < 0 ? Infinity : n;
}
/** Adam steps (impl) on the MSE from z₀ until z ≥ 0. */
function adamSteps(z0: number): number {
  let state = adamInitialState([z0]), n = 0;
  while (state.w[0]! < 0 && n < STEP_CAP) { state = adamStep(state, [mseGradient(state.w[0]!)], ADAM); n++; }
  return state.w[0]! < 0 ? Infinity : n;
}
/**
 * Lower bound for gradient descent on ½(1 − σ(z))²: |∂L/∂z| = σ(z)(1 − σ(z))² ≤ σ(z) ≤ e^{z}, so while z ≤ z₀ + 1
 * a step moves z by at most η e^{z₀+1}, and crossing [z₀, z₀ + 1] (needed to reach 0 from z₀ ≤ −3) takes
 * at least e^{|z₀|−1}/η steps.
 */
const slowBound = (z0: number) => Math.exp(-z0 - 1) / ETA;
/** Upper bound for the cross-entropy: |∂L/∂z| = 1 − σ(z) ≥ ½ for z ≤ 0, so at most ⌈2|z₀|/η⌉ ≤ 2|z₀|/η + 1 steps. */
const fastBound = (z0: number) => (2 * -z0) / ETA + 1;
const startLoss = (z0: number) => 0.5 * (1 - sigmoid(z0)) ** 2;

export default defineItem({
  id: 'vanishing-gradient-stalls-training', kind: 'claim', section: '4.3.2',
  quote: '当损失函数的梯度趋近于零时，即使当前解远离最优解，参数的更新也会变得非常缓慢，导致训练停滞',
  statement: t`When the gradient is close to zero the parameter updates become very slow even far from the optimum, and training stalls. On the section's own case, the MSE ½(1 − σ(z))² (4.3.13) of a unit started confidently wrong at z₀ ∈ [${given(Z0_MIN)}, ${given(Z0_MAX)}] (loss at least ${num(startLoss(Z0_MAX), 3)}, optimum 0), gradient descent needs at least e^{|z₀|−1}/η steps to reach ŷ = ½, exponentially many in |z₀|, while from the same start the cross-entropy, whose gradient does not vanish, needs at most 2|z₀|/η + 1.`,
  condition: t`Plain gradient descent, w ← w − η∇L (η = ${given(ETA)} here): the update is the gradient times η, so it is small when the gradient is. An optimiser that divides by a running scale of the gradient does not slow down this way: Adam (β₁ = ${given(ADAM.beta1)}, β₂ = ${given(ADAM.beta2)}, ε = ${given('10⁻⁸')}, same η) takes steps of size about η while |∇L| ≫ ε and leaves the same plateau in a number of steps of the order of |z₀|. The text names no optimiser.`,
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'gradient descent on ½(1 − σ(z))²: steps from z₀ to ŷ = ½ ≥ e^{|z₀|−1}/η (impl simulation)', role: 'condition', reference: ['impl', 'closed-form'], arbitrary: starts, runs: 40,
      evaluate: (cases) => cases.map(({ z0 }) => {
        const n = descentSteps(z0, mseGradient);
        return { value: n, bound: slowBound(z0), sense: 'atLeast' as const, note: `z₀ = ${z0.toFixed(3)}, loss ${startLoss(z0).toFixed(4)}: ${n} steps` };
      }),
    }),
    check({
      name: 'control, same start: gradient descent on the cross-entropy needs ≤ 2|z₀|/η + 1 steps (impl simulation)', role: 'condition', reference: ['impl', 'closed-form'], arbitrary: starts, runs: 40,
      evaluate: (cases) => cases.map(({ z0 }) => {
        const n = descentSteps(z0, ceGradient);
        // An integer count against a bound: its violation, held to the float64 rounding of the bound itself.
        const bound = fastBound(z0);
        return notAbove(n, bound, tolerance({ dtypes: ['float64', 'float64'], operations: 4, scale: bound }), `z₀ = ${z0.toFixed(3)}: ${n} steps (bound ${bound.toFixed(1)})`);
      }),
    }),
    check({
      name: 'Adam (impl) on ½(1 − σ(z))²: steps from z₀ to ŷ = ½ ≥ e^{|z₀|−1}/η — fails', role: 'outside-condition', reference: ['impl', 'closed-form'], arbitrary: starts, runs: 40,
      evaluate: (cases) => cases.map(({ z0 }) => {
        const n = adamSteps(z0);
        return { value: n, bound: slowBound(z0), sense: 'atLeast' as const, note: `z₀ = ${z0.toFixed(3)}: ${n} Adam steps` };
      }),
    }),
  ],
});
