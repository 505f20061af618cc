import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { REFUTATION_MARGIN, elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
import { vector } from '../../domains/index.ts';
import { dot, euclideanNorm, positionFrequencies, rotaryEmbedding, sinusoidalEncoding } from '../../../impl/index.ts';

// Query and key of even width d ∈ {2, …, 16}, positions m, n ∈ [0, 512] and a common shift s ∈ [−m, n…].
const pair = fc.integer({ min: 1, max: 8 }).chain((half) => fc.record({
  q: vector(2 * half, 2), k: vector(2 * half, 2), m: fc.integer({ min: 0, max: 512 }), n: fc.integer({ min: 0, max: 512 }), s: fc.integer({ min: 0, max: 512 }),
}));

/** Reference in complex form: with z_i = q_{2i} + i q_{2i+1} and w_i likewise, (R_m q)ᵀ(R_n k) = Re Σ_i z_i conj(w_i) e^{i(m−n)θ_i}. */
function relativeScore(q: number[], k: number[], delta: number): number {
  return positionFrequencies(q.length).reduce((acc, t, i) => {
    const [a, b, c, d] = [q[2 * i]!, q[2 * i + 1]!, k[2 * i]!, k[2 * i + 1]!];
    const re = a * c + b * d, im = b * c - a * d; // z conj(w)
    return acc + re * Math.cos(delta * t) - im * Math.sin(delta * t);
  }, 0);
}

// d/2 rotations (cos, sin of angles up to 1024 rad, whose argument rounding is relative to the angle) and a d-term dot product.
const tol = (q: number[], k: number[], maxPosition: number) => tolerance({ dtypes: ['float64', 'float64'], operations: q.length + elementary(2) + 4,
  scale: q.reduce((s, x, i) => s + Math.abs(x) * (Math.abs(k[i]!) + Math.abs(k[i ^ 1]!)), 0), condition: 1 + 2 * maxPosition });

export default defineItem({
  id: 'rope-relative-position', kind: 'claim', section: '4.3.5',
  quote: '如果使用 RoPE，位置编码具有更好的数学性质（相对位置敏感性、线性变换不变性）',
  statement: 'With RoPE the query–key score depends on positions only through their difference m − n, and the encoding is a norm-preserving linear (rotation) map; the additive sinusoidal encoding lacks the first property.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'RoPE score (R_m q)ᵀ(R_n k) ↔ complex relative form Re Σ z_i w̄_i e^{i(m−n)θ_i}', role: 'claim', oracle: 'complex-exponential relative form (float64)',
      arbitrary: pair, runs: 'default',
      evaluate: (cs) => cs.map(({ q, k, m, n }) => agreement(dot(rotaryEmbedding(q, m), rotaryEmbedding(k, n)), relativeScore(q, k, m - n), tol(q, k, Math.max(m, n)))),
    }),
    check({
      name: 'RoPE score unchanged by a common shift of both positions, (m + s, n + s)', role: 'claim', oracle: IMPL_F64, arbitrary: pair, runs: 'default',
      evaluate: (cs) => cs.map(({ q, k, m, n, s }) => agreement(dot(rotaryEmbedding(q, m + s), rotaryEmbedding(k, n + s)), dot(rotaryEmbedding(q, m), rotaryEmbedding(k, n)),
        2 * tol(q, k, Math.max(m, n) + s))),
    }),
    check({
      name: 'RoPE preserves norms: ‖R_m x‖ = ‖x‖', role: 'claim', oracle: IMPL_F64, arbitrary: pair, runs: 'default',
      evaluate: (cs) => cs.map(({ q, m }) => agreement(euclideanNorm(rotaryEmbedding(q, m)), euclideanNorm(q),
        tolerance({ dtypes: ['float64', 'float64'], operations: 2 * q.length + elementary(2) + 4, scale: euclideanNorm(q), condition: 1 + 2 * m }))),
    }),
    check({
      name: 'additive sinusoidal encoding: (q + p_{m+s})ᵀ(k + p_{n+s}) differs from (q + p_m)ᵀ(k + p_n) for some inputs (absolute, not relative)', role: 'claim',
      oracle: IMPL_F64, arbitrary: pair, runs: 'default', quantifier: 'exists',
      evaluate: (cs) => cs.map(({ q, k, m, n, s }) => {
        const score = (a: number, b: number) => dot(q.map((x, i) => x + sinusoidalEncoding(a, q.length)[i]!), k.map((x, i) => x + sinusoidalEncoding(b, k.length)[i]!));
        const diff = Math.abs(score(m + s, n + s) - score(m, n));
        return { value: diff, bound: REFUTATION_MARGIN * 2 * tol(q.map((x) => Math.abs(x) + 1), k.map((x) => Math.abs(x) + 1), Math.max(m, n) + s), sense: 'atLeast' as const,
          note: `held to ${REFUTATION_MARGIN}× the rounding tolerance, so the difference is not rounding` };
      }),
    }),
  ],
});
