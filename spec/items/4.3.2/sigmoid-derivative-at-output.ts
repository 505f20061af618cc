import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { num, t } from '../../engine/text.ts';
import { sigmoidOutput } from '../../domains/index.ts';
import { sigmoidOfParameter } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';
import { sigmoidDerivative } from '../../../impl/index.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
// ŷ = σ(z) over z ∈ [−12, 12]: ŷ from 6e-6 to 1 − 6e-6.
const outputs = sigmoidOutput(12);

export default defineItem({
  id: 'sigmoid-derivative-at-output', kind: 'claim', section: '4.3.2',
  quote: String.raw`$\sigma'(\hat{y}) = \hat{y}(1-\hat{y})$接近 0`,
  printed: String.raw`\sigma'(\hat{y}) = \hat{y}(1-\hat{y})`,
  statement: 'The sigmoid derivative at the logit, written σ\'(ŷ), equals ŷ(1 − ŷ), and it tends to 0 as ŷ → 0 or 1: σ\'(z) = ŷ(1 − ŷ) ≤ min(ŷ, 1 − ŷ).',
  reading: t`σ'(ŷ) names σ' at the logit z = wᵀx expressed through the output ŷ = σ(z): 4.3.14, one line above, writes σ'(wᵀx), and ŷ(1 − ŷ) is σ'(z). Read literally, σ'(ŷ) = σ(ŷ)(1 − σ(ŷ)) at the output ŷ ∈ (0, 1) lies between σ'(1) = ${num(sigmoidDerivative(1), 4)} and σ'(0) = ${num(sigmoidDerivative(0), 2)}, is never ŷ(1 − ŷ) and never approaches 0 (the literal check).`,
  errata: ['sigma-prime-of-output'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'σ\'(z) at the logit z (tfjs) ↔ ŷ(1 − ŷ)', role: 'claim', oracle: tfjsGrad, arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => {
          const p = sigma(c.z);
          return agreement(derivatives[b]!, p * (1 - p), sigmoidTolerance(c.z, p * (1 - p)));
        });
      },
    }),
    check({
      name: '→ 0 at the ends: σ\'(z) (tfjs) ≤ min(ŷ, 1 − ŷ) = 1/(1 + e^{|z|})', role: 'claim', oracle: tfjsGrad, arbitrary: outputs, runs: 'default',
      // ŷ(1 − ŷ) = m(1 − m) ≤ m for m = min(ŷ, 1 − ŷ): the bound is sharp only at m → 0, where both sides
      // vanish; the float32 derivative is held to its own rounding (as in the check above).
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => {
          const m = 1 / (1 + Math.exp(Math.abs(c.z)));
          return notAbove(derivatives[b]!, m, sigmoidTolerance(c.z, m), `σ'(z) = ${derivatives[b]!.toExponential(3)}, m = ${m.toExponential(3)}`);
        });
      },
    }),
    check({
      name: 'literal: σ\' at the output, σ\'(ŷ) (tfjs derivative of σ at ŷ) ↔ ŷ(1 − ŷ)', role: 'literal', oracle: tfjsGrad, arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const yHat = cases.map((c) => sigma(c.z));
        const { derivatives } = tfjsScalar(ctx, yHat, sigmoidOfParameter());
        // σ'(t) ≤ ¼ at t = ŷ ∈ (0, 1), so |t| ≤ 1 sets the float32 conditioning.
        return yHat.map((p, b) => agreement(derivatives[b]!, p * (1 - p),
          tolerance({ dtypes: ['float32', 'float64'], operations: 8, scale: 0.25, condition: 2 }), `σ'(ŷ) = ${derivatives[b]!.toFixed(4)} at ŷ = ${p.toPrecision(4)}`));
      },
    }),
  ],
});
