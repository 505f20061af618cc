import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, PRINTED_F64, tfjsGrad } from '../../engine/labels.ts';
import { twoClassPrediction } from '../../domains/index.ts';
import { squaredDistance } from '../../../impl/index.ts';
import { TRUE_DISTRIBUTION, tfjsTwoClass, twoClassMseTolerance } from '../../support/twoClass.ts';

/** As printed, middle: (1 − p̂)² + (0 − (1 − p̂))². */
const printedExpanded = (q: number) => (1 - q) ** 2 + (0 - (1 - q)) ** 2;
/** As printed, right: 2(1 − p̂)². */
const printedClosed = (q: number) => 2 * (1 - q) ** 2;
// 1 − p̂ is exact for p̂ ∈ [½, 1] (Sterbenz) and one rounding otherwise; a square and a sum: terms of size 2(1 − p̂)², κ = 2.
const tol64 = (q: number) => tolerance({ dtypes: ['float64', 'float64'], operations: 4, scale: 2 * (1 - q) ** 2, condition: 2 });
const predictions = twoClassPrediction();

export default defineItem({
  id: 'two-class-mse-example', kind: 'claim', section: '4.3.3',
  quote: String.raw`L_{MSE} = (1 - \hat{p})^2 + (0 - (1-\hat{p}))^2 = 2(1-\hat{p})^2`,
  printed: String.raw`L_{MSE} = (1 - \hat{p})^2 + (0 - (1-\hat{p}))^2 = 2(1-\hat{p})^2`,
  statement: 'For p = (1, 0) and prediction (p̂, 1 − p̂), the MSE of 4.3.18 is (1 − p̂)² + (0 − (1 − p̂))² = 2(1 − p̂)².',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed expanded ↔ printed 2(1 − p̂)²', role: 'claim', oracle: PRINTED_F64, arbitrary: predictions, runs: 'default',
      evaluate: (cases) => cases.map((q) => agreement(printedExpanded(q), printedClosed(q), tol64(q))),
    }),
    check({
      name: 'printed 2(1 − p̂)² ↔ tfjs 4.3.18 at ((1, 0), (p̂, 1 − p̂))', role: 'claim', oracle: tfjsGrad, arbitrary: predictions, runs: 'default',
      evaluate: (cases, ctx) => {
        const { values } = tfjsTwoClass(ctx, cases, 'mse');
        return cases.map((q, b) => agreement(values[b]!, printedClosed(q), twoClassMseTolerance(q)));
      },
    }),
    check({
      name: 'printed ↔ impl squaredDistance', role: 'support', oracle: IMPL_F64, arbitrary: predictions, runs: 'default',
      evaluate: (cases) => cases.map((q) => agreement(squaredDistance(TRUE_DISTRIBUTION, [q, 1 - q]), printedClosed(q), tol64(q))),
    }),
  ],
});
