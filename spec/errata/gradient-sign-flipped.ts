import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'gradient-sign-flipped',
  where: '4.3.5 (last line) and 4.3.6',
  printed: String.raw`$-\frac{1}{N}\sum_n (\hat{p}^{(n)} - y^{(n)})\, x^{(n)}$ and $-\frac{1}{N}\sum_n 2(\hat{y} - y)\,\sigma'\, x^{(n)}$`,
  right: String.raw`$+\frac{1}{N}\sum_n (\hat{p}^{(n)} - y^{(n)})\, x^{(n)}$ and $+\frac{1}{N}\sum_n 2(\hat{y}^{(n)} - y^{(n)})\,\sigma'(z^{(n)})\, x^{(n)}$; the printed forms are the negative gradients, the direction of descent`,
  severity: 'sign',
  cause: 'The leading −1/N of 4.3.4, which belongs with the residual y − ŷ, is kept when the residual is written the other way round, prediction − target (the middle line of 4.3.5 is still right: it equals −(1/N) Σ (y − p̂) x).',
});
