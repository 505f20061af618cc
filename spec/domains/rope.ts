// Generators for rotary position embedding (RoPE) items: queries and keys of even width with positions.
import fc from 'fast-check';
import { between, matrix, vector } from './index.ts';

/** A query and a key of even width d ∈ {2, …, 16} (entries in [−2, 2]), positions m, n ∈ [0, 512] and a common shift s ∈ [0, 512]. */
export interface RopePair { q: number[]; k: number[]; m: number; n: number; s: number }

export function ropePair(): fc.Arbitrary<RopePair> {
  return fc.integer({ min: 1, max: 8 }).chain((half) => fc.record({
    q: vector(2 * half, 2), k: vector(2 * half, 2), m: fc.integer({ min: 0, max: 512 }), n: fc.integer({ min: 0, max: 512 }), s: fc.integer({ min: 0, max: 512 }),
  }));
}

/** Two vectors x, y of even width d ∈ {2, …, 16}, coefficients α, β ∈ [−3, 3], a d×d matrix W (entries in [−2, 2]) and a position m ∈ [0, 512]. */
export interface RopeLinearCase { x: number[]; y: number[]; alpha: number; beta: number; W: number[][]; m: number }

export function ropeLinearCase(): fc.Arbitrary<RopeLinearCase> {
  return fc.integer({ min: 1, max: 8 }).chain((half) => fc.record({
    x: vector(2 * half, 2), y: vector(2 * half, 2), alpha: between(-3, 3), beta: between(-3, 3), W: matrix(2 * half, 2 * half, 2), m: fc.integer({ min: 0, max: 512 }),
  }));
}
