// Builds the run context once per worker: the tfjs oracle (qualified with this project's tolerance
// model) and the linear-algebra oracle (tridiagonal QL, ml-matrix and numeric, qualified on known spectra).
import { tfjsOracle, type QualificationMeasurement } from '../../oracles/tfjs/index.ts';
import {
  EIGEN_LIBRARIES, spectrumQualificationCases, symmetricEigenvalues, type EigenLibrary,
} from '../../oracles/linalg.ts';
import { symmetricEigenvaluesFlat } from '../../oracles/symmetricEigen.ts';
import { OracleNotQualifiedError } from '../../oracles/errors.ts';
import type { RunConfig } from './config.ts';
import { assertDeclared, References } from './references.ts';
import { IMPL_SUBJECT, type Subject } from './subject.ts';
import type { RunContext } from './item.ts';
import { elementary, tolerance } from './tolerance.ts';

/** Acceptance of a tfjs qualification measurement: float32 autodiff vs a float64 closed form, relative. */
export function acceptTfjsMeasurement(m: QualificationMeasurement): { tolerance: number; passed: boolean } {
  const tol = tolerance({
    dtypes: ['float32', 'float64'], operations: elementary(m.size), scale: 1, condition: 1 + m.inputMagnitude,
  });
  return { tolerance: tol, passed: m.relativeError !== null && m.relativeError <= tol };
}

export interface EigenQualification {
  library: EigenLibrary;
  cases: number;
  threw: number;
  inaccurate: number;
  worstRelativeError: number;
  tolerance: number;
  qualified: boolean;
  examples: string[];
}

/** One library's eigenvalues on known-spectrum matrices, relative to ‖A‖ (= max |λ|). */
function qualifyEigenLibrary(library: EigenLibrary, cases: ReturnType<typeof spectrumQualificationCases>): EigenQualification {
  let threw = 0, inaccurate = 0, worst = 0, worstTol = 0;
  const examples: string[] = [];
  for (const c of cases) {
    const n = c.trueSpectrum.length;
    const norm = Math.max(...c.trueSpectrum.map(Math.abs));
    // Backward-stable symmetric eigensolvers: |λ̂ − λ| ≤ p(n)·u·‖A‖; p(n) = n² roundings charged.
    const tol = tolerance({ dtypes: ['float64', 'float64'], operations: n * n, scale: 1 });
    try {
      const got = symmetricEigenvalues(c.matrix, library);
      const err = Math.max(...got.map((l, i) => Math.abs(l - c.trueSpectrum[i]!) / norm));
      if (!(err <= tol)) { inaccurate++; if (examples.length < 3) examples.push(`${c.kind} n=${n}: relative error ${err.toExponential(2)}`); }
      if (err > worst || Number.isNaN(err)) { worst = Number.isNaN(err) ? Infinity : err; worstTol = tol; }
    } catch (e) {
      threw++;
      if (examples.length < 3) examples.push(`${c.kind} n=${n}: threw ${(e instanceof Error ? e.message : String(e)).slice(0, 100)}`);
    }
    worstTol ||= tol;
  }
  return { library, cases: cases.length, threw, inaccurate, worstRelativeError: worst, tolerance: worstTol,
    qualified: threw === 0 && inaccurate === 0, examples };
}

/** Each library's eigenvalues on the same known-spectrum matrices. */
export function qualifyEigenLibraries(count: number, seed: number, libraries: readonly EigenLibrary[] = ['numeric', 'ml-matrix', 'tridiagonal-ql']): EigenQualification[] {
  const cases = spectrumQualificationCases(count, seed);
  return libraries.map((library) => qualifyEigenLibrary(library, cases));
}

export interface OracleContext extends RunContext {
  /** The qualification of the libraries this run needed, in order of preference up to the first that qualified. */
  eigenQualification: EigenQualification[];
  /**
   * Every library measured on the qualification suite (numeric's known failures are a reported oracle
   * finding). numeric.eig takes ~5–10 s on these matrices, so only the run that records the oracle
   * findings asks for it; the result is memoised per worker.
   */
  eigenFindings(): EigenQualification[];
  eigen: RunContext['eigen'] & {
    /** The same oracle on a flat row-major n×n matrix (no arrays of arrays): ascending eigenvalues, into `out` if given. */
    valuesFlat(a: ArrayLike<number>, n: number, out?: Float64Array): Float64Array;
  };
}

/**
 * Eigen libraries in order of preference. The tridiagonal QL (oracles/symmetricEigen.ts) runs the same
 * algorithm as ml-matrix (tred2/tql2, bit-identical values on the qualification matrices) on one
 * Float64Array without eigenvectors, 4–5× faster on the 40×40 Hessians of the bench; ml-matrix is next
 * (0 failures on thousands of fuzzed Hessians); numeric.eig (general QR) can pass a small known-spectrum
 * sample and still throw "internal error" on the singular Kronecker-structured Hessians of the checks
 * (seen at seed 1), so it is used only when neither of the others qualifies.
 */
