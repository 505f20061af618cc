import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'ce-usually-easier-to-train', kind: 'claim', section: '4.3.4',
  quote: '在实践中，交叉熵在分类任务中通常比 MSE 更容易训练',
  statement: 'In practice cross-entropy is usually easier to train than MSE for classification.',
  reason: 'A frequency claim about practice ("在实践中", "通常"): over the tasks, models, initialisations and tuned learning rates people use, cross-entropy trains more easily. No sampled family of problems stands for that distribution, and one sampled family would test a different, case-by-case claim. The mechanism the sentence rests on is checked: the MSE gradient of a saturated sigmoid vanishes while the cross-entropy gradient keeps the size of the error (mse-sigmoid-gradient-vanishes, ce-gradient-no-sigmoid-factor), and on classification models the MSE loss is not convex while cross-entropy is (mse-constant-hessian-simpler-optimisation, ce-convex-in-w).',
  notes: 'Second reading: the reason asserted, without computing it, that from a start that is not saturated gradient descent on the two losses can take the same number of steps. Settled: the uncomputed example is dropped from the reason; the verdict rests on the frequency claim being about the distribution of practice, which no sampled family stands for.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
