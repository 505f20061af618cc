import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'mse-no-direct-fisher-link', kind: 'claim', section: '4.3.3',
  quote: '但MSE作为独立的损失函数，不具有这种与Fisher信息的直接联系',
  statement: 'Taken as a stand-alone loss, MSE has no such direct link to the Fisher information.',
  reason: 'A statement about viewpoint: a loss “on its own” defines no probability model, so there is no Fisher information to compare with. No measurement '
    + 'can separate the two views: the MSE Hessian is the same matrix whichever is taken — for a linear model the Hessian of ½(y − ŷ)² is the Fisher '
    + 'information of N(ŷ, 1) (item mse-gaussian-nll-hessian-fisher). Note for the reader: the contrast with cross-entropy is one of viewpoint too; '
    + 'cross-entropy’s link (4.3.21) also comes from reading it as a negative log-likelihood, of the categorical distribution, exactly as MSE is one of the Gaussian.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
