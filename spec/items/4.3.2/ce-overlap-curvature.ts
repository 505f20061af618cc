import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { tfjsGrad, tfjsHessian } from '../../engine/labels.ts';
import { between } from '../../domains/index.ts';
import { logisticRegressionLogSumExpLoss } from '../../../oracles/tfjs/sigmoidUnit.ts';

/**
 * A family of binary datasets whose class overlap is one number. With M = 20 points at x = +1 (k of
 * them labelled 1) and M at x = −1 (k labelled 0), the class-conditional laws put mass q = k/M and
 * 1 − q on the two points in mirror image: q → ½ is total overlap, q → 1 full separation (their
 * Bhattacharyya overlap is 2√(q(1 − q))). Logistic regression ŷ = σ(wx) (the C = 2 softmax model with
 * its redundant direction removed) has the minimiser w* = log(q/(1 − q)) and curvature q(1 − q) there.
 */
const M = 20;
function dataset(k: number): { x: number[][]; y: number[] } {
  const x: number[][] = [], y: number[] = [];
  for (let i = 0; i < M; i++) { x.push([1]); y.push(i < k ? 1 : 0); }
  for (let i = 0; i < M; i++) { x.push([-1]); y.push(i < k ? 0 : 1); }
  return { x, y };
}
const optimum = (k: number) => Math.log(k / (M - k));

/** tfjs gradient and curvature of the mean cross-entropy at w for each (k, w), one batched call. */
function tfjsAt(points: { k: number; w: number }[], ctx: RunContext, hessian: boolean) {
  const sets = points.map((p) => dataset(p.k));
  const out = ctx.tfjs.derivatives(points.map((p) => [p.w]),
    logisticRegressionLogSumExpLoss(sets.map((s) => s.x), sets.map((s) => s.y), points.map((p) => [p.w])), { hessian });
  return points.map((_, b) => ({ gradient: out.gradients[b]![0]!, curvature: out.hessians?.[b]![0]![0] }));
}
// float32 vs float64 for a mean over 2M samples of terms ≤ 1 + |w| built from two exps and a log; the
// rounding of w moves each term's derivative by ≤ u|w|.
const tol = (w: number) => tolerance({ dtypes: ['float32', 'float64'], operations: 2 * (2 * M + elementary(3)), scale: 1, condition: 1 + Math.abs(w) });

// Two overlap levels: k₁ < k₂ in [10, 19], so dataset k₁ overlaps more than dataset k₂.
const pairs = fc.integer({ min: 10, max: 18 }).chain((k1) => fc.integer({ min: k1 + 1, max: 19 }).map((k2) => ({ k1, k2 })));
const levels = fc.integer({ min: 10, max: 19 }).map((k) => ({ k }));

export default defineItem({
  id: 'ce-overlap-curvature', kind: 'claim', section: '4.3.2',
  quote: '当不同类别的样本高度重叠时，强凸性系数很小，优化变慢',
  statement: 'When the classes overlap heavily, the (local) strong-convexity coefficient of the cross-entropy is small: more overlap, less curvature at the optimum.',
  correction: {
    statement: 'The opposite holds: at the optimum the curvature is q(1 − q) (times xxᵀ), largest (¼) for complete overlap and tending to 0 as the classes separate; for separable data there is no finite minimiser at all and the loss flattens toward its infimum. It is separation, not overlap, that makes cross-entropy flat.',
    latex: String.raw`\nabla^2 L_{CE}(w^*) = q(1-q),\quad w^* = \log\frac{q}{1-q}`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'more overlap (k₁ < k₂) ⇒ curvature at the optimum is not larger (tfjs Hessian)', role: 'claim', oracle: tfjsHessian, arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const at = tfjsAt(cases.flatMap(({ k1, k2 }) => [{ k: k1, w: optimum(k1) }, { k: k2, w: optimum(k2) }]), ctx, true);
        return cases.map(({ k1, k2 }, b) => {
          const [mu1, mu2] = [at[2 * b]!.curvature!, at[2 * b + 1]!.curvature!];
          return { value: Math.max(0, mu1 - mu2), bound: 2 * tol(optimum(k2)),
            note: `q = ${k1 / M}: curvature ${mu1.toFixed(5)}; q = ${k2 / M}: curvature ${mu2.toFixed(5)}` };
        });
      },
    }),
    check({
      name: 'w* = log(q/(1 − q)) is the minimiser: tfjs gradient there is 0', role: 'support', oracle: tfjsGrad, arbitrary: levels, runs: 'default',
      evaluate: (cases, ctx) => tfjsAt(cases.map(({ k }) => ({ k, w: optimum(k) })), ctx, false)
        .map(({ gradient }, b) => agreement(gradient, 0, tol(optimum(cases[b]!.k)))),
    }),
    check({
      name: 'correction: curvature at the optimum = q(1 − q) (tfjs Hessian)', role: 'correction', oracle: tfjsHessian, arbitrary: levels, runs: 'default',
      evaluate: (cases, ctx) => tfjsAt(cases.map(({ k }) => ({ k, w: optimum(k) })), ctx, true)
        .map(({ curvature }, b) => { const q = cases[b]!.k / M; return agreement(curvature!, q * (1 - q), tol(optimum(cases[b]!.k))); }),
    }),
    check({
      name: 'correction: separable data (q = 1) has no minimiser: the gradient is negative at every w ∈ [−10, 10]', role: 'correction', oracle: tfjsGrad,
      arbitrary: between(-10, 10).map((w) => ({ w })), runs: 'default',
      evaluate: (cases, ctx) => tfjsAt(cases.map(({ w }) => ({ k: M, w })), ctx, false)
        .map(({ gradient }, b) => ({ value: -gradient, bound: tol(cases[b]!.w), sense: 'atLeast' as const, note: `gradient ${gradient.toExponential(3)}` })),
    }),
  ],
});
