import { check, defineItem } from '../../engine/item.ts';
import { agreement, notBelow } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { saturatedLogit } from '../../domains/index.ts';
import { sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';
import { given, num, t } from '../../engine/text.ts';

// A sigmoid output saturated at the wrong end: |z| ∈ [3, 12] and y the opposite label, so the error
// |y − ŷ| = 1 − min(ŷ, 1 − ŷ) ≥ σ(3) ≈ 0.9526.
const Z_MIN = 3, Z_MAX = 12;
const wrongSaturated = saturatedLogit(Z_MIN, Z_MAX).map((z) => ({ z, y: z > 0 ? 0 : 1 }));
/** The smallest error on the family, σ(3), and the largest gradient bound m = 1/(1 + e³). */
const MIN_ERROR = 1 / (1 + Math.exp(-Z_MIN));
const MAX_M = 1 / (1 + Math.exp(Z_MIN));

export default defineItem({
  id: 'mse-sigmoid-gradient-vanishes', kind: 'claim', section: '4.3.2',
  quote: String.raw`导致梯度接近0，即使误差$(y - \hat{y})$很大`,
  statement: t`For ½(y − σ(z))² (4.3.13) with the output saturated at the wrong end (|z| ∈ [${given(Z_MIN)}, ${given(Z_MAX)}], y the opposite label: error |y − ŷ| = 1 − m ≥ ${num(MIN_ERROR, 4)}, m = min(ŷ, 1 − ŷ)), the gradient is nevertheless close to 0 because of the factor σ'(z): |∂L/∂z| = |y − ŷ|σ'(z) = m(1 − m)² ≤ m = 1/(1 + e^{|z|}) (at most ${num(MAX_M, 3)} here, and → 0 as |z| grows); the gradient in w is this times x (4.3.14).`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: '|∂L/∂z| (tfjs) = m(1 − m)² ≤ m although |y − ŷ| ≥ σ(3)', role: 'claim', reference: 'tfjs-grad', arbitrary: wrongSaturated, runs: 'default',
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidSquaredErrorOfLogit(cases.map((c) => c.y), 'half'));
        return cases.map((c, b) => {
          const m = 1 / (1 + Math.exp(Math.abs(c.z)));
          // |∂L/∂z| = |y − ŷ|·σ'(z) = (1 − m)·m(1 − m): the gradient is the error damped by σ' ≤ m.
          return agreement(Math.abs(derivatives[b]!), m * (1 - m) ** 2, sigmoidTolerance(c.z, m, 2, ctx.dtypes), `error |y − ŷ| = ${(1 - m).toFixed(4)}, m = ${m.toExponential(2)}`);
        });
      },
    }),
    check({
      name: 'the cases are wrong-saturated: |y − ŷ| ≥ σ(3)', role: 'support', reference: 'closed-form',
      arbitrary: wrongSaturated, runs: 'default',
      // The generator puts the cases at |y − σ(z)| ≥ σ(3) ≈ 0.9526 by construction, so the bound is attained at |z| = 3;
      // the violation is held to the rounding of one exp, one add, one divide and one subtract (on each side).
      evaluate: (cases, ctx) => cases.map((c) => notBelow(Math.abs(c.y - 1 / (1 + Math.exp(-c.z))), MIN_ERROR, tolerance({ dtypes: ctx.dtypes, operations: elementary(1) + 3, scale: 1 }))),
    }),
  ],
});
