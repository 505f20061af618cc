import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { adamRun } from '../../domains/index.ts';
import { diag } from '../../../impl/index.ts';
import {
  adamCase, adamTolerances, metricRuns, riemannianAdamMetricCheck, riemannianAdamOnLines, TFJS_ADAM, tfjsAdam, type AdamCase,
} from '../../support/adam.ts';

const allRuns = adamRun().map(adamCase);
// Runs with n ≥ 2 coordinates from w₀ = 0 (for n = 1 every step is parallel to −m̂ trivially), in the regime
// Adam is used in, gradients well above ε: every coordinate sees some |g| ≥ 100ε. (Where |g| ≪ ε, ε dominates
// √v̂ and the step tends to the Euclidean momentum step −(η/ε) m̂: the last check.)
const runs = adamRun().filter((r) => r.n >= 2).map((r) => adamCase({ ...r, w0: r.w0.map(() => 0) }))
  .filter((c) => c.w0.every((_, i) => Math.max(...c.gradients.map((g) => Math.abs(g[i]!))) >= 100 * c.config.epsilon));

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
  statement: 'The Adam update can be understood as taking place in the Euclidean metric: it consumes the Euclidean gradient ∇L (G = I in the '
    + 'sense of 4.3.27), where Riemannian Adam consumes the Riemannian gradient of its manifold; on the Euclidean manifold Riemannian Adam is Adam.',
  reading: 'Read with its hedge (可以理解为) and where it stands: the sentence before names Riemannian Adam (Bécigneul & Ganea, “Riemannian adaptive '
    + 'optimization methods”, ICLR), which describes Adam as a method for parameters in a Euclidean space and runs it on a Riemannian manifold '
    + 'with the Riemannian gradient, its norm and the exponential map in place of ∇L, g² and w − u, recovering Adam when the manifold is Euclidean; '
    + 'the sentence after turns to 4.3.27, w − ηG⁻¹∇L. So “在欧几里得度量下” says which gradient Adam takes — the Euclidean one, G = I — and Adam then '
    + 'applies its own per-coordinate scaling 1/(√v̂ + ε). The literal reading, that Adam’s step is the Euclidean steepest-descent step (∝ −m̂), is '
    + 'checked and fails; that Adam’s scaling is itself a metric, which the contrast credits only to Riemannian gradient descent, is the erratum.',
  errata: ['adam-update-called-euclidean'],
  notes: 'Second reading: refuted (error) read the sentence too literally — with 可以理解为 and Riemannian Adam named just before, “the Euclidean metric” '
    + 'describes the gradient Adam takes, not the geometry of its step. Settled: holds under that reading (Riemannian Adam with the Euclidean metric '
    + 'reproduces tf.train.adam; in a metric diag(c) it moves by Adam’s steps ⊘ √c, so Adam is its Euclidean member); the former claim, a step along '
    + '−m̂, is now the literal check, and the erratum is imprecise, not an error. The former correction’s checks remain as the evidence of the erratum.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the Euclidean manifold: Riemannian Adam with G = I (Riemannian gradient ∇L, norm g², exponential map w − u) ↔ tf.train.adam',
      role: 'claim', ...TFJS_ADAM, arbitrary: allRuns, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => agreement(riemannianAdamOnLines(c, c.w0.map(() => 1)).at(-1)!, states[b]!.at(-1)!.w, adamTolerances(c).w));
      },
    }),
    riemannianAdamMetricCheck('claim', 'Adam is the Euclidean member: in the metric diag(c), ε = 0, Riemannian Adam moves by Adam’s steps ⊘ √c (tf.train.adam), equal to them only for c = 1'),
    check({
      name: 'literal: the step is the Euclidean steepest-descent step, parallel to −m̂_T: 1 − cos(Δw, −m̂) = 0 (tf.train.adam)', role: 'literal',
      ...TFJS_ADAM, arbitrary: runs, runs: 'default',
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
      name: 'subject naturalGradientStep(w, m̂, diag(√v̂ + ε), η) ↔ tf.train.adam’s step: Adam is the form of 4.3.27 with the diagonal metric diag(√v̂ + ε)',
      role: 'subject', subject: ['naturalGradientStep', 'diag'], ...TFJS_ADAM, arbitrary: runs, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const trajectory = states[b]!, last = trajectory.at(-1)!, previous = trajectory.length > 1 ? trajectory.at(-2)!.w : c.w0;
          const { mHat, vHat } = corrected(c, last.m, last.v);
          const metric = ctx.subject.api.diag!(vHat.map((x) => Math.sqrt(x) + c.config.epsilon));
          return agreement(ctx.subject.api.naturalGradientStep!(previous, mHat, metric, c.config.learningRate), last.w, adamTolerances(c).w);
        });
      },
    }),
    check({
      name: 'for the record (the erratum): with ε = 0, rescaling coordinate i’s gradients by c_i > 0 leaves every step unchanged — diag(√v̂) acts as a metric (tf.train.adam)',
      role: 'support', ...TFJS_ADAM, arbitrary: metricRuns, runs: 'default',
      evaluate: async (cases, ctx) => {
        const scaledCases = cases.map(({ base, metric }) => ({ ...base, gradients: base.gradients.map((g) => g.map((gi, i) => gi * metric[i]!)) }));
        const states = await tfjsAdam([...cases.map((c) => c.base), ...scaledCases], ctx);
        return cases.map(({ base }, b) => {
          // Both runs are float32 computations of the same float64 trajectory: two float32-vs-float64 tolerances.
          const tol = adamTolerances(base).w + adamTolerances(scaledCases[b]!).w;
          return agreement(states[b]!.at(-1)!.w, states[cases.length + b]!.at(-1)!.w, tol);
        });
      },
    }),
    check({
      name: 'for the record: the step is Euclidean only in the limit |g| ≪ ε — when max |g| = 10⁻³ ε it is −(η/ε) m̂ within a relative max |g|/ε (tf.train.adam)',
      role: 'support', ...TFJS_ADAM, arbitrary: tinyGradients, runs: 'default',
      evaluate: async (cases, ctx) => {
        const states = await tfjsAdam(cases, ctx);
        return cases.map((c, b) => {
          const trajectory = states[b]!, last = trajectory.at(-1)!, previous = trajectory.length > 1 ? trajectory.at(-2)!.w : c.w0;
          const { mHat } = corrected(c, last.m, last.v);
          const { learningRate: eta, epsilon } = c.config;
          const euclidean = mHat.map((x) => (-eta * x) / epsilon);
          const gap = Math.max(...last.w.map((w, i) => Math.abs(w - previous[i]! - euclidean[i]!)));
          // |1/(√v̂ + ε) − 1/ε| ≤ √v̂/ε² and √v̂ ≤ max |g| (the corrected weights sum to 1): the gap is at most (max|g|/ε)·(η/ε)|m̂|,
          // plus the float32 error of the two weights the step is read from.
          const gMax = Math.max(...c.gradients.flat().map(Math.abs));
          // A sharp bound (nearly attained when every |g| is max |g|): measured as its violation, held to the rounding.
          const mathBound = (gMax / epsilon) * Math.max(...euclidean.map(Math.abs));
          return notAbove(gap, mathBound, 2 * adamTolerances(c).w, `max |g|/ε = ${(gMax / epsilon).toExponential(2)}, gap/bound = ${(gap / mathBound).toPrecision(3)}`);
        });
      },
    }),
  ],
});
