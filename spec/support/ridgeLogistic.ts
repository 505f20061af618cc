// Ridge logistic regression in float64 for the strong-convexity items of §4.3.2 (4.3.12 and the
// convergence rate): f(w) = (1/N) Σ_n BCE(y_n, σ(wᵀx_n)) + (λ/2)‖w‖², its gradient and Hessian from impl/
// pieces, its constants μ = λ (the Hessian is (1/N) Σ σ'(z_n) x_n x_nᵀ + λI ⪰ λI) and
// L = λ + λ_max(XᵀX)/(4N) (σ' ≤ ¼), a Newton minimiser, and the float64 rounding of each quantity.
import type { RunContext } from '../engine/item.ts';
import { elementary, tolerance } from '../engine/tolerance.ts';
import type { RidgeLogisticCase } from '../domains/strongConvexity.ts';
import { binaryCrossEntropyFromLogit, logisticCrossEntropyGradient, sigmoidDerivative } from '../../impl/index.ts';
import { solveLinear } from '../../oracles/linalg.ts';
import { gramOf } from './convexity.ts';

const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
export const norm = (v: number[]) => Math.hypot(...v);

export interface RidgeLogistic {
  f: (w: number[]) => number;
  gradient: (w: number[]) => number[];
  hessian: (w: number[]) => number[][];
  mu: number;
  L: number;
  /** float64 rounding of f(w): N BCE terms ≤ |z_n| + log 2 (a logit of d roundings, a softplus) and the ridge term. */
  valueTol: (w: number[]) => number;
  /** float64 rounding of each gradient entry: (1/N) Σ (σ(z_n) − y_n) x_ni + λw_i, terms ≤ max|x| and λ|w_i|. */
  gradientTol: (w: number[]) => number;
}

export function ridgeLogistic(c: RidgeLogisticCase, ctx: RunContext): RidgeLogistic {
  const { X, y, lambda, d, N } = c;
  const ridge = (w: number[]) => (lambda / 2) * dot(w, w);
  const f = (w: number[]) => X.reduce((s, x, n) => s + binaryCrossEntropyFromLogit(y[n]!, dot(x, w)), 0) / N + ridge(w);
  const gradient = (w: number[]) => logisticCrossEntropyGradient(X, y, w, 0).w.map((g, i) => g + lambda * w[i]!);
  const hessian = (w: number[]) => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) =>
    X.reduce((s, x, n) => s + sigmoidDerivative(dot(x, w)) * x[i]! * x[j]!, 0) / N + (i === j ? lambda : 0)));
  const gram = ctx.eigen.values(gramOf(X));
  const L = lambda + gram[gram.length - 1]! / (4 * N);
  const xMax = Math.max(...X.flat().map(Math.abs));
  const valueTol = (w: number[]) => tolerance({ dtypes: ['float64', 'float64'], operations: N + 2 * d + elementary(2) + 4,
    scale: Math.max(...X.map((x) => x.reduce((s, xi, i) => s + Math.abs(xi * w[i]!), 0))) + 1 + ridge(w) });
  const gradientTol = (w: number[]) => tolerance({ dtypes: ['float64', 'float64'], operations: N + d + elementary(2) + 4,
    scale: xMax + lambda * Math.max(...w.map(Math.abs)) });
  return { f, gradient, hessian, mu: lambda, L, valueTol, gradientTol };
}

/**
 * The minimiser by damped Newton from 0 (Armijo backtracking): f is λ-strongly convex, so Newton converges
 * (quadratically near ŵ*). Returns the iterate with the smallest gradient and that gradient g*: checks
 * charge g* (the float64 minimiser is not exact) rather than assume ∇f(ŵ*) = 0.
 */
export function newtonMinimiser(p: RidgeLogistic, d: number): { wStar: number[]; gStar: number[] } {
  let w = new Array<number>(d).fill(0);
  let best = { wStar: w, gStar: p.gradient(w) };
  for (let it = 0; it < 60; it++) {
    const g = p.gradient(w);
    if (norm(g) < norm(best.gStar)) best = { wStar: w, gStar: g };
    if (norm(g) <= p.gradientTol(w)) break; // at the rounding level: further steps only jitter
    const step = solveLinear(p.hessian(w), g);
    const fw = p.f(w), slope = dot(g, step);
    // Armijo backtracking while the predicted decrease is above f's rounding; below it (the quadratic
    // convergence region) the comparison of f values is noise, and the full Newton step is taken.
    const noise = 2 ** -40 * (Math.abs(fw) + 1);
    let t = 1;
    while (t > 1e-12 && 0.25 * t * slope > noise && p.f(w.map((wi, i) => wi - t * step[i]!)) > fw - 0.25 * t * slope) t /= 2;
    const next = w.map((wi, i) => wi - t * step[i]!);
    if (next.every((v, i) => v === w[i])) break;
    w = next;
  }
  const g = p.gradient(w);
  if (norm(g) < norm(best.gStar)) best = { wStar: w, gStar: g };
  return best;
}
