import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { adamRun } from '../../domains/index.ts';
import { adamCase, adamTolerances, TFJS_ADAM, tfjsAdam, type AdamCase } from '../../support/adam.ts';

/** 4.3.25 as printed: m̂_t = m_t/(1 − β₁ᵗ), v̂_t = v_t/(1 − β₂ᵗ). */
const printedCorrection = (m: number[], v: number[], t: number, { beta1, beta2 }: AdamCase['config']) =>
  ({ mHat: m.map((mi) => mi / (1 - beta1 ** t)), vHat: v.map((vi) => vi / (1 - beta2 ** t)) });

// Runs whose gradient is the same at every step (the first one, repeated), started at w₀ = 0.
const constantRuns = adamRun().map((r) => adamCase({ ...r, w0: r.w0.map(() => 0), gradients: r.gradients.map(() => r.gradients[0]!) }));
// Arbitrary runs started at w₀ = 0, so the last step w_T − w_{T−1} is not swamped by the rounding of a large w.
const runs = adamRun().map((r) => adamCase({ ...r, w0: r.w0.map(() => 0) }));

export default defineItem({
  id: '4.3.25', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`\hat{m}_t = \frac{m_t}{1-\beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1-\beta_2^t}`,
  printed: String.raw`\hat{m}_t = \frac{m_t}{1-\beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1-\beta_2^t}`,
  statement: 'Defines Adam’s bias-corrected moments. Checked: for a constant gradient g they are exactly m̂_t = g and v̂_t = g² at every step '
    + '(the zero-initialisation bias is removed), and they are the moments tf.train.adam’s update uses.',
  expectedVerdict: 'definition',
  checks: [
    ...(['mHat', 'vHat'] as const).map((which) => check({
      name: which === 'mHat' ? 'constant gradient: printed m̂_t = g from tf.train.adam’s m_t' : 'constant gradient: printed v̂_t = g² from tf.train.adam’s v_t',
      role: 'claim', ...TFJS_ADAM, arbitrary: constantRuns, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const T = c.gradients.length, g = c.gradients[0]!, last = states[b]!.at(-1)!;
          const corrected = printedCorrection(last.m, last.v, T, c.config);
          return which === 'mHat' ? agreement(corrected.mHat, g, adamTolerances(c).mHat)
            : agreement(corrected.vHat, g.map((gi) => gi * gi), adamTolerances(c).vHat);
        });
      },
    })),
    check({
      name: 'tf.train.adam’s last step = −η m̂_T/(√v̂_T + ε) with the printed m̂, v̂ of its own m, v', role: 'claim', ...TFJS_ADAM,
      arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const T = c.gradients.length, trajectory = states[b]!;
          const last = trajectory.at(-1)!, previous = T > 1 ? trajectory.at(-2)!.w : c.w0;
          const { mHat, vHat } = printedCorrection(last.m, last.v, T, c.config);
          const step = mHat.map((mh, i) => (-c.config.learningRate * mh) / (Math.sqrt(vHat[i]!) + c.config.epsilon));
          return agreement(last.w.map((w, i) => w - previous[i]!), step, adamTolerances(c).w);
        });
      },
    }),
    check({
      name: 'subject adamTrajectory, constant gradient g: the bias correction makes every step −η g/(|g| + ε), so w_t = w₀ − t·η·g/(|g| + ε) (closed form)',
      role: 'subject', subject: 'adamTrajectory', reference: 'closed-form', arbitrary: constantRuns, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const { learningRate: eta, epsilon } = c.config, g = c.gradients[0]!;
        const closed = c.gradients.map((_, k) => c.w0.map((w, i) => w - ((k + 1) * eta * g[i]!) / (Math.abs(g[i]!) + epsilon)));
        return agreement(ctx.subject.api.adamTrajectory!(c.w0, c.gradients, c.config).map((s) => s.w), closed, adamTolerances(c, ctx.dtypes).w);
      }),
    }),
  ],
});
