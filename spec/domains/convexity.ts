// Generators for chord (convexity) and strong-convexity checks: a chord is two parameter points and a
// mixing weight λ ∈ [0, 1]; designs with N > d give (almost surely) a full-rank Gram matrix XᵀX.
import fc from 'fast-check';
import { UNIT_ROUNDOFF } from '../engine/tolerance.ts';
import { between, matrix, oneHot, simplexPoint, vector, type RegressionCase } from './index.ts';

export interface Chord<P> { a: P; b: P; lambda: number }

/** Two points of [−range, range]^n and λ ∈ [0, 1]. */
export function chord(n: number, range: number): fc.Arbitrary<Chord<number[]>> {
  return fc.record({ a: vector(n, range), b: vector(n, range), lambda: between(0, 1) });
}

/** Linear-regression data (x ∈ [−2, 2]^d, y ∈ [−3, 3]) with a chord in w. */
export function regressionChord(limits: { d?: [number, number]; N?: [number, number] } = {}, range = 3):
fc.Arbitrary<{ X: number[][]; y: number[]; chord: Chord<number[]> }> {
  const [dLo, dHi] = limits.d ?? [1, 5], [nLo, nHi] = limits.N ?? [1, 6];
  return fc.record({ d: fc.integer({ min: dLo, max: dHi }), N: fc.integer({ min: nLo, max: nHi }) }).chain(({ d, N }) =>
    fc.record({ X: matrix(N, d, 2), y: vector(N, 3), chord: chord(d, range) }));
}

/** Softmax-regression data (x ∈ [−2, 2]^d, one-hot targets) with a chord in vec(W), W ∈ [−range, range]^{d×C}. */
export function softmaxRegressionChord(limits: { d?: [number, number]; C?: [number, number]; N?: [number, number] } = {}, range = 3):
fc.Arbitrary<{ d: number; C: number; X: number[][]; P: number[][]; chord: Chord<number[]> }> {
  const [dLo, dHi] = limits.d ?? [1, 4], [cLo, cHi] = limits.C ?? [2, 4], [nLo, nHi] = limits.N ?? [1, 5];
  return fc.record({ d: fc.integer({ min: dLo, max: dHi }), C: fc.integer({ min: cLo, max: cHi }), N: fc.integer({ min: nLo, max: nHi }) })
    .chain(({ d, C, N }) => fc.record({
      X: matrix(N, d, 2), P: fc.array(oneHot(C), { minLength: N, maxLength: N }), chord: chord(d * C, range),
    }).map((r) => ({ d, C, ...r })));
}

/** A target distribution p and a chord between two interior points q₁, q₂ of the simplex (C classes). */
export function simplexChord(classes: [number, number] = [2, 5]): fc.Arbitrary<{ p: number[]; chord: Chord<number[]> }> {
  return fc.integer({ min: classes[0], max: classes[1] }).chain((C) => fc.record({
    p: simplexPoint(C), chord: fc.record({ a: simplexPoint(C), b: simplexPoint(C), lambda: between(0, 1) }),
  }));
}

/**
 * The largest condition number κ(XᵀX) an overdetermined design may have: κ·u ≤ 2⁻⁷, so a backward-stable
 * solve with XᵀX still gets about two digits right (u = 2⁻⁵³; the bound is 2⁴⁶ ≈ 7·10¹³).
 */
export const MAX_GRAM_CONDITION = 2 ** -7 / UNIT_ROUNDOFF.float64;

/**
 * An upper bound on κ(XᵀX) from its Cholesky factorisation: λ_max ≤ tr G and det G = Πλ ≤ λ_min·λ_max^{d−1},
 * so κ ≤ (tr G)^d / det G. Infinity when a pivot is not positive (G singular to working precision).
 */
function gramConditionBound(X: number[][]): number {
  const d = X[0]!.length;
  const G = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[i]! * x[j]!, 0)));
  const L = G.map((row) => row.map(() => 0));
  let det = 1;
  for (let j = 0; j < d; j++) {
    const pivot = G[j]![j]! - L[j]!.reduce((s, l, k) => (k < j ? s + l * l : s), 0);
    if (!(pivot > 0)) return Infinity;
    L[j]![j] = Math.sqrt(pivot);
    det *= pivot;
    for (let i = j + 1; i < d; i++) L[i]![j] = (G[i]![j]! - L[i]!.reduce((s, l, k) => (k < j ? s + l * L[j]![k]! : s), 0)) / L[j]![j]!;
  }
  return G.reduce((s, row, i) => s + row[i]!, 0) ** d / det;
}

/**
 * Regression data with more samples than features (N ∈ [d + 1, d + extra]) and XᵀX positive definite with
 * κ(XᵀX) ≤ MAX_GRAM_CONDITION (certified by gramConditionBound; a design that fails it is drawn again). κ is
 * below 10³ for 99% of designs but reaches 10⁸ and more where fast-check's bias toward small integers gives
 * a column of entries ~10⁻⁵. The certificate rules out an exactly singular XᵀX (a zero column, equal
 * columns), which the solves of the strong-convexity items cannot take; it rejected none of 5.4·10⁵ designs
 * (68 seeds including the default, 99 and 2024, 8000 cases each), so at those seeds every case is unchanged.
 */
export function overdeterminedRegression(dRange: [number, number] = [1, 4], extra = 5): fc.Arbitrary<RegressionCase> {
  return fc.integer({ min: dRange[0], max: dRange[1] }).chain((d) => fc.integer({ min: d + 1, max: d + extra }).chain((N) =>
    fc.record({ X: matrix(N, d, 2).filter((X) => gramConditionBound(X) <= MAX_GRAM_CONDITION), y: vector(N, 3), w: vector(d, 2) })
      .map((r) => ({ d, N, ...r, b: 0 }))));
}

/** Regression data with fewer samples than features (N < d): XᵀX is singular. */
export function underdeterminedRegression(dRange: [number, number] = [2, 5]): fc.Arbitrary<RegressionCase> {
  return fc.integer({ min: dRange[0], max: dRange[1] }).chain((d) => fc.integer({ min: 1, max: d - 1 }).chain((N) =>
    fc.record({ X: matrix(N, d, 2), y: vector(N, 3), w: vector(d, 2) }).map((r) => ({ d, N, ...r, b: 0 }))));
}

