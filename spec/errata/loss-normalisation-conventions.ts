import { defineErratum } from '../engine/erratum.ts';

// One root cause, several places: the factors that normalise a loss (the ½ of the squared error, 1/N
// over the batch, a sum or a mean over samples) change between formulas without notice, and a result
// derived under one normalisation is stated next to a loss with another.
export default defineErratum({
  id: 'loss-normalisation-conventions',
  where: '4.3.1 vs 4.3.2; 4.3.4 vs 4.3.6; the loss before 4.3.8 vs 4.3.10; "均方误差是λ_min(XᵀX)强凸的"; the MSE limits after 4.3.14; 4.3.18',
  printed: String.raw`$\frac{1}{2}(y-\hat{y})^2$ per sample but $\frac{1}{N}\sum_n (y^{(n)}-\hat{y}^{(n)})^2$ as its batch form; $L = -\sum_n \log \hat{p}$ with the Hessian of its mean; a modulus $\lambda_{\min}(X^TX)$ for an MSE averaged over $N$`,
  right: String.raw`the batch form of 4.3.1 is $\frac{1}{2N}\sum_n (y^{(n)}-\hat{y}^{(n)})^2$; the Hessian of $-\sum_n \log \hat{p}$ is $\sum_n H^{(n)}$, $N$ times the printed average; the mean MSE $\frac{1}{2N}\|y - Xw\|^2$ of 4.3.4/4.3.7 is $\lambda_{\min}(X^TX)/N$-strongly convex, and $\lambda_{\min}(X^TX)$ belongs to the unnormalised $\frac{1}{2}\|y - Xw\|^2$`,
  severity: 'imprecise',
  cause: 'The ½ of the per-sample squared error and the 1/N (sum vs mean) over the batch change between formulas without notice, so results derived under one normalisation are stated beside a loss with another; each is right for its own normalisation and off by a factor 2 or N for the one printed next to it.',
});
