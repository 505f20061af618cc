import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'ce-hard-samples-attention', kind: 'claim', section: '4.3.2',
  quote: '这种特性使得训练过程对困难样本更加关注，有助于模型学习边界情况',
  statement: 'The unboundedness of cross-entropy makes training pay more attention to hard samples and helps the model learn boundary cases (whereas MSE\'s bounded penalty may not push the model to learn from its errors).',
  reason: 'A statement about training dynamics ("更加关注", "有助于", "可能不足以") with no measurable quantity or threshold. The measurable mechanism is checked elsewhere: a wrong, saturated sample keeps a logit gradient of size |ŷ − y| under cross-entropy (ce-gradient-no-sigmoid-factor) but ≤ min(ŷ, 1 − ŷ) under MSE with a sigmoid (mse-sigmoid-gradient-vanishes). That weight comes from the missing σ\' factor, not from the unbounded loss value: the logit gradient of cross-entropy is bounded by 1.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
