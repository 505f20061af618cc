import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { ADAM_SETTINGS, spdMetric } from '../../domains/index.ts';
import { adamTolerances, riemannianAdamMetricCheck, TFJS_ADAM, tfjsAdam, type AdamCase } from '../../support/adam.ts';
import { norm, solveWith } from '../../support/naturalGradient.ts';

// Two quadratic losses L_k(w) = ½(w − a_k)ᵀH_k(w − a_k) with H₁ = I and H₂ = G (κ up to 10⁶), their minimisers a_k placed so that
// both have the gradient g at w₀; and one of the Adam settings.
const losses = fc.record({ metric: spdMetric([2, 4], 3), setting: fc.nat(ADAM_SETTINGS.length - 1) });
const matVec = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
const identity = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 0)));

export default defineItem({
  id: 'riemannian-adam-uses-geometry', kind: 'claim', section: '4.3.3',
  quote: '现代深度学习优化器（如 Riemannian Adam）利用了损失函数在参数空间中的几何结构',
  statement: 'Modern deep-learning optimisers such as Riemannian Adam exploit the geometric structure of the loss function in parameter space.',
  condition: 'The geometry is that of the manifold the parameters live on (e.g. hyperbolic space for hyperbolic embeddings), not one derived from the '
    + 'loss: Riemannian Adam (Bécigneul & Ganea, ICLR) puts that manifold’s Riemannian gradient, norm and exponential map in place of Adam’s '
    + 'gradient, square and update, and is Adam when the manifold is Euclidean, whatever the loss’s curvature. Its step depends on the loss only '
    + 'through the gradient; a metric taken from the loss (the Fisher information, or the Hessian) is the natural gradient of 4.3.27–4.3.28.',
  errata: ['riemannian-adam-loss-geometry'],
  notes: 'Second reading: the former reading (“optimisers like Riemannian Adam use the geometry of the parameter space”) drops “损失函数的” — the '
    + 'sentence says the geometry is the loss’s. Settled: one position with adam-euclidean-metric, where Adam takes the Euclidean gradient and Riemannian '
    + 'Adam the Riemannian gradient of its manifold. Made checkable with the same Riemannian Adam: the metric of the parameter manifold changes its '
    + 'steps (condition), the curvature of the loss does not (outside the condition); the attribution of that geometry to the loss is an imprecise erratum.',
  expectedVerdict: 'conditional',
  checks: [
    riemannianAdamMetricCheck('condition', 'the parameter manifold’s geometry: in the metric diag(c), ε = 0, Riemannian Adam moves by Adam’s steps ⊘ √c (tf.train.adam)'),
    check({
      name: 'the loss’s geometry: two losses with the same gradient g at w₀ and Hessians I and H (κ up to 10⁶) get different Riemannian Adam steps on ℝⁿ (tf.train.adam)',
      role: 'outside-condition', ...TFJS_ADAM, arbitrary: losses, runs: 'default',
      evaluate: async (cases, ctx) => {
        // Each loss's gradient at w₀ is computed from the loss, H_k(w₀ − a_k) with a_k = w₀ − H_k⁻¹g (a float64 solve).
        const runs = cases.flatMap(({ metric: { n, G, g, w }, setting }) => [identity(n), G].map((H): AdamCase => {
          const a = solveWith(H, g).map((x, i) => w[i]! - x);
          return { config: ADAM_SETTINGS[setting]!, w0: w, gradients: [matVec(H, w.map((wi, i) => wi - a[i]!))] };
        }));
        const states = await tfjsAdam(runs, ctx);
        return cases.map(({ metric: { G, g, w } }, b) => {
          const [first, second] = [states[2 * b]![0]!.w, states[2 * b + 1]![0]!.w];
          const difference = Math.max(...first.map((x, i) => Math.abs(x - second[i]!)));
          // What a method using the loss's geometry would do: the natural-gradient steps −ηH_k⁻¹g differ by η‖g − G⁻¹g‖.
          const eta = runs[2 * b]!.config.learningRate, natural = eta * norm(g.map((gi, i) => gi - solveWith(G, g)[i]!));
          // Different above rounding: more than the float32 error of the two steps (each within adamTolerances of its float64 value).
          return { value: difference, bound: adamTolerances(runs[2 * b]!).w + adamTolerances(runs[2 * b + 1]!).w, sense: 'atLeast' as const,
            note: `w₀ = ${JSON.stringify(w.map((x) => Number(x.toPrecision(3))))}: Riemannian Adam steps differ by ${difference.toExponential(2)}; natural-gradient steps by ${natural.toExponential(2)}` };
        });
      },
    }),
  ],
});
