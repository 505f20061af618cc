import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { between, classProbabilities, real } from '../../domains/index.ts';
import { given, num, t } from '../../engine/text.ts';
import { binaryCrossEntropy, crossEntropy, entropy, expectedZeroOneRisk, softmax, squaredDistance } from '../../../impl/index.ts';
import { populationAucLoss } from '../../support/ranking.ts';

const argmax = (v: number[]) => v.reduce((best, x, c) => (x > v[best]! ? c : best), 0);
// A miscalibrated forecast with the same ranking as p: q = softmax(β·log p), β ≠ 1 (β > 1 over-confident, β < 1 under-confident).
const miscalibrated = fc.record({ p: classProbabilities(), log2Beta: fc.oneof(between(-3, -0.5), between(0.5, 3)) })
  .map(({ p, log2Beta }) => ({ p, q: softmax(p.map((x) => 2 ** log2Beta * Math.log(x))), beta: 2 ** log2Beta }))
  .filter(({ p }) => new Set(p).size === p.length); // distinct probabilities: the ranking is strict, the order of q the same

// Binary: inputs x with weights π_x (2–6 of them) and distinct P(y = 1 | x) = p_x on a grid of hundredths; the forecast
// q_x = σ(β·logit p_x + c) keeps the order of the p_x and is miscalibrated unless (β, c) = (1, 0).
const logit = (p: number) => Math.log(p / (1 - p));
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const binaryPopulation = fc.record({
  cells: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 6 }),
  weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 6 }),
  log2Beta: between(-2, 2), c: real(2),
}).filter(({ log2Beta, c }) => Math.abs(log2Beta) >= 0.25 || Math.abs(c) >= 0.25).map(({ cells, weights, log2Beta, c }) => {
  const p = cells.map((k) => k / 100), total = cells.reduce((s, _, x) => s + weights[x]!, 0);
  return { pi: cells.map((_, x) => weights[x]! / total), p, q: p.map((px) => sigma(2 ** log2Beta * logit(px) + c)), beta: 2 ** log2Beta, c };
});
/** The expected Brier score E_{y∼p}‖e_y − q‖² of the forecast q: the squared error of the predicted probabilities. */
const expectedBrier = (p: number[], q: number[]) => p.reduce((s, py, y) => s + py * squaredDistance(p.map((_, c) => (c === y ? 1 : 0)), q), 0);
// The second reader's example: p = (0.7, 0.2, 0.1), the over-confident q = softmax(2·log p) with the same ranking.
const EXAMPLE_P = [0.7, 0.2, 0.1];
const EXAMPLE_Q = softmax(EXAMPLE_P.map((x) => 2 * Math.log(x)));
const exampleCrossEntropyExcess = crossEntropy(EXAMPLE_P, EXAMPLE_Q) - entropy(EXAMPLE_P);
const exampleBrierExcess = expectedBrier(EXAMPLE_P, EXAMPLE_Q) - expectedBrier(EXAMPLE_P, EXAMPLE_P);

const expectedBinaryCrossEntropy = (pi: number[], p: number[], q: number[]) => pi.reduce((s, w, x) => s + w * binaryCrossEntropy(p[x]!, q[x]!), 0);

