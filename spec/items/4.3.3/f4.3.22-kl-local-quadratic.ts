import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { TAYLOR_RATE_TOLERANCE, elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logitsWithClasses, nonZeroVector, simplexWithClasses, tangentPerturbation } from '../../domains/index.ts';
import { categoricalFisherInLogits, categoricalFisherInProbabilities, klDivergence, softmax } from '../../../impl/index.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';
import { crossEntropyOfProbabilities } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { oneHotRow } from '../../support/information.ts';

const quadraticForm = (m: number[][], v: number[]) => m.reduce((s, row, i) => s + v[i]! * row.reduce((t, mij, j) => t + mij * v[j]!, 0), 0);
/** Taylor-rate outcome for a remainder that must vanish to third order (rate 3; 4 when the cubic term happens to vanish). */
function thirdOrder(rates: ReturnType<typeof taylorRates>) {
  return { value: rates.exact ? 0 : Math.max(0, 3 - rates.observedRate), bound: TAYLOR_RATE_TOLERANCE, note: `observed rate ${rates.observedRate.toFixed(3)}` };
}

/**
 * For interior points P (tfjs float32), per case: I(P) by 4.3.20 in the coordinates θ = p (scores of log θ_x at
 * θ = P, exact Σ over x), and, when asked, the Hessian of q ↦ KL(P ‖ q) = −Σ P log q + const at q = P (nested tfjs grad).
 */
function tfjsFisherAndKlHessian(cases: { C: number; p: number[] }[], ctx: RunContext, klHessian = true): { fisher: number[][]; klHessian?: number[][] }[] {
  return batchedByShape(cases, (c) => String(c.C), (group) => {
    const C = group[0]!.C;
    const scoreRows = group.flatMap((c) => Array.from({ length: C }, () => c.p));
    const scores = ctx.tfjs.derivatives(scoreRows, crossEntropyOfProbabilities(group.flatMap(() => Array.from({ length: C }, (_, x) => oneHotRow(C, x))))).gradients;
    const hessians = klHessian ? ctx.tfjs.derivatives(group.map((c) => c.p), crossEntropyOfProbabilities(group.map((c) => c.p)), { hessian: true }).hessians! : undefined;
    return group.map((c, b) => {
      const fisher = Array.from({ length: C }, () => new Array<number>(C).fill(0));
      for (let x = 0; x < C; x++) {
        const s = scores[b * C + x]!;
        for (let i = 0; i < C; i++) for (let j = 0; j < C; j++) fisher[i]![j]! += c.p[x]! * s[i]! * s[j]!;
      }
      return { fisher, ...(hessians ? { klHessian: hessians[b]! } : {}) };
    });
  });
}
// Entries up to 1/min P; float32 rounding of P is relative u, which moves 1/P_i relatively by u (κ = 2 with the square of the score).
const fisherTolerance = (p: number[], dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: 2 * (p.length + elementary(1)) + p.length, scale: 1 / Math.min(...p), condition: 2 });
// The claim compares two tfjs float32 computations (scores and a nested Hessian): float32 on both sides, not ctx.dtypes.
const BOTH_TFJS = ['float32', 'float32'] as const;

export default defineItem({
  id: '4.3.22', kind: 'formula', section: '4.3.3',
  quote: String.raw`D_{KL}(P \parallel P + \delta) \approx \frac{1}{2} \delta^T I(P) \delta`,
  printed: String.raw`D_{KL}(P \parallel P + \delta) \approx \frac{1}{2} \delta^T I(P) \delta`,
  statement: 'For a perturbation δ that keeps P + δ a distribution (Σ δ = 0) and I(P) the Fisher information of 4.3.20 in the coordinates p '
    + '(= diag(1/P)), KL(P ‖ P + δ) = ½ δᵀ I(P) δ + O(‖δ‖³); the same holds in logits with I = diag(p̂) − p̂p̂ᵀ. The “≈” is second-order accuracy.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'KL(P ‖ P + hδ) − ½h² δᵀ diag(1/P) δ = O(h³) for tangent δ (Taylor rate ≥ 3)', role: 'claim', reference: ['taylor', 'impl'],
      arbitrary: tangentPerturbation(2, 8), runs: 'default',
      // |h| < 1 keeps P + hδ in the open simplex (|δ_i| ≤ P_i); first-order term Σ δ_i = 0.
      evaluate: (cases) => cases.map(({ P, delta }) => thirdOrder(taylorRates((q) => klDivergence(P, q), P, delta, 0,
        quadraticForm(categoricalFisherInProbabilities(P), delta), { h0: 0.5 }))),
    }),
    check({
      name: 'logits: KL(softmax z ‖ softmax(z + hv)) − ½h² vᵀ(diag p̂ − p̂p̂ᵀ)v = O(h³) (Taylor rate ≥ 3)', role: 'claim', reference: ['taylor', 'impl'],
      arbitrary: logitsWithClasses(2, 8, 6).chain((c) => nonZeroVector(c.C, 1).map((v) => ({ ...c, v }))), runs: 'default',
      evaluate: (cases) => cases.map(({ z, v }) => {
        const p = softmax(z);
        return thirdOrder(taylorRates((zz) => klDivergence(p, softmax(zz)), z, v, 0, quadraticForm(categoricalFisherInLogits(p), v)));
      }),
    }),
    check({
      name: 'I(P) by 4.3.20 in p-coordinates = ∇²_q KL(P ‖ q) at q = P (tfjs scores vs nested tfjs Hessian)', role: 'claim',
      reference: ['tfjs-grad', 'tfjs-hessian'], arbitrary: simplexWithClasses(2, 6).filter((c) => Math.min(...c.p) > 1e-6), runs: 'hessian',
      evaluate: (cases, ctx) => tfjsFisherAndKlHessian(cases, ctx).map(({ fisher, klHessian }, b) => agreement(fisher, klHessian!, fisherTolerance(cases[b]!.p, BOTH_TFJS))),
    }),
    check({
      name: 'subject categoricalFisherInProbabilities(P) ↔ tfjs I(P) by 4.3.20 in p-coordinates (exact Σ over the C outcomes)', role: 'subject',
      subject: 'categoricalFisherInProbabilities', reference: 'tfjs-grad', arbitrary: simplexWithClasses(2, 6).filter((c) => Math.min(...c.p) > 1e-6), runs: 'hessian',
      evaluate: (cases, ctx) => tfjsFisherAndKlHessian(cases, ctx, false).map(({ fisher }, b) =>
        agreement(ctx.subject.api.categoricalFisherInProbabilities!(cases[b]!.p), fisher, fisherTolerance(cases[b]!.p, ctx.dtypes))),
    }),
  ],
});
