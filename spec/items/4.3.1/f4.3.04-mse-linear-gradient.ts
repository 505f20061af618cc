import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { TAYLOR_RATE_TOLERANCE } from '../../engine/tolerance.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';
import { linearPredictions, meanSquaredError } from '../../../impl/index.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';
import { linearGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

/** 4.3.4 as printed (last line): −(1/N) Σ ε⁽ⁿ⁾ x⁽ⁿ⁾ with ε = y − ŷ, ŷ = wᵀx + b, for L = (1/2N) Σ (y − wᵀx − b)². */
function printed(c: RegressionCase): number[] {
  const yHat = linearPredictions(c.X, c.w, c.b);
  return c.w.map((_, i) => -c.X.reduce((s, x, n) => s + (c.y[n]! - yHat[n]!) * x[i]!, 0) / c.N);
}

const data = regressionCase();

export default defineItem({
  id: '4.3.4', kind: 'formula', section: '4.3.1',
  quote: String.raw`&= -\frac{1}{N} \sum_n \epsilon^{(n)} x^{(n)} \end{align}`,
  printed: String.raw`\begin{align}
\frac{\partial L_{MSE}}{\partial w} &= \frac{\partial}{\partial w} \left[ \frac{1}{2N} \sum_n (y^{(n)} - w^T x^{(n)} - b)^2 \right] \\ &= -\frac{1}{N} \sum_n (y^{(n)} - \hat{y}^{(n)}) x^{(n)} \\ &= -\frac{1}{N} \sum_n \epsilon^{(n)} x^{(n)} \end{align}`,
  statement: 'For a linear model and L = (1/2N) Σ (y − wᵀx − b)², the gradient in w is −(1/N) Σ ε x with ε = y − ŷ.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed ↔ tfjs autodiff gradient', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'half');
        return cases.map((c, b) => agreement(printed(c), reference[b]!.gradient, linearGradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'printed is the derivative of the loss: Taylor remainder rate ≈ 2', role: 'claim', reference: ['taylor', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases) => cases.map((c) => {
        const loss = (w: number[]) => meanSquaredError(c.y, linearPredictions(c.X, w, c.b), 'half');
        const g = printed(c);
        // Direction: the gradient itself where it is non-zero, else the first axis (the rate needs gᵀv ≠ 0 or a curved loss).
        const v = g.some((gi) => gi !== 0) ? g : g.map((_, i) => (i === 0 ? 1 : 0));
        const rates = taylorRates(loss, c.w, v, g.reduce((s, gi, i) => s + gi * v[i]!, 0));
        // A quadratic loss leaves a remainder exactly ½h²vᵀHv: rate 2, or 'exact' when H v = 0.
        return { value: rates.exact ? 0 : Math.abs(rates.observedRate - 2), bound: TAYLOR_RATE_TOLERANCE,
          note: `observed rate ${rates.observedRate.toFixed(3)}` };
      }),
    }),
    check({
      name: 'mseLinearGradient ↔ tfjs autodiff gradient', role: 'subject', subject: 'mseLinearGradient', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'half');
        return cases.map((c, b) => agreement(ctx.subject.api.mseLinearGradient!(c.X, c.y, c.w, c.b, 'half').w, reference[b]!.gradient, linearGradientTolerance(c, ctx.dtypes)));
      },
    }),
  ],
});
