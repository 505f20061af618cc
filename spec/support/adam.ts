// tf.train.adam runs for the Adam items, batched: runs that share hyperparameters are laid side by side
// in one variable (Adam is coordinate-wise), so each time step is one applyGradients call for all of
// them; a run with fewer steps reads its state at its own last step. And the float32-vs-float64
// tolerance of Adam's state, derived from the run itself.
import fc from 'fast-check';
import { check, type RunContext } from '../engine/item.ts';
import { agreement } from '../engine/close.ts';
import { tolerance, type Dtype } from '../engine/tolerance.ts';
import { ADAM_SETTINGS, adamRun, type AdamRun } from '../domains/index.ts';
import { adamTrajectory, type AdamConfig } from '../../impl/index.ts';
import { tfjsAdamTrajectory, type TfjsAdamState } from '../../oracles/tfjs/adam.ts';
import { useReference } from '../engine/references.ts';

export interface AdamCase { config: AdamConfig; w0: number[]; gradients: number[][] }

export const adamCase = (run: AdamRun): AdamCase => ({ config: ADAM_SETTINGS[run.setting]!, w0: run.w0, gradients: run.gradients });

/** How the checks that run tf.train.adam name it (its tolerances keep the explicit pair tf.train.adam (float32) against float64). */
export const TFJS_ADAM = { reference: 'tfjs-adam' } as const;

/** The tfjs state after every step of every case (trajectory[t − 1] is the state after step t). */
export async function tfjsAdam(cases: AdamCase[], ctx: RunContext): Promise<TfjsAdamState[][]> {
  useReference('tfjs-adam');
  const groups = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const key = JSON.stringify(c.config);
    const list = groups.get(key);
    if (list) list.push(i); else groups.set(key, [i]);
  });
  const out = new Array<TfjsAdamState[]>(cases.length);
  for (const indices of groups.values()) {
    const members = indices.map((i) => cases[i]!);
    const offsets: number[] = [];
    let width = 0;
    for (const c of members) { offsets.push(width); width += c.w0.length; }
    const steps = Math.max(...members.map((c) => c.gradients.length));
    const gradients = Array.from({ length: steps }, (_, t) =>
      members.flatMap((c) => c.gradients[t] ?? c.w0.map(() => 0))); // past its last step a run's state is no longer read
    const states = await tfjsAdamTrajectory(ctx.tfjs.runtime.tf, members[0]!.config, members.flatMap((c) => c.w0), gradients);
    members.forEach((c, k) => {
      const slice = (v: number[]) => v.slice(offsets[k]!, offsets[k]! + c.w0.length);
      out[indices[k]!] = states.slice(0, c.gradients.length).map((s) => ({ w: slice(s.w), m: slice(s.m), v: slice(s.v) }));
    });
  }
  return out;
}

/** κ of 1 − βᵗ with respect to β (float32 rounds β and accumulates βᵗ by t multiplications): t·βᵗ/(1 − βᵗ), largest over t ≤ T. */
function biasCorrectionCondition(beta: number, T: number): number {
  let worst = 0;
  for (let t = 1; t <= T; t++) worst = Math.max(worst, (t * beta ** t) / (1 - beta ** t));
  return worst;
}

export interface AdamTolerances { m: number; v: number; mHat: number; vHat: number; w: number; step: number }

/**
 * float32 (tfjs) vs float64 after T steps, per quantity. Each step rounds m and v three times (two products
 * and a sum) and the update about six times (two corrections, a square root, ε, a quotient, the product
 * with η); the terms summed are |g| (m), g² (v), and the step sizes computed on |g| (w), so cancellation
 * between gradients of mixed sign is covered. Rounding β to float32 and accumulating βᵗ makes 1 − βᵗ
 * relatively uncertain by u·t·βᵗ/(1 − βᵗ), which the corrections pass on (κ). `dtypes`: the pair compared (the
 * check's ctx.dtypes); the default is tf.train.adam (float32) against a float64 run.
 */
export function adamTolerances(c: AdamCase, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): AdamTolerances {
  const T = c.gradients.length;
  const { beta1, beta2 } = c.config;
  const kappa1 = biasCorrectionCondition(beta1, T), kappa2 = biasCorrectionCondition(beta2, T);
  const absolute = adamTrajectory(c.w0.map(() => 0), c.gradients.map((g) => g.map(Math.abs)), c.config);
  const gMax = Math.max(...c.gradients.flat().map(Math.abs), Number.MIN_VALUE);
  const last = absolute[T - 1]!;
  const mHatScale = Math.max(...last.mHat), vHatScale = Math.max(...last.vHat);
  const stepScale = Math.max(...last.step.map(Math.abs));
  const pathLength = Math.max(...c.w0.map((w, i) => Math.abs(w) + absolute.reduce((s, a) => s + Math.abs(a.step[i]!), 0)));
  const moments = (scale: number, condition: number) => tolerance({ dtypes, operations: 3 * T + 2, scale, condition });
  const update = (scale: number, extra: number) =>
    tolerance({ dtypes, operations: 3 * T + 8 + extra, scale, condition: 2 + kappa1 + kappa2 });
  return {
    m: moments(gMax, 1), v: moments(gMax * gMax, 2),
    mHat: tolerance({ dtypes, operations: 3 * T + 4, scale: Math.max(mHatScale, gMax), condition: 1 + kappa1 }),
    vHat: tolerance({ dtypes, operations: 3 * T + 4, scale: Math.max(vHatScale, gMax * gMax), condition: 2 + kappa2 }),
    step: update(stepScale, 0),
    w: update(pathLength, T),
  };
}

