import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { twoClassPrediction } from '../../domains/index.ts';
import { TRUE_DISTRIBUTION, tfjsTwoClass, twoClassCeTolerance } from '../../support/twoClass.ts';
import { crossEntropyTolerance, tfjsCrossEntropy } from '../../support/crossEntropy.ts';

/** As printed, middle: −[1·log p̂ + 0·log(1 − p̂)]. */
const printedExpanded = (q: number) => -(1 * Math.log(q) + 0 * Math.log(1 - q));
/** As printed, right: −log p̂. */
const printedClosed = (q: number) => -Math.log(q);
// Two logs (relative accuracy of |log|) and a sum whose second term is exactly 0.
const tol64 = (q: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: elementary(1) + 2, scale: Math.abs(Math.log(q)) });
const predictions = twoClassPrediction();

export default defineItem({
  id: 'two-class-ce-example', kind: 'claim', section: '4.3.3',
  quote: String.raw`L_{CE} = -[1 \cdot \log \hat{p} + 0 \cdot \log (1-\hat{p})] = -\log \hat{p}`,
  printed: String.raw`L_{CE} = -[1 \cdot \log \hat{p} + 0 \cdot \log (1-\hat{p})] = -\log \hat{p}`,
  statement: 'For p = (1, 0) and prediction (p̂, 1 − p̂), the cross-entropy is −[1·log p̂ + 0·log(1 − p̂)] = −log p̂.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed expanded ↔ printed −log p̂', role: 'claim', reference: 'printed', arbitrary: predictions, runs: 'default',
      evaluate: (cases, ctx) => cases.map((q) => agreement(printedExpanded(q), printedClosed(q), tol64(q, ctx.dtypes))),
    }),
    check({
      name: 'printed −log p̂ ↔ tfjs −Σ p log q at ((1, 0), (p̂, 1 − p̂))', role: 'claim', reference: 'tfjs-grad', arbitrary: predictions, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsCrossEntropy(cases.map((q) => ({ p: TRUE_DISTRIBUTION, q: [q, 1 - q] })), ctx);
        return cases.map((q, b) => agreement(values[b]!, printedClosed(q), crossEntropyTolerance(TRUE_DISTRIBUTION, [q, 1 - q], ctx.dtypes)));
      },
    }),
    check({
      name: 'printed −log p̂ ↔ tfjs −log θ at θ = p̂', role: 'support', reference: 'tfjs-grad', arbitrary: predictions, runs: 'default',
      evaluate: (cases, ctx) => {
        const { values } = tfjsTwoClass(ctx, cases, 'ce');
        return cases.map((q, b) => agreement(values[b]!, printedClosed(q), twoClassCeTolerance(q, ctx.dtypes)));
      },
    }),
    check({
      name: 'subject crossEntropy((1, 0), (p̂, 1 − p̂)) ↔ tfjs −Σ p log q', role: 'subject', subject: 'crossEntropy', reference: 'tfjs-grad', arbitrary: predictions, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsCrossEntropy(cases.map((q) => ({ p: TRUE_DISTRIBUTION, q: [q, 1 - q] })), ctx);
        return cases.map((q, b) => agreement(ctx.subject.api.crossEntropy!(TRUE_DISTRIBUTION, [q, 1 - q]), values[b]!,
          crossEntropyTolerance(TRUE_DISTRIBUTION, [q, 1 - q], ctx.dtypes)));
      },
    }),
  ],
});
