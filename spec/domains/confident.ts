// Predictions with one confident class: logits z ∈ [−2, 2]^C with a margin added to one class (the
// leading class), so its probability p̂_lead runs from moderate to within e^{-margin} of 1, and a
// one-hot target that is either that class (a confident correct prediction) or another one (a
// confident wrong prediction).
import fc from 'fast-check';
import { logits } from './index.ts';

export interface ConfidentCase { z: number[]; p: number[]; lead: number; target: number }

/**
 * C ∈ [2, 6]; the leading class gets margin ∈ [margin[0], margin[1]] on top of its logit. With margin ≥ 6
 * the lead is ahead of every other logit by ≥ 2, so p̂_lead ≥ 1/(1 + 5e^{−2}) > ½.
 */
export function confidentPrediction(target: 'lead' | 'other', margin: [number, number] = [0, 16]): fc.Arbitrary<ConfidentCase> {
  return fc.integer({ min: 2, max: 6 }).chain((C) => fc.record({
    z: logits(C, 2), lead: fc.nat(C - 1), shift: fc.nat(C - 2), margin: fc.integer({ min: margin[0], max: margin[1] }),
  })).map(({ z, lead, shift, margin: m }) => {
    // 'other': a class ≠ lead, chosen by the offset 1 + shift (mod C).
    const t = target === 'lead' ? lead : (lead + 1 + shift) % z.length;
    return {
      z: z.map((zi, i) => (i === lead ? zi + m : zi)), lead, target: t,
      p: z.map((_, i) => (i === t ? 1 : 0)),
    };
  });
}
