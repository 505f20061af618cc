import { check, defineItem } from '../../engine/item.ts';
import { agreement, difference } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { matrix, softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { softmaxRegressionHessian } from '../../../impl/index.ts';
import { hessianTolerance, logitScale, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';

// The same data at two weight matrices W and W′.
const pairs = softmaxRegressionCase({ d: [1, 3], C: [2, 3], N: [1, 3] }).chain((c) =>
  matrix(c.d, c.C, 2).map((w2) => ({ first: c, second: { ...c, W: w2 } as SoftmaxRegressionCase })));

/**
 * The rounding of a float64 Hessian (1/N) Σ x_i x_j (diag p̂ − p̂p̂ᵀ)_{kl} against the exact one: the derivation of
 * hessianTolerance (spec/support/softmaxRegression.ts), for the check's dtypes (float64 on both sides here).
 */
function roundingTolerance(c: SoftmaxRegressionCase, dtypes: readonly [Dtype, Dtype]): number {
  const xMax = Math.max(...c.X.flat().map(Math.abs), Number.MIN_VALUE);
  return tolerance({ dtypes, operations: 2 * (c.d + c.C + c.N + elementary(2)), scale: xMax ** 2, condition: 1 + logitScale(c) });
}

export default defineItem({
  id: 'ce-hessian-parameter-dependent', kind: 'claim', section: '4.3.1',
  quote: '交叉熵的 Hessian 是**参数依赖的**',
  statement: 'The Hessian of the softmax-regression cross-entropy depends on the parameters: some data and two weight matrices W, W′ give different Hessians.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'float64 Hessians at two weight matrices differ by more than their rounding (witness)', role: 'claim', reference: 'impl', quantifier: 'exists',
      arbitrary: pairs, runs: 'hessian',
      // A witness must clear the rounding of both float64 Hessians by the witness margin; the Hessians themselves are
      // confirmed against tfjs autodiff by the subject check below (impl is the default subject).
      evaluate: (cases, ctx) => cases.map((c) => ({
        value: difference(softmaxRegressionHessian(c.first.W, c.first.X), softmaxRegressionHessian(c.second.W, c.second.X)).maxAbs,
        bound: roundingTolerance(c.first, ctx.dtypes) + roundingTolerance(c.second, ctx.dtypes), sense: 'atLeast' as const,
      })),
    }),
    check({
      name: 'softmaxRegressionHessian ↔ tfjs Hessian at both weight matrices', role: 'subject', subject: 'softmaxRegressionHessian',
      reference: 'tfjs-hessian', arbitrary: pairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsSoftmaxRegression(cases.map((c) => c.first), ctx, true);
        const second = tfjsSoftmaxRegression(cases.map((c) => c.second), ctx, true);
        const hessian = ctx.subject.api.softmaxRegressionHessian!;
        return cases.map((c, b) => {
          const a = agreement(hessian(c.first.W, c.first.X), first[b]!.hessian!, hessianTolerance(c.first, ctx.dtypes));
          const z = agreement(hessian(c.second.W, c.second.X), second[b]!.hessian!, hessianTolerance(c.second, ctx.dtypes));
          return a.value / a.bound >= z.value / z.bound ? a : z;
        });
      },
    }),
  ],
});
