import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'ce-gradient-sign-dropped',
  where: 'after 4.3.16: "梯度仍为0.01·x"; 数学本质: "−log ŷ关于ŷ的梯度是1/ŷ … 两者相乘得到(1−ŷ)"',
  printed: String.raw`$\partial(-\log\hat{y})/\partial\hat{y} = 1/\hat{y}$, the product $\frac{1}{\hat{y}}\cdot\hat{y}(1-\hat{y}) = (1-\hat{y})$, and the gradient $0.01 \cdot x$ at $\hat{y} = 0.99$, $y = 1$`,
  right: String.raw`$\partial(-\log\hat{y})/\partial\hat{y} = -1/\hat{y}$, the logit gradient $-(1-\hat{y}) = \hat{y} - y$, and the gradient $(\hat{y} - y)x = -0.01 \cdot x$ (4.3.16)`,
  severity: 'sign',
  cause: 'The minus sign of the loss −log ŷ is lost when it is differentiated: both places print the gradient of the log-likelihood log ŷ, (1 − ŷ) in the logit and (1 − ŷ)x in w, the negative of the loss gradient (ŷ − y)x that 4.3.16 prints correctly.',
});
