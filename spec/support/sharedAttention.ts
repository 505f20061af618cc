// A tiny multi-task model with a shared attention layer, in closed form. Positions j = 1…n carry values
// v ~ N(0, I); task k's target is the value at its position p_k. The shared layer has H heads, head h with
// attention weights a^h on the simplex and output o^h = a^h·v; task k reads the heads through its own linear
// output head β_k. Its population loss is E(v_{p_k} − β_k·o)² = 1 − 2β_k·c_k + β_kᵀGβ_k with c_k[h] = a^h_{p_k},
// G[h][h′] = a^h·a^{h′}; with the best output head, 1 − c_kᵀG⁻¹c_k.

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** E(v_p − β·o)² for heads `attention` (H patterns), output head β, target position p. */
export function taskLoss(attention: number[][], beta: number[], p: number): number {
  const c = attention.map((a) => a[p]!);
  const quadratic = attention.reduce((s, ah, h) => s + attention.reduce((t, ag, g) => t + beta[h]! * dot(ah, ag) * beta[g]!, 0), 0);
  return 1 - 2 * dot(beta, c) + quadratic;
}

/** The loss of task k with its best output head, for one head (1 − a_p²/‖a‖²) or two (1 − cᵀG⁻¹c, G 2×2). */
export function bestTaskLoss(attention: number[][], p: number): number {
  const c = attention.map((a) => a[p]!);
  if (attention.length === 1) return 1 - (c[0]! * c[0]!) / dot(attention[0]!, attention[0]!);
  const [a, b] = attention as [number[], number[]];
  const g11 = dot(a, a), g12 = dot(a, b), g22 = dot(b, b), det = g11 * g22 - g12 * g12;
  return 1 - (g22 * c[0]! * c[0]! - 2 * g12 * c[0]! * c[1]! + g11 * c[1]! * c[1]!) / det;
}

/** The weighted multi-task loss Σ_k w_k L_k with the best output heads. */
export const weightedBestLoss = (attention: number[][], positions: number[], w: number[]) =>
  positions.reduce((s, p, k) => s + w[k]! * bestTaskLoss(attention, p), 0);

/** The attention that puts all weight on position p. */
export const onePosition = (n: number, p: number) => Array.from({ length: n }, (_, j) => (j === p ? 1 : 0));
