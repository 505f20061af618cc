import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'positional-prior-loss-dynamics', kind: 'claim', section: '4.3.5',
  quote: '这种先验信息与损失函数的交互决定了模型的学习动态',
  statement: 'The interaction of the prior information supplied by the position encoding with the loss function determines the model\'s learning dynamics.',
  reason: '"学习动态" (learning dynamics) is not specified, and "决定" (determines) names no mechanism whose size or direction a computation could '
    + 'measure. In the one precise sense available, the gradient flow of the parameters is a function of the loss and of the inputs, the '
    + 'encoding among them; that holds by the definition of gradient descent for every input feature and says nothing particular to position '
    + 'encodings. The sentence\'s two instances are items of their own: how the loss\'s gradient reaches each scale of the sinusoidal encoding '
    + '(position-error-propagation, conditional) and the training effect of RoPE (rope-learning-efficiency, not checkable).',
  expectedVerdict: 'not-checkable',
  checks: [],
});
