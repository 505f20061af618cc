import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'mse-half-convention',
  where: '4.3.1 vs 4.3.2 (and the MSE formulas that follow)',
  printed: '$\\frac{1}{2}(y-\\hat{y})^2$ per sample, then $\\frac{1}{N}\\sum_n (y^{(n)} - \\hat{y}^{(n)})^2$ as its batch form',
  right: 'the batch form of 4.3.1 is $\\frac{1}{2N}\\sum_n (y^{(n)} - \\hat{y}^{(n)})^2$; formulas derived from one or the other differ by a factor 2',
  severity: 'imprecise',
  cause: 'The ½ of the per-sample MSE (4.3.1) is dropped in its batch form (4.3.2), and later formulas use one convention or the other without saying which.',
});
