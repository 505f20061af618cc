import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'ce-l0-norm-analogy', kind: 'claim', section: '4.3.2',
  quote: String.raw`交叉熵的对数增长对应于$L_0$范数的某种极端形式`,
  statement: 'The logarithmic growth of cross-entropy corresponds to "some extreme form" of the L0 norm.',
  reason: 'No correspondence is defined: the L0 "norm" counts the nonzero entries of a vector (it is not a norm and has no growth), while −log p̂ is a smooth function of one probability. "某种极端形式" names no quantity to compute; what can be measured about the growth of −log p̂ is checked in ce-boundary-limits and ce-unbounded-above.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
