import { check, defineItem, type RunContext } from '../../engine/item.ts';
import type { LossApi } from '../../engine/subject.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { twoTaskCase, type TwoTaskCase } from '../../domains/index.ts';
import {
  binaryCrossEntropyFromLogit, linearPredictions, logisticCrossEntropyGradient, meanSquaredError, mseLinearGradient,
} from '../../../impl/index.ts';
import { twoTaskWeightedLoss } from '../../../oracles/tfjs/multitask.ts';

/** 4.3.32 as printed: L_total = Σ_k w_k L_k. */
const printed = (w: number[], losses: number[]) => losses.reduce((s, l, k) => s + w[k]! * l, 0);

/** The two task losses at w (impl, float64): ½·MSE of the regression head, mean binary cross-entropy of the classifier. */
function taskLosses(c: TwoTaskCase): number[] {
  const reg = meanSquaredError(c.yReg, linearPredictions(c.xReg, c.w, 0), 'half');
  const z = linearPredictions(c.xCls, c.w, 0);
  return [reg, z.reduce((s, zn, n) => s + binaryCrossEntropyFromLogit(c.yCls[n]!, zn), 0) / z.length];
}
function taskGradients(c: TwoTaskCase): number[][] {
  return [mseLinearGradient(c.xReg, c.yReg, c.w, 0, 'half').w, logisticCrossEntropyGradient(c.xCls, c.yCls, c.w, 0).w];
}

/** tfjs (float32) value and gradient in w of the weighted two-task loss, batched per shape. */
function tfjsTotal(cases: TwoTaskCase[], ctx: RunContext): { values: number[]; gradients: number[][] } {
  const out = batchedByShape(cases, (c) => `${c.d}x${c.xReg.length}x${c.xCls.length}`, (group) => {
    const r = ctx.tfjs.derivatives(group.map((c) => c.w), twoTaskWeightedLoss({
      xReg: group.map((c) => c.xReg), yReg: group.map((c) => c.yReg), xCls: group.map((c) => c.xCls), yCls: group.map((c) => c.yCls),
      taskWeights: group.map((c) => c.taskWeights),
    }));
    return group.map((_, b) => ({ value: r.values[b]!, gradient: r.gradients[b]! }));
  });
  return { values: out.map((o) => o.value), gradients: out.map((o) => o.gradient) };
}

// Both heads: a d-term prediction, a residual or softplus, an N-term mean; float32 rounding of w and x moves each
// prediction by u·Σ|w_i x_i| (condition). Value terms are as large as (|y| + Σ|w_i x_i|)² (regression) and
// Σ|w_i x_i| + 1 (classification), each times its task weight; gradient terms carry one factor |x| instead.
const predictionScale = (x: number[][], w: number[]) => Math.max(...x.map((row) => row.reduce((s, v, i) => s + Math.abs(v * w[i]!), 0)));
function tol32(c: TwoTaskCase, what: 'value' | 'gradient', dtypes: readonly [Dtype, Dtype]): number {
  const pr = predictionScale(c.xReg, c.w) + Math.max(...c.yReg.map(Math.abs)), pc = predictionScale(c.xCls, c.w) + 1;
  const xMax = Math.max(...c.xReg.flat().map(Math.abs), ...c.xCls.flat().map(Math.abs));
  const [wr, wc] = c.taskWeights as [number, number];
  const scale = what === 'value' ? wr * pr * pr + wc * pc : (wr * pr + wc) * xMax;
  return tolerance({ dtypes, operations: c.d + c.xReg.length + c.xCls.length + elementary(2) + 4,
    scale, condition: 1 + Math.max(pr, pc) });
}

const data = twoTaskCase();

/** The case with only task k weighted (weight 1): tfjs then computes that task's loss alone. */
const onlyTask = (c: TwoTaskCase, k: 0 | 1): TwoTaskCase => ({ ...c, taskWeights: k === 0 ? [1, 0] : [0, 1] });
const scores = (x: number[][], w: number[]) => x.map((row) => row.reduce((s, v, i) => s + v * w[i]!, 0));

