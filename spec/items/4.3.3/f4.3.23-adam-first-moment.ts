import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { adamRun } from '../../domains/index.ts';
import { adamCase, adamClosedForm, adamTolerances, TFJS_ADAM, tfjsAdam, type AdamCase } from '../../support/adam.ts';

/** 4.3.23 as printed, run from m₀ = 0: m_t = β₁ m_{t−1} + (1 − β₁) g_t. */
function printedFirstMoment({ config: { beta1 }, w0, gradients }: AdamCase): number[] {
  let m = w0.map(() => 0);
  for (const g of gradients) m = m.map((mi, i) => beta1 * mi + (1 - beta1) * g[i]!);
  return m;
}
const runs = adamRun().map(adamCase);
// Runs whose gradients keep each coordinate's magnitude and vary only its sign: then v̂_t = g² exactly, and the step
// −η m̂_t/(|g| + ε) shows the first moment alone.
const signRuns = adamRun({ nonZero: true }).map(adamCase)
  .map((c) => ({ ...c, gradients: c.gradients.map((g) => g.map((gi, i) => Math.sign(gi) * Math.abs(c.gradients[0]![i]!))) }));

export default defineItem({
  id: '4.3.23', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t`,
  printed: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t`,
  statement: 'Defines Adam’s first moment as an exponential moving average of the gradients. Checked against tf.train.adam, and its unrolled form '
    + 'm_t = (1 − β₁) Σ_k β₁^{t−k} g_k, whose weights sum to 1 − β₁ᵗ < 1: from m₀ = 0 it is biased toward 0, which 4.3.25 corrects.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed m_T ↔ tf.train.adam first moment', role: 'claim', ...TFJS_ADAM, arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => agreement(printedFirstMoment(c), states[b]!.at(-1)!.m, adamTolerances(c).m));
      },
    }),
    check({
      name: 'printed m_T = (1 − β₁) Σ_k β₁^{T−k} g_k, weights summing to 1 − β₁ᵀ', role: 'claim', reference: 'closed-form', arbitrary: runs, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const T = c.gradients.length, b1 = c.config.beta1;
        const weights = c.gradients.map((_, k) => (1 - b1) * b1 ** (T - 1 - k));
        const unrolled = c.w0.map((_, i) => weights.reduce((s, a, k) => s + a * c.gradients[k]![i]!, 0));
        const gMax = Math.max(...c.gradients.flat().map(Math.abs));
        // Both are T-term sums of terms ≤ max|g| (the powers add T roundings); the weight sum has terms ≤ 1.
        const tol = tolerance({ dtypes: ctx.dtypes, operations: 3 * T + 2, scale: Math.max(gMax, 1) });
        return agreement([...printedFirstMoment(c), weights.reduce((a, w) => a + w, 0)], [...unrolled, 1 - b1 ** T], tol);
      }),
    }),
    check({
      name: 'subject adamTrajectory, |g| fixed per coordinate (signs vary, so v̂_t = g²): every w_t ↔ the closed form with m̂_t the normalised exponential average of g',
      role: 'subject', subject: 'adamTrajectory', reference: 'closed-form', arbitrary: signRuns, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => agreement(ctx.subject.api.adamTrajectory!(c.w0, c.gradients, c.config).map((s) => s.w), adamClosedForm(c),
        adamTolerances(c, ctx.dtypes).w)),
    }),
  ],
});
