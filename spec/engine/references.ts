// THE registry of references: every trusted computation a check compares with is a handle here,
// { id, label, dtype, qualify() }. A check names its references by id; before its cases are measured the
// engine qualifies each (once per worker, on known closed forms) and records every qualification among
// the oracle findings. The label in the results and the dtypes of the tolerance come from the handle,
// never from free text. References that are the thing under test, or the item's own closed form
// (printed, closed-form), have no qualification: they are named so the report says what was compared.
import type { Dtype } from './tolerance.ts';
import { elementary, MONTE_CARLO_Z, TAYLOR_RATE_TOLERANCE, tolerance } from './tolerance.ts';
import { OracleNotQualifiedError } from '../../oracles/errors.ts';
import type { TfjsOracle } from '../../oracles/tfjs/index.ts';
import { qualifyAttentionForward } from '../../oracles/tfjs/attention.ts';
import { tfjsAdamTrajectory } from '../../oracles/tfjs/adam.ts';
import { qualifyMonteCarlo } from '../../oracles/monteCarlo.ts';
import { GAUSS_HERMITE_3, qualifyGaussHermite } from '../../oracles/quadrature.ts';
import { qualifyTrigonometricSums } from '../../oracles/trigonometricSums.ts';
import { taylorRates } from '../../oracles/finiteDifference.ts';
import { solveLinear } from '../../oracles/linalg.ts';
import { implClosedForms } from './implQualification.ts';

export const REFERENCE_IDS = [
  'impl', 'printed', 'closed-form', 'tfjs-grad', 'tfjs-hessian', 'tfjs-forward', 'tfjs-adam', 'eigen',
  'monte-carlo', 'gauss-hermite', 'trig-sums', 'taylor', 'solve',
] as const;
export type ReferenceId = (typeof REFERENCE_IDS)[number];

/** The Monte Carlo reference's label (the soak also reads it from results recorded before handles). */
export const MONTE_CARLO_LABEL = `Monte Carlo (mulberry32, seeded; |Δ| ≤ z·SE, z = ${MONTE_CARLO_Z.toFixed(2)})`;

/** One known case of a qualification: the measured error against its bound. */
export interface QualificationCase { case: string; error: number | null; tolerance: number; passed: boolean; note?: string }

export interface ReferenceFinding {
  id: ReferenceId;
  label: string;
  dtype: Dtype;
  /** false for references that are not qualified because they are the thing under test or the item's own formula. */
  qualifiable: boolean;
  qualified: boolean;
  cases: QualificationCase[];
  /** Why it needs no qualification, or what the known cases are. */
  note: string;
}

export interface Reference { id: ReferenceId; label: string; dtype: Dtype }

interface ReferenceSpec {
  label: string;
  dtype: Dtype;
  note: string;
  /** Known cases; absent for the formula under test and the item's own closed forms. */
  qualify?: () => QualificationCase[] | Promise<QualificationCase[]>;
}

/**
 * What the registry needs from the run: the tfjs oracle (already qualified for grad/hessian) and the
 * eigen oracle. A registry without them (tests of the engine) serves every other reference.
 */
export interface ReferenceSources {
  tfjs?: TfjsOracle;
  eigen?: { label: string; qualified: boolean; cases: QualificationCase[] };
}

const relErr = (got: number, want: number) => (Number.isFinite(got) ? Math.abs(got - want) / Math.max(Math.abs(want), 1e-300) : Infinity);
const float32Relative = (size: number, inputMagnitude: number) =>
  tolerance({ dtypes: ['float32', 'float64'], operations: elementary(size), scale: 1, condition: 1 + inputMagnitude });

