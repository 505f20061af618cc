import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
import { adamRun } from '../../domains/index.ts';
import { adamTrajectory } from '../../../impl/index.ts';
import { adamCase, adamTolerances, tfjsAdam, tfjsAdamLabel, type AdamCase } from '../../support/adam.ts';

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
      role: 'claim', oracle: tfjsAdamLabel, arbitrary: constantRuns, runs: 'default',
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
      name: 'tf.train.adam’s last step = −η m̂_T/(√v̂_T + ε) with the printed m̂, v̂ of its own m, v', role: 'claim', oracle: tfjsAdamLabel,
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
      name: 'printed ↔ impl adamTrajectory m̂, v̂', role: 'support', oracle: IMPL_F64, arbitrary: runs, runs: 'default',
      evaluate: (cases) => cases.map((c) => {
        const last = adamTrajectory(c.w0, c.gradients, c.config).at(-1)!;
        const { mHat, vHat } = printedCorrection(last.m, last.v, last.t, c.config);
        const gMax = Math.max(...c.gradients.flat().map(Math.abs));
        // Same float64 inputs, one division each: the only difference is how β^t is formed (≤ t roundings, amplified by β^t/(1 − β^t)).
        const tol = (scale: number, beta: number) => tolerance({ dtypes: ['float64', 'float64'], operations: 2 * last.t, scale,
          condition: 1 + beta ** last.t / (1 - beta ** last.t) });
        return agreement([...mHat, ...vHat], [...last.mHat, ...last.vHat], Math.max(tol(gMax, c.config.beta1), tol(gMax ** 2, c.config.beta2)));
      }),
    }),
  ],
});
