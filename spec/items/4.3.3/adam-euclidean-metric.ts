import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { adamRun } from '../../domains/index.ts';
import { diag, naturalGradientStep } from '../../../impl/index.ts';
import { adamCase, adamTolerances, tfjsAdam, tfjsAdamLabel, type AdamCase } from '../../support/adam.ts';

// Runs with n ≥ 2 coordinates from w₀ = 0 (for n = 1 every step is parallel to −m̂ trivially), in the regime
// Adam is used in, gradients well above ε: every coordinate sees some |g| ≥ 100ε. (Where |g| ≪ ε, ε dominates
// √v̂ and the step tends to the Euclidean momentum step −(η/ε) m̂; the statement is about Adam, not that limit.)
const runs = adamRun().filter((r) => r.n >= 2).map((r) => adamCase({ ...r, w0: r.w0.map(() => 0) }))
  .filter((c) => c.w0.every((_, i) => Math.max(...c.gradients.map((g) => Math.abs(g[i]!))) >= 100 * c.config.epsilon));
// ε = 0 (so coordinate rescaling is an exact symmetry), non-zero gradients, and a positive scale c_i ∈ [10⁻², 10²] per coordinate.
const EPSILON_FREE = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 0 };
const rescaled = adamRun({ nonZero: true }).chain((r) => fc.array(fc.integer({ min: -2_000_000, max: 2_000_000 }), { minLength: r.n, maxLength: r.n })
  .map((e) => ({ base: { config: EPSILON_FREE, w0: r.w0.map(() => 0), gradients: r.gradients } as AdamCase, scale: e.map((x) => 10 ** (x / 1_000_000)) })));

// The one limit where the step is Euclidean: gradients far below ε (setting 2 of ADAM_SETTINGS, ε = 0.1), every run rescaled
// so that max |g| = 10⁻³ ε.
const EPSILON_DOMINATED = 2;
const tinyGradients = adamRun({ nonZero: true }).map((r) => {
  const base = adamCase({ ...r, setting: EPSILON_DOMINATED, w0: r.w0.map(() => 0) });
  const top = Math.max(...r.gradients.flat().map(Math.abs));
  return { ...base, gradients: base.gradients.map((g) => g.map((gi) => (gi / top) * 1e-3 * base.config.epsilon)) };
});

/** m̂_T and v̂_T from tf.train.adam’s own m_T, v_T (4.3.25). */
const corrected = (c: AdamCase, m: number[], v: number[]) => {
  const T = c.gradients.length;
  return { mHat: m.map((x) => x / (1 - c.config.beta1 ** T)), vHat: v.map((x) => x / (1 - c.config.beta2 ** T)) };
};
const cosine = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0) / (Math.hypot(...a) * Math.hypot(...b));

