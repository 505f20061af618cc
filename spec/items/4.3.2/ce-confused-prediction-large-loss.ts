import { defineItem } from '../../engine/item.ts';
import { given, num, t } from '../../engine/text.ts';
import { crossEntropy } from '../../../impl/index.ts';

/** −log p̂_{c*} of the uniform prediction over C classes (impl), i.e. log C. */
const uniformLoss = (C: number) => crossEntropy([1, ...Array(C - 1).fill(0)], Array(C).fill(1 / C));

export default defineItem({
  id: 'ce-confused-prediction-large-loss', kind: 'claim', section: '4.3.2',
  quote: '当模型对一个样本完全"困惑"（均匀分布）或完全"错误"时，损失会非常大',
  statement: 'When the model is completely "confused" on a sample (a uniform prediction over the C classes), the cross-entropy loss is very large, a reflection of its unboundedness.',
  reason: t`"非常大" has no threshold, and a loss value has no scale of its own to judge it by. What can be computed is the value: the uniform prediction's loss is −log(1/C) = log C (${num(uniformLoss(2), 3)} for C = 2, the binary case of this section; ${num(uniformLoss(10), 3)} for C = ${given(10)}), finite for every C and growing only as log C; it is the loss at p̂_{c*} = 1/C, far from the p̂_{c*} → 0 end where the loss is unbounded, so this case does not illustrate the unboundedness the sentence ties it to. The "completely wrong" case of the same sentence, −log p̂_{c*} → +∞, is checked by ce-boundary-limits.`,
  expectedVerdict: 'not-checkable',
  checks: [],
});
