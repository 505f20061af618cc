// The one seeded PRNG of the project (mulberry32, 32-bit state): qualification matrices, Monte Carlo
// draws, the report's sampled distributions and the bench all take their uniforms from here, so a
// seed means the same stream everywhere.

import { OracleInputError } from './errors.ts';

/** Uniforms k/2³² in [0, 1), k a 32-bit integer, from mulberry32 seeded with an integer `seed` (taken mod 2³²). */
export function mulberry32(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new OracleInputError('mulberry32', 'seed', `must be an integer, got ${seed}`);
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
