import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { adamRun } from '../../domains/index.ts';
import { adamCase, adamClosedForm, adamTolerances, TFJS_ADAM, tfjsAdam, type AdamCase } from '../../support/adam.ts';

/** 4.3.24 as printed, run from v₀ = 0: v_t = β₂ v_{t−1} + (1 − β₂) g_t² (g_t² elementwise). */
function printedSecondMoment({ config: { beta2 }, w0, gradients }: AdamCase): number[] {
  let v = w0.map(() => 0);
  for (const g of gradients) v = v.map((vi, i) => beta2 * vi + (1 - beta2) * g[i]! ** 2);
  return v;
}
const runs = adamRun().map(adamCase);
const gMax = (c: AdamCase) => Math.max(...c.gradients.flat().map(Math.abs));
// β₁ = 0: then m̂_t = g_t, and the step −η g_t/(√v̂_t + ε) shows the second moment alone.
const noMomentum = runs.map((c) => ({ ...c, config: { ...c.config, beta1: 0 } }));

export default defineItem({
  id: '4.3.24', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2`,
  printed: String.raw`v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2`,
  statement: 'Defines Adam’s second moment as an exponential moving average of the elementwise squared gradients. Checked against tf.train.adam; '
    + 'it is non-negative and lies between (1 − β₂ᵗ)·min_k g_k² and (1 − β₂ᵗ)·max_k g_k² per coordinate.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed v_T ↔ tf.train.adam second moment', role: 'claim', ...TFJS_ADAM, arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => agreement(printedSecondMoment(c), states[b]!.at(-1)!.v, adamTolerances(c).v));
      },
    }),
    check({
      name: '(1 − β₂ᵀ) min g² ≤ v_T ≤ (1 − β₂ᵀ) max g² per coordinate', role: 'claim', reference: 'printed', arbitrary: runs, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const T = c.gradients.length, mass = 1 - c.config.beta2 ** T, v = printedSecondMoment(c);
        const excess = Math.max(...v.map((vi, i) => {
          const squares = c.gradients.map((g) => g[i]! ** 2);
          return Math.max(mass * Math.min(...squares) - vi, vi - mass * Math.max(...squares));
        }));
        return { value: excess, bound: tolerance({ dtypes: ctx.dtypes, operations: 3 * T + 2, scale: gMax(c) ** 2 }) };
      }),
    }),
    check({
      name: 'subject adamTrajectory with β₁ = 0 (so m̂_t = g_t): every w_t ↔ the closed form with v̂_t the normalised exponential average of g²',
      role: 'subject', subject: 'adamTrajectory', reference: 'closed-form', arbitrary: noMomentum, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => agreement(ctx.subject.api.adamTrajectory!(c.w0, c.gradients, c.config).map((s) => s.w), adamClosedForm(c),
        adamTolerances(c, ctx.dtypes).w)),
    }),
  ],
});
