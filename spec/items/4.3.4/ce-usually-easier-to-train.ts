import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'ce-usually-easier-to-train', kind: 'claim', section: '4.3.4',
  quote: '在实践中，交叉熵在分类任务中通常比 MSE 更容易训练',
  statement: 'In practice cross-entropy is usually easier to train than MSE for classification.',
  reason: 'A statement about typical training runs ("在实践中", "通常"), not a property of the losses that holds case by case. The mechanisms it rests on are checked elsewhere: the constant MSE Hessian vs the prediction-dependent cross-entropy Hessian (mse-hessian-constant, ce-hessian-parameter-dependent) and the missing sigmoid factor in the cross-entropy gradient (ce-gradient-no-sigmoid-factor, mse-sigmoid-gradient-vanishes).',
  expectedVerdict: 'not-checkable',
  checks: [],
});
