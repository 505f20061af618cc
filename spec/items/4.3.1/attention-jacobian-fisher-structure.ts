import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { attentionCase, logits, type AttentionCase } from '../../domains/index.ts';
import { addMatrices, attentionWeights, diag, matMul, outer, scaleMatrix, softmax, softmaxJacobian, transpose } from '../../../impl/index.ts';
import { logSoftmaxEntryLoss } from '../../../oracles/tfjs/attention.ts';
import { jacobianTolerance, tfjsAttentionWeightsJacobian, tfjsSoftmax } from '../../support/attention.ts';
import { printedMatrixOutcome } from '../../support/printedShapes.ts';

/** diag(a) − a aᵀ for one row a of A, written out. */
const rowTerm = (a: number[]) => addMatrices(diag(a), scaleMatrix(outer(a, a), -1));

/**
 * ∂vec(A)/∂vec(Q) as the per-row reading states it: block (i, i) is (diag(a_i) − a_i a_iᵀ) K/√d_k, the other blocks
 * (∂a_i/∂q_j, j ≠ i) are 0. Rows (i, j) ↦ i·m + j, columns (i', l) ↦ i'·d_k + l.
 */
function perRowJacobian(c: AttentionCase): number[][] {
  const a = attentionWeights(c.Q, c.K);
  const jac = Array.from({ length: c.n * c.m }, () => new Array<number>(c.n * c.dk).fill(0));
  a.forEach((ai, i) => {
    const blockI = scaleMatrix(matMul(rowTerm(ai), c.K), 1 / Math.sqrt(c.dk));
    blockI.forEach((row, j) => row.forEach((v, l) => { jac[i * c.m + j]![i * c.dk + l] = v; }));
  });
  return jac;
}

/** The term read literally: diag(A) − AAᵀ for the whole attention matrix A (diag(A): the diagonal matrix of A's diagonal). */
function literalTerm(a: number[][]): number[][] {
  const diagonal = a.slice(0, Math.min(a.length, a[0]!.length)).map((row, i) => row[i]!);
  return addMatrices(diag(diagonal), scaleMatrix(matMul(a, transpose(a)), -1));
}

/** ∂a_i/∂q_i with the literal term in place of the row's softmax Jacobian: (diag(A) − AAᵀ) K/√d_k (needs n = m to multiply). */
const literalBlock = (c: AttentionCase) => scaleMatrix(matMul(literalTerm(attentionWeights(c.Q, c.K)), c.K), 1 / Math.sqrt(c.dk));

/** Block (i, i) of the full Jacobian ∂vec(A)/∂vec(Q): rows i·m…, columns i·d_k…. */
const block = (jac: number[][], c: AttentionCase, i: number) =>
  jac.slice(i * c.m, (i + 1) * c.m).map((row) => row.slice(i * c.dk, (i + 1) * c.dk));

const square = attentionCase({ n: [2, 4], dk: [1, 4], square: true });
const nonSquare = attentionCase({ n: [1, 4], m: [2, 4], dk: [1, 4] }).filter((c) => c.n !== c.m);
const general = attentionCase({ n: [1, 4], m: [1, 4], dk: [1, 4] });
const scores = fc.integer({ min: 2, max: 6 }).chain((m) => logits(m));

/** Fisher information of Cat(softmax(s)) in s: Σ_y a_y ∇_s log a_y ∇_s log a_yᵀ, scores (tfjs autodiff) and a (tf.softmax) from tfjs. */
function tfjsFisher(cases: number[][], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (s) => String(s.length), (group) => {
    const m = group[0]!.length, a = tfjsSoftmax(group, ctx);
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
  statement: 'The Jacobian ∂A/∂Q of the attention weights A = Softmax(QKᵀ/√d_k) contains, row by row, the term diag(a_i) − a_i a_iᵀ: '
    + '∂a_i/∂q_i = (diag(a_i) − a_i a_iᵀ) K/√d_k (and ∂a_i/∂q_j = 0 for j ≠ i), and diag(a_i) − a_i a_iᵀ is the Fisher information of the '
    + 'categorical distribution a_i in its scores.',
  reading: 'Softmax acts on each row of QKᵀ/√d_k, so “A” in diag(A) − AAᵀ is read as a row a_i of A (the sentence says the Jacobian contains '
    + 'a term similar to it, 类似): the term is the softmax Jacobian diag(a_i) − a_i a_iᵀ of row i, the same matrix as diag(p̂) − p̂p̂ᵀ in 4.3.9.',
  errata: ['attention-matrix-for-row'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'per-row (diag(a_i) − a_i a_iᵀ) K/√d_k, 0 off the diagonal blocks ↔ tfjs ∂vec(A)/∂vec(Q)', role: 'claim', reference: ['tfjs-grad', 'impl'],
      arbitrary: general, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionWeightsJacobian(cs, ctx);
        return cs.map((c, b) => agreement(perRowJacobian(c), jac[b]!, jacobianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'diag(a) − aaᵀ = Fisher information Σ_y a_y ∇log a_y ∇log a_yᵀ of Cat(softmax(s)) (scores by tfjs autodiff)', role: 'claim',
      reference: ['tfjs-grad', 'tfjs-forward', 'impl'],
      arbitrary: scores, runs: 'default',
      evaluate: (cs, ctx) => {
        const fisher = tfjsFisher(cs, ctx);
        // Entries ≤ 1 from m outer products of scores (entries ≤ 1) and m softmax weights; float32 rounding of s moves a relatively by ≲ 2u·max|s|.
        return cs.map((s, b) => agreement(rowTerm(softmax(s)), fisher[b]!, tolerance({
          dtypes: ctx.dtypes, operations: elementary(2 * s.length) + 3 * s.length + 4, scale: 1, condition: 1 + 2 * Math.max(...s.map(Math.abs)) })));
      },
    }),
    check({
      name: 'literal, square A (n = m): (diag(A) − AAᵀ)K/√d_k ↔ tfjs ∂a_i/∂q_i, every row i', role: 'literal', reference: ['tfjs-grad', 'impl'], arbitrary: square, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionWeightsJacobian(cs, ctx);
        return cs.map((c, b) => {
          const p = literalBlock(c);
          return agreement(c.Q.map(() => p), c.Q.map((_, i) => block(jac[b]!, c, i)), jacobianTolerance(c, ctx.dtypes));
        });
      },
    }),
    check({
      name: 'literal, n ≠ m: diag(A) − AAᵀ is not the m×m softmax Jacobian of a row (shape)', role: 'literal', reference: 'impl', arbitrary: nonSquare, runs: 'default',
      // Only the shape decides here (an m×m matrix is needed, diag(A) − AAᵀ is n×n); the tolerance is never reached.
      evaluate: (cs, ctx) => cs.map((c) => {
        const a = attentionWeights(c.Q, c.K);
        return printedMatrixOutcome(() => literalTerm(a), softmaxJacobian(a[0]!), jacobianTolerance(c, ctx.dtypes), 'the softmax Jacobian of one row of A');
      }),
    }),
    check({
      name: 'attentionWeightsQueryJacobian ↔ tfjs ∂vec(A)/∂vec(Q)', role: 'subject', subject: 'attentionWeightsQueryJacobian', reference: 'tfjs-grad',
      arbitrary: general, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionWeightsJacobian(cs, ctx);
        return cs.map((c, b) => agreement(ctx.subject.api.attentionWeightsQueryJacobian!(c.Q, c.K), jac[b]!, jacobianTolerance(c, ctx.dtypes)));
      },
    }),
  ],
});
