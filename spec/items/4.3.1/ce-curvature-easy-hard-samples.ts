import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement, notAbove, notBelow } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import type { Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { given, num, t } from '../../engine/text.ts';
import { confidentPrediction, type ConfidentCase } from '../../domains/confident.ts';
import { crossEntropyFromLogits, crossEntropyLogitHessian, softmax } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

/** Total curvature of the sample in its logits: tr(diag(p̂) − p̂p̂ᵀ) = 1 − ‖p̂‖². */
const curvature = (z: number[]) => crossEntropyLogitHessian(z).reduce((s, row, i) => s + row[i]!, 0);
/** 1 − p̂_lead, formed as the sum of the other probabilities (no cancellation near p̂_lead = 1). */
const rest = (c: ConfidentCase) => softmax(c.z).reduce((s, q, i) => (i === c.lead ? s : s + q), 0);
const oneHotAt = (C: number, k: number) => Array.from({ length: C }, (_, i) => (i === k ? 1 : 0));
const lossWithLabel = (c: ConfidentCase, y: number) => crossEntropyFromLogits(oneHotAt(c.z.length, y), c.z);
const zMax = (c: ConfidentCase) => Math.max(...c.z.map(Math.abs));

// Loss and trace: log-sum-exp of C terms (values up to max|z| + log C) and a C-term trace of entries ≤ ¼; the
// logits' size enters through the exps' argument reduction (κ = 1 + 2 max|z|).
const valueTolerance = (c: ConfidentCase, dtypes: readonly [Dtype, Dtype]) => tolerance({
  dtypes, operations: 2 * c.z.length + elementary(c.z.length + 1), scale: 1 + zMax(c) + Math.log(c.z.length), condition: 1 + 2 * zMax(c),
});

// Logit Hessian entries p̂_i − p̂_i² and −p̂_i p̂_j: terms of size ≤ 1 (the diagonal cancels to ≤ ¼); C exps, a C-term sum and the
// division, and the two backward passes mirroring the forward one (2×); float32 rounding of z (κ = 1 + 2 max|z|).
const hessianTolerance = (c: ConfidentCase, dtypes: readonly [Dtype, Dtype]) => tolerance({
  dtypes, operations: 2 * (c.z.length + elementary(c.z.length + 2)), scale: 1, condition: 1 + 2 * zMax(c),
});

// Confident predictions, p̂_lead > ½ (margin ≥ 6, see confidentPrediction), right or wrong; and any prediction.
const easy = confidentPrediction('lead', [6, 16]);
const hard = confidentPrediction('other', [6, 16]);
const anyPrediction = fc.oneof(confidentPrediction('lead'), confidentPrediction('other'));

/** tfjs logit Hessians of the cross-entropy at c.z for the label `label(c)`, batched per class count. */
function tfjsLogitHessians(cases: ConfidentCase[], label: (c: ConfidentCase) => number, ctx: RunContext): number[][][] {
  return batchedByShape(cases, (c) => String(c.z.length), (group) => {
    const z = group.map((c) => c.z);
    return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => oneHotAt(c.z.length, label(c))), z), { hessian: true }).hessians!;
  });
}

/** The second reader's example: two classes, logits (5.03, −1.98). */
const example: ConfidentCase = { z: [5.03, -1.98], lead: 0, target: 1, p: [0, 1] };

