import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { between, binaryLabel } from '../../domains/index.ts';
import { binaryCrossEntropyOfLogit, sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';

/**
 * Two samples with the same label y, given by their signed margins m = (2y − 1)z (large m: confidently
 * right, very negative m: confidently wrong); the harder one has the smaller margin, at least `gap` below.
 * The logit is z = m for y = 1 and z = −m for y = 0.
 */
function harderEasierPair(lo: number, hi: number, gap: number) {
  return fc.record({ a: between(lo, hi - gap), b: between(0, 1), y: binaryLabel() }).map(({ a, b, y }) => {
    const easier = a + gap + b * (hi - a - gap);
    const sign = y === 1 ? 1 : -1;
    return { y, zHard: sign * a, zEasy: sign * easier };
  });
}
type Pair = { y: 0 | 1; zHard: number; zEasy: number };
// Margins over [−10, 10] for the cross-entropy; for the MSE, samples harder than its weight's peak at
// ŷ = 1/3 (margin −log 2) for y = 1, i.e. margins in [−10, −log 2]. At |m| = 10 a gap of ½ still moves
// the weight by e^{−9.5} − e^{−10} ≈ 3·10⁻⁵, far above float32 rounding.
const GAP = 0.5;
const anyPairs = harderEasierPair(-10, 10, GAP);
const beyondPeakPairs = harderEasierPair(-10, -Math.log(2), GAP);
/**
 * A cross-entropy weight |y − σ(z)| ≤ 1 in float32 vs float64, as an absolute error: a few roundings of
 * size u (σ, and the subtraction from y, absolute near 1 as well as near 0), and rounding z to float32,
 * which moves σ by at most u·|z|·σ'(z) ≤ u·|z|.
 */
const weightTolerance = (z: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: elementary(3) + 2, scale: 1, condition: 1 + Math.abs(z) });

/** The per-sample gradient weights |∂L/∂z| of the harder and the easier sample under one loss (tfjs). */
function weights(cases: Pair[], ctx: RunContext, loss: 'ce' | 'mse'): { hard: number; easy: number }[] {
  const at = (zs: number[]) => {
    const ys = cases.map((c) => c.y);
    const build = loss === 'ce' ? binaryCrossEntropyOfLogit(ys, zs) : sigmoidSquaredErrorOfLogit(ys, 'half');
    return tfjsScalar(ctx, zs, build).derivatives.map(Math.abs);
  };
  const hard = at(cases.map((c) => c.zHard)), easy = at(cases.map((c) => c.zEasy));
  return cases.map((_, b) => ({ hard: hard[b]!, easy: easy[b]! }));
}
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

export default defineItem({
  id: 'ce-hard-samples-attention', kind: 'claim', section: '4.3.2',
  quote: '这种特性使得训练过程对困难样本更加关注',
  statement: 'Under the cross-entropy a harder sample (a smaller predicted probability of its true label) always gets a larger weight |∂L/∂z| = |y − ŷ| in the gradient, tending to 1 for the hardest, so training attends most to the hardest samples; under the MSE of a sigmoid output (4.3.13), by contrast, samples harder than ŷ = 1/3 (for y = 1) get less weight the harder they are.',
  reading: '"更加关注" (attends more) is measured as a sample\'s weight in the gradient, |∂L/∂z|, the factor its input x is multiplied by (4.3.14, 4.3.16); "more" is read both ways a reader may take it, against easier samples under the same loss and against the MSE, and both hold. "这种特性" (the unboundedness) as the cause: for a loss convex in the logit, as the cross-entropy is, being unbounded as the sample gets harder is the same as its weight not vanishing; the bounded MSE of a sigmoid lets it vanish (mse-sigmoid-gradient-vanishes). The weight stays ≤ 1: a confidently wrong sample weighs at most twice a borderline one (ŷ = ½).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'CE: the harder of two samples with one label has the larger weight |∂L/∂z| (tfjs), margins in [−10, 10], gap ≥ ½', role: 'claim', reference: 'tfjs-grad', arbitrary: anyPairs, runs: 'default',
      // Measured: how much the harder sample's weight exceeds the easier one's, against the float32 rounding
      // of both weights.
      evaluate: (cases, ctx) => weights(cases, ctx, 'ce').map(({ hard, easy }, b) => {
        const c = cases[b]!;
        return { value: hard - easy, bound: weightTolerance(c.zHard, ctx.dtypes) + weightTolerance(c.zEasy, ctx.dtypes), sense: 'atLeast' as const,
          note: `weights ${hard.toExponential(3)} (harder) vs ${easy.toExponential(3)}` };
      }),
    }),
    check({
      name: '½-MSE of a sigmoid: beyond the peak ŷ = 1/3 the harder sample has the smaller weight (tfjs)', role: 'claim', reference: 'tfjs-grad', arbitrary: beyondPeakPairs, runs: 'default',
      // The MSE weights |y − ŷ|σ'(z) are small at the hard end and formed from σ(z) there: held to the
      // one-derivative model of the sigmoid-unit oracle (relative to their size).
      evaluate: (cases, ctx) => weights(cases, ctx, 'mse').map(({ hard, easy }, b) => {
        const c = cases[b]!;
        const w = (z: number) => Math.abs(c.y - sigma(z)) * sigma(z) * (1 - sigma(z));
        return { value: easy - hard, bound: sigmoidTolerance(c.zHard, w(c.zHard), 2, ctx.dtypes) + sigmoidTolerance(c.zEasy, w(c.zEasy), 2, ctx.dtypes), sense: 'atLeast' as const,
          note: `weights ${hard.toExponential(3)} (harder) vs ${easy.toExponential(3)}` };
      }),
    }),
  ],
});
