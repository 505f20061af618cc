// The two oracle pipelines of the speed issue (#16), as `npm run bench` times them against a PyTorch
// baseline (PyTorch 1.13 + functorch vmap, one thread, measured by the author):
//   P1: ∇_W of the mean softmax cross-entropy of softmax regression, d = 8, C = 5, N = 16 samples per
//       case: tfjs autodiff vs the float64 closed form (impl softmaxRegressionGradient), 1000 cases,
//       the comparison included.
//   P2: the same model's 40×40 Hessian in vec(W) by nested tfjs autodiff, compared with the closed form
//       (impl softmaxRegressionHessian), then its eigenvalues: PSD (λ_min ≥ −tol) and the null space
//       (H·vec(a1ᵀ) = 0: adding the same a to every class's weights leaves the softmax unchanged), 200 cases.
// Both go through the run context the checks use (the qualified tfjs oracle and the qualified eigen
// oracle), with the tolerances the items derive; a pipeline that finds a failure throws, so a fast
// wrong answer cannot pass as a rate.
import { softmaxRegressionGradient, softmaxRegressionHessian } from '../impl/index.ts';
import { softmaxRegressionLoss } from '../oracles/tfjs/losses.ts';
import { mulberry32 } from '../oracles/random.ts';
import type { OracleContext } from '../spec/engine/context.ts';
import { gradientTolerance, hessianTolerance } from '../spec/support/softmaxRegression.ts';
import { eigenvalueTolerance } from '../spec/support/convexity.ts';
import { tolerance } from '../spec/engine/tolerance.ts';

export const SHAPE = { d: 8, C: 5, N: 16 } as const;

export interface ShapeCase {
  d: number; C: number; N: number;
  /** d×C, N×d, N×C (one-hot), as the items' softmaxRegressionCase draws them (W, X ∈ [−2, 2]). */
  W: number[][]; X: number[][]; P: number[][];
  /** vec(W), row-major. */
  flat: number[];
  /** The d-vector a of the null-space direction vec(a1ᵀ). */
  a: number[];
}

/** Seeded cases of the shape: the same ones on every run. */
export function shapeCases(count: number, seed: number): ShapeCase[] {
  const r = mulberry32(seed), { d, C, N } = SHAPE;
  const uniform = () => 4 * r() - 2;
  return Array.from({ length: count }, () => {
    const W = Array.from({ length: d }, () => Array.from({ length: C }, uniform));
    const X = Array.from({ length: N }, () => Array.from({ length: d }, uniform));
    const P = X.map(() => { const k = Math.floor(r() * C); return Array.from({ length: C }, (_, i) => (i === k ? 1 : 0)); });
    return { d, C, N, W, X, P, flat: W.flat(), a: Array.from({ length: d }, uniform) };
  });
}

export interface PipelineOutcome { cases: number; worstRatio: number; failures: number }

const buildLoss = (cases: ShapeCase[]) => softmaxRegressionLoss(cases.map((c) => c.X), cases.map((c) => c.P), cases.map((c) => c.flat));

/** P1: tfjs gradients of the whole batch, each compared entrywise with impl's closed form. */
export function gradientPipeline(ctx: OracleContext, cases: ShapeCase[]): PipelineOutcome {
  const out = ctx.tfjs.derivatives(cases.map((c) => c.flat), buildLoss(cases)).flat;
  const { d, C } = SHAPE, n = d * C, g = out.gradients;
  let worstRatio = 0, failures = 0;
  for (let b = 0; b < cases.length; b++) {
    const c = cases[b]!;
    const exact = softmaxRegressionGradient(c.W, c.X, c.P), tol = gradientTolerance(c);
    let worst = 0;
    for (let i = 0; i < d; i++) {
      const row = exact[i]!;
      for (let k = 0; k < C; k++) worst = Math.max(worst, Math.abs(g[b * n + i * C + k]! - row[k]!));
    }
    if (!(worst <= tol)) failures++;
    worstRatio = Math.max(worstRatio, worst / tol);
  }
  return { cases: cases.length, worstRatio, failures };
}

/**
 * P2: tfjs Hessians of the whole batch, each compared entrywise with impl's closed form; the eigenvalues
 * of its symmetric part (λ_min ≥ −tol, the Weyl bound of the items) and H·vec(a1ᵀ) = 0 (Σ_j |E_ij||v_j| ≤
 * n·tol·max|v| for entry errors |E_ij| ≤ tol, plus the float64 products).
 */
export function hessianPipeline(ctx: OracleContext, cases: ShapeCase[]): PipelineOutcome {
  const out = ctx.tfjs.derivatives(cases.map((c) => c.flat), buildLoss(cases), { hessian: true }).flat;
  const { d, C } = SHAPE, n = d * C, h = out.hessians!;
  const sym = new Float64Array(n * n), lambda = new Float64Array(n), v = new Float64Array(n);
  let worstRatio = 0, failures = 0;
  for (let b = 0; b < cases.length; b++) {
    const c = cases[b]!, o = b * n * n;
    const exact = softmaxRegressionHessian(c.W, c.X), entryTol = hessianTolerance(c);
    let worst = 0, norm = 0;
    for (let i = 0; i < n; i++) {
      const row = exact[i]!;
      for (let j = 0; j < n; j++) {
        const hij = h[o + i * n + j]!;
        worst = Math.max(worst, Math.abs(hij - row[j]!));
        const s = (hij + h[o + j * n + i]!) / 2;
        sym[i * n + j] = s;
        norm = Math.max(norm, Math.abs(s));
      }
    }
    ctx.eigen.valuesFlat(sym, n, lambda);
    const psdTol = eigenvalueTolerance(n, entryTol, norm);
    let vMax = 0;
    for (let i = 0; i < d; i++) for (let k = 0; k < C; k++) { v[i * C + k] = c.a[i]!; vMax = Math.max(vMax, Math.abs(c.a[i]!)); }
    let nullWorst = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += h[o + i * n + j]! * v[j]!;
      nullWorst = Math.max(nullWorst, Math.abs(s));
    }
    const nullTol = n * entryTol * vMax + tolerance({ dtypes: ['float64', 'float64'], operations: n, scale: n * norm * vMax });
    const ratios = [worst / entryTol, Math.max(0, -lambda[0]!) / psdTol, nullWorst / nullTol];
    if (!ratios.every((x) => x <= 1)) failures++;
    worstRatio = Math.max(worstRatio, ...ratios);
  }
  return { cases: cases.length, worstRatio, failures };
}
