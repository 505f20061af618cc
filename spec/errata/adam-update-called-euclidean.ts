import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'adam-update-called-euclidean',
  where: '“这个更新可以理解为在欧几里得度量下进行的” (after 4.3.26)',
  printed: 'the Adam update (4.3.23–4.3.26) can be understood as taking place in the Euclidean metric, in contrast with Riemannian gradient descent (4.3.27)',
  right: 'Adam is steepest descent in a diagonal, data-dependent metric: w_{t+1} = w_t - \\eta\\, G_t^{-1}\\hat{m}_t with G_t = \\operatorname{diag}(\\sqrt{\\hat{v}_t} + \\epsilon), '
    + 'the form of 4.3.27 with a diagonal estimate built from the gradients’ second moments; its step is not along −m̂, and it is Euclidean only in the limit |g| ≪ ε',
  severity: 'error',
  cause: 'The division by √v̂ + ε in 4.3.26, a per-coordinate metric, is overlooked, so Adam is placed on the Euclidean side of a contrast whose other side (a metric G⁻¹ applied to the gradient) it belongs to.',
});
