import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logits, oneHot } from '../../domains/index.ts';
import { softmax } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

interface Case { z: number[]; p: number[] }
// Moderate logits and saturated ones (up to ±40: p̂ within e^-80 of a vertex), one-hot targets.
const cases = fc.integer({ min: 2, max: 8 }).chain((C) => fc.record({ z: fc.oneof(logits(C, 8), logits(C, 40)), p: oneHot(C) }));

/** As stated: ∂L_CE/∂z = p̂ − p with p̂ = Softmax(z). */
const stated = ({ z, p }: Case) => softmax(z).map((q, i) => q - p[i]!);

function tfjsLogitGradients(all: Case[], ctx: RunContext): number[][] {
  return batchedByShape(all, (c) => String(c.z.length), (group) => {
    const z = group.map((c) => c.z);
    return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z)).gradients;
  });
}
// Entries p̂_i − p_i lie in [−1, 1]; C exps, a C-term sum and a division; float32 rounding of z moves
// p̂ by at most 2·u·max|z − max z| relative (κ = 1 + 2 max|z|).
const tol = (c: Case, dtypes: readonly [Dtype, Dtype]) => tolerance({
  dtypes, operations: c.z.length + elementary(c.z.length + 1), scale: 1, condition: 1 + 2 * Math.max(...c.z.map(Math.abs)),
});

export default defineItem({
  id: 'ce-logit-gradient', kind: 'claim', section: '4.3.1',
  quote: String.raw`它关于 logits 的梯度具有简洁的形式（$\hat{p} - p$）`,
  statement: 'The gradient of cross-entropy with respect to the logits is p̂ − p, also where the softmax saturates (no softmax-derivative factor).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'p̂ − p ↔ tfjs autodiff gradient in z (|z| up to 40)', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: cases, runs: 'default',
      evaluate: (all, ctx) => { const ref = tfjsLogitGradients(all, ctx); return all.map((c, b) => agreement(stated(c), ref[b]!, tol(c, ctx.dtypes))); },
    }),
    check({
      name: 'crossEntropyLogitGradient ↔ tfjs autodiff gradient', role: 'subject', subject: 'crossEntropyLogitGradient', reference: 'tfjs-grad',
      arbitrary: cases, runs: 'default',
      evaluate: (all, ctx) => {
        const ref = tfjsLogitGradients(all, ctx);
        return all.map((c, b) => agreement(ctx.subject.api.crossEntropyLogitGradient!(c.p, c.z), ref[b]!, tol(c, ctx.dtypes)));
      },
    }),
  ],
});
