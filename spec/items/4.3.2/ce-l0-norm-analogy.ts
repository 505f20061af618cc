import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'ce-l0-norm-analogy', kind: 'claim', section: '4.3.2',
  quote: String.raw`交叉熵的对数增长对应于$L_0$范数的某种极端形式`,
  statement: 'The logarithmic growth of cross-entropy corresponds to "some extreme form" of the L0 norm.',
  reason: 'No correspondence is defined, and none a reader could supply fits. The L0 "norm" counts the nonzero entries of a vector (it is not a norm and has no growth), while −log p̂ is a smooth function of one probability. The standard link between the logarithm and L0 is that both are limits of the Lp penalties |e|^p as p → 0 ((|e|^p − 1)/p → log|e|, and |e|^p → 1 for e ≠ 0); but those penalties grow more slowly than L2 and are less sensitive to large errors (the idea of robust statistics), the opposite of what the same sentence goes on to say of the cross-entropy (ce-more-sensitive-to-large-errors), and −log p̂ = −log(1 − e) of the error e = 1 − p̂ is not one of them. "某种极端形式" names no quantity to compute; what can be measured about the growth of −log p̂ is checked in ce-boundary-limits, ce-unbounded-above and ce-more-sensitive-to-large-errors.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
