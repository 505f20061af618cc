import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, magnitude, notBelow } from '../../engine/close.ts';
import { elementary, TAYLOR_RATE_TOLERANCE, tolerance } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logits } from '../../domains/index.ts';
import { crossEntropyFromLogits, crossEntropyLogitGradient, zeroOneLoss } from '../../../impl/index.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

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

/** The two tied classes of a boundary case: the first two indices of the largest logit. */
const tiedPair = (z: number[]) => { const top = Math.max(...z); const [a, b] = z.flatMap((v, i) => (v === top ? [i] : [])); return [a!, b!] as const; };

export default defineItem({
  id: 'cross-entropy-differentiable-surrogate', kind: 'claim', section: '4.3.4',
  quote: '交叉熵损失是 0-1 损失的可微代理（Surrogate Loss）',
  statement: 'Cross-entropy is a differentiable surrogate of the 0-1 loss: as a function of the logits it is differentiable everywhere, also on the decision boundary where the 0-1 loss jumps, and measured in bits (divided by ln 2) it bounds the 0-1 loss of the argmax classifier from above.',
  reading: 'A surrogate loss in the usual sense of the field: a differentiable loss that upper-bounds the 0-1 loss (after a constant factor); its other defining property, that minimising it gives the Bayes decision, is the next clause (cross-entropy-minimised-by-true-conditional).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'upper bound: −log₂ softmax(z)_y ≥ 1{argmax z ≠ y} for every z and y, on and off the decision boundary (sharp: equality for two tied classes)', role: 'claim', reference: 'impl',
      arbitrary: labelled, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ z, y }) => {
        const bits = crossEntropyFromLogits(oneHotOf(y, z.length), z) / Math.LN2;
        // log Σ e^{z_j − z_y}: C exps, a C-term sum and a log, terms up to max|z| + log C, then a division.
        const tol = tolerance({ dtypes: ctx.dtypes, operations: elementary(z.length + 1) + z.length + 2, scale: (2 * Math.max(...z.map(Math.abs)) + Math.log(z.length)) / Math.LN2 });
        return notBelow(bits, zeroOneLoss(y, argmax(z)), tol, `−log₂ q_y = ${bits.toPrecision(4)}, 0-1 loss ${zeroOneLoss(y, argmax(z))}`);
      }),
    }),
    check({
      name: 'differentiable on the decision boundary: where two logits tie, softmax(z) − e_y is the derivative of the cross-entropy along the direction that crosses the boundary and along the all-ones-and-twos direction (Taylor remainder rate ≥ 2; a kink would give 1)', role: 'claim',
      reference: ['impl', 'taylor'], arbitrary: onBoundary, runs: 'default',
      evaluate: (cs) => cs.map(({ z, y }) => {
        const p = oneHotOf(y, z.length), [a, b] = tiedPair(z), g = crossEntropyLogitGradient(p, z);
        const across = z.map((_, i) => (i === a ? 1 : i === b ? -1 : 0)), mixed = z.map((_, i) => 1 + (i % 2));
        const [worst] = [across, mixed].map((v) => {
          const rates = taylorRates((u) => crossEntropyFromLogits(p, u), z, v, g.reduce((s, gi, i) => s + gi * v[i]!, 0));
          return { value: rates.exact ? 0 : Math.max(0, 2 - rates.observedRate), bound: TAYLOR_RATE_TOLERANCE, note: `y = ${y}, tie of classes ${a} and ${b}: rate ${rates.observedRate.toFixed(3)}` };
        }).sort((l, r) => r.value - l.value);
        return worst!;
      }),
    }),
    check({
      name: 'subject crossEntropyLogitGradient on the decision boundary (two tied logits) ↔ tfjs autodiff of the cross-entropy in the logits', role: 'subject',
      subject: 'crossEntropyLogitGradient', reference: 'tfjs-grad', arbitrary: onBoundary, runs: 'default',
      evaluate: (cs, ctx) => {
        const ps = cs.map(({ z, y }) => oneHotOf(y, z.length));
        const grads = batchedByShape(cs.map((c, i) => ({ z: c.z, p: ps[i]! })), ({ p }) => String(p.length), (group) =>
          ctx.tfjs.derivatives(group.map((g) => g.z), tfjsLosses.crossEntropyFromLogitsLoss(group.map((g) => g.p), group.map((g) => g.z))).gradients);
        // Entries softmax(z)_k − p_k of size ≤ 1: C exps, a C-term sum and a division; rounding of z moves softmax
        // by ≲ u·max|z| relative.
        return cs.map(({ z }, i) => agreement(ctx.subject.api.crossEntropyLogitGradient!(ps[i]!, z), grads[i]!,
          tolerance({ dtypes: ctx.dtypes, operations: elementary(z.length) + z.length + 2, scale: 1, condition: 1 + magnitude(z) })));
      },
    }),
  ],
});
