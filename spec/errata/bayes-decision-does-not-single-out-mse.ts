import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'bayes-decision-does-not-single-out-mse',
  where: '§4.3.4, after 4.3.30: 因此，均方误差是与回归任务自然匹配的损失函数; and 原则一: 这一原则直接来自于任务数学结构与损失函数的一致性',
  printed: 'under $\\epsilon \\sim \\mathcal{N}(0, \\sigma^2)$, the Bayes-optimal prediction of the squared loss is $f^*(x)$ (4.3.30), therefore MSE is the loss matched to regression; and choosing MSE for regression and cross-entropy for classification follows directly from this consistency of task and loss',
  right: 'many losses are consistent in this sense. In regression every Bregman loss $d_\\phi(y, \\hat{y}) = \\phi(y) - \\phi(\\hat{y}) - \\phi\'(\\hat{y})(y - \\hat{y})$ (the squared loss is one, $\\phi(y) = y^4$ another) has the Bayes-optimal prediction $\\mathbb{E}[y|x]$, and under symmetric noise such as $\\mathcal{N}(0, \\sigma^2)$ the absolute loss, whose Bayes-optimal prediction is the conditional median, recovers $f^*(x)$ too; so 4.3.30 singles the squared loss out only from losses such as the absolute loss, and only when the noise is known just to have zero mean. In classification the Brier score (the squared error of the predicted probabilities, a strictly proper scoring rule) and margin losses such as the hinge and exponential losses are consistent for the 0-1 loss as cross-entropy is (Bartlett, Jordan and McAuliffe, Convexity, classification, and risk bounds). Under Gaussian noise MSE is singled out by the likelihood: it is the Gaussian negative log-likelihood up to an affine map, and its minimiser attains the Cramér–Rao bound',
  severity: 'imprecise',
  cause: 'That a loss\'s Bayes-optimal prediction is the target shows the loss is consistent, not that it is the only or the best such loss; other losses are consistent as well, in regression and in classification.',
});
