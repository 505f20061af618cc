import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'loss-domination-head-specialisation', kind: 'claim', section: '4.3.4',
  quote: '这种"损失主导"现象与注意力机制中的"头部专业化"（Head Specialization）现象相关',
  statement: 'In multi-task Transformers, a dominating task loss makes the shared attention layers favour that task, and this is related to attention-head specialisation.',
  reason: 'An empirical statement about what trained multi-task Transformers learn ("相关", "可能"); it names no quantity or property that holds for every model or dataset. Its mechanical part — the combined gradient of shared parameters is taken over by the task of largest loss scale — is checked in gradient-normalisation-prevents-domination.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
