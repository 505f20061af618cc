// Position encodings in float64: sinusoidal (added to the input) and rotary (RoPE, applied to queries and keys).
import { LosscheckInputError, LosscheckShapeError, assertFiniteNumber, assertVector, type Vector } from './errors.ts';

function assertEvenWidth(fn: string, name: string, d: unknown): asserts d is number {
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 2 || d % 2 !== 0) {
    throw new LosscheckInputError(fn, name, `must be an even integer ≥ 2, got ${String(d)}`);
  }
}
function assertBase(fn: string, base: unknown): asserts base is number {
  assertFiniteNumber(fn, 'base', base);
  if (!(base > 1)) throw new LosscheckInputError(fn, 'base', `must be > 1, got ${base}`);
}

function frequencies(d: number, base: number): number[] {
  return Array.from({ length: d / 2 }, (_, i) => base ** (-(2 * i) / d));
}

/** Frequencies θ_i = base^{−2i/d}, i = 0 … d/2 − 1 (Vaswani et al.; Su et al.). */
export function positionFrequencies(d: number, base = 10_000): number[] {
  assertEvenWidth('positionFrequencies', 'd', d);
  assertBase('positionFrequencies', base);
  return frequencies(d, base);
}

/** Sinusoidal encoding p_m: (sin mθ_i, cos mθ_i) in dimensions (2i, 2i+1). */
export function sinusoidalEncoding(position: number, d: number, base = 10_000): number[] {
  assertFiniteNumber('sinusoidalEncoding', 'position', position);
  assertEvenWidth('sinusoidalEncoding', 'd', d);
  assertBase('sinusoidalEncoding', base);
  return frequencies(d, base).flatMap((t) => [Math.sin(position * t), Math.cos(position * t)]);
}

/** RoPE: rotates each pair (x_{2i}, x_{2i+1}) by the angle m·θ_i. */
export function rotaryEmbedding(x: Vector, position: number, base = 10_000): number[] {
  assertVector('rotaryEmbedding', 'x', x);
  if (x.length % 2 !== 0) throw new LosscheckShapeError('rotaryEmbedding', 'x', `must have an even length (pairs are rotated), got ${x.length}`);
  assertFiniteNumber('rotaryEmbedding', 'position', position);
  assertBase('rotaryEmbedding', base);
  const out = new Array<number>(x.length);
  frequencies(x.length, base).forEach((t, i) => {
    const c = Math.cos(position * t), s = Math.sin(position * t), a = x[2 * i]!, b = x[2 * i + 1]!;
    out[2 * i] = c * a - s * b;
    out[2 * i + 1] = s * a + c * b;
  });
  return out;
}
