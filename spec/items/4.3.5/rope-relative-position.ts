import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { ropePair } from '../../domains/rope.ts';
import { ropeScoreTolerance } from '../../support/rope.ts';
import { dot, positionFrequencies, rotaryEmbedding, sinusoidalEncoding } from '../../../impl/index.ts';

/** Reference in complex form: with z_i = q_{2i} + i q_{2i+1} and w_i likewise, (R_m q)ᵀ(R_n k) = Re Σ_i z_i conj(w_i) e^{i(m−n)θ_i}. */
function relativeScore(q: number[], k: number[], delta: number): number {
  return positionFrequencies(q.length).reduce((acc, t, i) => {
    const [a, b, c, d] = [q[2 * i]!, q[2 * i + 1]!, k[2 * i]!, k[2 * i + 1]!];
    const re = a * c + b * d, im = b * c - a * d; // z conj(w)
    return acc + re * Math.cos(delta * t) - im * Math.sin(delta * t);
  }, 0);
}

const pair = ropePair();
const ropeScore = (q: number[], k: number[], m: number, n: number) => dot(rotaryEmbedding(q, m), rotaryEmbedding(k, n));
/** The additive (sinusoidal) encoding's score: (q + p_m)ᵀ(k + p_n). */
const additiveScore = (q: number[], k: number[], m: number, n: number) =>
  dot(q.map((x, i) => x + sinusoidalEncoding(m, q.length)[i]!), k.map((x, i) => x + sinusoidalEncoding(n, k.length)[i]!));
const plusOne = (v: number[]) => v.map((x) => Math.abs(x) + 1);

export default defineItem({
  id: 'rope-relative-position', kind: 'claim', section: '4.3.5',
  quote: '如果使用 RoPE，位置编码具有更好的数学性质（相对位置敏感性',
  statement: 'RoPE is sensitive to relative position, and in this it is better than the additive sinusoidal encoding: the query–key score '
    + '(R_m q)ᵀ(R_n k) depends on the positions m, n only through m − n, and does change with m − n, while the additive score '
    + '(q + p_m)ᵀ(k + p_n) also depends on where the pair sits.',
  reading: '"更好" compares RoPE with the sinusoidal encoding of the sentence before; both sides are measured the same way (does the score '
    + 'of a query–key pair stay the same when both positions are shifted by a common offset).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'RoPE score (R_m q)ᵀ(R_n k) ↔ complex relative form Re Σ z_i w̄_i e^{i(m−n)θ_i}', role: 'claim', reference: ['impl', 'closed-form'],
      arbitrary: pair, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ q, k, m, n }) => agreement(ropeScore(q, k, m, n), relativeScore(q, k, m - n), ropeScoreTolerance(q, k, Math.max(m, n), ctx.dtypes))),
    }),
    check({
      name: 'RoPE score unchanged by a common shift of both positions, (m + s, n + s)', role: 'claim', reference: 'impl', arbitrary: pair, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ q, k, m, n, s }) => agreement(ropeScore(q, k, m + s, n + s), ropeScore(q, k, m, n),
        2 * ropeScoreTolerance(q, k, Math.max(m, n) + s, ctx.dtypes))),
    }),
    check({
      name: 'sensitivity: the RoPE score at offset m − n differs from the score at offset 0, qᵀk, for some inputs (by far more than rounding)', role: 'claim',
      reference: 'impl', arbitrary: pair, runs: 'default', quantifier: 'exists',
      evaluate: (cs, ctx) => cs.map(({ q, k, m, n }) => ({ value: Math.abs(ropeScore(q, k, m, n) - dot(q, k)), bound: 2 * ropeScoreTolerance(q, k, Math.max(m, n), ctx.dtypes),
        sense: 'atLeast' as const, note: `m − n = ${m - n}` })),
    }),
    check({
      name: 'additive sinusoidal encoding: (q + p_{m+s})ᵀ(k + p_{n+s}) differs from (q + p_m)ᵀ(k + p_n) for some inputs (by far more than rounding)', role: 'claim',
      reference: 'impl', arbitrary: pair, runs: 'default', quantifier: 'exists',
      evaluate: (cs, ctx) => cs.map(({ q, k, m, n, s }) => ({
        value: Math.abs(additiveScore(q, k, m + s, n + s) - additiveScore(q, k, m, n)),
        // Entries of q + p are at most |q_i| + 1: the rounding allowance of the two scores, each computed with angles up to (max(m, n) + s)·θ.
        bound: 2 * ropeScoreTolerance(plusOne(q), plusOne(k), Math.max(m, n) + s, ctx.dtypes), sense: 'atLeast' as const, note: `m = ${m}, n = ${n}, shift s = ${s}` })),
    }),
  ],
});
