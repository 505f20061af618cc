import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'confident-read-as-correct',
  where: '当某个类别的预测概率接近 1 时，Hessian 中对应方向的曲率变小（优化变慢）',
  printed: 'when the predicted probability of a class approaches 1, the curvature in its direction becomes small and optimisation slows',
  right: String.raw`the curvature $\text{diag}(\hat{p}) - \hat{p}\hat{p}^T$ vanishes at every confident prediction, right or wrong; first-order optimisation slows only when the confident class is the true class, where the gradient $\hat{p} - p$ vanishes with the curvature. At a confidently wrong prediction the gradient tends to norm $\sqrt{2}$ and the loss grows without bound`,
  severity: 'imprecise',
  cause: 'A confident prediction is taken to be a correct one: the curvature vanishes at every confident prediction, but optimisation slows only at a correct one, where the gradient vanishes with it.',
});
