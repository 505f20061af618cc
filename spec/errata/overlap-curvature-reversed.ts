import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'overlap-curvature-reversed',
  where: '§4.3.2 强凸性与条件数 “当不同类别的样本高度重叠时，强凸性系数很小，优化变慢”',
  printed: 'heavily overlapping classes make the strong-convexity coefficient of the cross-entropy small and optimisation slow',
  right: 'overlap makes the curvature at the optimum large (p̂ ≈ ½ there, and p̂(1 − p̂) is largest at ½) and gradient descent fast; separation makes it small: as the classes separate, the optimum moves off to infinity and the curvature there tends to 0, and separable data have no minimiser at all.',
  severity: 'error',
  cause: 'The direction is reversed: the curvature p̂(1 − p̂) is largest for uncertain predictions (overlap) and vanishes for confident ones (separation), as the text itself says after 4.3.10 of confident predictions.',
});
