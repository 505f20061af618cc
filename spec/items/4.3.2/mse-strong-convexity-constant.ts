import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { overdeterminedRegression, underdeterminedRegression, type RegressionCase } from '../../domains/index.ts';
import { eigenvalueTolerance, eigenvaluesOf, entryNorm, gramOf, mseHessianEntryTolerance, tfjsMseHessians } from '../../support/convexity.ts';

/**
 * The strong-convexity modulus of a quadratic is the smallest eigenvalue of its Hessian. tfjs gives the
 * Hessian of the mean ½ MSE, (1/N)XᵀX; the other normalisations scale it exactly: the unnormalised ½Σ
 * (4.3.1/4.3.13 summed over the batch, no 1/N) by N, the mean (1/N)Σ (4.3.2) by 2, the mean (1/2N)Σ (4.3.4,
 * whose Hessian 4.3.7 is (1/N)XᵀX) by 1. Only the unnormalised sum has the stated modulus λ_min(XᵀX).
 */
const CONVENTIONS = { 'half-sum': (N: number) => N, 'mean (4.3.2)': () => 2, 'half-mean (4.3.4)': () => 1 } as const;
type Convention = keyof typeof CONVENTIONS;

function moduli(cases: RegressionCase[], ctx: Parameters<typeof tfjsMseHessians>[1], convention: Convention) {
  const hessians = tfjsMseHessians(cases, ctx).map((h, b) => h.map((row) => row.map((v) => v * CONVENTIONS[convention](cases[b]!.N))));
  const measured = eigenvaluesOf(ctx, hessians).map((l) => l[0]!);
  const claimed = eigenvaluesOf(ctx, cases.map((c) => gramOf(c.X))).map((l) => l[0]!);
  return cases.map((c, b) => {
    const factor = CONVENTIONS[convention](c.N);
    // Eigenvalue shifts of the scaled float32 Hessian, plus the float64 eigensolver on XᵀX.
    const tol = eigenvalueTolerance(c.d, factor * mseHessianEntryTolerance(c.X, ctx.dtypes), c.d * entryNorm(hessians[b]!));
    return agreement(measured[b]!, claimed[b]!, tol, `λ_min(Hessian) = ${measured[b]!.toExponential(4)}, λ_min(XᵀX) = ${claimed[b]!.toExponential(4)}, N = ${c.N}`);
  });
}

export default defineItem({
  id: 'mse-strong-convexity-constant', kind: 'claim', section: '4.3.2',
  quote: String.raw`均方误差是$\lambda_{\min}(X^T X)$强凸的，其中$\lambda_{\min}$是$X^T X$的最小特征值`,
  statement: 'The MSE of a linear model is λ_min(XᵀX)-strongly convex: its strong-convexity modulus (the smallest eigenvalue of its Hessian in w) is λ_min(XᵀX).',
  condition: 'The MSE is not averaged over the batch: it is the sum ½Σ_n (y⁽ⁿ⁾ − wᵀx⁽ⁿ⁾)² = ½‖y − Xw‖², whose Hessian is XᵀX. The book\'s own batch MSE divides by N: the (1/2N)‖y − Xw‖² of 4.3.4/4.3.7 (Hessian XᵀX/N) is λ_min(XᵀX)/N-strongly convex, and the (1/N)Σ of 4.3.2 is 2λ_min(XᵀX)/N-strongly convex. The factor the statement drops is the 1/N; the ½ only decides between those two. The modulus is positive only when rank X = d (N ≥ d); for N < d it is 0 and the MSE is convex but not strongly convex.',
  notes: 'Second reading: the slip is the 1/N, not the ½: the stated modulus λ_min(XᵀX) belongs to the unnormalised ½Σ, and the book\'s own (1/2N)Σ gives λ_min(XᵀX)/N, while the condition framed it as the ½ convention of 4.3.1. Settled: the erratum is loss-normalisation-conventions (the ½ and the 1/N merged into one root cause by the lead), and the condition and the check names say that the missing factor is the 1/N.',
  errata: ['loss-normalisation-conventions'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'unnormalised ½Σ (no 1/N), N > d: λ_min(Hessian) = λ_min(XᵀX)', role: 'condition', reference: ['eigen', 'tfjs-hessian'], arbitrary: overdeterminedRegression(), runs: 'hessian',
      evaluate: (cases, ctx) => moduli(cases, ctx, 'half-sum'),
    }),
    check({
      name: 'unnormalised ½Σ (no 1/N), N < d: λ_min(Hessian) = λ_min(XᵀX) = 0 (convex, not strongly)', role: 'condition', reference: ['eigen', 'tfjs-hessian'], arbitrary: underdeterminedRegression(), runs: 'hessian',
      evaluate: (cases, ctx) => moduli(cases, ctx, 'half-sum'),
    }),
    check({
      name: 'the book\'s mean (1/2N)Σ of 4.3.4/4.3.7, N > d: λ_min(Hessian) = λ_min(XᵀX)', role: 'outside-condition', reference: ['eigen', 'tfjs-hessian'], arbitrary: overdeterminedRegression(), runs: 'hessian',
      evaluate: (cases, ctx) => moduli(cases, ctx, 'half-mean (4.3.4)'),
    }),
    check({
      name: 'the book\'s mean (1/N)Σ of 4.3.2, N > d: λ_min(Hessian) = λ_min(XᵀX)', role: 'outside-condition', reference: ['eigen', 'tfjs-hessian'], arbitrary: overdeterminedRegression(), runs: 'hessian',
      evaluate: (cases, ctx) => moduli(cases, ctx, 'mean (4.3.2)'),
    }),
  ],
});
