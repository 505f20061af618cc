import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'constant-curvature-read-as-isotropic',
  where: '几何解释：均方误差的恒定曲率意味着优化空间在所有方向上具有相同的"陡峭程度"，优化轨迹是线性的',
  printed: 'constant curvature means the same steepness in every direction, and a linear (straight) optimisation trajectory',
  right: String.raw`constant curvature means the same Hessian $H = \frac{1}{N}X^TX$ at every point; the curvature along a unit direction $v$ is $v^T H v$, anywhere between $\lambda_{\min}(H)$ and $\lambda_{\max}(H)$, and gradient descent bends towards the directions of small curvature: $w_t - w^* = (I - \eta H)^t (w_0 - w^*)$, a straight path only from a start in one eigenspace of $H$`,
  severity: 'error',
  cause: 'Constancy of the curvature over the parameter space is taken for isotropy (the same curvature in every direction, H a multiple of the identity); both clauses, equal steepness and a straight trajectory, describe a round bowl, which the MSE is only when XᵀX ∝ I.',
});
