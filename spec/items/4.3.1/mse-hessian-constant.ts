import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { regressionCase, vector, real, type RegressionCase } from '../../domains/index.ts';
import { linearHessianTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

// The same data X, y at two parameter points (w, b) and (w′, b′).
const pairs = regressionCase({ d: [1, 4], N: [1, 6] }).chain((c) =>
  fc.record({ w2: vector(c.d, 20), b2: real(20) }).map(({ w2, b2 }) => ({ first: c, second: { ...c, w: w2, b: b2 } as RegressionCase })));

export default defineItem({
  id: 'mse-hessian-constant', kind: 'claim', section: '4.3.1',
  quote: '均方误差的 Hessian 是**常数矩阵**（与参数$w$无关）',
  statement: 'The Hessian of the MSE of a linear model does not depend on the parameters.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs Hessians at two parameter points agree', role: 'claim', reference: 'tfjs-hessian', arbitrary: pairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsLinearModel(cases.map((c) => c.first), ctx, 'linear-mse', 'half', true);
        const second = tfjsLinearModel(cases.map((c) => c.second), ctx, 'linear-mse', 'half', true);
        // Two float32 computations of the same constant: twice the float32-vs-float64 tolerance.
        return cases.map((c, b) => agreement(first[b]!.hessian!, second[b]!.hessian!, 2 * linearHessianTolerance(c.first, ctx.dtypes)));
      },
    }),
  ],
});
