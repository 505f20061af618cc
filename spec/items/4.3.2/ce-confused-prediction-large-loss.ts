import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'ce-confused-prediction-large-loss', kind: 'claim', section: '4.3.2',
  quote: '当模型对一个样本完全"困惑"（均匀分布）或完全"错误"时，损失会非常大',
  statement: 'When the model is completely "confused" (uniform prediction) or completely wrong on a sample, the cross-entropy loss is very large.',
  reason: '"非常大" has no threshold. For the wrong prediction the measurable content (−log p̂_{c*} → +∞) is checked in ce-boundary-limits; the uniform prediction has the fixed, finite loss −log(1/C) = log C (0.69 for C = 2), which is large or small only relative to an unstated reference.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
