import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { sigmoidOutput } from '../../domains/index.ts';
import { sigmoidOfParameter } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
// ŷ = σ(z) over z ∈ [−12, 12]: ŷ from 6e-6 to 1 − 6e-6.
const outputs = sigmoidOutput(12);

export default defineItem({
  id: 'sigmoid-derivative-at-output', kind: 'claim', section: '4.3.2',
  quote: String.raw`$\sigma'(\hat{y}) = \hat{y}(1-\hat{y})$接近 0`,
  printed: String.raw`\sigma'(\hat{y}) = \hat{y}(1-\hat{y})`,
  statement: 'The sigmoid derivative evaluated at the output, σ\'(ŷ), equals ŷ(1 − ŷ) (and so tends to 0 as ŷ → 0 or 1).',
  correction: {
    statement: 'σ\' is evaluated at the logit, not at the output: σ\'(wᵀx) = ŷ(1 − ŷ). σ\'(ŷ) = σ(ŷ)(1 − σ(ŷ)) lies in [0.197, 0.25] for ŷ ∈ [0, 1] and never approaches 0.',
    latex: String.raw`\sigma'(w^T x) = \hat{y}(1-\hat{y}),\quad \hat{y} = \sigma(w^T x)`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed σ\'(ŷ) (tfjs derivative of σ at ŷ) ↔ ŷ(1 − ŷ)', role: 'claim', oracle: tfjsGrad, arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const yHat = cases.map((c) => sigma(c.z));
        const { derivatives } = tfjsScalar(ctx, yHat, sigmoidOfParameter());
        // σ'(t) ≤ ¼ at t = ŷ ∈ (0, 1), so |t| ≤ 1 sets the float32 conditioning.
        return yHat.map((p, b) => agreement(derivatives[b]!, p * (1 - p),
          tolerance({ dtypes: ['float32', 'float64'], operations: 8, scale: 0.25, condition: 2 })));
      },
    }),
    check({
      name: 'correction: σ\'(z) at the logit z (tfjs) ↔ ŷ(1 − ŷ)', role: 'correction', oracle: tfjsGrad, arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => {
          const p = sigma(c.z);
          return agreement(derivatives[b]!, p * (1 - p), sigmoidTolerance(c.z, p * (1 - p)));
        });
      },
    }),
  ],
});
