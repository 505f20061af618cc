import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'softmax-jacobian-definiteness',
  where: String.raw`$\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}$——这是一个**半负定矩阵**`,
  printed: String.raw`$\text{diag}(\hat{p}) - \hat{p}\hat{p}^T$ is negative semidefinite (半负定)`,
  right: String.raw`it is positive semidefinite: $v^T(\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)v = \sum_i \hat{p}_i v_i^2 - (\sum_i \hat{p}_i v_i)^2 \ge 0$, the variance of $v$ under $\hat{p}$; so the Hessian of cross-entropy is positive semidefinite and the loss convex in the logits`,
  severity: 'error',
  cause: 'The definiteness is stated with the wrong sign, inconsistently even with the eigenvalues the text lists next (p̂_i(1 − p̂_i) ≥ 0 among them) and with the convexity of cross-entropy that §4.3.2 asserts.',
});
