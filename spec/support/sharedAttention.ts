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

// Training the model: gradient descent on the attention logits s^h (a^h = softmax(s^h)) and the output heads
// β_k of Σ_k w_k L_k, with the population losses above, so the dynamics have no sampling noise.

/** The parameters of the model: attention logits s[h][j] and output heads beta[k][h]. */
export interface SharedAttentionParameters { s: number[][]; beta: number[][] }

const softmaxOf = (s: number[]) => { const m = Math.max(...s), e = s.map((x) => Math.exp(x - m)), z = e.reduce((a, b) => a + b, 0); return e.map((x) => x / z); };

/** Each task's loss L_k at the parameters (output heads as given, not the best ones). */
export function taskLossesAt({ s, beta }: SharedAttentionParameters, positions: number[]): number[] {
  const attention = s.map(softmaxOf);
  return positions.map((p, k) => taskLoss(attention, beta[k]!, p));
}

/**
 * The gradient of Σ_k w_k L_k in (s, β), by hand: ∂L_k/∂β_kh = −2a^h_{p_k} + 2a^h·m_k and ∂L_k/∂a^h =
 * 2β_kh(m_k − e_{p_k}), m_k = Σ_g β_kg a^g, then through the softmax, ∂/∂s^h = (diag(a^h) − a^h a^hᵀ)∂/∂a^h.
 */
export function sharedAttentionGradient({ s, beta }: SharedAttentionParameters, positions: number[], w: number[]): SharedAttentionParameters {
  const attention = s.map(softmaxOf), n = s[0]!.length;
  const gs = s.map(() => new Array<number>(n).fill(0)), gb = beta.map((b) => b.map(() => 0));
  positions.forEach((p, k) => {
    const bk = beta[k]!, mix = Array.from({ length: n }, (_, j) => attention.reduce((t, ag, g) => t + bk[g]! * ag[j]!, 0));
    attention.forEach((ah, h) => {
      gb[k]![h]! += w[k]! * 2 * (dot(ah, mix) - ah[p]!);
      const da = ah.map((_, j) => w[k]! * 2 * bk[h]! * (mix[j]! - (j === p ? 1 : 0)));
      const along = dot(ah, da);
      ah.forEach((aj, j) => { gs[h]![j]! += aj * (da[j]! - along); });
    });
  });
  return { s: gs, beta: gb };
}

export interface TrainingRun {
  /** For each task, the first step at which its loss is below the threshold (Infinity: not within the budget). */
  firstBelow: number[];
  steps: number;
  /** The task losses at the last step. */
  losses: number[];
}

/**
 * Gradient descent with step η on Σ_k w_k L_k from small random attention logits (s ~ initScale·N(0, 1), from
 * `draw`) and zero output heads (every task starts at loss 1); stops when every task is below the threshold (with
 * `untilFirst`, when any task is) or after maxSteps steps.
 */
export function trainSharedAttention(options: {
  n: number; heads: number; positions: number[]; w: number[]; eta: number; threshold: number; maxSteps: number;
  initScale: number; draw: () => number; untilFirst?: boolean;
}): TrainingRun {
  const { n, heads, positions, w, eta, threshold, maxSteps, initScale, draw, untilFirst = false } = options;
  let params: SharedAttentionParameters = {
    s: Array.from({ length: heads }, () => Array.from({ length: n }, () => initScale * draw())),
    beta: positions.map(() => new Array<number>(heads).fill(0)),
  };
  const firstBelow = positions.map(() => Infinity);
  let t = 0, losses: number[];
  for (; ; t++) {
    losses = taskLossesAt(params, positions);
    losses.forEach((l, k) => { if (l < threshold && firstBelow[k] === Infinity) firstBelow[k] = t; });
    if ((untilFirst ? firstBelow.some(Number.isFinite) : firstBelow.every(Number.isFinite)) || t === maxSteps) break;
    const g = sharedAttentionGradient(params, positions, w);
    params = { s: params.s.map((row, h) => row.map((x, j) => x - eta * g.s[h]![j]!)), beta: params.beta.map((row, k) => row.map((x, h) => x - eta * g.beta[k]![h]!)) };
  }
  return { firstBelow, steps: t, losses };
}
