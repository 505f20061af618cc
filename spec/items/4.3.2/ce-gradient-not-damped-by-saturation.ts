import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { binaryLabel, sigmoidOutput } from '../../domains/index.ts';
import { binaryCrossEntropyOfLogit, sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const sigmaPrime = (z: number) => { const e = Math.exp(-Math.abs(z)); return e / ((1 + e) * (1 + e)); };
// Logits over [−12, 12] (outputs within 6e-6 of 0 or 1: saturated at the right and at the wrong end) and both labels.
const data = fc.record({ out: sigmoidOutput(12), y: binaryLabel() }).map(({ out, y }) => ({ z: out.z, y }));

/** Logit derivatives of the binary cross-entropy and of ½(y − σ(z))² (4.3.13), from tfjs, one batch each. */
function logitGradients(cases: { z: number; y: number }[], ctx: RunContext): { ce: number; mse: number }[] {
  const zs = cases.map((c) => c.z), ys = cases.map((c) => c.y);
  const ce = tfjsScalar(ctx, zs, binaryCrossEntropyOfLogit(ys, zs)).derivatives;
  const mse = tfjsScalar(ctx, zs, sigmoidSquaredErrorOfLogit(ys, 'half')).derivatives;
  return cases.map((_, b) => ({ ce: ce[b]!, mse: mse[b]! }));
}
/** The error |y − ŷ| in float64 (never 0 here: |z| ≤ 12 keeps ŷ away from 0 and 1). */
const errorOf = (c: { z: number; y: number }) => Math.abs(c.y - sigma(c.z));

export default defineItem({
  id: 'ce-gradient-not-damped-by-saturation', kind: 'claim', section: '4.3.2',
  quote: String.raw`恰好"抵消"了均方误差中的$\hat{y}(1-\hat{y})$项。这种数学上的"巧合"使得交叉熵梯度不受饱和影响，而均方误差则无法享受这一特性`,
  statement: 'The chain-rule product cancels the factor σ\'(z) = ŷ(1 − ŷ) that the MSE gradient keeps: ∂L_CE/∂z · σ\'(z) = ∂L_MSE/∂z for the MSE ½(y − σ(z))² of 4.3.13. So, per unit of error, the cross-entropy\'s logit gradient is 1 at every z, saturated or not, while the MSE\'s is σ\'(z), which tends to 0 as the output saturates.',
  notes: 'Both sides are measured the same way: the logit gradient divided by the error |y − ŷ|; the gradient in w multiplies both by the same x. The cancellation holds with either sign of the chain-rule factors (ce-chain-rule-sign has the sign). The "巧合" is none: z is the natural parameter of the Bernoulli distribution, so the log-likelihood\'s gradient in z is always y − ŷ; that remark is interpretation, not checked.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'cancellation: ∂L_CE/∂z (tfjs) · σ\'(z) ↔ ∂L_MSE/∂z (tfjs), ½-MSE of 4.3.13', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => logitGradients(cases, ctx).map(({ ce, mse }, b) => {
        const c = cases[b]!, size = errorOf(c) * sigmaPrime(c.z);
        // Two float32 derivatives of size |y − ŷ|σ'(z) (the CE one times an exact-in-float64 σ'): their errors add.
        return agreement(ce * sigmaPrime(c.z), mse, 2 * sigmoidTolerance(c.z, size, 2, ctx.dtypes));
      }),
    }),
    check({
      name: 'CE, per unit of error: |∂L_CE/∂z| / |y − ŷ| (tfjs) = 1 at every z', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => logitGradients(cases, ctx).map(({ ce }, b) => {
        const c = cases[b]!;
        return agreement(Math.abs(ce) / errorOf(c), 1, sigmoidTolerance(c.z, 1, 0, ctx.dtypes), `z = ${c.z.toFixed(3)}, y = ${c.y}`);
      }),
    }),
    check({
      name: 'MSE, per unit of error: |∂L_MSE/∂z| / |y − ŷ| (tfjs) = σ\'(z) ≤ 1/(1 + e^{|z|}), → 0 when saturated', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => logitGradients(cases, ctx).map(({ mse }, b) => {
        const c = cases[b]!;
        return agreement(Math.abs(mse) / errorOf(c), sigmaPrime(c.z), sigmoidTolerance(c.z, sigmaPrime(c.z), 2, ctx.dtypes),
          `z = ${c.z.toFixed(3)}: per unit of error ${(Math.abs(mse) / errorOf(c)).toExponential(3)}`);
      }),
    }),
  ],
});