/**
 * Riemannian Adam (Bécigneul & Ganea, "Riemannian adaptive optimization methods", ICLR 2019, Algorithm 1, with the bias
 * correction of 4.3.25) on the product manifold ℝ × … × ℝ whose i-th factor carries the constant metric c_i·dw_i²: the
 * Riemannian gradient is G⁻¹∇L, i.e. ∂L/∂w_i / c_i; its squared norm in the factor's metric c_i·(∂L/∂w_i / c_i)²
 * takes the place of g²; the exponential map is w_i + u_i and the parallel transport of the momentum the identity (the
 * geodesics of a constant metric are straight lines). With every c_i = 1 (the Euclidean manifold) each line is
 * 4.3.23–4.3.26. Float64; returns the weights after every step.
 */
export function riemannianAdamOnLines({ config: { beta1, beta2, learningRate: eta, epsilon }, w0, gradients }: AdamCase, metric: readonly number[]): number[][] {
  let m = w0.map(() => 0), v = w0.map(() => 0), w = [...w0];
  return gradients.map((g, k) => {
    const t = k + 1;
    const riemannian = g.map((gi, i) => gi / metric[i]!);
    m = m.map((mi, i) => beta1 * mi + (1 - beta1) * riemannian[i]!);
    v = v.map((vi, i) => beta2 * vi + (1 - beta2) * metric[i]! * riemannian[i]! ** 2);
    const mHat = m.map((mi) => mi / (1 - beta1 ** t)), vHat = v.map((vi) => vi / (1 - beta2 ** t));
    w = w.map((wi, i) => wi - (eta * mHat[i]!) / (Math.sqrt(vHat[i]!) + epsilon));
    return w;
  });
}

/** ε = 0, so a constant metric rescales Adam's step exactly (no ε to break the symmetry). */
export const EPSILON_FREE_ADAM = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 0 } as const;

/** Runs from w₀ = 0 with non-zero gradients (ε = 0) and a constant metric c_i ∈ [10⁻², 10²] per coordinate. */
export const metricRuns = adamRun({ nonZero: true }).chain((r) => fc.array(fc.integer({ min: -2_000_000, max: 2_000_000 }), { minLength: r.n, maxLength: r.n })
  .map((e) => ({ base: { config: EPSILON_FREE_ADAM, w0: r.w0.map(() => 0), gradients: r.gradients } as AdamCase, metric: e.map((x) => 10 ** (x / 1_000_000)) })));

/**
 * Riemannian Adam in the metric diag(c) (ε = 0) against tf.train.adam: its weights after T steps from 0 are Adam's divided
 * by √c coordinatewise (the Riemannian gradient g/c and its squared norm g²/c give m/c and v/c, and m̂/c over √(v̂/c) is
 * m̂/(√c·√v̂)). So the metric of the parameter manifold changes the steps, and Adam is the member with c = 1.
 */
export function riemannianAdamMetricCheck(role: 'claim' | 'condition', name: string) {
  return check({
    name, role, ...TFJS_ADAM, arbitrary: metricRuns, runs: 'default',
    evaluate: async (cases: { base: AdamCase; metric: number[] }[], ctx: RunContext) => {
      const states = await tfjsAdam(cases.map((c) => c.base), ctx);
      return cases.map(({ base, metric }, b) => {
        const adam = states[b]!.at(-1)!.w, riemannian = riemannianAdamOnLines(base, metric).at(-1)!;
        // tf.train.adam's weights are within adamTolerances(base).w of the float64 run; dividing by √c scales that error
        // (and the float64 run's own rounding) by 1/√c at most.
        const tol = adamTolerances(base).w / Math.sqrt(Math.min(...metric));
        return agreement(riemannian, adam.map((w, i) => w / Math.sqrt(metric[i]!)), tol,
          `c = ${JSON.stringify(metric.map((x) => Number(x.toPrecision(3))))}: Adam moved ${JSON.stringify(adam.map((x) => Number(x.toPrecision(3))))}`);
      });
    },
  });
}

/**
 * Adam's weights after every step in closed form, not by the recursions 4.3.23–4.3.25: the bias-corrected moments are
 * normalised exponential averages, m̂_t = Σ_{k≤t} β₁^{t−k} g_k / Σ_{k≤t} β₁^{t−k} (since Σ_{k≤t} (1 − β₁)β₁^{t−k} = 1 − β₁ᵗ, the
 * (1 − β₁) of 4.3.23 and the 1 − β₁ᵗ of 4.3.25 cancel), v̂_t likewise with g², and w_t = w₀ − η Σ_{s≤t} m̂_s/(√v̂_s + ε). The
 * reference the subject checks of the Adam items hold an implementation's trajectory to. Float64.
 */
export function adamClosedForm({ config: { beta1, beta2, learningRate: eta, epsilon }, w0, gradients }: AdamCase): number[][] {
  const average = (beta: number, t: number, f: (g: number) => number, i: number) => {
    let num = 0, den = 0;
    for (let k = 0; k <= t; k++) { const weight = beta ** (t - k); num += weight * f(gradients[k]![i]!); den += weight; }
    return num / den;
  };
  let w = [...w0];
  return gradients.map((_, t) => {
    w = w.map((wi, i) => wi - (eta * average(beta1, t, (g) => g, i)) / (Math.sqrt(average(beta2, t, (g) => g * g, i)) + epsilon));
    return w;
  });
}