export default defineItem({
  id: 'adam-euclidean-metric', kind: 'claim', section: '4.3.3',
  quote: '这个更新可以理解为在欧几里得度量下进行的',
  statement: 'The Adam update can be understood as taking place in the Euclidean metric: its step is the Euclidean steepest-descent direction, −m̂ (−g without momentum), up to a positive factor.',
  reading: 'The sentence contrasts Adam with Riemannian gradient descent w − ηG⁻¹∇L (4.3.27), so “在欧几里得度量下” says G = I: Adam’s step is the '
    + 'Euclidean steepest-descent step, of its momentum m̂ (可以理解为 lets the momentum and the step size vary), up to a positive factor. The weaker '
    + 'reading “Adam does not use the Fisher metric of the loss” is true of the full Fisher matrix, but it is not what “Euclidean” says: Adam’s '
    + 'diag(√v̂ + ε) is itself a metric, built from the gradients’ second moments — an estimate of the diagonal of the (empirical) Fisher information, '
    + 'as Adam’s authors describe it (Kingma & Ba, §5: “like natural gradient descent, Adam employs a preconditioner that adapts to the geometry of the data”).',
  errata: ['adam-update-called-euclidean'],
  correction: {
    statement: 'Adam is steepest descent in a diagonal, data-dependent metric, not the Euclidean one: w_{t+1} = w_t − η G_t⁻¹ m̂_t with G_t = diag(√v̂_t + ε), '
      + 'i.e. the form of 4.3.27 with G = diag(√v̂ + ε) and m̂ in place of ∇L. Its step is not parallel to −m̂, and (for ε = 0) it is invariant under '
      + 'a rescaling of each coordinate’s gradient, which a Euclidean gradient step is not. Only when |g| ≪ ε does it approach the Euclidean momentum step −(η/ε) m̂.',
    latex: String.raw`w_{t+1} = w_t - \eta\, G_t^{-1}\hat{m}_t,\qquad G_t = \operatorname{diag}\big(\sqrt{\hat{v}_t} + \epsilon\big)`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'the last step is parallel to −m̂_T: 1 − cos(Δw, −m̂) = 0 (tf.train.adam)', role: 'claim', oracle: tfjsAdamLabel, arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const trajectory = states[b]!, last = trajectory.at(-1)!, previous = trajectory.length > 1 ? trajectory.at(-2)!.w : c.w0;
          const step = last.w.map((w, i) => w - previous[i]!);
          const { mHat } = corrected(c, last.m, last.v);
          // A cosine of float32 vectors: their relative errors (step tolerance over its size) enter at most twice.
          const stepSize = Math.hypot(...step), tol = adamTolerances(c);
          return { value: 1 - cosine(step, mHat.map((x) => -x)), bound: stepSize > 0 ? (4 * tol.w) / stepSize : 1,
            note: `Δw = ${JSON.stringify(step.map((x) => Number(x.toPrecision(3))))}, −m̂ = ${JSON.stringify(mHat.map((x) => Number((-x).toPrecision(3))))}` };
        });
      },
    }),
    check({
      name: 'correction: the step is −η G⁻¹ m̂ with G = diag(√v̂ + ε) (impl naturalGradientStep ↔ tf.train.adam)', role: 'correction', oracle: tfjsAdamLabel,
      arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const trajectory = states[b]!, last = trajectory.at(-1)!, previous = trajectory.length > 1 ? trajectory.at(-2)!.w : c.w0;
          const { mHat, vHat } = corrected(c, last.m, last.v);
          const metric = diag(vHat.map((x) => Math.sqrt(x) + c.config.epsilon));
          return agreement(naturalGradientStep(previous, mHat, metric, c.config.learningRate), last.w, adamTolerances(c).w);
        });
      },
    }),
    check({
      name: 'correction: with ε = 0, rescaling coordinate i’s gradients by c_i > 0 leaves every step unchanged (tf.train.adam)', role: 'correction',
      oracle: tfjsAdamLabel, arbitrary: rescaled, runs: 'default',
      evaluate: async (cases, ctx) => {
        const scaledCases = cases.map(({ base, scale }) => ({ ...base, gradients: base.gradients.map((g) => g.map((gi, i) => gi * scale[i]!)) }));
        const states = await tfjsAdam([...cases.map((c) => c.base), ...scaledCases], ctx);
        return cases.map(({ base }, b) => {
          // Both runs are float32 computations of the same float64 trajectory.
          const tol = adamTolerances(base).w + adamTolerances(scaledCases[b]!).w;
          return agreement(states[b]!.at(-1)!.w, states[cases.length + b]!.at(-1)!.w, tol);
        });
      },
    }),
    check({
      name: 'correction: when max |g| = 10⁻³ ε the step is −(η/ε) m̂ within a relative max |g|/ε (tf.train.adam)', role: 'correction',
      oracle: tfjsAdamLabel, arbitrary: tinyGradients, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const trajectory = states[b]!, last = trajectory.at(-1)!, previous = trajectory.length > 1 ? trajectory.at(-2)!.w : c.w0;
          const { mHat } = corrected(c, last.m, last.v);
          const { learningRate: eta, epsilon } = c.config;
          const euclidean = mHat.map((x) => (-eta * x) / epsilon);
          const gap = Math.max(...last.w.map((w, i) => Math.abs(w - previous[i]! - euclidean[i]!)));
          // |1/(√v̂ + ε) − 1/ε| ≤ √v̂/ε² and √v̂ ≤ max |g| (the corrected weights sum to 1): the gap is at most (max|g|/ε)·(η/ε)|m̂|.
          const gMax = Math.max(...c.gradients.flat().map(Math.abs));
          const bound = (gMax / epsilon) * Math.max(...euclidean.map(Math.abs)) + 2 * adamTolerances(c).w;
          return { value: gap, bound, note: `max |g|/ε = ${(gMax / epsilon).toExponential(2)}` };
        });
      },
    }),
  ],
});
