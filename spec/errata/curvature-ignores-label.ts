import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'curvature-ignores-label',
  where: '这反映了分类任务中"容易样本"和"困难样本"的区分',
  printed: 'the curvature that vanishes when a class is predicted with probability near 1 reflects the distinction between easy and hard samples',
  right: String.raw`the curvature $\text{diag}(\hat{p}) - \hat{p}\hat{p}^T$ is a function of the prediction alone: it reflects the prediction's confidence ($1 - \hat{p}_{\max} \le \text{tr} \le 2(1 - \hat{p}_{\max})$), not how hard the sample is, and a confidently wrong sample, the hardest kind, has the same vanishing curvature as a confidently right one. Easy vs hard needs the label: the loss $-\log \hat{p}_y$, or the gradient $\hat{p} - p$`,
  severity: 'error',
  cause: 'A property that depends on the label (how hard a sample is) is attributed to the curvature, which is computed from the prediction alone and is the same for every label.',
});
