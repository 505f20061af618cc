import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { eigenOracle, tfjsHessian } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { eigenvalueTolerance, eigenvaluesOf, entryNorm, softmaxHessianEntryTolerance, tfjsSoftmaxHessians } from '../../support/convexity.ts';

// Softmax regression with up to N = 8 samples, so XᵀX is full rank in many cases: the best chance for
// a positive modulus if one existed.
const data = softmaxRegressionCase({ d: [1, 3], C: [2, 4], N: [1, 8] });
const flat = (c: SoftmaxRegressionCase) => ({ ...c, W: c.W.flat() });

function hessiansOf(cases: SoftmaxRegressionCase[], ctx: RunContext) {
  const d = cases.map(flat);
  return { data: d, hessians: tfjsSoftmaxHessians(d, ctx) };
}
const eigenTol = (c: ReturnType<typeof flat>, h: number[][]) => {
  const n = c.d * c.C;
  return eigenvalueTolerance(n, softmaxHessianEntryTolerance(c), n * entryNorm(h));
};

/**
 * Fisher information of the model at W from first-order tfjs gradients only: for every sample n and
 * every label c, the one-sample loss ℓ_{nc} = −log p̂_c(x_n) and its gradient g_{nc}; then
 * F = (1/N) Σ_n Σ_c p̂_{nc} g_{nc} g_{ncᵀ} with p̂_{nc} = exp(−ℓ_{nc}). One tfjs call per shape.
 */
function fisher(cases: SoftmaxRegressionCase[], ctx: RunContext): number[][][] {
  const jobs = cases.flatMap((c, b) => c.X.flatMap((x, n) => Array.from({ length: c.C }, (_, k) => ({ b, n, c, x, k }))));
  const results = batchedByShape(jobs, (j) => `${j.c.d}x${j.c.C}`, (group) => {
    const w = group.map((j) => j.c.W.flat());
    const out = ctx.tfjs.derivatives(w, tfjsLosses.softmaxRegressionLoss(group.map((j) => [j.x]),
      group.map((j) => [Array.from({ length: j.c.C }, (_, i) => (i === j.k ? 1 : 0))]), w));
    return group.map((_, i) => ({ value: out.values[i]!, gradient: out.gradients[i]! }));
  });
  return cases.map((c, b) => {
    const n = c.d * c.C;
    const F = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    jobs.forEach((j, i) => {
      if (j.b !== b) return;
      const { value, gradient: g } = results[i]!;
      const p = Math.exp(-value);
      for (let r = 0; r < n; r++) for (let s = 0; s < n; s++) F[r]![s]! += (p * g[r]! * g[s]!) / c.N;
    });
    return F;
  });
}

export default defineItem({
  id: 'ce-strong-convexity-fisher', kind: 'claim', section: '4.3.2',
  quote: '交叉熵的强凸性取决于数据的 Fisher 信息矩阵，其值与样本的"分离度"相关',
  statement: 'The strong-convexity modulus of the (softmax-regression) cross-entropy is set by the Fisher information matrix and its value depends on how separated the classes are: for suitable data it is positive.',
  correction: {
    statement: 'The Hessian in W does equal the Fisher information (1/N) Σ (xxᵀ) ⊗ (diag p̂ − p̂p̂ᵀ), but that matrix is singular for every W and every dataset: adding one vector a to every column of W (W → W + a1ᵀ) leaves every softmax unchanged, so the loss is flat along that direction and the modulus is μ = 0 whatever the data. Cross-entropy in W is convex, never strongly convex; only after fixing one class\'s weights (e.g. binary logistic regression) can the curvature be positive, and then only locally (see ce-overlap-curvature).',
    latex: String.raw`H_{CE}\,\mathrm{vec}(a\mathbf{1}^T) = 0 \;\Rightarrow\; \mu = \lambda_{\min}(H_{CE}) = 0`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'some dataset gives λ_min(Hessian in W) > 0 (tfjs Hessian, eigen oracle)', role: 'claim', quantifier: 'exists',
      oracle: (ctx) => `${eigenOracle(ctx)} of ${ctx.tfjs.label('hessian')}`, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const { data: d, hessians } = hessiansOf(cases, ctx);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => ({ value: lambda[0]!, bound: eigenTol(d[b]!, hessians[b]!), sense: 'atLeast' as const,
          note: `λ_min = ${lambda[0]!.toExponential(3)}, λ_max = ${lambda[lambda.length - 1]!.toExponential(3)}` }));
      },
    }),
    check({
      name: 'correction: H·vec(1 1ᵀ) = 0 (the shift W → W + a1ᵀ is a null direction)', role: 'correction', oracle: tfjsHessian, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const { data: d, hessians } = hessiansOf(cases, ctx);
        // (Hv)_r sums n entries, each within the entry tolerance.
        return hessians.map((h, b) => agreement(h.map((row) => row.reduce((s, v) => s + v, 0)), h.map(() => 0),
          d[b]!.d * d[b]!.C * softmaxHessianEntryTolerance(d[b]!)));
      },
    }),
    check({
      name: 'correction: Hessian (nested tfjs grad) = Fisher information Σ_c p̂_c g_c g_cᵀ (first-order tfjs grads)', role: 'correction',
      oracle: (ctx) => `${ctx.tfjs.label('hessian')} vs ${ctx.tfjs.label('grad')}`, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const { data: d, hessians } = hessiansOf(cases, ctx);
        const F = fisher(cases, ctx);
        return hessians.map((h, b) => {
          const c = d[b]!, xMax = Math.max(...c.X.flat().map(Math.abs));
          // Fisher side: C products of two float32 gradient entries (≤ max|x| each) per sample, weighted by p̂.
          const fisherTol = tolerance({ dtypes: ['float32', 'float64'], operations: 2 * (c.d + c.C + 2 + elementary(2)) + c.C + c.N, scale: 2 * xMax ** 2 });
          return agreement(F[b]!, h, softmaxHessianEntryTolerance(c) + fisherTol);
        });
      },
    }),
  ],
});
