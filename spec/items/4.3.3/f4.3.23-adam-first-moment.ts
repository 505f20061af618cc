import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, PRINTED_F64 } from '../../engine/labels.ts';
import { adamRun } from '../../domains/index.ts';
import { adamTrajectory } from '../../../impl/index.ts';
import { adamCase, adamTolerances, tfjsAdam, tfjsAdamLabel, type AdamCase } from '../../support/adam.ts';

/** 4.3.23 as printed, run from m₀ = 0: m_t = β₁ m_{t−1} + (1 − β₁) g_t. */
function printedFirstMoment({ config: { beta1 }, w0, gradients }: AdamCase): number[] {
  let m = w0.map(() => 0);
  for (const g of gradients) m = m.map((mi, i) => beta1 * mi + (1 - beta1) * g[i]!);
  return m;
}
const runs = adamRun().map(adamCase);

export default defineItem({
  id: '4.3.23', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t`,
  printed: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t`,
  statement: 'Defines Adam’s first moment as an exponential moving average of the gradients. Checked against tf.train.adam, and its unrolled form '
    + 'm_t = (1 − β₁) Σ_k β₁^{t−k} g_k, whose weights sum to 1 − β₁ᵗ < 1: from m₀ = 0 it is biased toward 0, which 4.3.25 corrects.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed m_T ↔ tf.train.adam first moment', role: 'claim', oracle: tfjsAdamLabel, arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => agreement(printedFirstMoment(c), states[b]!.at(-1)!.m, adamTolerances(c).m));
      },
    }),
    check({
      name: 'printed m_T = (1 − β₁) Σ_k β₁^{T−k} g_k, weights summing to 1 − β₁ᵀ', role: 'claim', oracle: PRINTED_F64, arbitrary: runs, runs: 'default',
      evaluate: (cases) => cases.map((c) => {
        const T = c.gradients.length, b1 = c.config.beta1;
        const weights = c.gradients.map((_, k) => (1 - b1) * b1 ** (T - 1 - k));
        const unrolled = c.w0.map((_, i) => weights.reduce((s, a, k) => s + a * c.gradients[k]![i]!, 0));
        const gMax = Math.max(...c.gradients.flat().map(Math.abs));
        // Both are T-term sums of terms ≤ max|g| (the powers add T roundings); the weight sum has terms ≤ 1.
        const tol = tolerance({ dtypes: ['float64', 'float64'], operations: 3 * T + 2, scale: Math.max(gMax, 1) });
        return agreement([...printedFirstMoment(c), weights.reduce((a, w) => a + w, 0)], [...unrolled, 1 - b1 ** T], tol);
      }),
    }),
    check({
      name: 'printed ↔ impl adamTrajectory m', role: 'support', oracle: IMPL_F64, arbitrary: runs, runs: 'default',
      evaluate: (cases) => cases.map((c) => agreement(printedFirstMoment(c), adamTrajectory(c.w0, c.gradients, c.config).at(-1)!.m,
        tolerance({ dtypes: ['float64', 'float64'], operations: 3 * c.gradients.length, scale: Math.max(...c.gradients.flat().map(Math.abs)) }))),
    }),
  ],
});
