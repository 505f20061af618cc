// Shared domain generators, named for the math. Items never build ad-hoc floats: fc.double({min,max})
// puts ~90% of its values below 1e-10 in magnitude, so reals here are scaled integers (uniform on a
// grid of 2·10⁶ points), and distributions are built from them.
import fc from 'fast-check';

const GRID = 1_000_000;

/** Uniform real in [−range, range] on a grid of 2·10⁶ + 1 points (shrinks toward 0). */
export function real(range: number): fc.Arbitrary<number> {
  return fc.integer({ min: -GRID, max: GRID }).map((i) => (i / GRID) * range);
}

/** Uniform real in [lo, hi] (shrinks toward lo). */
export function between(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: GRID }).map((i) => lo + (i / GRID) * (hi - lo));
}

export function vector(length: number, range: number): fc.Arbitrary<number[]> {
  return fc.array(real(range), { minLength: length, maxLength: length });
}

/**
 * As vector, with v ≠ 0: a direction, for a derivative along v or a normalisation v/‖v‖. vector(n, r) draws
 * the zero vector about once in 10⁵ cases for n = 2 (fast-check's bias toward small integers); a filter
 * draws again only where it rejects, so every other case is the one vector draws.
 */
export function nonZeroVector(length: number, range: number): fc.Arbitrary<number[]> {
  return vector(length, range).filter((v) => v.some((x) => x !== 0));
}

export function matrix(rows: number, cols: number, range: number): fc.Arbitrary<number[][]> {
  return fc.array(vector(cols, range), { minLength: rows, maxLength: rows });
}

/** Logits z ∈ [−scale, scale]^C. */
export function logits(classes: number, scale = 8): fc.Arbitrary<number[]> {
  return vector(classes, scale);
}

/** A one-hot target over C classes. */
export function oneHot(classes: number): fc.Arbitrary<number[]> {
  return fc.nat(classes - 1).map((c) => Array.from({ length: classes }, (_, i) => (i === c ? 1 : 0)));
}

/**
 * A point of the probability simplex Δ^{C−1} with every entry > 0. With nearVertex, mass 1 − ε sits on
 * one vertex, ε ∈ [1e-12, 1e-1] log-uniform, so saturated predictions are reached.
 */
export function simplexPoint(classes: number, options: { nearVertex?: boolean } = {}): fc.Arbitrary<number[]> {
  const weights = fc.array(fc.integer({ min: 1, max: GRID }), { minLength: classes, maxLength: classes });
  const interior = weights.map((w) => { const s = w.reduce((a, b) => a + b, 0); return w.map((x) => x / s); });
  if (!options.nearVertex) return interior;
  return fc.record({ q: interior, vertex: fc.nat(classes - 1), log10Eps: between(-12, -1) })
    .map(({ q, vertex, log10Eps }) => {
      const eps = 10 ** log10Eps;
      return q.map((qi, i) => eps * qi + (i === vertex ? 1 - eps : 0));
    });
}

export interface Dimensions { d: number; C: number; N: number }

export function dimensions(limits: { d?: [number, number]; C?: [number, number]; N?: [number, number] } = {}): fc.Arbitrary<Dimensions> {
  const [dLo, dHi] = limits.d ?? [1, 5], [cLo, cHi] = limits.C ?? [2, 5], [nLo, nHi] = limits.N ?? [1, 6];
  return fc.record({ d: fc.integer({ min: dLo, max: dHi }), C: fc.integer({ min: cLo, max: cHi }), N: fc.integer({ min: nLo, max: nHi }) });
}

export interface SoftmaxRegressionCase extends Dimensions {
  /** Weights, d×C. */
  W: number[][];
  /** Inputs, N×d. */
  X: number[][];
  /** One-hot targets, N×C. */
  P: number[][];
}

/** Softmax regression: W ∈ [−wRange, wRange]^{d×C}, X ∈ [−xRange, xRange]^{N×d}, one-hot targets. */
export function softmaxRegressionCase(
  limits: Parameters<typeof dimensions>[0] = {}, ranges: { w?: number; x?: number } = {},
): fc.Arbitrary<SoftmaxRegressionCase> {
  const wRange = ranges.w ?? 2, xRange = ranges.x ?? 2;
  return dimensions(limits).chain((dims) => fc.record({
    W: matrix(dims.d, dims.C, wRange),
    X: matrix(dims.N, dims.d, xRange),
    P: fc.array(oneHot(dims.C), { minLength: dims.N, maxLength: dims.N }),
  }).map((data) => ({ ...dims, ...data })));
}

export interface RegressionCase { d: number; N: number; X: number[][]; y: number[]; w: number[]; b: number }

/** Linear regression data: X ∈ [−2, 2]^{N×d}, targets y ∈ [−yRange, yRange], parameters w, b ∈ [−2, 2]. */
export function regressionCase(limits: { d?: [number, number]; N?: [number, number] } = {}, yRange = 3): fc.Arbitrary<RegressionCase> {
  const [dLo, dHi] = limits.d ?? [1, 5], [nLo, nHi] = limits.N ?? [1, 8];
  return fc.record({ d: fc.integer({ min: dLo, max: dHi }), N: fc.integer({ min: nLo, max: nHi }) }).chain(({ d, N }) =>
    fc.record({ X: matrix(N, d, 2), y: vector(N, yRange), w: vector(d, 2), b: real(2) }).map((r) => ({ d, N, ...r })));
}

/** Binary classification data: as regressionCase, with labels y ∈ {0, 1}. */
export function binaryClassificationCase(limits: { d?: [number, number]; N?: [number, number] } = {}): fc.Arbitrary<RegressionCase> {
  const [dLo, dHi] = limits.d ?? [1, 5], [nLo, nHi] = limits.N ?? [1, 8];
  return fc.record({ d: fc.integer({ min: dLo, max: dHi }), N: fc.integer({ min: nLo, max: nHi }) }).chain(({ d, N }) =>
    fc.record({
      X: matrix(N, d, 2),
      y: fc.array(fc.constantFrom(0, 1), { minLength: N, maxLength: N }),
      w: vector(d, 2), b: real(2),
    }).map((r) => ({ d, N, ...r })));
}

export * from './saturation.ts';
export * from './convexity.ts';
export * from './decision.ts';
export * from './attention.ts';
export * from './geometry.ts';
export * from './extreme.ts';
export * from './contrastive.ts';
export * from './sinusoids.ts';
