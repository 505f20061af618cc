import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'attention-matrix-for-row',
  where: String.raw`$\frac{\partial A}{\partial Q}$的形式包含类似$(\text{diag}(A) - AA^T)$的项`,
  printed: String.raw`$\text{diag}(A) - AA^T$ with $A = \text{Softmax}(QK^T/\sqrt{d_k})$ the whole $n\times m$ attention matrix`,
  right: String.raw`$\text{diag}(a_i) - a_i a_i^T$ for each row $a_i$ of $A$: $\frac{\partial a_i}{\partial q_i} = (\text{diag}(a_i) - a_i a_i^T)\,K/\sqrt{d_k}$, and $\frac{\partial a_i}{\partial q_j} = 0$ for $j \neq i$`,
  severity: 'notation',
  cause: 'Softmax normalises each row of the scores separately, so its Jacobian is per row; the matrix A is written where one of its rows is meant. Read with the whole matrix, diag(A) − AAᵀ is n×n (and ill-formed unless A is square), while each row’s softmax Jacobian is m×m.',
});
