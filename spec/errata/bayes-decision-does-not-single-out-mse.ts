import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'bayes-decision-does-not-single-out-mse',
  where: '§4.3.4, after 4.3.30: 因此，均方误差是与回归任务自然匹配的损失函数',
  printed: 'under $\\epsilon \\sim \\mathcal{N}(0, \\sigma^2)$, the Bayes-optimal prediction of the squared loss is $f^*(x)$ (4.3.30), therefore MSE is the loss matched to regression',
  right: 'under symmetric noise such as $\\mathcal{N}(0, \\sigma^2)$ the Bayes-optimal prediction of the absolute loss, the conditional median, is $f^*(x)$ too; 4.3.30 singles the squared loss out only when the noise is known just to have zero mean. Under Gaussian noise MSE is singled out by the likelihood: it is the Gaussian negative log-likelihood up to an affine map, and its minimiser attains the Cramér–Rao bound',
  severity: 'imprecise',
  cause: 'That a loss\'s Bayes-optimal prediction is the target shows the loss is consistent, not that it is the only or the best such loss; under the noise the paragraph assumes, other losses are consistent as well.',
});
