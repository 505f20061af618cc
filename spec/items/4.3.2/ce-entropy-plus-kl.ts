import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logits, oneHot, simplexPoint } from '../../domains/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

// Targets p: interior points of the simplex and one-hot vectors (H(p) = 0); logits z = Wᵀx ∈ [−8, 8]^C.
const data = fc.integer({ min: 2, max: 6 }).chain((C) => fc.record({ p: fc.oneof(simplexPoint(C), oneHot(C)), z: logits(C) }));

/** Softmax written out (float64, shifted): the prediction q = Softmax(z). */
function softmaxOf(z: number[]): number[] {
  const m = Math.max(...z), e = z.map((zi) => Math.exp(zi - m)), s = e.reduce((a, b) => a + b, 0);
  return e.map((ei) => ei / s);
}
/** As printed: H(p) + D_KL(p ‖ q), each from its definition (0·log 0 = 0). */
function printed(p: number[], z: number[]): number {
  const q = softmaxOf(z);
  const entropy = -p.reduce((s, pi) => s + (pi > 0 ? pi * Math.log(pi) : 0), 0);
  const kl = p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.log(pi / q[i]!) : 0), 0);
  return entropy + kl;
}
// Terms: |p_i log p_i| ≤ 1/e, |log q_i| ≤ 2·max|z| + log C; the float32 logits move the loss by ≤ 2u·max|z|.
const tol = (p: number[], z: number[], dtypes: readonly [Dtype, Dtype]) => tolerance({
  dtypes, operations: 2 * p.length + elementary(3), scale: 2 * Math.max(...z.map(Math.abs)) + Math.log(p.length) + 1,
  condition: 1 + 2 * Math.max(...z.map(Math.abs)),
});

/** The cross-entropy from logits, from tfjs: one call per class count C (a tensor needs one shape). */
const tfjsCrossEntropies = (cases: { p: number[]; z: number[] }[], ctx: RunContext) => batchedByShape(cases, (c) => String(c.z.length),
  (group) => ctx.tfjs.derivatives(group.map((c) => c.z), tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), group.map((c) => c.z))).values);

export default defineItem({
  id: 'ce-entropy-plus-kl', kind: 'claim', section: '4.3.2',
  quote: String.raw`L_{CE}(w) = H(p, \text{Softmax}(w^T x)) = H(p) + D_{KL}(p \parallel \text{Softmax}(w^T x))`,
  printed: String.raw`L_{CE}(w) = H(p, \text{Softmax}(w^T x)) = H(p) + D_{KL}(p \parallel \text{Softmax}(w^T x))`,
  statement: 'The cross-entropy H(p, Softmax(Wᵀx)) equals H(p) + D_KL(p ‖ Softmax(Wᵀx)), where H(p) does not depend on W.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed H(p) + KL(p ‖ q) ↔ tfjs cross-entropy from logits', role: 'claim', reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsCrossEntropies(cases, ctx);
        return cases.map(({ p, z }, b) => agreement(printed(p, z), values[b]!, tol(p, z, ctx.dtypes)));
      },
    }),
    check({
      name: 'crossEntropyFromLogits ↔ tfjs cross-entropy from logits', role: 'subject', subject: 'crossEntropyFromLogits', reference: 'tfjs-grad',
      arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsCrossEntropies(cases, ctx);
        return cases.map(({ p, z }, b) => agreement(ctx.subject.api.crossEntropyFromLogits!(p, z), values[b]!, tol(p, z, ctx.dtypes)));
      },
    }),
  ],
});
