import { check, defineItem } from '../../engine/item.ts';
import type { RegressionCase } from '../../domains/index.ts';
import type { Dtype } from '../../engine/tolerance.ts';
import { symmetricEigen } from '../../../impl/index.ts';
import { gdData, gdGradientSubjectCheck, gdIterates, hessianOf, iterateTolerance, minimiser, norm, stepSize } from '../../support/gradientDescent.ts';

const STEPS = 10;

/**
 * How far the path w_0, w_1, …, w_T bends: the largest distance of an iterate from the straight line through
 * w_0 and w_T, relative to the path's length ‖w_T − w_0‖ (0 for a straight path).
 */
function bend(run: number[][]): { value: number; scale: number } {
  const w0 = run[0]!, wT = run[run.length - 1]!;
  const u = wT.map((x, i) => x - w0[i]!), length = norm(u);
  let worst = 0;
  for (const w of run) {
    const r = w.map((x, i) => x - w0[i]!);
    const along = r.reduce((s, x, i) => s + x * u[i]!, 0) / (length * length);
    worst = Math.max(worst, norm(r.map((x, i) => x - along * u[i]!)));
  }
  return { value: worst / length, scale: length };
}

/**
 * Starts away from the minimiser: a path of length 0 has no direction to bend from (a soak seed drew y = 0 and
 * w = 0 = w*, and the bend was 0/0). A generic start is one a float64 run can tell from w*: farther than √u
 * relative, the distance below which the path's first step is mostly the rounding of w* itself.
 */
const awayFromMinimiser = gdData.filter((c) => {
  const star = minimiser(c);
  return norm(c.w.map((wi, i) => wi - star[i]!)) > Math.sqrt(Number.EPSILON) * (1 + norm(star));
});

/** A start on the line through w* along the eigenvector of H with the smallest eigenvalue (the slowest direction), at the distance of c.w. */
function eigenStart(c: RegressionCase): number[] {
  const { vectors } = symmetricEigen(hessianOf(c));
  const v = vectors[0]!, star = minimiser(c);
  const r = norm(c.w.map((wi, i) => wi - star[i]!));
  return star.map((s, i) => s + r * v[i]!);
}

// The path is at least as long as one step; the bend of float64 iterates is their rounding relative to it.
const relativeTolerance = (c: RegressionCase, eta: number, run: number[][], dtypes: readonly [Dtype, Dtype]) => iterateTolerance(c, eta, STEPS, run, dtypes) / bend(run).scale;

export default defineItem({
  id: 'mse-gd-trajectory-straight', kind: 'claim', section: '4.3.1',
  quote: '优化轨迹是线性的',
  statement: 'Because the curvature of the MSE is constant, the trajectory of gradient descent on it is linear: the iterates lie on a straight line.',
  reading: '“优化轨迹是线性的” is read as a straight path of the iterates in parameter space — the picture of the clause before it (equally steep in '
    + 'every direction), where gradient descent runs straight to the minimum. That the iteration is a linear map of the error, '
    + 'w_{t+1} − w* = (I − ηH)(w_t − w*), is a different statement, the predictability the sentence names next (mse-gd-iterates-closed-form).',
  correction: {
    statement: 'Each eigen-component of w_t − w* contracts by its own factor 1 − ηλ_i, so the path bends towards the directions of slow curvature; '
      + 'it is straight only when w_0 − w* lies in one eigenspace of H = (1/N)XᵀX (or H is a multiple of the identity).',
    latex: String.raw`w_t - w^* = \sum_i (1 - \eta\lambda_i)^t \langle w_0 - w^*, u_i\rangle\, u_i,\quad H u_i = \lambda_i u_i`,
  },
  notes: 'Second reading: whether “优化轨迹是线性的” could mean linear dynamics, the iteration w_{t+1} − w* = (I − ηH)(w_t − w*), rather than a straight '
    + 'path. Settled: it stays refuted, and the reader agreed: 轨迹 is the path of the iterates, and straight is the meaning the clause before it '
    + '(the same steepness in every direction) intends; the linear-dynamics reading is mse-gd-iterates-closed-form, which holds.',
  errata: ['constant-curvature-read-as-isotropic'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'gradient-descent path from a generic start is straight (bend = 0), η = 1/λ_max', role: 'claim', reference: 'impl', arbitrary: awayFromMinimiser, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const eta = stepSize(c), run = gdIterates(c, eta, STEPS);
        return { value: bend(run).value, bound: relativeTolerance(c, eta, run, ctx.dtypes) };
      }),
    }),
    check({
      name: 'correction: from a start on an eigenvector of H through w*, the path is straight', role: 'correction', reference: 'impl', arbitrary: awayFromMinimiser, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const eta = stepSize(c), run = gdIterates(c, eta, STEPS, eigenStart(c));
        // The start itself carries the eigenvector's rounding (Jacobi: a few u relative, times κ(XᵀX) in w*).
        return { value: bend(run).value, bound: relativeTolerance(c, eta, run, ctx.dtypes) };
      }),
    }),
    gdGradientSubjectCheck,
  ],
});
