// Position encodings in float64: sinusoidal (added to the input) and rotary (RoPE, applied to queries and keys).
import { LosscheckInputError, assertFiniteNumber, assertVector, type Vector } from './errors.ts';

function assertEvenWidth(fn: string, d: number): void {
  if (!Number.isInteger(d) || d < 2 || d % 2 !== 0) throw new LosscheckInputError(fn, 'd', `must be an even integer ≥ 2, got ${d}`);
}

/** Frequencies θ_i = base^{−2i/d}, i = 0 … d/2 − 1 (Vaswani et al.; Su et al.). */
export function positionFrequencies(d: number, base = 10_000): number[] {
  assertEvenWidth('positionFrequencies', d);
  return Array.from({ length: d / 2 }, (_, i) => base ** (-(2 * i) / d));
}

/** Sinusoidal encoding p_m: (sin mθ_i, cos mθ_i) in dimensions (2i, 2i+1). */
export function sinusoidalEncoding(position: number, d: number, base = 10_000): number[] {
  assertFiniteNumber('sinusoidalEncoding', 'position', position);
  return positionFrequencies(d, base).flatMap((t) => [Math.sin(position * t), Math.cos(position * t)]);
}

/** RoPE: rotates each pair (x_{2i}, x_{2i+1}) by the angle m·θ_i. */
export function rotaryEmbedding(x: Vector, position: number, base = 10_000): number[] {
  assertVector('rotaryEmbedding', 'x', x);
  assertFiniteNumber('rotaryEmbedding', 'position', position);
  const freq = positionFrequencies(x.length, base);
  const out = new Array<number>(x.length);
  freq.forEach((t, i) => {
    const c = Math.cos(position * t), s = Math.sin(position * t), a = x[2 * i]!, b = x[2 * i + 1]!;
    out[2 * i] = c * a - s * b;
    out[2 * i + 1] = s * a + c * b;
  });
  return out;
}
