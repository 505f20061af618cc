import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { logits } from '../../domains/index.ts';
import { zeroOneLoss } from '../../../impl/index.ts';
import { centralGradient } from '../../../oracles/finiteDifference.ts';

/** The 0-1 loss of the classifier ŷ = argmax z as a function of the logits z (first maximiser on ties). */
const argmax = (z: number[]) => z.reduce((best, zc, c) => (zc > z[best]! ? c : best), 0);
const zeroOneOfLogits = (y: number) => (z: number[]) => zeroOneLoss(y, argmax(z));

const gap = (z: number[]) => { const s = [...z].sort((a, b) => b - a); return s[0]! - s[1]!; };
// Away from the decision boundary: the top two logits differ by ≥ 10⁻³, far more than the FD step (~6·10⁻⁶·|z|).
const interior = fc.record({ z: fc.integer({ min: 2, max: 6 }).chain((c) => logits(c)), label: fc.nat(5) })
  .filter(({ z }) => gap(z) >= 1e-3).map(({ z, label }) => ({ z, y: label % z.length }));
// On the boundary: classes a ≠ b share the largest logit.
const boundary = fc.record({ z: fc.integer({ min: 2, max: 6 }).chain((c) => logits(c)), pick: fc.nat(1000) }).map(({ z, pick }) => {
  const a = argmax(z), b = (a + 1 + (pick % (z.length - 1))) % z.length;
  const tied = [...z]; tied[b] = tied[a]!;
  return { z: tied, a, b };
});

export default defineItem({
  id: 'zero-one-loss-not-differentiable', kind: 'claim', section: '4.3.4',
  quote: '0-1 损失是不可微的，无法直接用于优化',
  statement: 'The 0-1 loss of an argmax classifier is piecewise constant in the logits: its gradient is zero wherever it exists and it jumps by 1 on the decision boundary, so gradients carry no signal for optimisation.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'gradient in the logits is exactly 0 off the decision boundary (central differences of the 0-1 loss)', role: 'claim',
      reference: 'impl', arbitrary: interior, runs: 'default',
      evaluate: (cs) => cs.map(({ z, y }) => ({ value: Math.max(...centralGradient(zeroOneOfLogits(y), z).map(Math.abs)), bound: 0 })),
    }),
    check({
      name: 'on the boundary the loss jumps by 1 (not continuous, so not differentiable there)', role: 'claim',
      reference: 'impl', arbitrary: boundary, runs: 'default',
      evaluate: (cs) => cs.map(({ z, a, b }) => {
        // Step off the tie by the smallest amount that changes the larger logit in float64.
        const t = Number.EPSILON * Math.max(1, Math.abs(z[a]!)) * 4;
        const towardA = z.map((v, i) => (i === a ? v + t : i === b ? v - t : v));
        const towardB = z.map((v, i) => (i === a ? v - t : i === b ? v + t : v));
        const loss = zeroOneOfLogits(a);
        // Exact: the loss is 0 on a's side and 1 on b's side, however small the step.
        return { value: Math.abs(Math.abs(loss(towardA) - loss(towardB)) - 1), bound: 0,
          note: `L = ${loss(towardA)} at z_a − z_b = +${(2 * t).toExponential(1)}, ${loss(towardB)} at −${(2 * t).toExponential(1)}` };
      }),
    }),
  ],
});
