import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { given, t } from '../../engine/text.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, contrastiveCase, type ContrastiveCase } from '../../domains/index.ts';
import { infoNceLoss } from '../../../impl/index.ts';

/** InfoNCE through its margins s₊ − s_j alone: L = log(1 + Σ_{j≠+} e^{−(s₊ − s_j)/τ}). */
const marginForm = (c: ContrastiveCase) =>
  Math.log1p(c.scores.reduce((acc, s, j) => (j === c.positive ? acc : acc + Math.exp(-(c.scores[c.positive]! - s) / c.temperature)), 0));

const zMax = (c: ContrastiveCase) => Math.max(...c.scores.map((s) => Math.abs(s / c.temperature)));
/** One InfoNCE evaluation: N exponentials of margins ≤ 2Z (rounded relative to their size: κ = 1 + 2Z) on a loss of scale 1 + L, a sum and a log1p. */
const lossTolerance = (dtypes: readonly [Dtype, Dtype], c: ContrastiveCase, loss: number) =>
  tolerance({ dtypes, operations: c.scores.length + elementary(2) + 2, scale: 1 + loss, condition: 1 + 2 * zMax(c) });

/** The smallest growth of the strongest negative's margin in the strict-decrease check. */
const LEAST_GROWTH = 0.1;
/**
 * Every negative's margin grown by δ_j ≥ 0 (its score lowered), some by 0, and the strongest negative's by at least LEAST_GROWTH:
 * it carries at least 1/(N − 1) of Σ_{j≠+} e^{−m_j/τ}, so the loss falls by ≥ (1 − e^{−LEAST_GROWTH/τ})/(N − 1) of that sum's share
 * of 1 + Σ, relatively ≥ 10⁻⁵ of L, far above float64 rounding. (Growing only a negligible negative's margin lowers L by less
 * than float64 resolves on L: a limit of representation, not of the claim.)
 */
const widened = contrastiveCase().chain((c) => fc.record({
  delta: fc.array(fc.oneof(fc.constant(0), between(0, 3)), { minLength: c.scores.length, maxLength: c.scores.length }),
  top: between(LEAST_GROWTH, 3),
}).map(({ delta, top }) => {
  const strongest = c.scores.reduce((k, s, j) => (j !== c.positive && (k < 0 || s > c.scores[k]!) ? j : k), -1);
  return { c, delta: delta.map((d, j) => (j === c.positive ? 0 : j === strongest ? top : d)) };
}));

/**
 * The rounding of one float64 InfoNCE loss, relative to the loss itself: impl computes it as (max z − z₊) + log1p(rest), two terms
 * ≥ 0 (no cancellation). rest sums N exponentials whose arguments z_j − max z, of size ≤ 2Z, carry a rounding of ≤ 2u·Z each way
 * (κ 4Z); when a negative leads, L ≥ log 2 and the gap max z − z₊ is off by ≤ 2u·Z ≤ 3Z·u·L (κ 3Z more).
 */
const relativeLossTolerance = (dtypes: readonly [Dtype, Dtype], c: ContrastiveCase, loss: number) =>
  tolerance({ dtypes, operations: c.scores.length + elementary(2) + 2, scale: loss, condition: 1 + 7 * zMax(c) });

export default defineItem({
  id: 'infonce-positive-above-negatives', kind: 'claim', section: '4.3.5',
  quote: 'InfoNCE 的目标是学习一个编码函数，使得正样本对的相似度高于负样本对',
  statement: 'Minimising InfoNCE drives the positive pair\'s similarity above the negatives\': the loss depends on the scores only through the '
    + 'margins s₊ − s_j, as log(1 + Σ_{j≠+} e^{−(s₊ − s_j)/τ}); it strictly decreases when a margin grows (∂L/∂m_j = −p_j/τ < 0); and a loss '
    + 'below log 2 guarantees that the positive outscores every negative.',
  formula: String.raw`L = \log\Big(1 + \sum_{j \neq +} e^{-(s_+ - s_j)/\tau}\Big);\quad L < \log 2 \Rightarrow s_+ > \max_{j \neq +} s_j`,
  notes: t`Second reading: the loss strictly decreases as a margin grows (∂L/∂m_j = −p_j/τ < 0), and the check asked only that it not \
increase. Settled: the check now asks for a strict decrease, measured as L_before − L_after against the two losses' relative rounding, on \
cases where the strongest negative's margin grows by at least ${given(LEAST_GROWTH)} (the decrease is then far above rounding; growing only \
a negligible negative lowers L by less than float64 resolves on L). Second reading: the book prints no such formula, so \`printed\` was not \
the book's LaTeX. Settled: it moves to \`formula\`, shown as the formula the item checks, not as printed.`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'margin form log(1 + Σ_{j≠+} e^{−(s₊ − s_j)/τ}) (float64) ↔ impl infoNceLoss', role: 'claim', reference: 'impl',
      arbitrary: contrastiveCase(), runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => {
        const impl = infoNceLoss(c.scores, c.positive, c.temperature);
        return agreement(marginForm(c), impl, lossTolerance(ctx.dtypes, c, impl));
      }),
    }),
    check({
      name: `margins widened (negatives lowered by δ_j ≥ 0, the strongest by ≥ ${LEAST_GROWTH}): the loss strictly decreases (measured: `
        + 'L_before − L_after, held above the two losses\' rounding)', role: 'claim', reference: 'impl', arbitrary: widened, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ c, delta }) => {
        const before = infoNceLoss(c.scores, c.positive, c.temperature);
        const lowered = { ...c, scores: c.scores.map((s, j) => (j === c.positive ? s : s - delta[j]!)) };
        const after = infoNceLoss(lowered.scores, c.positive, c.temperature);
        // The decrease is the difference of two computed losses: each off by its own relative rounding.
        return { value: before - after, bound: relativeLossTolerance(ctx.dtypes, c, before) + relativeLossTolerance(ctx.dtypes, lowered, after),
          sense: 'atLeast' as const, note: `L ${before.toPrecision(6)} → ${after.toPrecision(6)}` };
      }),
    }),
    check({
      name: 'loss < log 2 ⇒ s₊ > every negative score (measured: max_{j≠+} s_j − s₊ where the loss is below log 2, 0 elsewhere)', role: 'claim',
      reference: 'impl', arbitrary: contrastiveCase(), runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => {
        const loss = infoNceLoss(c.scores, c.positive, c.temperature);
        const rival = Math.max(...c.scores.filter((_, j) => j !== c.positive));
        // L < log 2 + ε allows log(p_j/p₊) < log(2e^ε − 1) ≈ 2ε, a score gap of 2τε: ε is the loss's rounding allowance.
        return notAbove(loss < Math.LN2 ? rival - c.scores[c.positive]! : 0, 0, 2 * c.temperature * lossTolerance(ctx.dtypes, c, loss),
          `L = ${loss.toPrecision(4)}, s₊ = ${c.scores[c.positive]!.toPrecision(4)}, best negative ${rival.toPrecision(4)}`);
      }),
    }),
  ],
});
