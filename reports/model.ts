// The shapes of recorded results as reports/ reads them (JSON written by spec/engine/results.ts).
// Declared here, not imported from spec/, so reports depend on the recorded data only.

export type Num = number | string; // ±Infinity and NaN arrive as strings

export interface CaseRecord { input: unknown; value: Num; bound: Num; note?: string }
export interface Counterexample {
  check: string; seed: number; path: string; shrunk: CaseRecord; worstBeforeShrinking: CaseRecord; shrinkSteps: number;
}
export interface CheckRecord {
  name: string; role: string; oracle: string; quantifier: string; cases: number;
  reference?: { ids: string[]; dtypes: string[] };
  subject?: { id: string; functions: string[] };
  /** A check that did not run (a subject without the function or capability), with why. */
  skipped?: string;
  maxError: Num; tolerance: Num; sense: 'atMost' | 'atLeast'; margin: Num; passed: boolean; seed: number;
  decidingCase: CaseRecord; counterexample?: Counterexample;
}
/** A unit of the sentence ledger that lists the item (spec/ledger/places.ts). */
export interface LedgerPlace {
  section: string; at: number; words: string; whole?: boolean; others: string[]; rest?: { class: string; reason?: string };
}
export interface ItemRecord {
  id: string; kind: string; section: string; quote: string; statement: string; printed?: string;
  /** The formula the item checks when the book prints none (not "as printed"). */
  formula?: string;
  condition?: string; correction?: { statement: string; latex?: string }; reason?: string;
  reading?: string; errata?: string[]; notes?: string;
  expectedVerdict: string; file: string;
  /** Absent in results recorded before the ledger existed. */
  sentences?: LedgerPlace[];
  result: { id: string; verdict: string; reason: string; checks: CheckRecord[]; counterexample?: Counterexample; durationMs?: number };
}
/** An erratum as recorded (spec/errata/); the items naming it in `errata` are its evidence. */
export interface ErratumRecord {
  id: string; where: string; printed: string; right: string; severity: string; cause: string;
}
export interface Generated {
  seed: number; runs: number; hessianRuns: number; backend: string; versions: Record<string, string>;
  toleranceModel: Record<string, unknown>;
  /** The implementation under test of the 'subject' checks (absent in older results: impl). */
  subject?: string;
  /** The commit the run measured (git rev-parse HEAD, "+dirty" when the tree had changes) and when it ran (ISO, UTC). */
  commit?: string; date?: string;
  /** Set in the published snapshot, which leaves the commit and date to git (reports/snapshot.ts). */
  snapshot?: string;
}
export interface QualificationMeasurement {
  case: string; method: string; relativeError: number | null; error?: string; tolerance?: number; passed?: boolean;
}
export interface OracleFindings {
  tfjs: {
    backend: string; version: string; patchedKernels: string[];
    stock: QualificationMeasurement[]; patched: QualificationMeasurement[];
    libraryDefects: { name: string; outcome: string }[]; qualified: Record<string, boolean>;
  };
  eigen: {
    library: string; cases: number; threw: number; inaccurate: number; worstRelativeError: Num;
    tolerance: number; qualified: boolean; examples: string[];
  }[];
  eigenOracle: string;
  /** Every reference the run qualified (spec/engine/references.ts); absent in older results. */
  references?: ReferenceFinding[];
}
export interface ReferenceFinding {
  id: string; label: string; dtype: string; qualifiable: boolean; qualified: boolean; note: string;
  cases: { case: string; error: Num | null; tolerance: Num; passed: boolean; note?: string }[];
}
/** The report's plot data, recorded with the results (spec/engine/plotData.ts). */
export interface PlotData {
  gradientRatio: { series: { yHat: number; ratio: number }[]; example: { yHat: number; ratio: number } };
  simplex: { series: { t: number; loss: string; value: number }[] };
  spectrum: {
    series: { maxP: number; eigenvalue: number; rank: string }[];
    classes: number; samples: number; seed: number; spreads: number[]; smallest: number; largest: number;
  };
}
export interface ResultsFile {
  plots?: PlotData;
  /** Items dealt to a part that recorded no result (their test threw). */
  missing?: string[];
  generated: Generated; oracleFindings: OracleFindings; items: ItemRecord[];
  /** Absent in results recorded before the errata existed. */
  errata?: ErratumRecord[];
  /** Other backends' runs of the same checks (reports/backends.ts). */
  backendAgreement?: import('./backends.ts').BackendAgreement;
}
