// Two charts of the open simplex for the Fisher-metric items of §4.3.3, in closed form (float64):
//   the C − 1 free logits z (z_C = 0), where the Fisher matrix is the leading block of diag(p̂) − p̂p̂ᵀ, and
//   the C − 1 first probabilities (p₁, …, p_{C−1}), p_C = 1 − Σ, where 4.3.20 gives
//   I_p = E[s sᵀ] with s_i = ∂ log P(x)/∂p_i = δ_ix/p_x for x < C and −1/p_C for x = C: δ_ik/p_i + 1/p_C.
// A metric tensor takes the same value in both: I_z = Jᵀ I_p J with J_ia = ∂p_i/∂z_a = p_i(δ_ia − p_a).

/** J_ia = ∂p_i/∂z_a for i, a < C (the chart change from the free logits to the first C − 1 probabilities). */
export function probabilityChartJacobian(p: number[]): number[][] {
  const n = p.length - 1;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, a) => p[i]! * ((i === a ? 1 : 0) - p[a]!)));
}

/** The Fisher information of Cat(p) in the chart (p₁, …, p_{C−1}): δ_ik/p_i + 1/p_C. */
export function fisherInProbabilityChart(p: number[]): number[][] {
  const n = p.length - 1, last = p[n]!;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, k) => (i === k ? 1 / p[i]! : 0) + 1 / last));
}

/** Jᵀ G J, and the magnitude Σ_ik |J_ia||G_ik||J_kb| of the terms each entry combines (the largest over a, b). */
export function pullback(J: number[][], G: number[][]): { matrix: number[][]; termSize: number } {
  const n = J.length, m = J[0]!.length;
  let termSize = 0;
  const matrix = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => {
    let s = 0, size = 0;
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
      const term = J[i]![a]! * G[i]![k]! * J[k]![b]!;
      s += term; size += Math.abs(term);
    }
    termSize = Math.max(termSize, size);
    return s;
  }));
  return { matrix, termSize };
}