export default defineItem({
  id: 'cross-entropy-suits-calibration', kind: 'claim', section: '4.3.4',
  quote: '对于校准需求，交叉熵是更好的选择',
  statement: 'For calibrated probabilities cross-entropy is the better choice: it is a strictly proper scoring rule, so a forecast that ranks like the true P(y|x) but is miscalibrated has strictly larger expected cross-entropy, while ranking-level criteria — the AUC loss of the ranking losses, the 0-1 risk of the argmax — cannot tell the two apart. Strict propriety is not cross-entropy\'s alone: the squared error of the predicted probabilities (the Brier score) has it too.',
  reading: 'Better than the ranking criteria the same sentence offers for ranking needs (AUC loss, ranking losses), measured by one question for each: does the loss tell a calibrated forecast from a miscalibrated one with the same ranking?',
  notes: t`Second reading: against MSE the sentence does not hold, since the Brier score (MSE on the probabilities) is strictly proper too. Settled: the item keeps holds for the comparison principle four draws, calibration needs against ranking needs, and records the MSE side with a check of the Brier score's strict propriety: its excess over the calibrated forecast is ‖q − p‖² > 0, so cross-entropy is not better than MSE on the probabilities for calibration — both excesses are zero only at q = p. For p = (${given(0.7)}, ${given(0.2)}, ${given(0.1)}) and the over-confident q = softmax(2·log p), with the same ranking, the cross-entropy excess is ${num(exampleCrossEntropyExcess, 4)} and the Brier excess ${num(exampleBrierExcess, 3)}: two scales, both positive.`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'same ranking, miscalibrated q: E_p[−log q_y] − E_p[−log p_y] > 0 (strictly, beyond rounding)', role: 'claim', reference: 'impl',
      arbitrary: miscalibrated, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ p, q, beta }) => ({
        value: crossEntropy(p, q) - entropy(p), sense: 'atLeast' as const,
        // Two C-term sums of p log(·) (each ≤ max|log q| in size) after C exps and logs.
        bound: tolerance({ dtypes: ctx.dtypes, operations: elementary(2 * p.length) + 2 * p.length, scale: Math.max(...q.map((x) => -Math.log(x)), 1) }),
        note: `β = ${beta.toFixed(3)}`,
      })),
    }),
    check({
      name: 'the Brier score is strictly proper too: same ranking, miscalibrated q: E_p‖e_y − q‖² − E_p‖e_y − p‖² (= ‖q − p‖²) > 0, strictly, beyond rounding', role: 'claim', reference: 'impl',
      arbitrary: miscalibrated, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ p, q, beta }) => ({
        value: expectedBrier(p, q) - expectedBrier(p, p), sense: 'atLeast' as const,
        // Two C-term sums of p_y times C-term squared distances, terms ≤ 2.
        bound: tolerance({ dtypes: ctx.dtypes, operations: 2 * p.length + 4, scale: 2 }),
        note: `β = ${beta.toFixed(3)}: Brier excess ${(expectedBrier(p, q) - expectedBrier(p, p)).toPrecision(4)}, ‖q − p‖² = ${squaredDistance(p, q).toPrecision(4)}`,
      })),
    }),
    check({
      name: 'same ranking, miscalibrated q: the 0-1 risk of argmax q equals that of argmax p (exactly)', role: 'claim', reference: 'impl',
      arbitrary: miscalibrated, runs: 'default',
      evaluate: (cs) => cs.map(({ p, q }) => ({ value: Math.abs(expectedZeroOneRisk(p, argmax(q)) - expectedZeroOneRisk(p, argmax(p))), bound: 0 })),
    }),
    check({
      name: 'binary, q_x = σ(β·logit p_x + c): the expected cross-entropy exceeds that of the calibrated p_x (strictly, beyond rounding)', role: 'claim', reference: 'impl',
      arbitrary: binaryPopulation, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ pi, p, q, beta, c }) => ({
        value: expectedBinaryCrossEntropy(pi, p, q) - expectedBinaryCrossEntropy(pi, p, p), sense: 'atLeast' as const,
        // Two M-term weighted sums of binary cross-entropies (two logs each), terms ≤ max|log q|, |log(1 − q)|.
        bound: tolerance({ dtypes: ctx.dtypes, operations: elementary(4) + 2 * pi.length + 4, scale: Math.max(...q.flatMap((x) => [-Math.log(x), -Math.log1p(-x)]), 1) }),
        note: `β = ${beta.toFixed(3)}, c = ${c.toFixed(3)}`,
      })),
    }),
    check({
      name: 'binary, q_x = σ(β·logit p_x + c): the population AUC loss of q equals that of p (exactly: it sees only the order)', role: 'claim', reference: 'closed-form',
      arbitrary: binaryPopulation, runs: 'default',
      evaluate: (cs) => cs.map(({ pi, p, q }) => ({ value: Math.abs(populationAucLoss(pi, p, q) - populationAucLoss(pi, p, p)), bound: 0 })),
    }),
  ],
});
