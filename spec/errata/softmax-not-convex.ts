import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'softmax-not-convex',
  where: '§4.3.2 凸性分析 “由于 Softmax 是凸函数（实际上是对数-分割函数的对偶）”',
  printed: 'Softmax is a convex function (being the dual of the log-partition function)',
  right: 'Softmax is not convex: along each logit its component is a sigmoid, Softmax(z)_k = σ(z_k − log Σ_{j≠k} e^{z_j}). What is convex is the log-partition function log Σ_j e^{z_j}; Softmax is its gradient, and its convex conjugate is the negative entropy.',
  severity: 'error',
  cause: 'A property of the log-partition function (convex, and tied to Softmax by Legendre duality) is ascribed to Softmax itself.',
});
