import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { vector } from '../../domains/index.ts';
import { squaredError } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { asFloat32 } from '../../support/float32.ts';

interface Batch { y: number[]; yHat: number[] }

/** 4.3.2 as printed: (1/N) Σ (y⁽ⁿ⁾ − ŷ⁽ⁿ⁾)². */
const printed = ({ y, yHat }: Batch) => y.reduce((s, yn, n) => s + (yn - yHat[n]!) ** 2, 0) / y.length;
/** "The batch form" of a per-sample loss: the mean over the batch of 4.3.1 under a convention. */
const batchMeanOf = ({ y, yHat }: Batch, convention: 'half' | 'unhalved') =>
  y.reduce((s, yn, n) => s + squaredError(yn, yHat[n]!, convention), 0) / y.length;

const batch = fc.integer({ min: 1, max: 16 }).chain((N) => fc.record({ y: vector(N, 10), yHat: vector(N, 10) }));
// N squared differences summed and divided: N + 3 roundings on terms of size (|y| + |ŷ|)²; a square
// doubles the relative perturbation of its (rounded) inputs: κ = 2.
const termScale = ({ y, yHat }: Batch) => Math.max(...y.map((yn, n) => (Math.abs(yn) + Math.abs(yHat[n]!)) ** 2));
const tol = (b: Batch, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: b.y.length + 3, scale: termScale(b), condition: 2 });

export default defineItem({
  id: '4.3.2', kind: 'formula', section: '4.3.1',
  quote: String.raw`L_{MSE} = \frac{1}{N} \sum_{n=1}^N (y^{(n)} - \hat{y}^{(n)})^2`,
  printed: String.raw`L_{MSE} = \frac{1}{N} \sum_{n=1}^N (y^{(n)} - \hat{y}^{(n)})^2`,
  statement: 'The batch form of the MSE (4.3.1) is (1/N) Σ (y − ŷ)².',
  condition: 'The per-sample loss is taken without the ½ of 4.3.1 (L = (y − ŷ)², the “un-halved” convention). '
    + 'With 4.3.1 as printed, its batch mean is (1/2N) Σ (y − ŷ)², half of 4.3.2 (the text itself uses 1/(2N) in 4.3.4).',
  errata: ['loss-normalisation-conventions'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'printed = batch mean of the un-halved per-sample loss', role: 'condition', reference: 'impl', arbitrary: batch, runs: 'default',
      evaluate: (cases, ctx) => cases.map((b) => agreement(printed(b), batchMeanOf(b, 'unhalved'), tol(b, ctx.dtypes))),
    }),
    check({
      name: 'printed = batch mean of 4.3.1 as printed (½ convention)', role: 'outside-condition', reference: 'impl', arbitrary: batch, runs: 'default',
      evaluate: (cases, ctx) => cases.map((b) => agreement(printed(b), batchMeanOf(b, 'half'), tol(b, ctx.dtypes))),
    }),
    check({
      name: 'meanSquaredError(·, ·, "unhalved") ↔ tfjs mean of (y − ŷ)²', role: 'subject', subject: 'meanSquaredError', reference: 'tfjs-grad',
      arbitrary: batch, runs: 'default',
      evaluate: (cases, ctx) => {
        // tfjs sees each sample as one case; the batch mean is taken here in float64 from its per-sample losses.
        const flat = cases.flatMap((b) => b.y.map((yn, n) => ({ y: yn, yHat: b.yHat[n]! })));
        const { values } = ctx.tfjs.derivatives(flat.map((s) => [s.yHat]), tfjsLosses.squaredErrorLoss(flat.map((s) => s.y), 'unhalved'));
        let k = 0;
        return cases.map((b) => {
          const perSample = b.y.map(() => values[k++]!);
          // At the float32 inputs tfjs holds: (y − ŷ)² of opposite-sign inputs is κ = 2 sensitive to their rounding alone,
          // which would bring the error to within 1.5× of this bound (the soak saw margins 1.6–2.0).
          return agreement(ctx.subject.api.meanSquaredError!(asFloat32(b.y), asFloat32(b.yHat), 'unhalved'), perSample.reduce((s, v) => s + v, 0) / b.y.length, tol(b, ctx.dtypes));
        });
      },
    }),
  ],
});
