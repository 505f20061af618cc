// The tfjs autodiff oracle: runtime + qualification + gated, batched derivatives.
import { tfjsRuntime, type TfRuntime } from './backend.ts';
import { applyHigherOrderPatch, patchedKernels, restoreStockGradients } from './higherOrderPatch.ts';
import { batchedDerivatives, batchedHessianVectorProducts, type BatchedDerivatives, type LossBuilder } from './autodiff.ts';
import {
  measureKnownCases, measureLibraryDefects, type LibraryDefectMeasurement, type OracleMethod, type QualificationMeasurement,
} from './qualification.ts';
import { OracleInputError, OracleNotQualifiedError } from '../errors.ts';

export * as tfjsLosses from './losses.ts';
export type { QualificationMeasurement, LibraryDefectMeasurement, OracleMethod } from './qualification.ts';
export type { PerCaseLoss, LossBuilder, FlatDerivatives } from './autodiff.ts';

export interface TfjsQualification {
  backend: string;
  version: string;
  patchedKernels: readonly string[];
  stock: QualificationMeasurement[];
  patched: QualificationMeasurement[];
  libraryDefects: LibraryDefectMeasurement[];
  qualified: Record<OracleMethod, boolean>;
}

export interface TfjsOracle {
  runtime: TfRuntime;
  qualification: TfjsQualification;
  /** A label for reports, e.g. "tfjs-wasm autodiff (float32)". */
  label(method: OracleMethod): string;
  derivatives(params: number[][], build: LossBuilder, options?: { hessian?: boolean }): BatchedDerivatives;
  /** H_b v_b per case in one nested call (needs the qualified 'hessian' method). */
  hessianVectorProducts(params: number[][], build: LossBuilder, directions: number[][]): number[][];
}

export type AcceptMeasurement = (m: QualificationMeasurement) => { tolerance: number; passed: boolean };

let oracle: Promise<TfjsOracle> | undefined;

/**
 * The worker's tfjs oracle. On first use it measures the known cases with stock gradients, applies
 * the higher-order patch, measures again, and qualifies each method on the patched measurements.
 */
export function tfjsOracle(accept: AcceptMeasurement): Promise<TfjsOracle> {
  if (typeof accept !== 'function') return Promise.reject(new OracleInputError('tfjsOracle', 'accept', 'must be a function judging a qualification measurement'));
  oracle ??= (async () => {
    const runtime = await tfjsRuntime();
    const { tf } = runtime;
    const judge = (ms: QualificationMeasurement[]) => ms.map((m) => ({ ...m, ...(m.relativeError === null
      ? { passed: false } : accept(m)) }));
    restoreStockGradients(tf);
    const stock = judge(measureKnownCases(tf));
    const libraryDefects = measureLibraryDefects(tf);
    applyHigherOrderPatch(tf);
    const patched = judge(measureKnownCases(tf));
    const qualified = {
      grad: patched.filter((m) => m.method === 'grad').every((m) => m.passed),
      hessian: patched.filter((m) => m.method === 'hessian').every((m) => m.passed),
    };
    const qualification: TfjsQualification = {
      backend: runtime.backend, version: runtime.version, patchedKernels, stock, patched, libraryDefects, qualified,
    };
    const requireQualified = (methods: OracleMethod[]) => {
      for (const method of methods) {
        if (!qualified[method]) {
          const failed = patched.filter((m) => m.method === method && !m.passed).map((m) => m.case).join('; ');
          throw new OracleNotQualifiedError(label(method), `failed known cases: ${failed}`);
        }
      }
    };
    const label = (method: OracleMethod) =>
      `tfjs-${runtime.backend} ${method === 'grad' ? 'tf.grad' : 'nested tf.grad (patched)'} (float32)`;
    return {
      runtime, qualification, label,
      derivatives(params, build, options = {}) {
        requireQualified(options.hessian ? ['grad', 'hessian'] : ['grad']);
        return batchedDerivatives(tf, params, build, options.hessian ?? false);
      },
      hessianVectorProducts(params, build, directions) {
        requireQualified(['grad', 'hessian']);
        return batchedHessianVectorProducts(tf, params, build, directions);
      },
    };
  })();
  return oracle;
}
