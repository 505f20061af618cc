import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, binaryLabel } from '../../domains/index.ts';
import { squaredError, type MseConvention } from '../../../impl/index.ts';

// Targets: the binary labels of the paragraph and soft targets in [0, 1].
const targets = fc.oneof(binaryLabel(), between(0, 1)).map((y) => ({ y }));
// The ends are approached on exact ladders: ŷ = 10^{−k}, k = 1..300, toward 0 and ŷ = 1 − 2^{−k},
// k = 1..52, toward 1 (both exactly representable, so the distance to the end is known exactly).
const TOWARD_0 = Array.from({ length: 300 }, (_, k) => ({ yHat: 10 ** -(k + 1), distance: 10 ** -(k + 1) }));
const TOWARD_1 = Array.from({ length: 52 }, (_, k) => ({ yHat: 1 - 2 ** -(k + 1), distance: 2 ** -(k + 1) }));
/** Float64 rounding of (y − ŷ)² and its halving, for values ≤ 1. */
const rounding = (dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: 3, scale: 1 });

/**
 * How far impl's squaredError on a ladder ends from the finite value c·(y − end)²: at the last rung,
 * |L − limit| minus what continuity allows there (|L(ŷ) − L(end)| ≤ c(2|y − end| + d)d at distance d),
 * and the limit must be finite. Three rungs' distances to the limit are kept in the note.
 */
function convergesToFinite(y: number, ladder: { yHat: number; distance: number }[], end: 0 | 1, convention: MseConvention, dtypes: readonly [Dtype, Dtype]) {
  const c = convention === 'half' ? 0.5 : 1;
  const limit = c * (y - end) ** 2;
  const last = ladder[ladder.length - 1]!;
  const gap = Math.abs(squaredError(y, last.yHat, convention) - limit);
  const slack = c * (2 + last.distance) * last.distance;
  const trend = [0, Math.floor(ladder.length / 2), ladder.length - 1].map((k) => Math.abs(squaredError(y, ladder[k]!.yHat, convention) - limit).toExponential(1));
  return { value: Number.isFinite(limit) ? Math.max(0, gap - slack) : Infinity, bound: rounding(dtypes), note: `limit ${limit.toPrecision(4)}; |L − limit|: ${trend.join(' → ')}` };
}

export default defineItem({
  id: 'mse-boundary-finite', kind: 'claim', section: '4.3.2',
  quote: '这是一个有限的常数值',
  statement: 'At either end, ŷ → 0 or ŷ → 1, the MSE of a target y ∈ [0, 1] tends to a finite constant, c·y² or c·(1 − y)² respectively (c = ½ with the ½ of 4.3.13, c = 1 without it).',
  expectedVerdict: 'holds',
  checks: [
    ...(['half', 'unhalved'] as const).map((convention) => check({
      name: `${convention === 'half' ? '½-MSE' : 'unhalved MSE'} (impl): converges to finite c·y² as ŷ → 0 and c·(1 − y)² as ŷ → 1`, role: 'claim', reference: ['impl', 'closed-form'], arbitrary: targets, runs: 'default',
      evaluate: (cases: { y: number }[], ctx) => cases.map(({ y }) => {
        const at0 = convergesToFinite(y, TOWARD_0, 0, convention, ctx.dtypes), at1 = convergesToFinite(y, TOWARD_1, 1, convention, ctx.dtypes);
        return at0.value / at0.bound >= at1.value / at1.bound ? at0 : at1;
      }),
    })),
  ],
});
