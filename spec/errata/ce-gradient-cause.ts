import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'ce-gradient-cause',
  where: '交叉熵的梯度不受 Softmax 导数的调制（因为我们在推导中直接对 logits 求导，而非对 Softmax 输出求导）',
  printed: 'the cross-entropy gradient is free of the softmax derivative because it is taken directly with respect to the logits rather than the softmax outputs',
  right: String.raw`the softmax derivative is in the chain rule, and $-\log$ cancels it: $\nabla_z(-\log \hat{p}_y) = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)(-e_y/\hat{p}_y) = \hat{p} - e_y$, the same whether one differentiates through the outputs or not; the squared error differentiated with respect to the logits keeps the factor, $\nabla_z \tfrac{1}{2}\|\hat{p} - p\|^2 = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)(\hat{p} - p)$`,
  severity: 'error',
  cause: 'The cancellation between the logarithm of cross-entropy and the exponential of softmax is attributed to the choice of the variable of differentiation; §4.3.2 (数学本质) gives the right cause for the sigmoid case.',
});
