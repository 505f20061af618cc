import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'riemannian-adam-loss-geometry',
  where: '“现代深度学习优化器（如 Riemannian Adam）利用了损失函数在参数空间中的几何结构” (before 4.3.23)',
  printed: 'optimisers such as Riemannian Adam exploit the geometric structure of the loss function in parameter space',
  right: 'Riemannian Adam (Bécigneul & Ganea, ICLR) exploits the geometry of the manifold the parameters live on (e.g. hyperbolic space): its '
    + 'Riemannian gradient, norm and exponential map take the place of Adam’s; it uses no metric derived from the loss — its step depends on the loss '
    + 'only through the gradient, and on ℝⁿ it is Adam whatever the loss’s curvature. A metric taken from the loss (Fisher information, Hessian) is the '
    + 'natural gradient of 4.3.27–4.3.28',
  severity: 'imprecise',
  cause: 'The geometry of the parameter space the loss is minimised over is attributed to the loss itself, merging Riemannian optimisation on a '
    + 'manifold with natural-gradient methods.',
});
