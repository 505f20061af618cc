import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { sigmoidUnitSample, type SigmoidUnitSample } from '../../domains/index.ts';
import { logitOf, tfjsUnit, unitTolerance } from '../../support/sigmoidUnit.ts';

/** 4.3.13 as printed: L = ½(y − σ(wᵀx))². */
const printed = (c: SigmoidUnitSample) => 0.5 * (c.y - 1 / (1 + Math.exp(-logitOf(c)))) ** 2;
const data = sigmoidUnitSample();

export default defineItem({
  id: '4.3.13', kind: 'formula', section: '4.3.2', definition: true,
  quote: String.raw`L_{MSE} = \frac{1}{2}(y - \sigma(w^T x))^2\tag{4.3.13}`,
  printed: String.raw`L_{MSE} = \frac{1}{2}(y - \sigma(w^T x))^2`,
  statement: 'Defines the squared error of a sigmoid output with the ½ convention, L = ½(y − σ(wᵀx))², for one sample.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed ↔ tfjs value of ½(y − σ(wᵀx))²', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'half-squared-error');
        // The value is at most ½ (|y − σ| ≤ 1).
        return cases.map((c, b) => agreement(printed(c), reference[b]!.value, unitTolerance(c, 1, ctx.dtypes)));
      },
    }),
    check({
      name: 'squaredError(y, ŷ, "half") at the sigmoid output ŷ = σ(wᵀx) ↔ tfjs value of ½(y − σ(wᵀx))²', role: 'subject', subject: 'squaredError',
      reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      // ŷ is formed in float64 here, so a failure names squaredError alone (sigmoid has its own subject check,
      // sigmoid-derivative-at-output); |∂L/∂ŷ| ≤ 1 passes ŷ's rounding on unchanged.
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'half-squared-error');
        return cases.map((c, b) => agreement(ctx.subject.api.squaredError!(c.y, 1 / (1 + Math.exp(-logitOf(c))), 'half'), reference[b]!.value,
          unitTolerance(c, 1, ctx.dtypes)));
      },
    }),
  ],
});
