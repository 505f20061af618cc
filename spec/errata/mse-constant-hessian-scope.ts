import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'mse-constant-hessian-scope',
  where: '§4.3.4, 原则三: MSE 的 Hessian 是常数，优化相对简单',
  printed: 'MSE has a constant Hessian, so its optimisation is relatively simple (a reason to weigh MSE against cross-entropy)',
  right: 'the Hessian of MSE is constant only for a model linear in its parameters (4.3.7); on the sigmoid or softmax output of a classifier, where MSE and cross-entropy are the alternatives, it depends on the parameters and is indefinite in places (MSE of a sigmoid is not convex), while the Hessian of cross-entropy is positive semidefinite',
  severity: 'imprecise',
  cause: 'A property of linear least squares (4.3.7) is used to compare MSE with cross-entropy, a comparison that only arises on classification models, where the property does not hold.',
});
