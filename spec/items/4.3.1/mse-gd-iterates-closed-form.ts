import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { addMatrices, identity, matVec, scaleMatrix } from '../../../impl/index.ts';
import { gdData, gdGradientSubjectCheck, gdIterates, hessianOf, iterateTolerance, minimiser, norm, stepSize } from '../../support/gradientDescent.ts';

const STEPS = 20;

/** The predicted iterates w* + (I − ηH)^t (w_0 − w*), t = 0 … STEPS. */
function predicted(c: Parameters<typeof hessianOf>[0], eta: number): number[][] {
  const star = minimiser(c);
  const m = addMatrices(identity(c.d), scaleMatrix(hessianOf(c), -eta));
  const out: number[][] = [];
  let e = c.w.map((wi, i) => wi - star[i]!);
  for (let t = 0; t <= STEPS; t++) { out.push(e.map((ei, i) => star[i]! + ei)); e = matVec(m, e); }
  return out;
}


export default defineItem({
  id: 'mse-gd-iterates-closed-form', kind: 'claim', section: '4.3.1',
  quote: '且优化的收敛行为可以精确预测',
  statement: 'Gradient descent on the MSE of a linear model follows a closed form: with step η, w_t − w* = (I − ηH)^t (w_0 − w*), '
    + 'H = (1/N)XᵀX, so the distance to the minimiser shrinks by at least ρ = max_i |1 − ηλ_i(H)| per step.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'gradient-descent iterates ↔ w* + (I − ηH)^t (w_0 − w*), t ≤ 20, η = 1/λ_max', role: 'claim', reference: 'impl', arbitrary: gdData, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const eta = stepSize(c), run = gdIterates(c, eta, STEPS);
        return agreement(run, predicted(c, eta), iterateTolerance(c, eta, STEPS, run, ctx.dtypes));
      }),
    }),
    check({
      name: '‖w_t − w*‖ ≤ ρ^t ‖w_0 − w*‖, ρ = max |1 − ηλ_i| from the eigenvalue oracle (violation)', role: 'claim', reference: ['eigen', 'impl'], arbitrary: gdData, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const eta = stepSize(c), run = gdIterates(c, eta, STEPS), star = minimiser(c);
        const rho = Math.max(...ctx.eigen.values(hessianOf(c)).map((l) => Math.abs(1 - eta * l)));
        const e0 = norm(c.w.map((wi, i) => wi - star[i]!));
        // Worst step of the run: the violation of ‖e_t‖ ≤ ρ^t ‖e_0‖ (a sharp bound along the slowest eigendirection).
        let worst = 0;
        run.forEach((w, t) => { worst = Math.max(worst, norm(w.map((wi, i) => wi - star[i]!)) - rho ** t * e0); });
        return notAbove(worst, 0, Math.sqrt(c.d) * iterateTolerance(c, eta, STEPS, run, ctx.dtypes));
      }),
    }),
    gdGradientSubjectCheck,
  ],
});
