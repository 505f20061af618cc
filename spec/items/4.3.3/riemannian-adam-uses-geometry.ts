import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'riemannian-adam-uses-geometry', kind: 'claim', section: '4.3.3',
  quote: '现代深度学习优化器（如 Riemannian Adam）利用了损失函数在参数空间中的几何结构',
  statement: 'Modern deep-learning optimisers such as Riemannian Adam exploit the geometric structure of the loss in parameter space.',
  reason: 'A statement about the literature, with no formula to run. Note for the reader: Riemannian Adam (Bécigneul & Ganea, ICLR 2019) adapts '
    + 'Adam to parameters constrained to a Riemannian manifold (e.g. hyperbolic embeddings), i.e. to the geometry of the parameter domain, '
    + 'not to a metric derived from the loss; the update that does use a loss-derived metric is the natural gradient of 4.3.27–4.3.28.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