/**
 * The subject's function for one task loss (task 0: ½·MSE of the linear regression head; task 1: the mean binary
 * cross-entropy of the logistic classifier) or its gradient in w, against tfjs autodiff of that task alone. One
 * function per check, so a failure names the function that is wrong.
 */
function subjectTaskCheck(task: 0 | 1, what: 'value' | 'gradient') {
  const fn = ({ value: ['meanSquaredError', 'binaryCrossEntropyFromLogit'], gradient: ['mseLinearGradient', 'logisticCrossEntropyGradient'] } as const)[what][task];
  const measure = (c: TwoTaskCase, api: LossApi): number | number[] => {
    if (fn === 'meanSquaredError') return api.meanSquaredError!(c.yReg, scores(c.xReg, c.w), 'half');
    if (fn === 'binaryCrossEntropyFromLogit') { const z = scores(c.xCls, c.w); return z.reduce((s, zn, n) => s + api.binaryCrossEntropyFromLogit!(c.yCls[n]!, zn), 0) / z.length; }
    if (fn === 'mseLinearGradient') return api.mseLinearGradient!(c.xReg, c.yReg, c.w, 0, 'half').w;
    return api.logisticCrossEntropyGradient!(c.xCls, c.yCls, c.w, 0).w;
  };
  return check({
    name: `subject ${fn}${task === 0 ? ' (½ convention; the regression head\'s ½·MSE)' : ' (the classifier\'s mean binary cross-entropy)'}${what === 'gradient' ? ' in w' : ''} ↔ tfjs autodiff of that task loss alone`,
    role: 'subject', subject: fn, reference: 'tfjs-grad', arbitrary: data, runs: 'default',
    evaluate: (cs: TwoTaskCase[], ctx: RunContext) => {
      const alone = cs.map((c) => onlyTask(c, task)), reference = tfjsTotal(alone, ctx);
      return alone.map((c, b) => agreement(measure(c, ctx.subject.api), what === 'value' ? reference.values[b]! : reference.gradients[b]!, tol32(c, what, ctx.dtypes)));
    },
  });
}

export default defineItem({
  id: '4.3.32', kind: 'formula', section: '4.3.4', definition: true,
  quote: String.raw`L_{total} = \sum_k w_k L_k\tag{4.3.32}`,
  printed: String.raw`L_{total} = \sum_k w_k L_k`,
  statement: 'Defines the multi-task loss as the weighted sum of the task losses; by linearity its gradient is the same weighted sum of the task gradients.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed Σ w_k L_k (impl task losses) ↔ tfjs value of the combined two-task loss', role: 'claim', reference: ['tfjs-grad', 'impl'],
      arbitrary: data, runs: 'default',
      evaluate: (cs, ctx) => {
        const { values } = tfjsTotal(cs, ctx);
        return cs.map((c, b) => agreement(printed(c.taskWeights, taskLosses(c)), values[b]!, tol32(c, 'value', ctx.dtypes)));
      },
    }),
    check({
      name: '∇L_total = Σ w_k ∇L_k: tfjs autodiff of the sum ↔ weighted sum of impl task gradients', role: 'claim', reference: ['tfjs-grad', 'impl'],
      arbitrary: data, runs: 'default',
      evaluate: (cs, ctx) => {
        const { gradients } = tfjsTotal(cs, ctx);
        return cs.map((c, b) => {
          const g = taskGradients(c);
          const combined = c.w.map((_, i) => printed(c.taskWeights, g.map((gk) => gk[i]!)));
          return agreement(combined, gradients[b]!, tol32(c, 'gradient', ctx.dtypes));
        });
      },
    }),
    subjectTaskCheck(0, 'value'), subjectTaskCheck(1, 'value'), subjectTaskCheck(0, 'gradient'), subjectTaskCheck(1, 'gradient'),
  ],
});
