// Values of impl/ functions that neither the conformance items nor the other impl tests pin down (found
// by mutation testing: these are the properties that kill the mutants that survived). References are
// independent: closed forms at hand-checkable points, the oracles' own densities and finite
// differences, and the equality case of a bound (Adam's step bound is attained by a known sequence).
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import * as impl from '../../impl/index.ts';
import { LosscheckInputError, LosscheckShapeError } from '../../impl/index.ts';
import { gaussian, laplace } from '../../oracles/monteCarlo.ts';
import { centralGradient } from '../../oracles/finiteDifference.ts';
import { between, real } from '../../spec/domains/index.ts';
import { elementary, tolerance } from '../../spec/engine/tolerance.ts';
import { configFromEnv } from '../../spec/engine/config.ts';

const RUNS = { numRuns: 200, seed: configFromEnv().seed };
const f64 = ['float64', 'float64'] as const;

describe('typed errors', () => {
  it('carry their class name (shown in stack traces and reports)', () => {
    expect(new LosscheckInputError('f', 'x', 'is bad').name).toBe('LosscheckInputError');
    expect(new LosscheckShapeError('f', 'x', 'is bad').name).toBe('LosscheckShapeError');
    expect(() => impl.assertFiniteNumber('f', 'x', '1')).toThrow(/must be a number, got string/);
  });
});

describe('Adam', () => {
  it('the step bound is attained by g_k ∝ (β₁/β₂)^{t−k} with ε = 0 (Cauchy–Schwarz equality case)', () => {
    for (const [t, beta1, beta2] of [[1, 0.9, 0.999], [3, 0.9, 0.999], [5, 0.5, 0.8], [8, 0.95, 0.5], [4, 0.2, 0.3]] as const) {
      const gradients = Array.from({ length: t }, (_, k) => [(beta1 / beta2) ** (t - 1 - k)]);
      const config = { learningRate: 0.1, beta1, beta2, epsilon: 0 };
      const last = impl.adamTrajectory([0], gradients, config)[t - 1]!;
      const bound = 0.1 * impl.adamStepBound(t, beta1, beta2);
      expect(Math.abs(Math.abs(last.step[0]!) - bound) / bound, `t=${t}, β=(${beta1}, ${beta2})`)
        .toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 6 * t + elementary(2), scale: 1 }));
    }
  });
  it('the configuration domain: β ∈ [0, 1), config and state are objects, t ≥ 0', () => {
    const s = impl.adamInitialState([1]);
    const config = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    expect(() => impl.adamStep(s, [1], { ...config, beta1: 0, beta2: 0 })).not.toThrow();
    for (const [key, value] of [['beta1', -0.1], ['beta2', -0.1], ['beta2', 1], ['epsilon', NaN]] as const) {
      expect(() => impl.adamStep(s, [1], { ...config, [key]: value })).toThrow(new RegExp(`argument '${key}'`));
    }
    expect(() => impl.adamStep(s, [1], null as never)).toThrow(/argument 'config'/);
    expect(() => impl.adamStep(5 as never, [1], config)).toThrow(/argument 'state' must be an Adam state/);
    expect(() => impl.adamStep({ t: -1, w: [1], m: [0], v: [0] }, [1], config)).toThrow(/argument 'state.t'/);
  });
});

describe('point losses and their derivatives', () => {
  test.prop([real(5), real(5), fc.constantFrom('half' as const, 'unhalved' as const)], RUNS)('squaredErrorGradient = d/dŷ squaredError (central differences)', (y, yHat, c) => {
    const fd = centralGradient(([v]) => impl.squaredError(y, v!, c), [yHat])[0]!;
    // Central differences are exact for a quadratic up to rounding: u·|f|/h with h = u^{1/3}·max(1, |ŷ|).
    const tol = 8 * (2 ** -53) ** (2 / 3) * (1 + (Math.abs(y) + Math.abs(yHat)) ** 2);
    expect(Math.abs(impl.squaredErrorGradient(y, yHat, c) - fd)).toBeLessThanOrEqual(tol);
  });
  it('binary cross-entropy rejects labels and probabilities outside [0, 1] on either side', () => {
    expect(() => impl.binaryCrossEntropyFromLogit(-0.5, 0)).toThrow(/argument 'y' must lie in \[0, 1\], got -0.5/);
    expect(() => impl.binaryCrossEntropy(1.5, 0.5)).toThrow(/argument 'y' must lie in \[0, 1\], got 1.5/);
    expect(() => impl.binaryCrossEntropy(1, -0.1)).toThrow(/argument 'yHat' must lie in \[0, 1\], got -0.1/);
    expect(() => impl.logisticCrossEntropyGradient([[1]], [-1], [0], 0)).toThrow(/labels in \[0, 1\], got -1 at index 0/);
  });
  test.prop([real(10), real(10), between(-3, 2)], RUNS)('Gaussian and Laplace −log-likelihoods are −log of the oracle\'s densities', (y, mu, log10Scale) => {
    const s = 10 ** log10Scale;
    const tol = (v: number) => tolerance({ dtypes: f64, operations: elementary(2) + 6, scale: Math.abs(v) + 2 });
    const g = -gaussian(mu, s).logDensity(y), l = -laplace(mu, s).logDensity(y);
    expect(Math.abs(impl.gaussianNegativeLogLikelihood(y, mu, s) - g)).toBeLessThanOrEqual(tol(g));
    expect(Math.abs(impl.laplaceNegativeLogLikelihood(y, mu, s) - l)).toBeLessThanOrEqual(tol(l));
  });
  it('the Laplace scale must be > 0 (b = 0 is rejected)', () => {
    expect(() => impl.laplaceNegativeLogLikelihood(0, 0, 0)).toThrow(/argument 'b' must be > 0, got 0/);
  });
});

