// tf.train.adam runs for the Adam items, batched: runs that share hyperparameters are laid side by side
// in one variable (Adam is coordinate-wise), so each time step is one applyGradients call for all of
// them; a run with fewer steps reads its state at its own last step. And the float32-vs-float64
// tolerance of Adam's state, derived from the run itself.
import type { RunContext } from '../engine/item.ts';
import { tolerance } from '../engine/tolerance.ts';
import { ADAM_SETTINGS, type AdamRun } from '../domains/index.ts';
import { adamTrajectory, type AdamConfig } from '../../impl/index.ts';
import { tfjsAdamTrajectory, type TfjsAdamState } from '../../oracles/tfjs/adam.ts';
import { useReference } from '../engine/references.ts';

export interface AdamCase { config: AdamConfig; w0: number[]; gradients: number[][] }

export const adamCase = (run: AdamRun): AdamCase => ({ config: ADAM_SETTINGS[run.setting]!, w0: run.w0, gradients: run.gradients });
export const tfjsAdamLabel = (ctx: RunContext) => `tfjs-${ctx.tfjs.runtime.backend} tf.train.adam (float32)`;

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
 * relatively uncertain by u·t·βᵗ/(1 − βᵗ), which the corrections pass on (κ).
 */
export function adamTolerances(c: AdamCase): AdamTolerances {
  const T = c.gradients.length;
  const { beta1, beta2 } = c.config;
  const kappa1 = biasCorrectionCondition(beta1, T), kappa2 = biasCorrectionCondition(beta2, T);
  const absolute = adamTrajectory(c.w0.map(() => 0), c.gradients.map((g) => g.map(Math.abs)), c.config);
  const gMax = Math.max(...c.gradients.flat().map(Math.abs), Number.MIN_VALUE);
  const last = absolute[T - 1]!;
  const mHatScale = Math.max(...last.mHat), vHatScale = Math.max(...last.vHat);
  const stepScale = Math.max(...last.step.map(Math.abs));
  const pathLength = Math.max(...c.w0.map((w, i) => Math.abs(w) + absolute.reduce((s, a) => s + Math.abs(a.step[i]!), 0)));
  const moments = (scale: number, condition: number) => tolerance({ dtypes: ['float32', 'float64'], operations: 3 * T + 2, scale, condition });
  const update = (scale: number, extra: number) =>
    tolerance({ dtypes: ['float32', 'float64'], operations: 3 * T + 8 + extra, scale, condition: 2 + kappa1 + kappa2 });
  return {
    m: moments(gMax, 1), v: moments(gMax * gMax, 2),
    mHat: tolerance({ dtypes: ['float32', 'float64'], operations: 3 * T + 4, scale: Math.max(mHatScale, gMax), condition: 1 + kappa1 }),
    vHat: tolerance({ dtypes: ['float32', 'float64'], operations: 3 * T + 4, scale: Math.max(vHatScale, gMax * gMax), condition: 2 + kappa2 }),
    step: update(stepScale, 0),
    w: update(pathLength, T),
  };
}
