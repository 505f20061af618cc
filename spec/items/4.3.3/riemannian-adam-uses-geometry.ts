import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'riemannian-adam-uses-geometry', kind: 'claim', section: '4.3.3',
  quote: '现代深度学习优化器（如 Riemannian Adam）利用了损失函数在参数空间中的几何结构',
  statement: 'Modern deep-learning optimisers such as Riemannian Adam exploit the geometric structure of the loss in parameter space.',
  reason: 'A statement about the literature, with no formula of its own to run (the section gives none for Riemannian Adam, and checking it would mean '
    + 'implementing that method from its paper rather than from the text). Read charitably — optimisers like Riemannian Adam use the geometry of the '
    + 'parameter space the loss is minimised over — it describes Riemannian Adam (Bécigneul & Ganea, “Riemannian adaptive optimization methods”, ICLR), '
    + 'which adapts Adam to parameters constrained to a Riemannian manifold (e.g. hyperbolic embeddings) and is Adam itself on ℝⁿ. Read as “a metric '
    + 'derived from the loss”, it does not: that is the natural gradient of 4.3.27–4.3.28, not Riemannian Adam.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
