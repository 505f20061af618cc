// Generators for Bayes-decision and multi-task items: noise models of the additive model
// y = f*(x) + ε, regression points, per-case Monte Carlo seeds, and task gradients.
import fc from 'fast-check';
import { between, real, vector } from './index.ts';

/** A per-case Monte Carlo seed (shrinks toward 0; a shrunk case replays its own draws). */
export const monteCarloSeed = () => fc.integer({ min: 0, max: 2 ** 31 - 2 });

export type NoiseKind = 'gaussian' | 'laplace' | 'exponential';

/**
 * A noise distribution by kind, mean and standard deviation sd ∈ [0.2, 3]. The exponential is
 * skewed (its median ≠ its mean), so mean- and median-claims can be told apart.
 */
export interface NoiseSpec { kind: NoiseKind; mean: number; sd: number }

/** Noise with E ε = 0 (the text's assumption), or with E ε = ±(1..3)·sd when `nonzeroMean`. */
export function noiseSpec(options: { kinds?: NoiseKind[]; nonzeroMean?: boolean } = {}): fc.Arbitrary<NoiseSpec> {
  const kinds = options.kinds ?? ['gaussian', 'laplace', 'exponential'];
  return fc.record({
    kind: fc.constantFrom(...kinds), sd: between(0.2, 3),
    offset: options.nonzeroMean ? fc.tuple(fc.constantFrom(-1, 1), between(1, 3)) : fc.constant([1, 0] as [number, number]),
  }).map(({ kind, sd, offset: [sign, k] }) => ({ kind, sd, mean: sign * k * sd }));
}

/** A point x ∈ [−2, 2]^d and a linear target f*(x) = wᵀx + b. */
export interface TargetPoint { x: number[]; w: number[]; b: number }
export function targetPoint(d: [number, number] = [1, 4]): fc.Arbitrary<TargetPoint> {
  return fc.integer({ min: d[0], max: d[1] }).chain((n) => fc.record({ x: vector(n, 2), w: vector(n, 2), b: real(2) }));
}

/** K task gradients in R^d with magnitudes spread over 10^{−3}…10^{3} (task losses of different scales), none zero. */
export function taskGradients(limits: { tasks?: [number, number]; d?: [number, number] } = {}): fc.Arbitrary<number[][]> {
  const [kLo, kHi] = limits.tasks ?? [2, 4], [dLo, dHi] = limits.d ?? [1, 6];
  return fc.record({ k: fc.integer({ min: kLo, max: kHi }), d: fc.integer({ min: dLo, max: dHi }) }).chain(({ k, d }) =>
    fc.array(fc.record({ v: vector(d, 1), log10Scale: between(-3, 3) })
      .filter(({ v }) => v.some((x) => x !== 0))
      .map(({ v, log10Scale }) => v.map((x) => x * 10 ** log10Scale)), { minLength: k, maxLength: k }));
}

/** Positive task weights w_k ∈ [0.1, 10]. */
export function taskWeights(k: number): fc.Arbitrary<number[]> {
  return fc.array(between(0.1, 10), { minLength: k, maxLength: k });
}

/** Class probabilities P(y|x) over C ∈ [2, 6] classes with every entry ≥ 1/(100·C): rare classes still get ~40 of 20 000 Monte Carlo draws. */
export function classProbabilities(classes: [number, number] = [2, 6]): fc.Arbitrary<number[]> {
  return fc.integer({ min: classes[0], max: classes[1] }).chain((c) =>
    fc.array(fc.integer({ min: 1, max: 100 }), { minLength: c, maxLength: c })
      .map((w) => { const s = w.reduce((a, b) => a + b, 0); return w.map((x) => x / s); }));
}

/** Two tasks sharing θ = w ∈ R^d: linear regression (X_r, y_r) and logistic classification (X_c, labels y_c), with task weights. */
export interface TwoTaskCase { d: number; w: number[]; xReg: number[][]; yReg: number[]; xCls: number[][]; yCls: number[]; taskWeights: number[] }
export function twoTaskCase(): fc.Arbitrary<TwoTaskCase> {
  return fc.record({ d: fc.integer({ min: 1, max: 4 }), nr: fc.integer({ min: 1, max: 6 }), nc: fc.integer({ min: 1, max: 6 }) })
    .chain(({ d, nr, nc }) => fc.record({
      w: vector(d, 2),
      xReg: fc.array(vector(d, 2), { minLength: nr, maxLength: nr }), yReg: vector(nr, 3),
      xCls: fc.array(vector(d, 2), { minLength: nc, maxLength: nc }), yCls: fc.array(fc.constantFrom(0, 1), { minLength: nc, maxLength: nc }),
      taskWeights: taskWeights(2),
    }).map((r) => ({ d, ...r })));
}

/** Task gradients with weights, none zero. */
export const weightedTaskGradients = (limits: Parameters<typeof taskGradients>[0] = {}) =>
  taskGradients(limits).chain((g) => taskWeights(g.length).map((w) => ({ g, w })));

/** As weightedTaskGradients, with one task at a stationary point: g_k = 0 for a chosen k. */
export const weightedTaskGradientsWithZero = () =>
  fc.record({ gw: weightedTaskGradients(), pick: fc.nat(100) }).map(({ gw: { g, w }, pick }) => {
    const k = pick % g.length;
    return { g: g.map((gk, j) => (j === k ? gk.map(() => 0) : gk)), w, zero: k };
  });
