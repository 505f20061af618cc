// Windows of positions p = 0 … L − 1 with a set of sinusoid frequencies: the Transformer's geometric
// frequencies 10000^{−2i/d} (Vaswani et al. 2017), or harmonics 2πk/L of the window (the DFT basis).
import fc from 'fast-check';

export interface TransformerWindow { family: 'transformer'; length: number; d: number }
export interface HarmonicWindow { family: 'harmonic'; length: number; harmonics: number[] }
export type SinusoidWindow = TransformerWindow | HarmonicWindow;

/** Encoding width d (even, d ≥ 4 so there are at least two frequencies) and window length L. */
export function transformerWindow(limits: { d?: [number, number]; length?: [number, number] } = {}): fc.Arbitrary<TransformerWindow> {
  const [dLo, dHi] = limits.d ?? [4, 12], [lLo, lHi] = limits.length ?? [16, 1024];
  return fc.record({ half: fc.integer({ min: dLo / 2, max: dHi / 2 }), length: fc.integer({ min: lLo, max: lHi }) })
    .map(({ half, length }) => ({ family: 'transformer' as const, length, d: 2 * half }));
}

/** Window L ∈ [8, 256] and 1–8 distinct harmonics k with 0 < k < L/2 (so no column is identically 0 and every ω_k < π). */
export function harmonicWindow(): fc.Arbitrary<HarmonicWindow> {
  return fc.integer({ min: 8, max: 256 }).chain((length) => {
    const kMax = Math.floor((length - 1) / 2);
    return fc.uniqueArray(fc.integer({ min: 1, max: kMax }), { minLength: 1, maxLength: Math.min(8, kMax) })
      .map((harmonics) => ({ family: 'harmonic' as const, length, harmonics }));
  });
}