function specs(src: ReferenceSources): Record<ReferenceId, ReferenceSpec> {
  const missing = (what: string) => new Proxy({}, { get: () => { throw new Error(`this run context has no ${what}`); } });
  const tfjs = src.tfjs ?? (missing('tfjs oracle') as TfjsOracle);
  const eigenSource = src.eigen ?? { label: 'no eigen oracle in this context', qualified: false, cases: [] };
  const backend = src.tfjs?.runtime.backend ?? 'none';
  const tfjsLabel = (method: 'grad' | 'hessian') => (src.tfjs ? src.tfjs.label(method) : `tfjs ${method} (not in this context)`);
  const tfjsCases = (method: 'grad' | 'hessian') => tfjs.qualification.patched.filter((m) => m.method === method).map((m) => ({
    case: m.case, error: m.relativeError, tolerance: m.tolerance ?? NaN, passed: m.passed === true, ...(m.error ? { note: m.error } : {}),
  }));
  return {
    impl: {
      label: 'impl (float64)', dtype: 'float64',
      note: 'losscheck\'s from-scratch float64 implementation, held to closed forms (softmax, sigmoid, log-sum-exp, cross-entropy, KL, eigenvalues)',
      qualify: implClosedForms,
    },
    printed: { label: 'printed formula (float64)', dtype: 'float64', note: 'the formula as printed, encoded in the item: the thing under test, not a reference' },
    'closed-form': { label: 'closed form in the item (float64)', dtype: 'float64', note: 'a closed form written out in the item file, next to its derivation' },
    'tfjs-grad': { label: tfjsLabel('grad'), dtype: 'float32', note: 'first-order autodiff on functions with known gradients', qualify: () => tfjsCases('grad') },
    'tfjs-hessian': { label: tfjsLabel('hessian'), dtype: 'float32', note: 'nested autodiff (higher-order patch) on functions with known Hessians', qualify: () => tfjsCases('hessian') },
    'tfjs-forward': {
      label: `tfjs-${backend} tf.softmax/tf.matMul forward (float32)`, dtype: 'float32',
      note: 'attention forward pass on closed forms (uniform weights; two keys)',
      qualify: () => qualifyAttentionForward(tfjs.runtime.tf).map((m) => {
        const tol = float32Relative(m.size, m.inputMagnitude);
        return { case: m.case, error: m.relativeError, tolerance: tol, passed: m.relativeError <= tol };
      }),
    },
    'tfjs-adam': {
      label: `tfjs-${backend} tf.train.adam (float32)`, dtype: 'float32',
      note: 'the first Adam step from zero moments is w − η·g/(|g| + ε) exactly (m̂₁ = g, v̂₁ = g²)',
      qualify: async () => {
        const config = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
        const g = [0.5, -2, 3e-3], w0 = [1, -1, 0.25];
        const [state] = await tfjsAdamTrajectory(tfjs.runtime.tf, config, w0, [g]);
        const want = w0.map((w, i) => w - (config.learningRate * g[i]!) / (Math.abs(g[i]!) + config.epsilon));
        const error = Math.max(...state!.w.map((w, i) => relErr(w, want[i]!)));
        // tfjs forms 1 − β₁ᵗ and 1 − β₂ᵗ from β rounded to float32: the relative condition of 1 − β with
        // respect to β is β/(1 − β) (999 for β₂ = 0.999), on top of the step's own roundings.
        const condition = 2 + config.beta1 / (1 - config.beta1) + config.beta2 / (1 - config.beta2);
        const tol = tolerance({ dtypes: ['float32', 'float64'], operations: elementary(8), scale: 1, condition });
        return [{ case: 'first step from zero moments', error, tolerance: tol, passed: error <= tol }];
      },
    },
    eigen: { label: eigenSource.label, dtype: 'float64', note: 'symmetric eigenvalues on matrices of known spectrum', qualify: () => eigenSource.cases },
    'monte-carlo': {
      label: MONTE_CARLO_LABEL, dtype: 'float64',
      note: 'estimates of known means, variances and medians, each within z standard errors',
      qualify: () => qualifyMonteCarlo(100_000, 4_243_001).map((m) => ({ case: m.case, error: m.zScore, tolerance: MONTE_CARLO_Z, passed: m.zScore <= MONTE_CARLO_Z, note: 'z-score' })),
    },
    'gauss-hermite': {
      label: 'exact expectation by 3-node Gauss–Hermite quadrature', dtype: 'float64',
      note: 'the moments E[Zᵏ] of N(0, 1) up to its exactness degree',
      qualify: () => qualifyGaussHermite(GAUSS_HERMITE_3, GAUSS_HERMITE_3.exactDegree).map((m) => {
        const tol = tolerance({ dtypes: ['float64', 'float64'], operations: 4 * GAUSS_HERMITE_3.nodes.length, scale: Math.max(1, m.expected) });
        const error = Math.abs(m.got - m.expected);
        return { case: `E[Z^${m.k}] = ${m.expected}`, error, tolerance: tol, passed: error <= tol };
      }),
    },
    'trig-sums': {
      label: 'closed-form trigonometric sums (Dirichlet kernel, float64)', dtype: 'float64',
      note: 'window sums of sines and cosines known exactly',
      qualify: () => qualifyTrigonometricSums().map((m) => {
        // The argument L·θ/2 carries a rounding relative to its size (≤ πL), amplified by 1/sin(θ/2) ≤ L/π.
        const tol = tolerance({ dtypes: ['float64', 'float64'], operations: elementary(3) + 3, scale: m.length, condition: 1 + 2 * Math.PI * m.length });
        return { case: m.case, error: m.absoluteError, tolerance: tol, passed: m.absoluteError <= tol };
      }),
    },
    taylor: {
      label: 'Taylor remainder rates (float64 finite differences)', dtype: 'float64',
      note: 'f = Σ exp(xᵢ): the right gradient gives rate 2, a wrong one rate 1; two-sided, on softplus near the inflection of σ\': the right curvature rate 3, a wrong one rate 2',
      qualify: () => {
        const f = (x: number[]) => x.reduce((s, xi) => s + Math.exp(xi), 0);
        const x = [0.3, -0.7, 1.1], v = [1, 0.5, -0.25];
        const right = v.reduce((s, vi, i) => s + vi * Math.exp(x[i]!), 0);
        const good = taylorRates(f, x, v, right).observedRate, bad = taylorRates(f, x, v, right * 1.1).observedRate;
        return [
          { case: 'right gradient: rate 2', error: Math.abs(good - 2), tolerance: TAYLOR_RATE_TOLERANCE, passed: Math.abs(good - 2) <= TAYLOR_RATE_TOLERANCE },
          { case: 'gradient off by 10%: rate 1', error: Math.abs(bad - 1), tolerance: TAYLOR_RATE_TOLERANCE, passed: Math.abs(bad - 1) <= TAYLOR_RATE_TOLERANCE },
          // The two-sided mode the curved-model check uses, where the one-sided rate dips (σ''(z₀) ≈ 0, so the
          // h³ and h⁴ terms of softplus's remainder cancel inside the ladder): the right curvature must read 3.
          ...[['right curvature, two-sided: rate 3', 1, 3], ['curvature off by 10%, two-sided: rate 2', 1.1, 2]].map(([name, scale, expected]) => {
            const z0 = 0.05, p = 1 / (1 + Math.exp(-z0));
            const rate = taylorRates((z) => Math.log1p(Math.exp(z[0]!)), [z0], [-1], -p, (scale as number) * p * (1 - p), { h0: 0.25, levels: 4, twoSided: true }).observedRate;
            const error = Math.abs(rate - (expected as number));
            return { case: name as string, error, tolerance: TAYLOR_RATE_TOLERANCE, passed: error <= TAYLOR_RATE_TOLERANCE };
          }),
        ];
      },
    },
    solve: {
      label: 'ml-matrix solve (float64)', dtype: 'float64',
      note: 'a symmetric positive definite system with a known solution',
      qualify: () => {
        const x = solveLinear([[4, 1, 0], [1, 3, -1], [0, -1, 2]], [6, 6, 0]); // solution (1, 2, 1)
        const error = Math.max(...x.map((xi, i) => Math.abs(xi - [1, 2, 1][i]!)));
        // Backward-stable LU: n³ roundings on entries ≤ 4, condition ≤ 5.
        const tol = tolerance({ dtypes: ['float64', 'float64'], operations: 27, scale: 4, condition: 5 });
        return [{ case: 'A x = b, x = (1, 2, 1)', error, tolerance: tol, passed: error <= tol }];
      },
    },
  };
}

