// Softmax regression (p̂ = softmax(Wᵀx), W d×C) in the class-major order of its parameters: vec(W)
// stacked class by class (the columns w_c of W, W's column-major vec), the order in which the printed
// Kronecker forms (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ of 4.3.8–4.3.10 are the Hessian. The tfjs oracle and impl work
// in row-major vec(W) (index i·C + c); these helpers permute their results to class-major (index c·d + i)
// and add the two tfjs references the items need beyond spec/support/softmaxRegression.ts: the Jacobian
// of p̂ in W (first-order autodiff) and the Hessian of the summed loss −Σ_n log p̂⁽ⁿ⁾_{y⁽ⁿ⁾}.
import type * as TF from '@tensorflow/tfjs';
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import type { SoftmaxRegressionCase } from '../domains/index.ts';
import { tfjsLosses, type PerCaseLoss } from '../../oracles/tfjs/index.ts';
import type { Tf } from '../../oracles/tfjs/backend.ts';
import { packed } from '../../oracles/tfjs/tensors.ts';
import { vecW } from './softmaxRegression.ts';

/** Row-major index i·C + c of W_ic → class-major index c·d + i. */
const classMajorIndex = (rowMajor: number, d: number, C: number) => (rowMajor % C) * d + Math.floor(rowMajor / C);

/** A dC×dC matrix indexed by row-major vec(W), re-indexed by class-major vec(W) on both sides. */
export function classMajorMatrix(rowMajor: number[][], d: number, C: number): number[][] {
  const n = d * C;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let r = 0; r < n; r++) for (let s = 0; s < n; s++) out[classMajorIndex(r, d, C)]![classMajorIndex(s, d, C)] = rowMajor[r]![s]!;
  return out;
}

/** The columns of a matrix indexed by row-major vec(W), re-indexed by class-major vec(W). */
export function classMajorColumns(rowMajor: number[][], d: number, C: number): number[][] {
  return rowMajor.map((row) => {
    const out = new Array<number>(row.length).fill(0);
    row.forEach((v, s) => { out[classMajorIndex(s, d, C)] = v; });
    return out;
  });
}

/** θ = vec(W) row-major [B, d·C]; loss_b = Σ_k u_k softmax(Wᵀx)_k: its gradient is row u of ∂p̂/∂vec(W). */
function softmaxOutputProjection(x: number[][], u: number[][], d: number, C: number): (tf: Tf) => PerCaseLoss {
  return (tf) => {
    const xs = packed<TF.Rank.R3>(tf, x.map((row) => [row]));
    const us = packed<TF.Rank.R2>(tf, u);
    return (theta) => {
      const z = tf.squeeze(tf.matMul(xs, tf.reshape(theta, [x.length, d, C])), [1]);
      return tf.sum(tf.mul(tf.softmax(z), us), 1) as TF.Tensor1D;
    };
  };
}

/**
 * ∂p̂/∂vec(W) of the first sample, C×dC with class-major columns, from tfjs first-order autodiff: one
 * batched gradient call per class k (loss p̂_k), per shape.
 */
export function tfjsSoftmaxOutputJacobian(cases: SoftmaxRegressionCase[], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (c) => `${c.d}x${c.C}`, (group) => {
    const { d, C } = group[0]!;
    const rows: number[][][] = group.map(() => []);
    for (let k = 0; k < C; k++) {
      const u = group.map(() => Array.from({ length: C }, (_, j) => (j === k ? 1 : 0)));
      const { gradients } = ctx.tfjs.derivatives(group.map((c) => vecW(c.W)), softmaxOutputProjection(group.map((c) => c.X[0]!), u, d, C));
      gradients.forEach((g, b) => rows[b]!.push(g));
    }
    return rows.map((jac) => classMajorColumns(jac, d, C));
  });
}

/**
 * tfjs Hessians, class-major, of the mean loss (1/N) Σ_n −log p̂⁽ⁿ⁾_{y⁽ⁿ⁾} (`mean`) or of the summed loss
 * −Σ_n log p̂⁽ⁿ⁾_{y⁽ⁿ⁾} the text states before 4.3.8 (`sum`: the mean loss multiplied by N inside the
 * differentiated function, so tfjs differentiates the sum itself).
 */
export function tfjsClassMajorHessians(cases: SoftmaxRegressionCase[], ctx: RunContext, loss: 'mean' | 'sum'): number[][][] {
  return batchedByShape(cases, (c) => `${c.d}x${c.C}x${c.N}`, (group) => {
    const { d, C, N } = group[0]!;
    const params = group.map((c) => vecW(c.W));
    const mean = tfjsLosses.softmaxRegressionLoss(group.map((c) => c.X), group.map((c) => c.P), params);
    const build = loss === 'mean' ? mean : (tf: Tf): PerCaseLoss => { const f = mean(tf); return (theta) => tf.mul(f(theta), N) as TF.Tensor1D; };
    const { hessians } = ctx.tfjs.derivatives(params, build, { hessian: true });
    return hessians!.map((h) => classMajorMatrix(h, d, C));
  });
}
