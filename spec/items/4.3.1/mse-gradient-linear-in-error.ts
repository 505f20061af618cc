import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { real } from '../../domains/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

const points = fc.record({ y: real(10), yHat: real(10) });

export default defineItem({
  id: 'mse-gradient-linear-in-error', kind: 'claim', section: '4.3.1',
  quote: String.raw`它的梯度关于误差($\hat{y} - y$)是线性的`,
  statement: 'The gradient of the MSE ½(y − ŷ)² with respect to ŷ is the error ŷ − y itself, a linear function of the error.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs d/dŷ ½(y − ŷ)² = ŷ − y', role: 'claim', reference: 'tfjs-grad', arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => {
        const { gradients } = ctx.tfjs.derivatives(cases.map((c) => [c.yHat]), tfjsLosses.squaredErrorLoss(cases.map((c) => c.y), 'half'));
        // ŷ − y from float32-rounded inputs (terms |y| + |ŷ|), one subtraction and the exact ½·2 of the backward pass.
        return cases.map((c, b) => agreement(gradients[b]![0]!, c.yHat - c.y,
          tolerance({ dtypes: ctx.dtypes, operations: 3, scale: Math.abs(c.y) + Math.abs(c.yHat) })));
      },
    }),
  ],
});
