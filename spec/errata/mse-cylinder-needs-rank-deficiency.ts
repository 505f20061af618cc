import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'mse-cylinder-needs-rank-deficiency',
  where: '其图像是一个抛物面（高维情况下为抛物柱面）',
  printed: 'the graph of the MSE is a paraboloid, in the high-dimensional case a parabolic cylinder',
  right: String.raw`over the weights of a linear model the graph is an elliptic paraboloid when $X^TX$ is positive definite (full column rank, in any dimension) and a parabolic cylinder when $X^TX$ is singular, as it must be when there are more weights than samples ($d > N$); over the predictions, $\tfrac{1}{2}\|y - \hat{y}\|^2$ is a round paraboloid in every dimension`,
  severity: 'imprecise',
  cause: 'The degenerate (cylinder) case is attributed to high dimension, while it is decided by the rank of the design matrix; the text names neither the variable of the graph nor the rank condition.',
});
