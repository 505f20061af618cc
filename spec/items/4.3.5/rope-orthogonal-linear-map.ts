import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { ropeLinearCase, ropePair } from '../../domains/rope.ts';
import { ropeScoreTolerance, ropeVectorTolerance } from '../../support/rope.ts';
import { dot, euclideanNorm, rotaryEmbedding, sinusoidalEncoding } from '../../../impl/index.ts';

const pair = ropePair();
const linear = ropeLinearCase();
const times = (W: number[][], x: number[]) => W.map((row) => dot(row, x));
const plusOne = (v: number[]) => v.map((x) => Math.abs(x) + 1);

export default defineItem({
  id: 'rope-orthogonal-linear-map', kind: 'claim', section: '4.3.5',
  quote: '线性变换不变性',
  statement: 'RoPE encodes position m by a linear orthogonal map R_m (a rotation by mθ_i of each coordinate pair): R_m(αx + βy) = αR_m x + βR_m y, '
    + 'and inner products and norms are invariant under it, (R_m q)ᵀ(R_m k) = qᵀk; the additive encoding x ↦ x + p_m, the sentence\'s term of '
    + 'comparison ("更好"), does not keep inner products.',
  reading: '"线性变换不变性" (linear-transformation invariance) is not the name of a standard property. Read as what RoPE has: it is itself a '
    + 'linear transformation, and one that leaves inner products (so norms, and the score of a query and a key at the same position) invariant. '
    + 'Read literally, as invariance under linear transformations (RoPE commuting with a linear map of its input, R_m(Wx) = W R_m x), it is '
    + 'false: that is the literal check, which fails.',
  errata: ['rope-linear-transformation-invariance'],
  notes: 'Second reading: the erratum rope-linear-transformation-invariance was filed as notation, but a misnamed property whose true content '
    + '(an orthogonal linear map) the text does not state is not a symbol used other than as defined. Settled: its severity is imprecise.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'linear: R_m(αx + βy) ↔ αR_m x + βR_m y', role: 'claim', reference: 'impl', arbitrary: linear, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ x, y, alpha, beta, m }) => {
        const combined = x.map((xi, i) => alpha * xi + beta * y[i]!);
        const rx = rotaryEmbedding(x, m), ry = rotaryEmbedding(y, m);
        // Each side is a rotation of vectors of size ≤ |α||x| + |β||y| plus a two-term combination; doubling the rotation's allowance
        // covers the combination's two roundings (γ is linear in the count).
        const magnitudes = x.map((xi, i) => Math.abs(alpha * xi) + Math.abs(beta * y[i]!));
        return agreement(rotaryEmbedding(combined, m), rx.map((r, i) => alpha * r + beta * ry[i]!), 2 * ropeVectorTolerance(magnitudes, m, ctx.dtypes));
      }),
    }),
    check({
      name: 'inner products invariant: (R_m q)ᵀ(R_m k) ↔ qᵀk', role: 'claim', reference: 'impl', arbitrary: pair, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ q, k, m }) => agreement(dot(rotaryEmbedding(q, m), rotaryEmbedding(k, m)), dot(q, k), ropeScoreTolerance(q, k, m, ctx.dtypes))),
    }),
    check({
      name: 'norms invariant: ‖R_m x‖ ↔ ‖x‖', role: 'claim', reference: 'impl', arbitrary: pair, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ q, m }) => agreement(euclideanNorm(rotaryEmbedding(q, m)), euclideanNorm(q),
        tolerance({ dtypes: ctx.dtypes, operations: 2 * q.length + elementary(2) + 4, scale: euclideanNorm(q), condition: 1 + 2 * m }))),
    }),
    check({
      name: 'additive encoding: (q + p_m)ᵀ(k + p_m) differs from qᵀk for some inputs (by far more than rounding)', role: 'claim', reference: 'impl',
      arbitrary: pair, runs: 'default', quantifier: 'exists',
      evaluate: (cs, ctx) => cs.map(({ q, k, m }) => {
        const p = sinusoidalEncoding(m, q.length);
        return { value: Math.abs(dot(q.map((x, i) => x + p[i]!), k.map((x, i) => x + p[i]!)) - dot(q, k)),
          bound: 2 * ropeScoreTolerance(plusOne(q), plusOne(k), m, ctx.dtypes), sense: 'atLeast' as const, note: `m = ${m}` };
      }),
    }),
    check({
      name: 'literal reading, invariance under a linear map W of the input: R_m(Wx) ↔ W(R_m x) for every W', role: 'literal', reference: 'impl',
      arbitrary: linear, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ x, W, m }) => {
        const wx = times(W, x);
        // Left: a d-term product then a rotation; right: a rotation then a d-term product; sizes ≤ Σ_j |W_ij|(|x_j| + |x_{j±1}|).
        const scale = Math.max(...W.map((row) => row.reduce((s, w, j) => s + Math.abs(w) * (Math.abs(x[j]!) + Math.abs(x[j ^ 1]!)), 0)));
        return agreement(rotaryEmbedding(wx, m), times(W, rotaryEmbedding(x, m)),
          tolerance({ dtypes: ctx.dtypes, operations: 2 * (x.length + elementary(2) + 3), scale: 2 * scale, condition: 1 + 2 * m }),
          `m = ${m}, d = ${x.length}`);
      }),
    }),
  ],
});
