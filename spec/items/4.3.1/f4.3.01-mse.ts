import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { real } from '../../domains/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

/** 4.3.1 as printed: L = ½(y − ŷ)². */
const printed = ({ y, yHat }: { y: number; yHat: number }) => 0.5 * (y - yHat) ** 2;
const pair = fc.record({ y: real(10), yHat: real(10) });
// One subtraction, one square, one halving; the terms combined have size (|y| + |ŷ|)²; a square
// doubles the relative perturbation of its (rounded) inputs: κ = 2.
const tol = (y: number, yHat: number, dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: 3, scale: (Math.abs(y) + Math.abs(yHat)) ** 2, condition: 2 });

export default defineItem({
  id: '4.3.1', kind: 'formula', section: '4.3.1', definition: true,
  quote: String.raw`L_{MSE}(y, \hat{y}) = \frac{1}{2}(y - \hat{y})^2`,
  printed: String.raw`L_{MSE}(y, \hat{y}) = \frac{1}{2}(y - \hat{y})^2`,
  statement: 'Defines the per-sample squared error with the ½ convention, L = ½(y − ŷ)².',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed ↔ tfjs loss value', role: 'claim', reference: 'tfjs-grad', arbitrary: pair, runs: 'default',
      evaluate: (cases, ctx) => {
        const { values } = ctx.tfjs.derivatives(cases.map((c) => [c.yHat]), tfjsLosses.squaredErrorLoss(cases.map((c) => c.y), 'half'));
        return cases.map((c, b) => agreement(values[b]!, printed(c), tol(c.y, c.yHat, ctx.dtypes)));
      },
    }),
    check({
      name: 'squaredError(·, ·, "half") ↔ tfjs loss value ½(y − ŷ)²', role: 'subject', subject: 'squaredError', reference: 'tfjs-grad', arbitrary: pair, runs: 'default',
      evaluate: (cases, ctx) => {
        const { values } = ctx.tfjs.derivatives(cases.map((c) => [c.yHat]), tfjsLosses.squaredErrorLoss(cases.map((c) => c.y), 'half'));
        return cases.map((c, b) => agreement(ctx.subject.api.squaredError!(c.y, c.yHat, 'half'), values[b]!, tol(c.y, c.yHat, ctx.dtypes)));
      },
    }),
  ],
});
