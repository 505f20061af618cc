import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { sequenceCase, type SequenceCase } from '../../domains/positional.ts';
import { attention, matMul, sinusoidalEncoding } from '../../../impl/index.ts';

/** One self-attention layer: Attention(XW_q, XW_k, XW_v) (4.3.34). */
const selfAttention = (c: SequenceCase, X: number[][]) => attention(matMul(X, c.Wq), matMul(X, c.Wk), matMul(X, c.Wv));
const reordered = (c: SequenceCase, rows: number[][]) => c.order.map((i) => rows[i]!);
/** The tokens with the sinusoidal encoding of their positions 0 … n − 1 added. */
const encoded = (X: number[][]) => X.map((x, p) => { const e = sinusoidalEncoding(p, x.length); return x.map((v, l) => v + e[l]!); });

/**
 * Two float64 evaluations of the same layer on the same tokens, summed in another order: projections (d terms of size ≤ 3·max|x|),
 * scores (d terms), m exps, an m-term sum, a division and the m-term output sum. Rounding the projected inputs moves a score by
 * ≤ 2u·(its terms), a weight relatively by twice that (κ = 1 + 4·score scale); outputs are of the size of the values.
 */
function layerTolerance(dtypes: readonly [Dtype, Dtype], c: SequenceCase, X: number[][]): number {
  const q = matMul(X, c.Wq), k = matMul(X, c.Wk), v = matMul(X, c.Wv);
  let scoreScale = 0;
  for (const qi of q) for (const kj of k) scoreScale = Math.max(scoreScale, qi.reduce((s, x, l) => s + Math.abs(x * kj[l]!), 0) / Math.sqrt(c.d));
  const xScale = Math.max(...X.map((x) => x.reduce((s, xi) => s + Math.abs(xi), 0)));
  const vMax = Math.max(...v.flat().map(Math.abs), xScale);
  return tolerance({ dtypes, operations: 2 * c.d + 2 * c.n + elementary(1) + 3, scale: vMax, condition: 1 + 4 * scoreScale });
}

export default defineItem({
  id: 'positional-encoding-supplies-order', kind: 'claim', section: '4.3.5',
  quote: '它为模型提供了关于序列结构的先验信息',
  statement: 'The position encoding is what tells the model the order of the sequence: a self-attention layer without it is permutation-'
    + 'equivariant (reordering the tokens only reorders the outputs, so the order is invisible to it), and with the sinusoidal encoding added '
    + 'to the tokens it is not.',
  reading: '"关于序列结构的先验信息" is read as information about the order of the tokens that the model does not have without the encoding; '
    + '"先验" fits the fixed (sinusoidal) encoding, which is given rather than learned.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'no encoding: Attention of the reordered tokens ↔ the reordered Attention of the tokens, every order', role: 'claim', reference: 'impl',
      arbitrary: sequenceCase(), runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => agreement(selfAttention(c, reordered(c, c.X)), reordered(c, selfAttention(c, c.X)), layerTolerance(ctx.dtypes, c, c.X))),
    }),
    check({
      name: 'sinusoidal encoding added: Attention(reordered tokens + PE) differs from the reordered Attention(tokens + PE) for some inputs (by far more than rounding)',
      role: 'claim', reference: 'impl', arbitrary: sequenceCase(), runs: 'default', quantifier: 'exists',
      evaluate: (cs, ctx) => cs.map((c) => {
        const X = encoded(c.X), Y = encoded(reordered(c, c.X));
        return { ...agreement(selfAttention(c, Y), reordered(c, selfAttention(c, X)), layerTolerance(ctx.dtypes, c, X) + layerTolerance(ctx.dtypes, c, Y)), sense: 'atLeast' as const,
          note: `order ${c.order.join(',')}` };
      }),
    }),
  ],
});
