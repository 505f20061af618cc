import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'silent-model-switch',
  where: '然而，这只是表面上的相似。在均方误差中，梯度还受到 Sigmoid/Softmax 导数的调制',
  printed: 'right after the bullets compare the MSE of the linear model (4.3.4) with the cross-entropy of the logistic model (4.3.5), the MSE gradient is said to be modulated by a Sigmoid/Softmax derivative (4.3.6)',
  right: String.raw`for the models the bullets name, both gradients are exactly (prediction − target)$\cdot x$: $(\hat{y} - y)x$ for the linear model with the MSE, $(\hat{p} - y)x$ for the logistic model with the cross-entropy. The factor $\sigma'$ appears only when the MSE is put on a sigmoid (or softmax) output, the model of 4.3.6`,
  severity: 'imprecise',
  cause: 'The model changes without notice, from the linear output of 4.3.4 to a sigmoid output, so a property of the sigmoid-output model is presented as a property of the MSE against the cross-entropy.',
});
