import { check, defineItem, type Outcome } from '../../engine/item.ts';
import type { Dtype } from '../../engine/tolerance.ts';
import { agreement } from '../../engine/close.ts';
import { readoutCase, type ReadoutCase } from '../../domains/positional.ts';
import { transformerWindow, type RegressionCase, type SinusoidWindow } from '../../domains/index.ts';
import { rng } from '../../../oracles/monteCarlo.ts';
import { differentFrequency, encodingMatrix, frequenciesOf, gramTolerance, numericGram, windowAverageExcess } from '../../support/sinusoids.ts';
import { linearGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

/** The case as a linear read-out ŷ_p = wᵀe(p) of the window's basis, with Gaussian weights and per-position targets from its seed. */
function readout({ window, seed }: ReadoutCase): RegressionCase {
  const X = encodingMatrix(window), r = rng(seed);
  return { d: X[0]!.length, N: X.length, X, w: X[0]!.map(() => r.gaussian()), y: X.map(() => r.gaussian()), b: 0 };
}

/** The gradient (1/L)Σ_p r_p e_a(p) of ½·mean_p (ŷ_p − t_p)², per basis function a: the error signal projected on each basis function. */
function projections(c: RegressionCase): number[] {
  const residual = c.X.map((x, p) => x.reduce((s, xa, a) => s + xa * c.w[a]!, 0) - c.y[p]!);
  return c.w.map((_, a) => residual.reduce((s, rp, p) => s + rp * c.X[p]![a]!, 0) / c.N);
}

/**
 * An error signal that is one basis function, r = e_b, gives the weight of e_a the gradient (1/L)G_ab. Measured: the largest
 * |G_ab|/G_bb over a, b of different frequencies, i.e. how much an error at the scale of b moves another scale's weight per unit it
 * moves its own; held to the rounding of the window sums (gramTolerance) over G_bb.
 */
function leakage(w: SinusoidWindow, dtypes: readonly [Dtype, Dtype]): Outcome {
  const g = numericGram(w), omega = frequenciesOf(w);
  let value = 0, at = [0, 0], bound = 0;
  g.forEach((column, b) => column.forEach((gab, a) => {
    if (!differentFrequency(a, b)) return;
    const ratio = Math.abs(gab) / g[b]![b]!;
    if (ratio > value) { value = ratio; at = [a, b]; }
    bound = Math.max(bound, (2 * gramTolerance(w, dtypes)) / g[b]![b]!);
  }));
  const column = (a: number) => `${a % 2 ? 'cos' : 'sin'}(${omega[a >> 1]!.toPrecision(4)}·p)`;
  return { value, bound, note: `L = ${w.length}: an error r = ${column(at[1]!)} moves the weight of ${column(at[0]!)} by ${value.toPrecision(4)} of what it moves its own` };
}

/**
 * The window-average side: an error signal r = e_b (targets t = −e_b with w = 0) gives every weight a the gradient (1/L)G_ab,
 * taken here from the gradient formula the claim check holds to autodiff. Within B_ab/L of ½δ_ab (Dirichlet kernel,
 * support/sinusoids.ts): ½ on the weights of its own frequency's column, at most B_ab/L → 0 on another frequency's. The bound
 * is sharp, so the measured value is the excess over it, held to the rounding of the window sums over L.
 */
function windowAverageGradients(w: SinusoidWindow, dtypes: readonly [Dtype, Dtype]): Outcome {
  const X = encodingMatrix(w), L = X.length, columns = X[0]!.length;
  const gradients = Array.from({ length: columns }, (_, b) => projections({ d: columns, N: L, X, w: X[0]!.map(() => 0), y: X.map((x) => -x[b]!), b: 0 }));
  const { excess, ratio, largestB } = windowAverageExcess(w, (a, b) => gradients[b]![a]!);
  return { value: excess, bound: gramTolerance(w, dtypes) / L,
    note: `L = ${L}, d = ${columns}: the largest gradient off ½δ_ab is ${ratio.toFixed(4)} of its bound B/L (max B/L = ${(largestB / L).toPrecision(3)})` };
}

export default defineItem({
  id: 'position-error-propagation', kind: 'claim', section: '4.3.5',
  quote: '损失函数对不同位置误差的惩罚会通过这些正交基函数传播，影响模型对不同尺度位置信息的利用程度',
  statement: 'The loss\'s penalty on the errors at the positions reaches the model through the basis functions, scale by scale: for a linear '
    + 'read-out ŷ_p = wᵀe(p) of the encoding trained on per-position squared errors, the gradient on the weight of basis function e_a is the '
    + 'projection (1/L)Σ_p r_p e_a(p) of the error signal r on e_a, so an error signal at one scale (r = e_b) drives the weights of that scale alone.',
  reading: '"传播" is read for the simplest model that uses the encoding, a linear read-out trained with squared error per position; any deeper '
    + 'model receives the loss through a read-out of the encoding in the same way (the chain rule ends in such a projection). "这些正交基函数" '
    + 'presumes the orthogonality of the sentence before (sinusoidal-orthogonal-basis): it is what makes each scale\'s weights answer to the '
    + 'error at that scale alone.',
  condition: 'The basis functions are orthogonal over the window of positions, under the same conditions as in sinusoidal-orthogonal-basis: '
    + 'exactly when every frequency is a harmonic 2πk/L of the window, and for the Transformer frequencies only in the window average as '
    + 'L → ∞ (an error r = e_b moves the weight of another frequency by at most B_ab/L, Dirichlet kernel, and its own by ½ ± B_bb/L). '
    + 'Over realistic windows the Transformer frequencies are not orthogonal, and an error at one scale also drives the weights of other '
    + 'scales, in some windows more than its own.',
  errata: ['sinusoidal-basis-not-orthogonal'],
  notes: 'Second reading: the condition named only harmonic windows, while sinusoidal-orthogonal-basis also names the long-window average '
    + '(L → ∞); the two should agree. Settled: the condition names both, as sinusoidal-orthogonal-basis does, and a condition check covers '
    + 'the L → ∞ side: for the Transformer frequencies the gradient an error r = e_b puts on each weight stays within B_ab/L of ½δ_ab.',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'linear read-out of the encoding: ∂/∂w_a of ½·mean_p (ŷ_p − t_p)² (tfjs autodiff) ↔ (1/L)Σ_p r_p e_a(p), every a (Transformer and harmonic windows)',
      role: 'claim', reference: 'tfjs-grad', arbitrary: readoutCase(), runs: 100,
      evaluate: (cs, ctx) => {
        const data = cs.map(readout);
        const ref = tfjsLinearModel(data, ctx, 'linear-mse', 'half');
        return data.map((c, b) => agreement(projections(c), ref[b]!.gradient, linearGradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'harmonic frequencies 2πk/L: an error r = e_b moves no weight of another frequency (|G_ab|/G_bb = 0)', role: 'condition',
      reference: 'impl', arbitrary: readoutCase('harmonic'), runs: 100,
      evaluate: (cs, ctx) => cs.map((c) => leakage(c.window, ctx.dtypes)),
    }),
    check({
      name: 'Transformer frequencies, window average: the gradient (1/L)Σ_p e_b(p)e_a(p) an error r = e_b puts on weight a is within B_ab/L '
        + '(Dirichlet kernel, sharp) of ½δ_ab, so → 0 on other frequencies as L → ∞; measured: the excess over B_ab/L',
      role: 'condition', reference: ['impl', 'closed-form'], arbitrary: transformerWindow(), runs: 100,
      evaluate: (ws, ctx) => ws.map((w) => windowAverageGradients(w, ctx.dtypes)),
    }),
    check({
      name: 'Transformer frequencies 10000^{−2i/d}, L ∈ [16, 256]: an error r = e_b moves no weight of another frequency (|G_ab|/G_bb = 0)',
      role: 'outside-condition', reference: 'impl', arbitrary: readoutCase('transformer'), runs: 100,
      evaluate: (cs, ctx) => cs.map((c) => leakage(c.window, ctx.dtypes)),
    }),
  ],
});
