import { check, defineItem, type Outcome } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { readoutCase, type ReadoutCase } from '../../domains/positional.ts';
import type { RegressionCase, SinusoidWindow } from '../../domains/index.ts';
import { rng } from '../../../oracles/monteCarlo.ts';
import { differentFrequency, encodingMatrix, frequenciesOf, gramTolerance, numericGram } from '../../support/sinusoids.ts';
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
function leakage(w: SinusoidWindow): Outcome {
  const g = numericGram(w), omega = frequenciesOf(w);
  let value = 0, at = [0, 0], bound = 0;
  g.forEach((column, b) => column.forEach((gab, a) => {
    if (!differentFrequency(a, b)) return;
    const ratio = Math.abs(gab) / g[b]![b]!;
    if (ratio > value) { value = ratio; at = [a, b]; }
    bound = Math.max(bound, (2 * gramTolerance(w)) / g[b]![b]!);
  }));
  const column = (a: number) => `${a % 2 ? 'cos' : 'sin'}(${omega[a >> 1]!.toPrecision(4)}·p)`;
  return { value, bound, note: `L = ${w.length}: an error r = ${column(at[1]!)} moves the weight of ${column(at[0]!)} by ${value.toPrecision(4)} of what it moves its own` };
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
  condition: 'The basis functions are orthogonal over the window of positions (harmonic frequencies 2πk/L, as in sinusoidal-orthogonal-basis). '
    + 'With the Transformer frequencies they are not, and an error at one scale also drives the weights of other scales, in some windows more '
    + 'than its own.',
  errata: ['sinusoidal-basis-not-orthogonal'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'linear read-out of the encoding: ∂/∂w_a of ½·mean_p (ŷ_p − t_p)² (tfjs autodiff) ↔ (1/L)Σ_p r_p e_a(p), every a (Transformer and harmonic windows)',
      role: 'claim', oracle: tfjsGrad, arbitrary: readoutCase(), runs: 100,
      evaluate: (cs, ctx) => {
        const data = cs.map(readout);
        const ref = tfjsLinearModel(data, ctx, 'linear-mse', 'half');
        return data.map((c, b) => agreement(projections(c), ref[b]!.gradient, linearGradientTolerance(c)));
      },
    }),
    check({
      name: 'harmonic frequencies 2πk/L: an error r = e_b moves no weight of another frequency (|G_ab|/G_bb = 0)', role: 'condition',
      oracle: 'impl gram of the encoding matrix (float64)', arbitrary: readoutCase('harmonic'), runs: 100,
      evaluate: (cs) => cs.map((c) => leakage(c.window)),
    }),
    check({
      name: 'Transformer frequencies 10000^{−2i/d}, L ∈ [16, 256]: an error r = e_b moves no weight of another frequency (|G_ab|/G_bb = 0)',
      role: 'outside-condition', oracle: 'impl gram of the encoding matrix (float64)', arbitrary: readoutCase('transformer'), runs: 100,
      evaluate: (cs) => cs.map((c) => leakage(c.window)),
    }),
  ],
});
