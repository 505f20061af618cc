import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { between } from '../../domains/index.ts';
import { M, optimum, overlapLevels, overlapPairs, tfjsAt, tfjsTol } from '../../support/overlap.ts';

/**
 * On the one-number overlap family of spec/support/overlap.ts (q = k/M; q → ½ total overlap, q → 1
 * separation), the local strong-convexity coefficient at the optimum is the curvature f''(w*) = q(1 − q).
 */

export default defineItem({
  id: 'ce-overlap-curvature', kind: 'claim', section: '4.3.2',
  quote: '当不同类别的样本高度重叠时，强凸性系数很小',
  statement: 'When the classes overlap heavily, the (local) strong-convexity coefficient of the cross-entropy is small: more overlap, less curvature at the optimum.',
  reading: 'The coefficient is the local one, the curvature of the cross-entropy at its optimum (globally it is 0 for every dataset: ce-strong-convexity-fisher). Overlap is compared on a family of binary datasets where it is one number, with everything else fixed.',
  correction: {
    statement: 'The opposite holds: at the optimum the curvature is q(1 − q) (times xxᵀ), largest (¼) for complete overlap and tending to 0 as the classes separate; for separable data there is no finite minimiser at all and the loss flattens toward its infimum. It is separation, not overlap, that makes cross-entropy flat.',
    latex: String.raw`\nabla^2 L_{CE}(w^*) = q(1-q),\quad w^* = \log\frac{q}{1-q}`,
  },
  errata: ['overlap-curvature-reversed'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'more overlap (k₁ < k₂) ⇒ curvature at the optimum is not larger (tfjs Hessian)', role: 'claim', reference: 'tfjs-hessian', arbitrary: overlapPairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const at = tfjsAt(cases.flatMap(({ k1, k2 }) => [{ k: k1, w: optimum(k1) }, { k: k2, w: optimum(k2) }]), ctx, true);
        return cases.map(({ k1, k2 }, b) => {
          const [mu1, mu2] = [at[2 * b]!.curvature!, at[2 * b + 1]!.curvature!];
          return { value: Math.max(0, mu1 - mu2), bound: 2 * tfjsTol(optimum(k2), ctx.dtypes),
            note: `q = ${k1 / M}: curvature ${mu1.toFixed(5)}; q = ${k2 / M}: curvature ${mu2.toFixed(5)}` };
        });
      },
    }),
    check({
      name: 'w* = log(q/(1 − q)) is the minimiser: tfjs gradient there is 0', role: 'support', reference: 'tfjs-grad', arbitrary: overlapLevels, runs: 'default',
      evaluate: (cases, ctx) => tfjsAt(cases.map(({ k }) => ({ k, w: optimum(k) })), ctx, false)
        .map(({ gradient }, b) => agreement(gradient, 0, tfjsTol(optimum(cases[b]!.k), ctx.dtypes))),
    }),
    check({
      name: 'correction: curvature at the optimum = q(1 − q) (tfjs Hessian)', role: 'correction', reference: 'tfjs-hessian', arbitrary: overlapLevels, runs: 'default',
      evaluate: (cases, ctx) => tfjsAt(cases.map(({ k }) => ({ k, w: optimum(k) })), ctx, true)
        .map(({ curvature }, b) => { const q = cases[b]!.k / M; return agreement(curvature!, q * (1 - q), tfjsTol(optimum(cases[b]!.k), ctx.dtypes)); }),
    }),
    check({
      name: 'correction: separable data (q = 1) has no minimiser: the gradient is negative at every w ∈ [−10, 10]', role: 'correction', reference: 'tfjs-grad',
      arbitrary: between(-10, 10).map((w) => ({ w })), runs: 'default',
      evaluate: (cases, ctx) => tfjsAt(cases.map(({ w }) => ({ k: M, w })), ctx, false)
        .map(({ gradient }, b) => ({ value: -gradient, bound: tfjsTol(cases[b]!.w, ctx.dtypes), sense: 'atLeast' as const, note: `gradient ${gradient.toExponential(3)}` })),
    }),
  ],
});
