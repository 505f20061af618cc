import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import type { RunContext } from '../../engine/item.ts';
import { simplexPair } from '../../domains/index.ts';
import { squaredDistanceOfProbabilities } from '../../../oracles/tfjs/information.ts';

/** 4.3.18 as printed, first form: ‖p − p̂‖₂² (the Euclidean norm, squared). */
const printedNorm = (p: number[], q: number[]) => Math.hypot(...p.map((pi, i) => pi - q[i]!)) ** 2;
/** 4.3.18 as printed, second form: Σ_i (p_i − p̂_i)². */
const printedSum = (p: number[], q: number[]) => p.reduce((s, pi, i) => s + (pi - q[i]!) ** 2, 0);

// C differences, C squares, a C-term sum (hypot adds a square root and its square); terms of size
// (|p_i| + |p̂_i|)², summed ≤ 4; a square doubles the relative perturbation of its rounded inputs (κ = 2).
const tol = (p: number[], q: number[], dtypes: readonly [Dtype, Dtype]) => tolerance({
  dtypes, operations: 2 * p.length + 4, scale: p.reduce((s, pi, i) => s + (pi + q[i]!) ** 2, 0), condition: 2,
});
const pairs = simplexPair(2, 8);
/** tfjs Σ_i (p_i − p̂_i)² for each case, one call per class count. */
const tfjsSquaredDistance = (cases: { C: number; p: number[]; q: number[] }[], ctx: RunContext) => batchedByShape(cases, (c) => String(c.C), (group) =>
  ctx.tfjs.derivatives(group.map((c) => c.q), squaredDistanceOfProbabilities(group.map((c) => c.p))).values);

export default defineItem({
  id: '4.3.18', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`L_{MSE}(p, \hat{p}) = \|p - \hat{p}\|_2^2 = \sum_{i=1}^C (p_i - \hat{p}_i)^2`,
  printed: String.raw`L_{MSE}(p, \hat{p}) = \|p - \hat{p}\|_2^2 = \sum_{i=1}^C (p_i - \hat{p}_i)^2`,
  statement: 'Defines MSE between probability vectors as the squared Euclidean distance Σ_i (p_i − p̂_i)²: a sum over the C classes '
    + 'with neither the ½ of 4.3.1 nor a 1/C mean (it is C times the per-class mean squared error).',
  reading: 'A definition of its own: MSE on the simplex is the squared Euclidean distance (the next sentence says so), summed over the classes. The '
    + 'lead-in (“其定义可以延伸到概率空间”) presents it as the MSE of 4.3.1 extended to probability vectors; read that way, the extension of '
    + '½(y − ŷ)² would be ½Σ(p_i − p̂_i)², half the printed value, so the section’s later numbers (the two-class MSE 2(1 − p̂)², from 0 to 2) rest on '
    + 'dropping the ½ of 4.3.1, as 4.3.2 already did.',
  errata: ['loss-normalisation-conventions'],
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed ‖p − p̂‖₂² ↔ printed Σ (p_i − p̂_i)²', role: 'claim', reference: 'printed', arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, q }) => agreement(printedNorm(p, q), printedSum(p, q), tol(p, q, ctx.dtypes))),
    }),
    check({
      name: 'printed ↔ tfjs Σ (p − p̂)²', role: 'claim', reference: 'tfjs-grad', arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsSquaredDistance(cases, ctx);
        return cases.map(({ p, q }, b) => agreement(values[b]!, printedSum(p, q), tol(p, q, ctx.dtypes)));
      },
    }),
    check({
      name: 'subject squaredDistance(p, p̂) ↔ tfjs Σ (p − p̂)²', role: 'subject', subject: 'squaredDistance', reference: 'tfjs-grad', arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsSquaredDistance(cases, ctx);
        return cases.map(({ p, q }, b) => agreement(ctx.subject.api.squaredDistance!(p, q), values[b]!, tol(p, q, ctx.dtypes)));
      },
    }),
    check({
      name: 'literal: 4.3.18 is 4.3.1 extended to probability vectors, Σ_i ½(p_i − p̂_i)² (p ≠ p̂)', role: 'literal', reference: 'closed-form',
      arbitrary: pairs.filter(({ p, q }) => printedSum(p, q) > 0), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, q }) => agreement(printedSum(p, q), p.reduce((s, pi, i) => s + 0.5 * (pi - q[i]!) ** 2, 0), tol(p, q, ctx.dtypes))),
    }),
  ],
});
