import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'attention-row-index-dropped',
  where: '4.3.34',
  printed: String.raw`$\text{Attention}(Q, K, V)_i = \sum_j \frac{\exp(q_i^T k_j / \sqrt{d_k})}{\sum_{j'} \exp(q_i^T k_{j'} / \sqrt{d_k})} v_j = \text{Softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right) V$: row $i$ on the left, the whole $n\times d_v$ matrix on the right`,
  right: String.raw`$\text{Attention}(Q, K, V)_i = \sum_j \frac{\exp(q_i^T k_j / \sqrt{d_k})}{\sum_{j'} \exp(q_i^T k_{j'} / \sqrt{d_k})} v_j = \left[\text{Softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right) V\right]_i$ (or, without the index on either side, $\text{Attention}(Q, K, V) = \text{Softmax}(QK^T/\sqrt{d_k})\,V$)`,
  severity: 'typo',
  cause: 'The row index (·)_i of the left side is dropped on the right: one row of the output, a d_v-vector, is equated with the whole n×d_v matrix. Row i of the right side is the row-sum form, as the claim checks of 4.3.34 show.',
});
