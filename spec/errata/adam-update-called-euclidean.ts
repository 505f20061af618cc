import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'adam-update-called-euclidean',
  where: '“这个更新可以理解为在欧几里得度量下进行的” (after 4.3.26), and the contrast it opens with Riemannian gradient descent (4.3.27, and “梯度被压缩 … 梯度被放大” after 4.3.28)',
  printed: 'the Adam update (4.3.23–4.3.26) “can be understood as taking place in the Euclidean metric”, in contrast with Riemannian gradient descent, '
    + 'whose metric G compresses the gradient along some directions and enlarges it along others',
  right: 'Adam takes the Euclidean gradient (G = I in 4.3.27; Riemannian Adam puts the Riemannian gradient of its manifold in its place and is Adam '
    + 'when the manifold is Euclidean), but its step is not Euclidean steepest descent: w_{t+1} = w_t - \\eta\\, G_t^{-1}\\hat{m}_t with '
    + 'G_t = \\operatorname{diag}(\\sqrt{\\hat{v}_t} + \\epsilon), a diagonal metric built from the gradient history, which rescales each coordinate '
    + '(compressing and enlarging the gradient) as the text says only Riemannian gradient descent does; the step is along −m̂ only in the limit |g| ≪ ε',
  severity: 'imprecise',
  cause: 'The Euclidean metric of the gradient Adam consumes is stated for the whole update: the per-coordinate division by √v̂ + ε in 4.3.26, '
    + 'itself a (diagonal, gradient-history-dependent) metric, goes unmentioned in the contrast.',
});
