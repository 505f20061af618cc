import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { attentionCase, logits, type AttentionCase } from '../../domains/index.ts';
import { addMatrices, attentionWeights, attentionWeightsQueryJacobian, diag, matMul, scaleMatrix, softmax, softmaxJacobian, transpose } from '../../../impl/index.ts';
import { logSoftmaxEntryLoss, softmaxForward } from '../../../oracles/tfjs/attention.ts';
import { jacobianTolerance, tfjsAttentionWeightsJacobian } from '../../support/attention.ts';
import { printedMatrixOutcome } from '../../support/printedShapes.ts';

/** The term as printed: diag(A) − AAᵀ for the attention matrix A (diag(A) read as the diagonal matrix of A's diagonal). */
function printedTerm(a: number[][]): number[][] {
  const diagonal = a.slice(0, Math.min(a.length, a[0]!.length)).map((row, i) => row[i]!);
  return addMatrices(diag(diagonal), scaleMatrix(matMul(a, transpose(a)), -1));
}

/** ∂a_i/∂q_i with the printed term in place of the softmax Jacobian: (diag(A) − AAᵀ) K/√d_k (needs n = m to multiply). */
const printedBlock = (c: AttentionCase) => scaleMatrix(matMul(printedTerm(attentionWeights(c.Q, c.K)), c.K), 1 / Math.sqrt(c.dk));

/** Block (i, i) of the full Jacobian ∂vec(A)/∂vec(Q): rows i·m…, columns i·d_k…. */
const block = (jac: number[][], c: AttentionCase, i: number) =>
  jac.slice(i * c.m, (i + 1) * c.m).map((row) => row.slice(i * c.dk, (i + 1) * c.dk));

const square = attentionCase({ n: [2, 4], dk: [1, 4], square: true });
const nonSquare = attentionCase({ n: [1, 4], m: [2, 4], dk: [1, 4] }).filter((c) => c.n !== c.m);
const general = attentionCase({ n: [1, 4], m: [1, 4], dk: [1, 4] });
const scores = fc.integer({ min: 2, max: 6 }).chain((m) => logits(m));

/** Fisher information of Cat(softmax(s)) in s: Σ_y a_y ∇_s log a_y ∇_s log a_yᵀ, scores and a from tfjs. */
function tfjsFisher(cases: number[][], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (s) => String(s.length), (group) => {
    const m = group[0]!.length, a = softmaxForward(ctx.tfjs.runtime.tf, group);
    const fisher = group.map(() => Array.from({ length: m }, () => new Array<number>(m).fill(0)));
    for (let y = 0; y < m; y++) {
      const { gradients } = ctx.tfjs.derivatives(group, logSoftmaxEntryLoss(group.map(() => y), group));
      gradients.forEach((g, b) => { for (let r = 0; r < m; r++) for (let t = 0; t < m; t++) fisher[b]![r]![t]! += a[b]![y]! * g[r]! * g[t]!; });
    }
    return fisher;
  });
}

export default defineItem({
  id: 'attention-jacobian-fisher-structure', kind: 'claim', section: '4.3.1',
  quote: String.raw`$\frac{\partial A}{\partial Q}$的形式包含类似$(\text{diag}(A) - AA^T)$的项，这正是 Fisher 信息矩阵的结构`,
  statement: 'The Jacobian ∂A/∂Q of the attention weights A = Softmax(QKᵀ/√d_k) contains the term diag(A) − AAᵀ, which is the structure of the Fisher information matrix.',
  correction: {
    statement: 'The term is per row, not for the matrix A: ∂a_i/∂q_i = (diag(a_i) − a_i a_iᵀ) K/√d_k with a_i the i-th row of A (and ∂a_i/∂q_j = 0 for j ≠ i); diag(a_i) − a_i a_iᵀ is the Fisher information of the categorical distribution a_i in its logits. diag(A) − AAᵀ is n×n (and ill-formed unless A is square), while each row\'s Jacobian is m×m.',
    latex: String.raw`\frac{\partial a_i}{\partial q_i} = \left(\text{diag}(a_i) - a_i a_i^T\right)\frac{K}{\sqrt{d_k}},\quad \frac{\partial a_i}{\partial q_j} = 0\ (j \neq i)`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'square A (n = m): (diag(A) − AAᵀ)K/√d_k ↔ tfjs ∂a_i/∂q_i, every row i', role: 'claim', oracle: tfjsGrad, arbitrary: square, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionWeightsJacobian(cs, ctx);
        return cs.map((c, b) => {
          const p = printedBlock(c);
          return agreement(c.Q.map((_, i) => p), c.Q.map((_, i) => block(jac[b]!, c, i)), jacobianTolerance(c));
        });
      },
    }),
    check({
      name: 'n ≠ m: diag(A) − AAᵀ is not the m×m softmax Jacobian of a row (shape)', role: 'claim', oracle: 'shape of the row Jacobian (m×m)', arbitrary: nonSquare, runs: 'default',
      evaluate: (cs) => cs.map((c) => {
        const a = attentionWeights(c.Q, c.K);
        return printedMatrixOutcome(() => printedTerm(a), softmaxJacobian(a[0]!), jacobianTolerance(c), 'the softmax Jacobian of one row of A');
      }),
    }),
    check({
      name: 'impl per-row Jacobian (diag(a_i) − a_i a_iᵀ)K/√d_k, zero off the diagonal blocks ↔ tfjs ∂vec(A)/∂vec(Q)', role: 'correction', oracle: tfjsGrad,
      arbitrary: general, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionWeightsJacobian(cs, ctx);
        return cs.map((c, b) => agreement(attentionWeightsQueryJacobian(c.Q, c.K), jac[b]!, jacobianTolerance(c)));
      },
    }),
    check({
      name: 'diag(a) − aaᵀ = Fisher information Σ_y a_y ∇log a_y ∇log a_yᵀ of Cat(softmax(s)) (scores by tfjs autodiff)', role: 'correction', oracle: tfjsGrad,
      arbitrary: scores, runs: 'default',
      evaluate: (cs, ctx) => {
        const fisher = tfjsFisher(cs, ctx);
        // Entries ≤ 1 from m outer products of scores (entries ≤ 1) and m softmax weights; float32 rounding of s moves a relatively by ≲ 2u·max|s|.
        return cs.map((s, b) => agreement(softmaxJacobian(softmax(s)), fisher[b]!, tolerance({
          dtypes: ['float32', 'float64'], operations: elementary(2 * s.length) + 3 * s.length + 4, scale: 1, condition: 1 + 2 * Math.max(...s.map(Math.abs)) })));
      },
    }),
  ],
});