/**
 * The references the running check declared; null outside a check (a unit test calling a support
 * function directly), which is not held to any. Checks run one at a time per worker, so one slot per
 * worker is enough; code that calls an oracle asserts against it.
 */
let declared: readonly ReferenceId[] | null = null;

/** Runs `body` with `ids` as the running check's declared references (null: not enforced). */
export async function withDeclared<T>(ids: readonly ReferenceId[] | null, body: () => T | Promise<T>): Promise<T> {
  const outer = declared;
  declared = ids;
  try { return await body(); } finally { declared = outer; }
}

/** Throws unless the running check declared `id`: an oracle call must match the reference the report names. */
export function assertDeclared(id: ReferenceId): void {
  if (declared !== null && !declared.includes(id)) {
    throw new Error(`a check used reference '${id}' without declaring it (declared: ${declared.join(', ') || 'none'})`);
  }
}

/**
 * Entry points to an oracle call this before answering: the running check must have declared `id`, so
 * the engine has qualified it; outside a check (a unit test) the caller qualifies what it uses.
 */
export function useReference(id: ReferenceId): void {
  assertDeclared(id);
}

/** The references of one worker: qualified on first use, findings kept for the report. */
export class References {
  private readonly table: Record<ReferenceId, ReferenceSpec>;
  private readonly done = new Map<ReferenceId, Promise<ReferenceFinding>>();
  private readonly settled = new Map<ReferenceId, ReferenceFinding>();

