import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, PRINTED_F64 } from '../../engine/labels.ts';
import { between, binaryLabel } from '../../domains/index.ts';
import { squaredError, type MseConvention } from '../../../impl/index.ts';

// Targets: the binary labels of the paragraph and soft targets in [0, 1].
const targets = fc.oneof(binaryLabel(), between(0, 1)).map((y) => ({ y }));
// The limits are approached on exact ladders: ŷ = 10^{−k}, k = 1..300, toward 0 and ŷ = 1 − 2^{−k},
// k = 1..52, toward 1 (both exactly representable, so the distance to the end is known exactly).
const TOWARD_0 = Array.from({ length: 300 }, (_, k) => ({ yHat: 10 ** -(k + 1), distance: 10 ** -(k + 1) }));
const TOWARD_1 = Array.from({ length: 52 }, (_, k) => ({ yHat: 1 - 2 ** -(k + 1), distance: 2 ** -(k + 1) }));

const loss = (y: number, yHat: number, convention: MseConvention) => (convention === 'half' ? 0.5 : 1) * (y - yHat) ** 2;

/**
 * How far the loss on a ladder ends from a claimed limit: at the last rung, |L − limit| minus what
 * continuity allows there (|L(ŷ) − L(end)| ≤ c(2|y − end| + d)d at distance d), against float64 rounding.
 * Every rung's distance to the limit is also recorded in the note, so the approach is visible.
 */
function limitOutcome(y: number, ladder: { yHat: number; distance: number }[], limit: number, convention: MseConvention) {
  const last = ladder[ladder.length - 1]!;
  const c = convention === 'half' ? 0.5 : 1;
  const slack = c * (2 + last.distance) * last.distance;
  const gap = Math.abs(loss(y, last.yHat, convention) - limit);
  const trend = [0, Math.floor(ladder.length / 2), ladder.length - 1].map((k) => Math.abs(loss(y, ladder[k]!.yHat, convention) - limit).toExponential(1));
  return { value: Math.max(0, gap - slack), bound: tolerance({ dtypes: ['float64', 'float64'], operations: 3, scale: 1 }),
    note: `|L − limit| along the ladder: ${trend.join(' → ')}` };
}

export default defineItem({
  id: 'mse-boundary-limits', kind: 'claim', section: '4.3.2',
  quote: String.raw`当$\hat{y} \to 0$或$\hat{y} \to 1$时，$L_{MSE} \to (1-y)^2$或 $y^2$，这是一个有限的常数值`,
  printed: String.raw`\hat{y} \to 0:\ L_{MSE} \to (1-y)^2,\qquad \hat{y} \to 1:\ L_{MSE} \to y^2`,
  statement: 'As ŷ → 0 the MSE tends to (1 − y)², and as ŷ → 1 it tends to y² (finite constants).',
  correction: {
    statement: 'The pairing is reversed: ŷ → 0 gives y² and ŷ → 1 gives (1 − y)² for the unhalved MSE (½y² and ½(1 − y)² with the ½ of 4.3.1/4.3.13); both are finite.',
    latex: String.raw`\hat{y} \to 0:\ L_{MSE} \to c\,y^2,\qquad \hat{y} \to 1:\ L_{MSE} \to c\,(1-y)^2,\qquad c \in \{\tfrac12, 1\}`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed: ŷ → 0 gives (1 − y)² (unhalved MSE, ladder ŷ = 10^-k)', role: 'claim', oracle: PRINTED_F64, arbitrary: targets, runs: 'default',
      evaluate: (cases) => cases.map(({ y }) => limitOutcome(y, TOWARD_0, (1 - y) ** 2, 'unhalved')),
    }),
    check({
      name: 'printed: ŷ → 1 gives y² (unhalved MSE, ladder ŷ = 1 − 2^-k)', role: 'claim', oracle: PRINTED_F64, arbitrary: targets, runs: 'default',
      evaluate: (cases) => cases.map(({ y }) => limitOutcome(y, TOWARD_1, y ** 2, 'unhalved')),
    }),
    ...(['unhalved', 'half'] as const).flatMap((convention) => {
      const c = convention === 'half' ? 0.5 : 1;
      return [
        check({
          name: `correction (${convention}): ŷ → 0 gives ${c === 1 ? '' : '½'}y²`, role: 'correction', oracle: PRINTED_F64, arbitrary: targets, runs: 'default',
          evaluate: (cases: { y: number }[]) => cases.map(({ y }) => limitOutcome(y, TOWARD_0, c * y ** 2, convention)),
        }),
        check({
          name: `correction (${convention}): ŷ → 1 gives ${c === 1 ? '' : '½'}(1 − y)²`, role: 'correction', oracle: PRINTED_F64, arbitrary: targets, runs: 'default',
          evaluate: (cases: { y: number }[]) => cases.map(({ y }) => limitOutcome(y, TOWARD_1, c * (1 - y) ** 2, convention)),
        }),
      ];
    }),
    check({
      name: 'the loss evaluated here ↔ impl squaredError on both ladders', role: 'support', oracle: IMPL_F64, arbitrary: targets, runs: 'default',
      evaluate: (cases) => cases.map(({ y }) => {
        const rungs = [...TOWARD_0, ...TOWARD_1];
        return agreement(rungs.map((r) => loss(y, r.yHat, 'half')), rungs.map((r) => squaredError(y, r.yHat, 'half')),
          tolerance({ dtypes: ['float64', 'float64'], operations: 3, scale: 1 }));
      }),
    }),
  ],
});
