import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, notBelow } from '../../engine/close.ts';
import { elementary, tolerance, UNIT_ROUNDOFF } from '../../engine/tolerance.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
import { logits } from '../../domains/index.ts';
import { crossEntropyFromLogits, crossEntropyLogitGradient, zeroOneLoss } from '../../../impl/index.ts';
import { centralGradient } from '../../../oracles/finiteDifference.ts';

/** The classifier of the logits: argmax z (the first maximiser on ties). */
const argmax = (z: number[]) => z.reduce((best, zc, c) => (zc > z[best]! ? c : best), 0);
const oneHotOf = (y: number, C: number) => Array.from({ length: C }, (_, i) => (i === y ? 1 : 0));

// Logits z ∈ [−8, 8]^C, C ∈ [2, 6], and a label; half the cases sit on the decision boundary: the top logit is
// copied to another class b, and the label is a, b or a third class. On the boundary the 0-1 loss jumps.
const labelled = fc.record({ z: fc.integer({ min: 2, max: 6 }).chain((c) => logits(c)), pick: fc.nat(1000), tie: fc.boolean() }).map(({ z, pick, tie }) => {
  if (!tie) return { z, y: pick % z.length, onBoundary: false };
  const a = argmax(z), b = (a + 1 + (pick % (z.length - 1))) % z.length;
  const tied = [...z]; tied[b] = tied[a]!;
  return { z: tied, y: [a, b, (pick >> 3) % z.length][pick % 3]!, onBoundary: true };
});
const onBoundary = labelled.filter((c) => c.onBoundary);

/**
 * Central differences of the cross-entropy in the logits against softmax(z) − e_y: truncation h²/6·max|∂³L| with
 * |∂³ log Σ e^z| ≤ 1, plus the rounding of two loss values (C exps, a log, a C-term sum, terms ≤ |z| + log C)
 * divided by 2h; h = u^{1/3}·max(1, |z_i|) as in the oracle.
 */
function finiteDifferenceTolerance(z: number[]): number {
  const h = Math.cbrt(UNIT_ROUNDOFF.float64) * Math.max(1, ...z.map(Math.abs));
  const value = tolerance({ dtypes: ['float64', 'float64'], operations: elementary(z.length + 1) + z.length + 2, scale: Math.max(...z.map(Math.abs)) + Math.log(z.length) + 1 });
  return (h * h) / 6 + value / h;
}

export default defineItem({
  id: 'cross-entropy-differentiable-surrogate', kind: 'claim', section: '4.3.4',
  quote: '交叉熵损失是 0-1 损失的可微代理（Surrogate Loss）',
  statement: 'Cross-entropy is a differentiable surrogate of the 0-1 loss: as a function of the logits it is differentiable everywhere, also on the decision boundary where the 0-1 loss jumps, and measured in bits (divided by ln 2) it bounds the 0-1 loss of the argmax classifier from above.',
  reading: 'A surrogate loss in the usual sense of the field: a differentiable loss that upper-bounds the 0-1 loss (after a constant factor); its other defining property, that minimising it gives the Bayes decision, is the next clause (cross-entropy-minimised-by-true-conditional).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'upper bound: −log₂ softmax(z)_y ≥ 1{argmax z ≠ y} for every z and y, on and off the decision boundary (sharp: equality for two tied classes)', role: 'claim', oracle: IMPL_F64,
      arbitrary: labelled, runs: 'default',
      evaluate: (cs) => cs.map(({ z, y }) => {
        const bits = crossEntropyFromLogits(oneHotOf(y, z.length), z) / Math.LN2;
        // log Σ e^{z_j − z_y}: C exps, a C-term sum and a log, terms up to max|z| + log C, then a division.
        const tol = tolerance({ dtypes: ['float64', 'float64'], operations: elementary(z.length + 1) + z.length + 2, scale: (2 * Math.max(...z.map(Math.abs)) + Math.log(z.length)) / Math.LN2 });
        return notBelow(bits, zeroOneLoss(y, argmax(z)), tol, `−log₂ q_y = ${bits.toPrecision(4)}, 0-1 loss ${zeroOneLoss(y, argmax(z))}`);
      }),
    }),
    check({
      name: 'differentiable on the decision boundary: central differences of the cross-entropy in z equal softmax(z) − e_y where two logits tie', role: 'claim',
      oracle: 'central finite differences (float64)', arbitrary: onBoundary, runs: 'default',
      evaluate: (cs) => cs.map(({ z, y }) => {
        const p = oneHotOf(y, z.length);
        return agreement(centralGradient((v) => crossEntropyFromLogits(p, v), z), crossEntropyLogitGradient(p, z), finiteDifferenceTolerance(z));
      }),
    }),
  ],
});
