import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'confident-read-as-correct',
  where: '当某个类别的预测概率接近 1 时，Hessian 中对应方向的曲率变小（优化变慢），这反映了分类任务中"容易样本"和"困难样本"的区分',
  printed: 'when the predicted probability of a class approaches 1, the curvature in its direction becomes small, optimisation slows, and this reflects the distinction between easy and hard samples',
  right: String.raw`the curvature $\text{diag}(\hat{p}) - \hat{p}\hat{p}^T$ does not depend on the label: it vanishes at every confident prediction, right or wrong. Optimisation slows and the sample is easy only when the confident class is the true class (the gradient $\hat{p} - p$ then vanishes too); at a confidently wrong prediction the curvature vanishes as well, while the gradient tends to norm $\sqrt{2}$ and the loss grows without bound`,
  severity: 'imprecise',
  cause: 'A confident prediction is taken to be a correct one: the curvature, which ignores the label, is credited with the slowing and the easy/hard distinction, which come from the gradient and the loss and hold only for confident correct predictions.',
});
