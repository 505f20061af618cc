import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { adamRun } from '../../domains/index.ts';
import { adamStepBound } from '../../../impl/index.ts';
import { adamCase, adamClosedForm, adamTolerances, TFJS_ADAM, tfjsAdam, type AdamCase } from '../../support/adam.ts';

/** 4.3.23–4.3.26 as printed, run from m₀ = v₀ = 0: the weights after the last step. */
function printedAdam({ config: { beta1, beta2, learningRate: eta, epsilon }, w0, gradients }: AdamCase): number[] {
  let m = w0.map(() => 0), v = w0.map(() => 0), w = [...w0];
  gradients.forEach((g, k) => {
    const t = k + 1;
    m = m.map((mi, i) => beta1 * mi + (1 - beta1) * g[i]!); // 4.3.23
    v = v.map((vi, i) => beta2 * vi + (1 - beta2) * g[i]! ** 2); // 4.3.24
    const mHat = m.map((mi) => mi / (1 - beta1 ** t)), vHat = v.map((vi) => vi / (1 - beta2 ** t)); // 4.3.25
    w = w.map((wi, i) => wi - (eta * mHat[i]!) / (Math.sqrt(vHat[i]!) + epsilon)); // 4.3.26
  });
  return w;
}
const runs = adamRun().map(adamCase);
const fromZero = adamRun().map((r) => adamCase({ ...r, w0: r.w0.map(() => 0) }));
const firstSteps = adamRun({ steps: [1, 1] }).map((r) => adamCase({ ...r, w0: r.w0.map(() => 0) }));

export default defineItem({
  id: '4.3.26', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`w_{t+1} = w_t - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}`,
  printed: String.raw`w_{t+1} = w_t - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}`,
  statement: 'Defines the Adam update (with ε added to √v̂, as in tf.train.adam). Checked: 4.3.23–4.3.26 as printed reproduce tf.train.adam; the first step '
    + 'is −η g/(|g| + ε) ≈ −η·sign(g) whatever the gradient’s scale; every step is bounded per coordinate by η(1 − β₁)/√(1 − β₂)·√(Σ_{j<t}(β₁²/β₂)^j)·√(1 − β₂ᵗ)/(1 − β₁ᵗ).',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed 4.3.23–4.3.26 ↔ tf.train.adam weights after T steps', role: 'claim', ...TFJS_ADAM, arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => agreement(printedAdam(c), states[b]!.at(-1)!.w, adamTolerances(c).w));
      },
    }),
    check({
      name: 'first step = −η g/(|g| + ε) (tf.train.adam)', role: 'claim', ...TFJS_ADAM, arbitrary: firstSteps, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const g = c.gradients[0]!, eta = c.config.learningRate, eps = c.config.epsilon;
          return agreement(states[b]![0]!.w, g.map((gi) => (-eta * gi) / (Math.abs(gi) + eps)), adamTolerances(c).w,
            `g = ${JSON.stringify(g)}, η = ${eta}, ε = ${eps}`);
        });
      },
    }),
    check({
      name: 'every step |Δw_t| ≤ η·bound(t, β₁, β₂) per coordinate (tf.train.adam)', role: 'claim', ...TFJS_ADAM, arbitrary: fromZero, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const { beta1, beta2, learningRate: eta } = c.config;
          let excess = -Infinity;
          states[b]!.forEach((s, k) => {
            const previous = k === 0 ? c.w0 : states[b]![k - 1]!.w;
            const limit = eta * adamStepBound(k + 1, beta1, beta2);
            for (let i = 0; i < c.w0.length; i++) excess = Math.max(excess, Math.abs(s.w[i]! - previous[i]!) - limit);
          });
          return { value: excess, bound: adamTolerances(c).w };
        });
      },
    }),
    check({
      name: 'subject adamTrajectory: every w_t ↔ the closed form w₀ − η Σ_s m̂_s/(√v̂_s + ε), m̂ and v̂ normalised exponential averages of g and g²',
      role: 'subject', subject: 'adamTrajectory', reference: 'closed-form', arbitrary: runs, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => agreement(ctx.subject.api.adamTrajectory!(c.w0, c.gradients, c.config).map((s) => s.w), adamClosedForm(c),
        adamTolerances(c, ctx.dtypes).w)),
    }),
  ],
});
