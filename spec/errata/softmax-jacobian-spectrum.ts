import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'softmax-jacobian-spectrum',
  where: String.raw`（其特征值为$\hat{p}_i^{(n)}(1-\hat{p}_i^{(n)}) \geq 0$和$-\hat{p}_i^{(n)}$，后者为负或零）`,
  printed: String.raw`the eigenvalues of $\text{diag}(\hat{p}) - \hat{p}\hat{p}^T$ are $\hat{p}_i(1-\hat{p}_i)$ and $-\hat{p}_i$ (2C numbers for a $C\times C$ matrix, C of them negative)`,
  right: String.raw`its eigenvalues are $\lambda_1 = 0$ (eigenvector $\mathbf{1}$) and $C-1$ values interlacing the sorted probabilities, $\hat{p}_{(i-1)} \le \lambda_i \le \hat{p}_{(i)}$; all are $\ge 0$ and they sum to $1 - \|\hat{p}\|^2$. The numbers $\hat{p}_i(1-\hat{p}_i)$ are its diagonal entries`,
  severity: 'error',
  cause: 'The spectrum of a rank-one downdate of diag(p̂) is given as if the diagonal entries and the entries of −p̂p̂ᵀ were eigenvalues; the matrix has no negative eigenvalue.',
});
