import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { attentionCase, type AttentionCase } from '../../domains/index.ts';
import { outputsTolerance, tfjsAttention } from '../../support/attention.ts';

/** 4.3.34, left form as printed: Attention_i = Σ_j [exp(q_iᵀk_j/√d_k) / Σ_j' exp(q_iᵀk_j'/√d_k)] v_j. */
function printedRowSum(c: AttentionCase): number[][] {
  const s = (i: number, j: number) => c.Q[i]!.reduce((acc, q, l) => acc + q * c.K[j]![l]!, 0) / Math.sqrt(c.dk);
  return c.Q.map((_, i) => {
    const denominator = c.K.reduce((acc, _k, jp) => acc + Math.exp(s(i, jp)), 0);
    return c.V[0]!.map((_, col) => c.K.reduce((acc, _k, j) => acc + (Math.exp(s(i, j)) / denominator) * c.V[j]![col]!, 0));
  });
}

/** 4.3.34, right form as printed: Softmax(QKᵀ/√d_k) V, with QKᵀ formed as a matrix and Softmax applied to each row. */
function printedMatrix(c: AttentionCase): number[][] {
  const kt = c.K[0]!.map((_, l) => c.K.map((k) => k[l]!));
  const scores = c.Q.map((q) => kt[0]!.map((_, j) => q.reduce((acc, x, l) => acc + x * kt[l]![j]!, 0) / Math.sqrt(c.dk)));
  const a = scores.map((row) => { const e = row.map(Math.exp); const z = e.reduce((x, y) => x + y, 0); return e.map((x) => x / z); });
  return a.map((ai) => c.V[0]!.map((_, col) => ai.reduce((acc, aij, j) => acc + aij * c.V[j]![col]!, 0)));
}

const cases = attentionCase();
/** At least two queries: the output then has several rows, and a row is not the whole matrix. */
const severalQueries = attentionCase({ n: [2, 5] });

export default defineItem({
  id: '4.3.34', kind: 'formula', section: '4.3.5',
  quote: String.raw`\text{Attention}(Q, K, V)_i = \sum_j \frac{\exp(q_i^T k_j / \sqrt{d_k})}{\sum_{j'} \exp(q_i^T k_{j'} / \sqrt{d_k})} v_j = \text{Softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right) V\tag{4.3.34}`,
  printed: String.raw`\text{Attention}(Q, K, V)_i = \sum_j \frac{\exp(q_i^T k_j / \sqrt{d_k})}{\sum_{j'} \exp(q_i^T k_{j'} / \sqrt{d_k})} v_j = \text{Softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right) V`,
  statement: 'Scaled dot-product attention: row i of the output is the softmax-weighted sum of the values, with weights from the scores q_iᵀk_j/√d_k; the row-sum and the matrix forms agree.',
  reading: 'The left side is row i of the output, a d_v-vector; the right side as printed, Softmax(QKᵀ/√d_k)V, is the whole n×d_v matrix. '
    + 'Read as a competent reader would, the right side means its row i, [Softmax(QKᵀ/√d_k)V]_i: the claim checks compare both forms row by row. '
    + 'Read literally (one row equal to the whole matrix), the equation does not hold for more than one query: that is the literal check.',
  errata: ['attention-row-index-dropped'],
  notes: 'Second reading: the printed chain equates Attention(Q, K, V)_i, one row, with Softmax(QKᵀ/√d_k)V, the whole n×d_v matrix (the (·)_i is '
    + 'missing on the right). Settled: a literal check reads the right side as printed and fails (a d_v-vector against an n×d_v matrix); the '
    + 'item states its reading (row i of the right side), under which it holds, and the slip is the erratum attention-row-index-dropped (typo).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed row-sum form ↔ tfjs Softmax(QKᵀ/√d_k)V', role: 'claim', reference: 'tfjs-forward', arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => { const ref = tfjsAttention(cs, ctx); return cs.map((c, b) => agreement(printedRowSum(c), ref[b]!.outputs, outputsTolerance(c, ctx.dtypes))); },
    }),
    check({
      name: 'printed matrix form Softmax(QKᵀ/√d_k)V, row i of it for row i ↔ tfjs', role: 'claim', reference: 'tfjs-forward', arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => { const ref = tfjsAttention(cs, ctx); return cs.map((c, b) => agreement(printedMatrix(c), ref[b]!.outputs, outputsTolerance(c, ctx.dtypes))); },
    }),
    check({
      name: 'subject attention(Q, K, V) ↔ tfjs Softmax(QKᵀ/√d_k)V', role: 'subject', subject: 'attention', reference: 'tfjs-forward',
      arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => {
        const ref = tfjsAttention(cs, ctx);
        return cs.map((c, b) => agreement(ctx.subject.api.attention!(c.Q, c.K, c.V), ref[b]!.outputs, outputsTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'literal reading, n ≥ 2 queries: Attention(Q, K, V)_i (row-sum form, a d_v-vector) ↔ Softmax(QKᵀ/√d_k)V as printed (the n×d_v matrix)',
      role: 'literal', reference: 'printed', arbitrary: severalQueries, runs: 'default',
      // Both sides as printed; a vector and a matrix of different sizes never agree (the difference is infinite), whatever the tolerance.
      evaluate: (cs, ctx) => cs.map((c) => {
        const rows = printedRowSum(c), matrix = printedMatrix(c);
        let worst = { value: 0, bound: 0, note: '' };
        rows.forEach((row, i) => {
          const o = agreement(row, matrix, outputsTolerance(c, ctx.dtypes), `left: row ${i}, ${row.length} entries; right as printed: ${matrix.length}×${matrix[0]!.length} matrix`);
          if (o.value >= worst.value) worst = { ...o, note: o.note! };
        });
        return worst;
      }),
    }),
  ],
});
