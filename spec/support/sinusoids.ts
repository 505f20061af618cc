// Gram matrices of sinusoidal position features, two ways: summed numerically over the window from the
// encoding matrix (impl/ for the Transformer encoding), and in closed form from the Dirichlet-kernel
// oracle (oracles/trigonometricSums.ts), qualified once on windows whose sums are known exactly.
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import type { SinusoidWindow } from '../domains/index.ts';
import { gram, sinusoidalEncoding } from '../../impl/index.ts';
import { sinusoidGram } from '../../oracles/trigonometricSums.ts';
import { useReference } from '../engine/references.ts';

/** The Transformer's frequencies as printed by Vaswani et al. (2017): ω_i = 1/10000^{2i/d}, i = 0 … d/2 − 1. */
export const transformerFrequencies = (d: number) => Array.from({ length: d / 2 }, (_, i) => 1 / 10000 ** ((2 * i) / d));

export function frequenciesOf(w: SinusoidWindow): number[] {
  return w.family === 'transformer' ? transformerFrequencies(w.d) : w.harmonics.map((k) => (2 * Math.PI * k) / w.length);
}

/**
 * The L × 2K feature matrix, rows p = 0 … L − 1, columns (sin ω_k p, cos ω_k p) interleaved; the Transformer's rows from `encode`
 * (impl's sinusoidalEncoding unless another implementation's is given).
 */
export function encodingMatrix(w: SinusoidWindow, encode: (position: number, d: number) => number[] = sinusoidalEncoding): number[][] {
  if (w.family === 'transformer') return Array.from({ length: w.length }, (_, p) => encode(p, w.d));
  const omega = frequenciesOf(w);
  return Array.from({ length: w.length }, (_, p) => omega.flatMap((o) => [Math.sin(o * p), Math.cos(o * p)]));
}

const gramCache = new Map<string, number[][]>();
/** Σ_p e_a(p) e_b(p), summed over the window (impl gram); memoised, as several checks measure the same windows. */
export function numericGram(w: SinusoidWindow): number[][] {
  const key = w.family === 'transformer' ? `t:${w.length}:${w.d}` : `h:${w.length}:${w.harmonics.join(',')}`;
  let g = gramCache.get(key);
  if (!g) { g = gram(encodingMatrix(w)); gramCache.set(key, g); }
  return g;
}

/** The closed-form Gram (Dirichlet kernel); the running check must have declared 'trig-sums', which the engine qualifies on exactly known window sums. */
export function closedFormGram(w: SinusoidWindow): number[][] {
  useReference('trig-sums');
  return sinusoidGram(frequenciesOf(w), w.length);
}

/**
 * Tolerance for a Gram entry (numeric sum vs closed form): L products of sines/cosines of size ≤ 1
 * (S = L); an angle ωp ≤ ω_max·L is rounded relative to its size, and the closed form's θ = ω_a ± ω_b
 * moves Σ cos(θp) by ≤ |δθ|·L²/2, both a condition of ≈ L·(1 + 2ω_max) relative to S.
 */
export function gramTolerance(w: SinusoidWindow, dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']): number {
  const omegaMax = Math.max(...frequenciesOf(w));
  return tolerance({ dtypes, operations: w.length + elementary(3) + 4, scale: w.length, condition: 1 + w.length * (1 + 2 * omegaMax) });
}

/** Normalised Gram N_ab = G_ab/√(G_aa G_bb): the cosine similarity of two columns as functions of p. */
export function normalisedGram(g: number[][]): number[][] {
  return g.map((row, a) => row.map((x, b) => x / Math.sqrt(g[a]![a]! * g[b]![b]!)));
}

/** Columns a, b belong to different frequencies (interleaved sin/cos: column a has frequency ⌊a/2⌋). */
export const differentFrequency = (a: number, b: number) => (a >> 1) !== (b >> 1);

/**
 * |Σ_p cos(θp)|, |Σ_p sin(θp)| ≤ 1/|sin(θ/2)| (Dirichlet kernel), so by product-to-sum the window average
 * (1/L)·G deviates from ½·I entrywise by at most B_ab/L, with B_ab = ½(1/|sin((ω_i−ω_j)/2)| + 1/|sin((ω_i+ω_j)/2)|)
 * for different frequencies ω_i ≠ ω_j and ½/|sin ω_i| within one frequency (only the 2ω_i term remains).
 */
export function dirichletBound(omega: number[], a: number, b: number): number {
  const wi = omega[a >> 1]!, wj = omega[b >> 1]!;
  if (!differentFrequency(a, b)) return 0.5 / Math.abs(Math.sin(wi));
  return 0.5 * (1 / Math.abs(Math.sin((wi - wj) / 2)) + 1 / Math.abs(Math.sin((wi + wj) / 2)));
}

/**
 * A window average (1/L)·G (given entry by entry as `average(a, b)`) against ½·I within the Dirichlet bound B_ab/L. The
 * inequality is sharp (some L nearly attains it), so its slack is not a tolerance: `excess` is |(1/L)G_ab − ½δ_ab| − B_ab/L
 * of the worst entry (≤ 0 when the bound holds), `ratio` the largest deviation as a share of its bound, `largestB` max B_ab.
 */
export function windowAverageExcess(w: SinusoidWindow, average: (a: number, b: number) => number): { excess: number; ratio: number; largestB: number } {
  const omega = frequenciesOf(w), L = w.length, columns = 2 * omega.length;
  let excess = -Infinity, ratio = 0, largestB = 0;
  for (let a = 0; a < columns; a++) for (let b = 0; b < columns; b++) {
    const B = dirichletBound(omega, a, b), deviation = Math.abs(average(a, b) - (a === b ? 0.5 : 0));
    largestB = Math.max(largestB, B);
    excess = Math.max(excess, deviation - B / L);
    ratio = Math.max(ratio, (deviation * L) / B);
  }
  return { excess, ratio, largestB };
}
