import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { logits, oneHot } from '../../domains/index.ts';
import { crossEntropyFromLogits } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

interface Case { z: number[]; p: number[] }

/** p̂ = Softmax(z) exactly as written, e^{z_i} / Σ_j e^{z_j} (no max shift). */
const printedSoftmax = (z: number[]) => { const e = z.map(Math.exp); const s = e.reduce((a, b) => a + b, 0); return e.map((ei) => ei / s); };
/** 4.3.3, first form: −Σ p_i log p̂_i. */
const printedSum = ({ z, p }: Case) => { const q = printedSoftmax(z); return -p.reduce((s, pi, i) => s + (pi === 0 ? 0 : pi * Math.log(q[i]!)), 0); };
/** 4.3.3, second form: −log p̂_{c*}, c* the class of the one-hot p. */
const printedTrueClass = ({ z, p }: Case) => -Math.log(printedSoftmax(z)[p.indexOf(1)]!);

const classification = (scale: number) => fc.integer({ min: 2, max: 8 }).chain((C) => fc.record({ z: logits(C, scale), p: oneHot(C) }));
const moderate = classification(8);
// Logits far beyond e^709 overflow: the printed form returns NaN/∞ there, impl (max-shifted) does not.
const extreme = classification(1e4);

// A C-term sum of exps and a log: C + 2 elementary-weighted roundings; terms of size up to max|z| + log C
// (the value of log Σ e^z); float32 rounding of z perturbs the loss by u·max|z| at most (κ = 1).
const scaleOf = ({ z }: Case) => Math.max(...z.map(Math.abs)) + Math.log(z.length) + 1;
const tol = (c: Case, dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: c.z.length + elementary(c.z.length + 1), scale: scaleOf(c) });

export default defineItem({
  id: '4.3.3', kind: 'formula', section: '4.3.1', definition: true,
  quote: String.raw`L_{CE}(p, \hat{p}) = -\sum_{i=1}^C p_i \log \hat{p}_i = -\log \hat{p}_{c^*}`,
  printed: String.raw`L_{CE}(p, \hat{p}) = -\sum_{i=1}^C p_i \log \hat{p}_i = -\log \hat{p}_{c^*}`,
  statement: 'Defines cross-entropy −Σ p_i log p̂_i with p̂ = softmax(z); for a one-hot p it equals −log p̂ of the true class.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'the two printed forms agree for one-hot p', role: 'claim', reference: 'printed', arbitrary: moderate, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => agreement(printedSum(c), printedTrueClass(c), tol(c, ctx.dtypes))),
    }),
    check({
      name: 'printed ↔ impl crossEntropyFromLogits (|z| ≤ 8)', role: 'claim', reference: 'impl', arbitrary: moderate, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => agreement(printedSum(c), crossEntropyFromLogits(c.p, c.z), tol(c, ctx.dtypes))),
    }),
    check({
      name: 'crossEntropyFromLogits ↔ tfjs loss value, including logits up to ±1e4 where the printed softmax overflows', role: 'subject',
      subject: 'crossEntropyFromLogits', reference: 'tfjs-grad', arbitrary: fc.oneof(moderate, extreme), runs: 'default',
      evaluate: (cases, ctx) => batchValues(cases, ctx).map((v, b) => {
        const c = cases[b]!;
        const naive = printedSum(c);
        return agreement(ctx.subject.api.crossEntropyFromLogits!(c.p, c.z), v, tol(c, ctx.dtypes),
          Number.isFinite(naive) ? undefined : `printed (unshifted) softmax gives ${naive} here`);
      }),
    }),
  ],
});

function batchValues(cases: Case[], ctx: RunContext): number[] {
  return batchedByShape(cases, (c) => String(c.z.length), (group) => {
    const z = group.map((c) => c.z);
    return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z)).values;
  });
}
