import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, tfjsGrad } from '../../engine/labels.ts';
import { sigmoidUnitSample, type SigmoidUnitSample } from '../../domains/index.ts';
import { sigmoid, squaredError } from '../../../impl/index.ts';
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
      name: 'printed ↔ impl squaredError(y, sigmoid(wᵀx), "half")', role: 'support', oracle: IMPL_F64, arbitrary: data, runs: 'default',
      // Both float64: a d-term dot product, exp, a division, a difference, a square, a halving; terms ≤ 1.
      evaluate: (cases) => cases.map((c) => agreement(printed(c), squaredError(c.y, sigmoid(logitOf(c)), 'half'),
        tolerance({ dtypes: ['float64', 'float64'], operations: c.d + elementary(1) + 4, scale: 1 }))),
    }),
    check({
      name: 'printed ↔ tfjs value of ½(y − σ(wᵀx))²', role: 'claim', oracle: tfjsGrad, arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsUnit(cases, ctx, 'half-squared-error');
        // The value is at most ½ (|y − σ| ≤ 1).
        return cases.map((c, b) => agreement(printed(c), reference[b]!.value, unitTolerance(c, 1)));
      },
    }),
  ],
});
