import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'ce-second-order-fisher-geometry', kind: 'claim', section: '4.3.3',
  quote: '这意味着交叉熵优化的二阶信息直接对应于 Fisher 信息几何',
  statement: 'The second-order information of cross-entropy optimisation corresponds directly to the Fisher information geometry.',
  reason: 'An interpretation of 4.3.21, not a further statement: its measurable content is H_CE = I, which item 4.3.21 checks (it holds in the '
    + 'canonical parameters — logits, or W of softmax regression — and fails in e.g. the mean parameterisation).',
  expectedVerdict: 'not-checkable',
  checks: [],
});
