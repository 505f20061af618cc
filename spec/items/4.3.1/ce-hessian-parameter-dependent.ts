import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { difference } from '../../engine/close.ts';
import { tfjsHessian } from '../../engine/labels.ts';
import { matrix, softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { hessianTolerance, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';

// The same data at two weight matrices W and W′.
const pairs = softmaxRegressionCase({ d: [1, 3], C: [2, 3], N: [1, 3] }).chain((c) =>
  matrix(c.d, c.C, 2).map((w2) => ({ first: c, second: { ...c, W: w2 } as SoftmaxRegressionCase })));

export default defineItem({
  id: 'ce-hessian-parameter-dependent', kind: 'claim', section: '4.3.1',
  quote: '交叉熵的 Hessian 是**参数依赖的**',
  statement: 'The Hessian of the softmax-regression cross-entropy depends on the parameters (through p̂).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs Hessians at two weight matrices differ beyond float32 noise', role: 'claim', oracle: tfjsHessian, quantifier: 'exists',
      arbitrary: pairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsSoftmaxRegression(cases.map((c) => c.first), ctx, true);
        const second = tfjsSoftmaxRegression(cases.map((c) => c.second), ctx, true);
        // Differences must exceed the error of two float32 computations (2× the float32-vs-float64 tolerance).
        return cases.map((c, b) => ({ value: difference(first[b]!.hessian!, second[b]!.hessian!).maxAbs,
          bound: 2 * Math.max(hessianTolerance(c.first), hessianTolerance(c.second)), sense: 'atLeast' as const }));
      },
    }),
  ],
});