  constructor(sources: ReferenceSources = {}) {
    this.table = specs(sources);
  }

  handle(id: ReferenceId): Reference {
    const spec = this.table[id];
    if (!spec) throw new Error(`unknown reference '${id}' (known: ${REFERENCE_IDS.join(', ')})`);
    return { id, label: spec.label, dtype: spec.dtype };
  }

  /** Qualifies the references (once each per worker); throws OracleNotQualifiedError for one that fails. */
  async qualify(ids: readonly ReferenceId[]): Promise<Reference[]> {
    const findings = await Promise.all(ids.map((id) => this.finding(id)));
    for (const f of findings) {
      if (f.qualifiable && !f.qualified) {
        const failed = f.cases.filter((c) => !c.passed).map((c) => `${c.case}: ${c.error ?? c.note ?? 'threw'} vs ${c.tolerance}`);
        throw new OracleNotQualifiedError(f.label, failed.join('; '));
      }
    }
    return ids.map((id) => this.handle(id));
  }

  private finding(id: ReferenceId): Promise<ReferenceFinding> {
    let pending = this.done.get(id);
    if (!pending) {
      const spec = this.table[id];
      if (!spec) return Promise.reject(new Error(`unknown reference '${id}' (known: ${REFERENCE_IDS.join(', ')})`));
      pending = (async () => {
        const cases = spec.qualify ? await spec.qualify() : [];
        const f: ReferenceFinding = {
          id, label: spec.label, dtype: spec.dtype, qualifiable: spec.qualify !== undefined,
          qualified: spec.qualify === undefined || (cases.length > 0 && cases.every((c) => c.passed)), cases, note: spec.note,
        };
        this.settled.set(id, f);
        return f;
      })();
      this.done.set(id, pending);
    }
    return pending;
  }

  /** Every reference qualified so far in this worker, in registry order. */
  findings(): ReferenceFinding[] {
    return REFERENCE_IDS.filter((id) => this.settled.has(id)).map((id) => this.settled.get(id)!);
  }
}