const EIGEN_PREFERENCE: readonly EigenLibrary[] = ['tridiagonal-ql', 'ml-matrix', 'numeric'];

/** Known-spectrum matrices used to qualify the eigen libraries (numeric.eig costs ~2–100 ms each). */
const EIGEN_QUALIFICATION_CASES = 60;

/** The oracles and references of a worker, by seed (the eigen qualification draws its matrices from the seed). */
const contexts = new Map<number, Promise<OracleContext>>();

/**
 * The worker's run context: oracles and references are set up once per worker (and seed); the run's own
 * configuration (case counts) is always the one asked for, whatever another caller in the same worker
 * (a CLI test, a scaffold test sharing the module graph) set up first; the subject is the implementation
 * under test (impl/ unless another is given), swapped without touching any item.
 */
export async function createContext(config: RunConfig, subject: Subject = IMPL_SUBJECT): Promise<OracleContext> {
  const base = await sharedContext(config);
  return base.subject === subject && sameConfig(base.config, config) ? base : { ...base, config, subject };
}

const sameConfig = (a: RunConfig, b: RunConfig) => a.seed === b.seed && a.runs === b.runs && a.hessianRuns === b.hessianRuns;

function sharedContext(config: RunConfig): Promise<OracleContext> {
  let context = contexts.get(config.seed);
  if (context) return context;
  context = (async () => {
    const oracle = await tfjsOracle(acceptTfjsMeasurement);
    // Autodiff answers only the checks that declared it (a label cannot drift from the call).
    const tfjs = {
      ...oracle,
      derivatives: ((params, build, options = {}) => {
        assertDeclared(options.hessian ? 'tfjs-hessian' : 'tfjs-grad');
        return oracle.derivatives(params, build, options);
      }) as typeof oracle.derivatives,
      hessianVectorProducts: ((params, build, directions) => {
        assertDeclared('tfjs-hessian');
        return oracle.hessianVectorProducts(params, build, directions);
      }) as typeof oracle.hessianVectorProducts,
    };
    // Qualified in order of preference until one passes (numeric's ~5–10 s only if both others fail).
    const eigenQualification: EigenQualification[] = [];
    for (const library of EIGEN_PREFERENCE) {
      const [q] = qualifyEigenLibraries(EIGEN_QUALIFICATION_CASES, config.seed, [library]);
      eigenQualification.push(q!);
      if (q!.qualified) break;
    }
    let findings: EigenQualification[] | undefined;
    const eigenFindings = () => (findings ??= EIGEN_LIBRARIES.map((library) =>
      eigenQualification.find((q) => q.library === library) ?? qualifyEigenLibraries(EIGEN_QUALIFICATION_CASES, config.seed, [library])[0]!));
    const chosen = eigenQualification.find((q) => q.qualified)?.library;
    const notQualified = () => new OracleNotQualifiedError('symmetric eigenvalues', `none of ${EIGEN_PREFERENCE.join(', ')} passed the known-spectrum suite`);
    const eigen = {
      label: chosen ? `${chosen === 'tridiagonal-ql' ? 'Householder–QL (typed arrays)' : chosen} symmetric eigenvalues (float64)` : 'no qualified eigenvalue oracle',
      values: (a: number[][]) => {
        assertDeclared('eigen');
        if (!chosen) throw notQualified();
        return symmetricEigenvalues(a, chosen);
      },
      valuesFlat: (a: ArrayLike<number>, n: number, out?: Float64Array) => {
        assertDeclared('eigen');
        if (!chosen) throw notQualified();
        if (chosen === 'tridiagonal-ql') return symmetricEigenvaluesFlat(a, n, out);
        const values = symmetricEigenvalues(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => a[i * n + j]!)), chosen);
        return out ? (out.set(values), out) : Float64Array.from(values);
      },
    };
    const used = eigenQualification.find((q) => q.library === chosen);
    const refs = new References({
      tfjs,
      eigen: {
        label: eigen.label, qualified: chosen !== undefined,
        // The library the checks use (or, when none qualified, every library tried, each failing).
        cases: (used ? [used] : eigenQualification).map((q) => ({
          case: `${q.library}: ${q.cases} matrices of known spectrum (${q.threw} threw, ${q.inaccurate} inaccurate)`,
          error: Number.isFinite(q.worstRelativeError) ? q.worstRelativeError : null, tolerance: q.tolerance, passed: q.qualified,
        })),
      },
    });
    return { config, subject: IMPL_SUBJECT, refs, dtypes: ['float64', 'float64'] as const, tfjs, eigen, eigenQualification, eigenFindings };
  })();
  contexts.set(config.seed, context);
  return context;
}
