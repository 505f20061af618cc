import { defineItem } from '../../engine/item.ts';
import { given, num, t } from '../../engine/text.ts';
import { crossEntropy } from '../../../impl/index.ts';

/** −log p̂_{c*} of the uniform prediction over C classes (impl), i.e. log C. */
const uniformLoss = (C: number) => crossEntropy([1, ...Array(C - 1).fill(0)], Array(C).fill(1 / C));

export default defineItem({
  id: 'ce-confused-prediction-large-loss', kind: 'claim', section: '4.3.2',
  quote: '当模型对一个样本完全"困惑"（均匀分布）或完全"错误"时，损失会非常大',
  statement: 'When the model is completely "confused" on a sample (a uniform prediction over the C classes), the cross-entropy loss is very large, a reflection of its unboundedness.',
  reason: t`The uniform prediction's loss is log C: ${num(uniformLoss(2), 3)} for C = 2 (the binary case of this section) and ${num(uniformLoss(10), 3)} for C = ${given(10)}, finite for every C and growing only as log C. So the "completely confused" case does not illustrate the unboundedness the sentence ties it to ("交叉熵的这种无上界特性"): it sits at p̂_{c*} = 1/C, far from the p̂_{c*} → 0 end where the loss is unbounded. Whether log C is "非常大" cannot be decided: the text gives that word no scale, and the paragraph's comparison is with the MSE's bounded penalty, not with a threshold. The "completely wrong" case of the same sentence, −log p̂_{c*} → +∞, is checked by ce-boundary-limits.`,
  notes: t`Second reading: refute, since the uniform prediction's loss is only log C (${num(uniformLoss(2), 3)} for C = 2), finite and small, so "损失会非常大" is false for the confused case. Settled (the lead's call): not-checkable, because "非常大" has no scale in the text and the paragraph contrasts the cross-entropy with the MSE's bounded penalty; the reason now states plainly that log C is finite for every C and so does not illustrate the unboundedness the sentence ties it to.`,
  expectedVerdict: 'not-checkable',
  checks: [],
});
