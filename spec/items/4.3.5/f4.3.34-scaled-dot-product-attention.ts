import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { attentionCase, type AttentionCase } from '../../domains/index.ts';
import { attention } from '../../../impl/index.ts';
import { outputsTolerance, tfjsAttention, tfjsForwardLabel } from '../../support/attention.ts';

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

export default defineItem({
  id: '4.3.34', kind: 'formula', section: '4.3.5',
  quote: String.raw`\text{Attention}(Q, K, V)_i = \sum_j \frac{\exp(q_i^T k_j / \sqrt{d_k})}{\sum_{j'} \exp(q_i^T k_{j'} / \sqrt{d_k})} v_j = \text{Softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right) V\tag{4.3.34}`,
  printed: String.raw`\text{Attention}(Q, K, V)_i = \sum_j \frac{\exp(q_i^T k_j / \sqrt{d_k})}{\sum_{j'} \exp(q_i^T k_{j'} / \sqrt{d_k})} v_j = \text{Softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right) V`,
  statement: 'Scaled dot-product attention: row i of the output is the softmax-weighted sum of the values, with weights from the scores q_iᵀk_j/√d_k; the row-sum and the matrix forms agree.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed row-sum form ↔ tfjs Softmax(QKᵀ/√d_k)V', role: 'claim', oracle: tfjsForwardLabel, arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => { const ref = tfjsAttention(cs, ctx); return cs.map((c, b) => agreement(printedRowSum(c), ref[b]!.outputs, outputsTolerance(c))); },
    }),
    check({
      name: 'printed matrix form Softmax(QKᵀ/√d_k)V ↔ tfjs', role: 'claim', oracle: tfjsForwardLabel, arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => { const ref = tfjsAttention(cs, ctx); return cs.map((c, b) => agreement(printedMatrix(c), ref[b]!.outputs, outputsTolerance(c))); },
    }),
    check({
      name: 'impl attention (max-shifted softmax) ↔ tfjs', role: 'support', oracle: tfjsForwardLabel, arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => { const ref = tfjsAttention(cs, ctx); return cs.map((c, b) => agreement(attention(c.Q, c.K, c.V), ref[b]!.outputs, outputsTolerance(c))); },
    }),
  ],
});
