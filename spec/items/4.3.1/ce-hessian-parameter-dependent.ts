import { check, defineItem } from '../../engine/item.ts';
import { agreement, difference } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, tfjsHessian } from '../../engine/labels.ts';
import { matrix, softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { softmaxRegressionHessian } from '../../../impl/index.ts';
import { hessianTolerance, logitScale, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';

// The same data at two weight matrices W and W′.
const pairs = softmaxRegressionCase({ d: [1, 3], C: [2, 3], N: [1, 3] }).chain((c) =>
  matrix(c.d, c.C, 2).map((w2) => ({ first: c, second: { ...c, W: w2 } as SoftmaxRegressionCase })));

/**
 * float64 vs float64 for the Hessian entries (1/N) Σ x_i x_j (diag p̂ − p̂p̂ᵀ)_{kl}, the derivation of
 * hessianTolerance (spec/support/softmaxRegression.ts) in float64 on both sides.
 */
function float64Tolerance(c: SoftmaxRegressionCase): number {
  const xMax = Math.max(...c.X.flat().map(Math.abs), Number.MIN_VALUE);
  return tolerance({ dtypes: ['float64', 'float64'], operations: 2 * (c.d + c.C + c.N + elementary(2)), scale: xMax ** 2, condition: 1 + logitScale(c) });
}

export default defineItem({
  id: 'ce-hessian-parameter-dependent', kind: 'claim', section: '4.3.1',
  quote: '交叉熵的 Hessian 是**参数依赖的**',
  statement: 'The Hessian of the softmax-regression cross-entropy depends on the parameters: some data and two weight matrices W, W′ give different Hessians.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'float64 Hessians at two weight matrices differ by more than their rounding (witness)', role: 'claim', oracle: IMPL_F64, quantifier: 'exists',
      arbitrary: pairs, runs: 'hessian',
      // A witness must clear the rounding of both float64 Hessians by the witness margin; the Hessians themselves are
      // confirmed against tfjs autodiff by the support check below.
      evaluate: (cases) => cases.map((c) => ({
        value: difference(softmaxRegressionHessian(c.first.W, c.first.X), softmaxRegressionHessian(c.second.W, c.second.X)).maxAbs,
        bound: float64Tolerance(c.first) + float64Tolerance(c.second), sense: 'atLeast' as const,
      })),
    }),
    check({
      name: 'impl softmaxRegressionHessian ↔ tfjs Hessian at both weight matrices', role: 'support', oracle: tfjsHessian, arbitrary: pairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsSoftmaxRegression(cases.map((c) => c.first), ctx, true);
        const second = tfjsSoftmaxRegression(cases.map((c) => c.second), ctx, true);
        return cases.map((c, b) => {
          const a = agreement(softmaxRegressionHessian(c.first.W, c.first.X), first[b]!.hessian!, hessianTolerance(c.first));
          const z = agreement(softmaxRegressionHessian(c.second.W, c.second.X), second[b]!.hessian!, hessianTolerance(c.second));
          return a.value / a.bound >= z.value / z.bound ? a : z;
        });
      },
    }),
  ],
});
