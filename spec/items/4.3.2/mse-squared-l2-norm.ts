import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';

const data = regressionCase({ d: [1, 4], N: [1, 12] });
/** The predictions ŷ = Xw + b, and the residual vector's norm ‖y − ŷ‖₂ by Math.hypot (scaled, so it neither overflows nor underflows). */
const predictions = (c: RegressionCase) => c.X.map((x) => x.reduce((s, xi, i) => s + xi * c.w[i]!, c.b));
const residualNorm = (c: RegressionCase, yHat: number[]) => Math.hypot(...c.y.map((yn, n) => yn - yHat[n]!));
/**
 * An N-term sum of squares (or hypot's scaled sum and square root, then squared); terms ≤ ‖r‖². A computation
 * that first rounds y and ŷ to its dtype moves each r_n by u(|y_n| + |ŷ_n|), and Σ r² by Σ 2|r_n|(|y_n| + |ŷ_n|)·u:
 * relative to Σ r², that is the condition number (large when y ≈ ŷ: the residual cancels).
 */
function normTolerance(c: RegressionCase, yHat: number[], norm: number, dtypes: readonly [Dtype, Dtype]): number {
  const sensitivity = c.y.reduce((s, yn, n) => s + 2 * Math.abs(yn - yHat[n]!) * (Math.abs(yn) + Math.abs(yHat[n]!)), 0);
  return tolerance({ dtypes, operations: c.N + 4, scale: norm ** 2 / c.N, condition: 1 + (norm > 0 ? sensitivity / norm ** 2 : 0) });
}

export default defineItem({
  id: 'mse-squared-l2-norm', kind: 'claim', section: '4.3.2',
  quote: String.raw`MSE 的二次增长对应于$L_2$范数的平方`,
  statement: 'The batch MSE (4.3.2) is the squared L2 norm of the residual vector divided by N: (1/N) Σ (y − ŷ)² = ‖y − ŷ‖₂²/N.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the printed (1/N) Σ (y − ŷ)² ↔ ‖y − ŷ‖₂²/N (Math.hypot)', role: 'claim', reference: 'closed-form', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const yHat = predictions(c), norm = residualNorm(c, yHat);
        const printed = c.y.reduce((s, yn, n) => s + (yn - yHat[n]!) ** 2, 0) / c.N;
        return agreement(printed, norm ** 2 / c.N, normTolerance(c, yHat, norm, ctx.dtypes));
      }),
    }),
    check({
      name: 'meanSquaredError (unhalved) ↔ ‖y − ŷ‖₂²/N (Math.hypot)', role: 'subject', subject: 'meanSquaredError', reference: 'closed-form',
      arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const yHat = predictions(c), norm = residualNorm(c, yHat);
        return agreement(ctx.subject.api.meanSquaredError!(c.y, yHat, 'unhalved'), norm ** 2 / c.N, normTolerance(c, yHat, norm, ctx.dtypes));
      }),
    }),
  ],
});
