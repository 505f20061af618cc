import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, binaryLabel } from '../../domains/index.ts';
import type { MseConvention } from '../../../impl/index.ts';

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
function limitOutcome(y: number, ladder: { yHat: number; distance: number }[], limit: number, convention: MseConvention, dtypes: Dtypes) {
  const last = ladder[ladder.length - 1]!;
  const c = convention === 'half' ? 0.5 : 1;
  const slack = c * (2 + last.distance) * last.distance;
  const gap = Math.abs(loss(y, last.yHat, convention) - limit);
  const trend = [0, Math.floor(ladder.length / 2), ladder.length - 1].map((k) => Math.abs(loss(y, ladder[k]!.yHat, convention) - limit).toExponential(1));
  return { value: Math.max(0, gap - slack), bound: limitTolerance(dtypes),
    note: `|L − limit| along the ladder: ${trend.join(' → ')}` };
}
/** Rounding of (y − ŷ)² and its halving, for values ≤ 1: the bound every limit outcome is held to. */
const limitTolerance = (dtypes: Dtypes) => tolerance({ dtypes, operations: 3, scale: 1 });
type Dtypes = readonly [Dtype, Dtype];

/**
 * The set reading: the two end limits are the two printed constants, in some order. The outcome is the
 * better of the two pairings (each pairing as bad as its worse end); all outcomes share one bound.
 */
function setOutcome(y: number, printed: [number, number], convention: MseConvention, dtypes: Dtypes) {
  const at0 = printed.map((limit) => limitOutcome(y, TOWARD_0, limit, convention, dtypes));
  const at1 = printed.map((limit) => limitOutcome(y, TOWARD_1, limit, convention, dtypes));
  const inOrder = Math.max(at0[0]!.value, at1[1]!.value), swapped = Math.max(at0[1]!.value, at1[0]!.value);
  return { value: Math.min(inOrder, swapped), bound: limitTolerance(dtypes),
    note: `misses: ŷ → 0 with (1 − y)², ŷ → 1 with y²: ${inOrder.toExponential(2)}; the other way round: ${swapped.toExponential(2)}` };
}
/** The respective reading: the limit at ŷ → 0 is limit0 and at ŷ → 1 is limit1 (the worse end decides). */
function pairedOutcome(y: number, limit0: number, limit1: number, convention: MseConvention, dtypes: Dtypes) {
  const at0 = limitOutcome(y, TOWARD_0, limit0, convention, dtypes), at1 = limitOutcome(y, TOWARD_1, limit1, convention, dtypes);
  return at0.value >= at1.value ? at0 : at1;
}
/** The printed constants (1 − y)² and y². */
const printedLimits = (y: number): [number, number] => [(1 - y) ** 2, y ** 2];

export default defineItem({
  id: 'mse-boundary-limits', kind: 'claim', section: '4.3.2',
  quote: String.raw`当$\hat{y} \to 0$或$\hat{y} \to 1$时，$L_{MSE} \to (1-y)^2$或 $y^2$`,
  // The book prints the two ends and the two constants as four inline formulas joined by 或; this is their assembly.
  formula: String.raw`\hat{y} \to 0 \text{ or } \hat{y} \to 1:\quad L_{MSE} \to (1-y)^2 \text{ or } y^2`,
  statement: 'As ŷ → 0 and as ŷ → 1 the MSE tends to the constants (1 − y)² and y², one at each end.',
  reading: '"或…或" is read as naming the two limits, not as pairing them in order. Read respectively (ŷ → 0 with (1 − y)², ŷ → 1 with y²), the limits are swapped (the literal check): ŷ → 0 gives y² and ŷ → 1 gives (1 − y)², since the error is y at one end and y − 1 at the other.',
  condition: 'The MSE is the unhalved (y − ŷ)² (4.3.2 for one sample), which the printed constants imply. The MSE of this paragraph, ½(y − σ(wᵀx))² (4.3.13), tends to ½y² and ½(1 − y)² instead; the text does not say which it means.',
  errata: ['loss-normalisation-conventions', 'mse-boundary-limits-swapped'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'unhalved MSE: the limits at ŷ → 0 (ladder 10^-k) and ŷ → 1 (ladder 1 − 2^-k) are (1 − y)² and y², in some order', role: 'condition', reference: 'closed-form', arbitrary: targets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ y }) => setOutcome(y, printedLimits(y), 'unhalved', ctx.dtypes)),
    }),
    check({
      name: 'unhalved MSE: ŷ → 0 gives y² and ŷ → 1 gives (1 − y)²', role: 'condition', reference: 'closed-form', arbitrary: targets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ y }) => pairedOutcome(y, y ** 2, (1 - y) ** 2, 'unhalved', ctx.dtypes)),
    }),
    check({
      name: '½-MSE of 4.3.13: the limits are (1 − y)² and y², in some order — fails (they are ½y², ½(1 − y)²)', role: 'outside-condition', reference: 'closed-form', arbitrary: targets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ y }) => setOutcome(y, printedLimits(y), 'half', ctx.dtypes)),
    }),
    check({
      name: 'literal (respectively): ŷ → 0 gives (1 − y)² and ŷ → 1 gives y² (unhalved MSE)', role: 'literal', reference: 'closed-form', arbitrary: targets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ y }) => pairedOutcome(y, (1 - y) ** 2, y ** 2, 'unhalved', ctx.dtypes)),
    }),
    check({
      name: 'squaredError ↔ the loss evaluated here, c·(y − ŷ)², on both ladders, both conventions', role: 'subject', subject: 'squaredError',
      reference: 'closed-form', arbitrary: targets, runs: 'default',
      // Values ≤ 1: a subtraction, a square and a halving on each side. A subject that rounds y and ŷ ∈ [0, 1] to its dtype
      // moves c(y − ŷ)² by |∂L/∂y|·u|y| + |∂L/∂ŷ|·u|ŷ| ≤ 4u (c ≤ 1, |y − ŷ| ≤ 1): condition 4 on the scale 1.
      evaluate: (cases, ctx) => cases.map(({ y }) => {
        const rungs = [...TOWARD_0, ...TOWARD_1];
        const conventions = ['half', 'unhalved'] as const;
        return agreement(conventions.flatMap((c) => rungs.map((r) => ctx.subject.api.squaredError!(y, r.yHat, c))), conventions.flatMap((c) => rungs.map((r) => loss(y, r.yHat, c))),
          tolerance({ dtypes: ctx.dtypes, operations: 3, scale: 1, condition: 4 }));
      }),
    }),
  ],
});
