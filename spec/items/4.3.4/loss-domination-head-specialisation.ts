import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'loss-domination-head-specialisation', kind: 'claim', section: '4.3.4',
  quote: '这种"损失主导"现象与注意力机制中的"头部专业化"（Head Specialization）现象相关',
  statement: 'The loss-domination phenomenon is related to head specialisation in attention: different attention heads may specialise in different kinds of input or tasks.',
  reason: 'An association between two phenomena of trained Transformers ("相关") that names no quantity, direction or mechanism to measure; its second clause asserts only a possibility ("可能"). What can be checked is checked elsewhere: how a dominant loss takes over a shared attention head, and that with one head per task the optimum specialises one head per task (dominant-loss-shapes-shared-attention).',
  expectedVerdict: 'not-checkable',
  checks: [],
});
