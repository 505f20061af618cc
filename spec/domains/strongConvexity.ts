// Generators for the strong-convexity items of §4.3.2 beyond quadratics: L2-regularised (ridge) logistic
// regression, f(w) = (1/N) Σ_n BCE(y_n, σ(wᵀx_n)) + (λ/2)‖w‖², a non-quadratic function that is
// λ-strongly convex and (λ + λ_max(XᵀX)/(4N))-smooth, whose Hessian changes with w.
import fc from 'fast-check';
import { between, matrix, vector } from './index.ts';
import { binaryLabel } from './saturation.ts';

export interface RidgeLogisticCase {
  d: number;
  N: number;
  /** Inputs, N×d, in [−2, 2]. */
  X: number[][];
  /** Labels in {0, 1}. */
  y: number[];
  /** Ridge weight λ ∈ [lambdaMin, lambdaMax]: the strong-convexity modulus. */
  lambda: number;
  /** A parameter point w ∈ [−wRange, wRange]^d (far enough out to reach saturated logits). */
  w: number[];
}

export function ridgeLogisticCase(options: { d?: [number, number]; N?: [number, number]; lambda?: [number, number]; wRange?: number } = {}):
fc.Arbitrary<RidgeLogisticCase> {
  const [dLo, dHi] = options.d ?? [1, 4], [nLo, nHi] = options.N ?? [1, 8], [lLo, lHi] = options.lambda ?? [0.05, 2];
  const wRange = options.wRange ?? 6;
  return fc.record({ d: fc.integer({ min: dLo, max: dHi }), N: fc.integer({ min: nLo, max: nHi }) }).chain(({ d, N }) => fc.record({
    X: matrix(N, d, 2),
    y: fc.array(binaryLabel(), { minLength: N, maxLength: N }),
    lambda: between(lLo, lHi),
    w: vector(d, wRange),
  }).map((r) => ({ d, N, ...r })));
}
