// Generators for position-encoding items: offsets between positions, and windows with read-out weights.
import fc from 'fast-check';
import { transformerWindow, harmonicWindow, type SinusoidWindow } from './sinusoids.ts';
import { monteCarloSeed } from './decision.ts';
import { matrix } from './index.ts';

/** A sinusoidal encoding width d = 2·half ∈ [4, 512], one of its frequency pairs i, a position p ∈ [0, 4096] and an offset Δ ∈ [−1024, 1024]. */
export interface PositionOffsetCase { d: number; pair: number; p: number; delta: number }

export function positionOffsetCase(): fc.Arbitrary<PositionOffsetCase> {
  return fc.integer({ min: 2, max: 256 }).chain((half) => fc.record({
    d: fc.constant(2 * half), pair: fc.integer({ min: 0, max: half - 1 }), p: fc.integer({ min: 0, max: 4096 }), delta: fc.integer({ min: -1024, max: 1024 }),
  }));
}

/** An even encoding width d ∈ [4, 512]. */
export function encodingWidth(): fc.Arbitrary<number> {
  return fc.integer({ min: 2, max: 256 }).map((half) => 2 * half);
}

/**
 * A window of positions with its basis (Transformer or harmonic frequencies, L ≤ 256) and a seed for the read-out weights and the
 * per-position targets a case draws.
 */
export interface ReadoutCase { window: SinusoidWindow; seed: number }

export function readoutCase(family: 'transformer' | 'harmonic' | 'either' = 'either'): fc.Arbitrary<ReadoutCase> {
  const transformer = transformerWindow({ length: [16, 256] });
  const window = family === 'transformer' ? transformer : family === 'harmonic' ? harmonicWindow() : fc.oneof(transformer, harmonicWindow());
  return fc.record({ window, seed: monteCarloSeed() });
}

/**
 * A sequence of n ∈ [2, 8] tokens of even width d ∈ [2, 8] (entries in [−2, 2]), query/key/value projections W_q, W_k, W_v (d×d, entries
 * in [−1, 1]) and a reordering of the tokens (a permutation of 0 … n − 1).
 */
export interface SequenceCase { n: number; d: number; X: number[][]; Wq: number[][]; Wk: number[][]; Wv: number[][]; order: number[] }

export function sequenceCase(): fc.Arbitrary<SequenceCase> {
  return fc.record({ n: fc.integer({ min: 2, max: 8 }), half: fc.integer({ min: 1, max: 4 }) }).chain(({ n, half }) => {
    const d = 2 * half;
    const indices = Array.from({ length: n }, (_, i) => i);
    return fc.record({
      X: matrix(n, d, 2), Wq: matrix(d, d, 1), Wk: matrix(d, d, 1), Wv: matrix(d, d, 1),
      order: fc.shuffledSubarray(indices, { minLength: n, maxLength: n }),
    }).map((r) => ({ n, d, ...r }));
  });
}
