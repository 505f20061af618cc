// Generators for contrastive (InfoNCE) items: candidate scores with one positive, and joint
// distributions with known mutual information scored by a family of critics.
import fc from 'fast-check';
import { between, vector } from './index.ts';
import { monteCarloSeed } from './decision.ts';

export interface ContrastiveCase { scores: number[]; positive: number; temperature: number }

/** N ∈ [2, 16] candidate scores in [−5, 5], the positive's index, temperature τ ∈ [0.2, 2] (so |s/τ| ≤ 25: e^{s/τ} stays finite). */
export function contrastiveCase(): fc.Arbitrary<ContrastiveCase> {
  return fc.integer({ min: 2, max: 16 }).chain((n) => fc.record({
    scores: vector(n, 5), positive: fc.nat(n - 1), temperature: between(0.2, 2),
  }));
}

/**
 * A critic f(x, y) for pairs of a standard bivariate Gaussian with correlation ρ. With r(x, y) = p(y|x)/p(y):
 * optimal log r; scaled α·log r; misspecified log r computed for ρ' instead of ρ; shifted log r + γy²
 * (a function of y alone, which the softmax over candidates does not cancel); bilinear βxy.
 */
export type Critic =
  | { kind: 'optimal' } | { kind: 'scaled'; alpha: number } | { kind: 'misspecified'; rhoPrime: number }
  | { kind: 'shifted'; gamma: number } | { kind: 'bilinear'; beta: number };

export function critic(): fc.Arbitrary<Critic> {
  return fc.oneof(
    fc.constant({ kind: 'optimal' as const }),
    between(0.1, 3).map((alpha) => ({ kind: 'scaled' as const, alpha })),
    between(-0.95, 0.95).map((rhoPrime) => ({ kind: 'misspecified' as const, rhoPrime })),
    between(-0.4, 0.4).map((gamma) => ({ kind: 'shifted' as const, gamma })),
    between(-3, 3).map((beta) => ({ kind: 'bilinear' as const, beta })),
  );
}

export interface MutualInformationCase { rho: number; batch: number; critic: Critic; seed: number }

/** Correlation ρ ∈ [−0.95, 0.95] (I ≤ 1.16 nats), batch N ∈ [2, 16] pairs, a critic (optimal unless `anyCritic`), a Monte Carlo seed. */
export function mutualInformationCase(options: { anyCritic?: boolean } = {}): fc.Arbitrary<MutualInformationCase> {
  return fc.record({
    rho: between(-0.95, 0.95), batch: fc.integer({ min: 2, max: 16 }),
    critic: options.anyCritic ? critic() : fc.constant({ kind: 'optimal' as const }), seed: monteCarloSeed(),
  });
}
