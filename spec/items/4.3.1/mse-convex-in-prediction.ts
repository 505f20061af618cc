import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between, real } from '../../domains/index.ts';
import { squaredError } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

const points = fc.record({ y: real(10), yHat: real(10) });
const chords = fc.record({ y: real(10), a: real(10), b: real(10), lambda: between(0, 1) });

export default defineItem({
  id: 'mse-convex-in-prediction', kind: 'claim', section: '4.3.1',
  quote: String.raw`它关于预测值$\hat{y}$是**凸函数**`,
  statement: 'The MSE ½(y − ŷ)² is a convex function of the prediction ŷ.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'second derivative in ŷ of ½(y − ŷ)² is 1 > 0 (tfjs nested grad)', role: 'claim', reference: 'tfjs-hessian', arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => {
        const { hessians } = ctx.tfjs.derivatives(cases.map((c) => [c.yHat]), tfjsLosses.squaredErrorLoss(cases.map((c) => c.y), 'half'), { hessian: true });
        // d²/dŷ² of ½(y − ŷ)² is the constant 1; the backward pass has a handful of exact-or-rounded float32 steps.
        return hessians!.map((h) => agreement(h[0]![0]!, 1, tolerance({ dtypes: ctx.dtypes, operations: 4, scale: 1 })));
      },
    }),
    check({
      name: 'chord inequality L(λa + (1−λ)b) ≤ λL(a) + (1−λ)L(b)', role: 'claim', reference: 'impl', arbitrary: chords, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ y, a, b, lambda }) => {
        const left = squaredError(y, lambda * a + (1 - lambda) * b, 'half');
        const right = lambda * squaredError(y, a, 'half') + (1 - lambda) * squaredError(y, b, 'half');
        // Both sides: a handful of roundings on terms of size (|y| + max(|a|, |b|))².
        return { value: left - right, bound: tolerance({ dtypes: ctx.dtypes, operations: 8, scale: (Math.abs(y) + Math.max(Math.abs(a), Math.abs(b))) ** 2, condition: 2 }) };
      }),
    }),
  ],
});
