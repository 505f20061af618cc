import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'mse-boundary-limits-swapped',
  where: '边界行为分析: "当ŷ→0或ŷ→1时，L_MSE→(1−y)²或 y²"',
  printed: String.raw`$\hat{y} \to 0$ or $\hat{y} \to 1$: $L_{MSE} \to (1-y)^2$ or $y^2$, read respectively`,
  right: String.raw`$\hat{y} \to 0$: $L_{MSE} \to y^2$; $\hat{y} \to 1$: $L_{MSE} \to (1-y)^2$ (with the ½ of 4.3.13: $\frac{1}{2}y^2$ and $\frac{1}{2}(1-y)^2$)`,
  severity: 'typo',
  cause: 'The two limits are listed in the opposite order to the two ends they belong to: at ŷ = 0 the error y − ŷ is y, at ŷ = 1 it is y − 1; read respectively, a confidently wrong binary prediction (y = 1, ŷ → 0) would have loss 0.',
});