describe('decisions and estimators', () => {
  it('sample median: middle value (odd n), mean of the two middle values (even n), order-free', () => {
    expect(impl.sampleMedian([3, 1, 2])).toBe(2);
    expect(impl.sampleMedian([4, 1, 3, 2])).toBe(2.5);
    expect(impl.sampleMedian([-1, 5])).toBe(2);
    expect(impl.sampleMedian([7])).toBe(7);
  });
  it('Bayes 0-1 decision: the most probable class, the first one on ties', () => {
    expect(impl.bayesZeroOneDecision([0.5, 0.5])).toBe(0);
    expect(impl.bayesZeroOneDecision([0.2, 0.4, 0.4])).toBe(1);
    expect(impl.bayesZeroOneDecision([0.1, 0.2, 0.7])).toBe(2);
  });
  it('GLS with a column of ones is the inverse-variance weighted mean', () => {
    // β̂ = Σ y_n/σ_n² / Σ 1/σ_n²: weights 1 and 1/4 normalise to 0.8 and 0.2.
    const [row] = impl.glsEstimatorMatrix([[1], [1]], [1, 4]);
    expect(Math.abs(row![0]! - 0.8)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 8, scale: 1 }));
    expect(Math.abs(row![1]! - 0.2)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 8, scale: 1 }));
    expect(() => impl.glsEstimatorMatrix([[1], [1]], [1, -1])).toThrow(/argument 'noiseVariances' must be > 0/);
  });
});

describe('multi-task combination', () => {
  it('weighted loss sum Σ w_k L_k', () => {
    expect(impl.weightedLossSum([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(impl.weightedLossSum([2], [-0.5])).toBe(-1);
  });
  it('min-norm combination of two zero gradients is γ = ½ and d = 0', () => {
    expect(impl.minNormCombination([0, 0], [0, 0])).toEqual({ gamma: 0.5, direction: [0, 0] });
  });
  it('MGDA takes exactly `iterations` steps: with both gradients θ, θ_T = (1 − η)^T θ₀', () => {
    expect(impl.mgdaTwoTasks((x) => x, (x) => x, [1, -2], 0.5, 3)).toEqual([0.125, -0.25]);
    expect(impl.mgdaTwoTasks((x) => x, (x) => x, [1], 0.5, 1)).toEqual([0.5]);
  });
});

describe('Jacobi eigenvalues: the symmetry allowance and exact zeros off the diagonal', () => {
  it('asymmetry up to 64·n·u·max|a| passes (n = 2, max 4: 2⁻⁴⁴), beyond it is rejected', () => {
    expect(() => impl.symmetricEigen([[4, 2], [2 + 2 ** -45, 4]])).not.toThrow();
    expect(() => impl.symmetricEigen([[4, 2], [2 + 2 ** -43, 4]])).toThrow(/not symmetric/);
  });
  it('a zero off-diagonal entry between equal diagonal entries is skipped, not rotated (0/0)', () => {
    const values = impl.symmetricEigenvalues([[1, 0, 0], [0, 1, 1], [0, 1, 1]]);
    const tol = tolerance({ dtypes: f64, operations: 9, scale: 2 });
    [0, 1, 2].forEach((lambda, k) => expect(Math.abs(values[k]! - lambda)).toBeLessThanOrEqual(tol));
  });
});

describe('position encodings', () => {
  it('frequencies base^{−2i/d} and the sinusoidal encoding (sin mθ_i, cos mθ_i) at hand-checkable points', () => {
    expect(impl.positionFrequencies(4, 10_000)).toEqual([1, 0.01]);
    const f = impl.positionFrequencies(6, 64);
    [1, 0.25, 0.0625].forEach((v, i) => expect(Math.abs(f[i]! - v)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: elementary(1), scale: 1 })));
    const e = impl.sinusoidalEncoding(2, 4, 100);
    [Math.sin(2), Math.cos(2), Math.sin(0.2), Math.cos(0.2)].forEach((v, i) =>
      expect(Math.abs(e[i]! - v)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: elementary(2), scale: 1 })));
  });
  it('the width must be a number, not a numeric string', () => {
    expect(() => impl.positionFrequencies('4' as never)).toThrow(/argument 'd' must be an even integer ≥ 2, got 4/);
  });
});