export default defineItem({
  id: 'ce-curvature-easy-hard-samples', kind: 'claim', section: '4.3.1',
  quote: '这反映了分类任务中"容易样本"和"困难样本"的区分',
  statement: 'The curvature of cross-entropy, which vanishes at a confident prediction, reflects the distinction between easy and hard samples: '
    + 'a sample of small curvature is an easy one, of small loss, −log p̂_y ≤ 2·tr(diag(p̂) − p̂p̂ᵀ).',
  reading: 'Easy and hard samples as classification practice uses the words: an easy sample has a small loss (its true class gets a high '
    + 'probability), a hard one a large loss. For the curvature to reflect the distinction, small curvature must mean an easy sample; the '
    + 'inequality −log p̂_y ≤ 2·tr(diag(p̂) − p̂p̂ᵀ) makes “small curvature ⇒ small loss” precise, over every confident prediction.',
  correction: {
    statement: 'The curvature reflects the prediction’s confidence, not how hard the sample is: tr(diag(p̂) − p̂p̂ᵀ) = 1 − ‖p̂‖² lies between '
      + '1 − p̂_max and 2(1 − p̂_max), and the Hessian diag(p̂) − p̂p̂ᵀ is the same for every label. Easy vs hard needs the label (the loss −log p̂_y, '
      + 'or p̂ − p): at the same confident logits the loss is at most 2·tr when the confident class is the true one, and at least −log tr when it is not.',
    latex: String.raw`1 - \hat{p}_{\max} \le \text{tr}(\text{diag}(\hat{p}) - \hat{p}\hat{p}^T) \le 2(1 - \hat{p}_{\max}),\qquad -\log \hat{p}_{\text{lead}} \le 2\,\text{tr},\quad -\log \hat{p}_{y \ne \text{lead}} \ge -\log \text{tr}`,
  },
  notes: t`Second reading: the curvature diag(p̂) − p̂p̂ᵀ does not depend on the label, so it cannot reflect the easy/hard distinction, which does: at z = (${given(5.03)}, ${given(-1.98)}) tr = ${num(curvature(example.z))} for both labels, while the loss is ${num(lossWithLabel(example, 0))} with one label and ${num(lossWithLabel(example, 1), 4)} with the other. Settled: conditional → refuted. Correction: the curvature reflects the prediction’s confidence, not how hard the sample is; easy vs hard needs the label (the loss, or p̂ − p). New erratum curvature-ignores-label (error); confident-read-as-correct (imprecise) now covers only the “slows” clause (ce-confident-optimisation-slows).`,
  errata: ['curvature-ignores-label'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'confident predictions, right or wrong: −log p̂_y ≤ 2·tr(diag(p̂) − p̂p̂ᵀ) (violation, float64)', role: 'claim', reference: 'impl',
      arbitrary: fc.oneof(easy, hard), runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const loss = crossEntropyFromLogits(c.p, c.z), tr = curvature(c.z);
        return notAbove(loss, 2 * tr, valueTolerance(c, ctx.dtypes), `${c.target === c.lead ? 'right' : 'wrong'}: loss ${loss.toPrecision(4)}, curvature tr = ${tr.toExponential(3)}`);
      }),
    }),
    check({
      name: 'correction: the logit Hessian is the same for every label (tfjs Hessians with the leading and with another label)', role: 'correction',
      reference: 'tfjs-hessian', arbitrary: hard, runs: 'default',
      evaluate: (cases, ctx) => {
        const right = tfjsLogitHessians(cases, (c) => c.lead, ctx), wrong = tfjsLogitHessians(cases, (c) => c.target, ctx);
        // Two float32 Hessians of the same matrix: twice the float32-vs-float64 tolerance of one (hessianTolerance below).
        return cases.map((c, b) => agreement(right[b]!, wrong[b]!, 2 * hessianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'correction: 1 − p̂_max ≤ tr(diag(p̂) − p̂p̂ᵀ) ≤ 2(1 − p̂_max), any prediction (violation, float64)', role: 'correction', reference: 'impl',
      arbitrary: anyPrediction, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        // 1 − p̂_max as the sum of the other probabilities (the leading class is the largest only from margin 4 on).
        const p = softmax(c.z), top = p.indexOf(Math.max(...p)), others = p.reduce((s, q, i) => (i === top ? s : s + q), 0), tr = curvature(c.z);
        const tol = valueTolerance(c, ctx.dtypes);
        const low = notBelow(tr, others, tol), high = notAbove(tr, 2 * others, tol);
        return { ...(low.value >= high.value ? low : high), note: `1 − p̂_max = ${others.toExponential(3)}, tr = ${tr.toExponential(3)}` };
      }),
    }),
    check({
      name: 'correction: at the same logits, −log p̂_lead ≤ 2·tr and −log p̂_y ≥ −log tr for y ≠ lead (violation, float64)', role: 'correction',
      reference: 'impl', arbitrary: hard, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const tr = curvature(c.z), easyLoss = lossWithLabel(c, c.lead), hardLoss = lossWithLabel(c, c.target);
        const tol = valueTolerance(c, ctx.dtypes);
        const small = notAbove(easyLoss, 2 * tr, tol), large = notBelow(hardLoss, -Math.log(tr), tol);
        return { ...(small.value >= large.value ? small : large), note: `tr = ${tr.toExponential(3)}: loss ${easyLoss.toExponential(3)} (label = lead), ${hardLoss.toPrecision(4)} (other label)` };
      }),
    }),
    check({
      name: 'crossEntropyFromLogits ↔ tfjs loss value, right and wrong confident predictions', role: 'subject', subject: 'crossEntropyFromLogits',
      reference: 'tfjs-grad', arbitrary: fc.oneof(easy, hard), runs: 'default',
      evaluate: (cases, ctx) => {
        const ref = batchedByShape(cases, (c) => String(c.z.length), (group) => {
          const z = group.map((c) => c.z);
          return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z)).values;
        });
        // Values up to max|z| + log C; the float32 path is the forward pass of the Hessian check below (2(C + elementary(C + 2)) roundings).
        return cases.map((c, b) => agreement(ctx.subject.api.crossEntropyFromLogits!(c.p, c.z), ref[b]!, tolerance({
          dtypes: ctx.dtypes, operations: 2 * (c.z.length + elementary(c.z.length + 2)), scale: 1 + zMax(c) + Math.log(c.z.length), condition: 1 + 2 * zMax(c) })));
      },
    }),
    check({
      name: 'crossEntropyLogitHessian ↔ tfjs Hessian, right and wrong confident predictions', role: 'subject', subject: 'crossEntropyLogitHessian',
      reference: 'tfjs-hessian', arbitrary: fc.oneof(easy, hard), runs: 'default',
      evaluate: (cases, ctx) => {
        const ref = tfjsLogitHessians(cases, (c) => c.target, ctx);
        return cases.map((c, b) => agreement(ctx.subject.api.crossEntropyLogitHessian!(c.z), ref[b]!, hessianTolerance(c, ctx.dtypes)));
      },
    }),
  ],
});
