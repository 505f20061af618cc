import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'ce-strong-convexity-unqualified',
  where: '§4.3.2 强凸性与条件数 “交叉熵的强凸性取决于数据的 Fisher 信息矩阵”',
  printed: 'the strong convexity of the cross-entropy depends on the Fisher information matrix of the data',
  right: 'the local curvature of the cross-entropy at w is the smallest eigenvalue of the Fisher information there (which equals the Hessian). With all C weight vectors free, as in the f(w) of the same paragraph, the Fisher information is singular at every W (W → W + a1ᵀ changes no prediction), so the coefficient is 0 whatever the data; in an identifiable parametrisation (binary logistic regression) it is positive only locally: the loss grows at most linearly, so no single μ > 0 holds on the whole parameter space.',
  severity: 'imprecise',
  cause: 'A local property of an identifiable parametrisation is stated as the strong-convexity coefficient of the cross-entropy, without either qualification.',
});
