import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'ce-loss-sum-vs-mean',
  where: 'the loss before 4.3.8 vs 4.3.10 (总 Hessian 为所有样本 Hessian 的平均)',
  printed: String.raw`$L = -\sum_n \log \hat{p}_{y^{(n)}}^{(n)}$, then its total Hessian as the average $\frac{1}{N}\sum_n H^{(n)}$`,
  right: String.raw`the Hessian of $L = -\sum_n \log \hat{p}_{y^{(n)}}^{(n)}$ is the sum $\sum_n H^{(n)}$; the average $\frac{1}{N}\sum_n H^{(n)}$ is the Hessian of the mean loss $-\frac{1}{N}\sum_n \log \hat{p}_{y^{(n)}}^{(n)}$`,
  severity: 'imprecise',
  cause: 'The multi-class loss is stated as a sum over samples, while the total Hessian is given as the average of the per-sample Hessians, which belongs to the mean loss used in 4.3.4 and 4.3.5; the two differ by the factor N.',
});
