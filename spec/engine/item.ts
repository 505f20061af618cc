// The typed header of a spec item and of its checks. One item per file under spec/items/, default export.
import type fc from 'fast-check';
import type { TfjsOracle } from '../../oracles/tfjs/index.ts';
import type { RunConfig } from './config.ts';
import type { ReferenceId, References } from './references.ts';
import type { LossFunctionName, Subject } from './subject.ts';
import type { Dtype } from './tolerance.ts';

export const VERDICTS = ['holds', 'refuted', 'conditional', 'definition', 'not-checkable'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** What the evidence can also say: a check that should pass did not, or a refutation too close to call. */
export type ComputedVerdict = Verdict | 'inconclusive' | 'borderline';

/**
 * claim              the statement under the reading the item tests (docs/reading-policy.md). A universal
 *                    (forall) claim is refuted by a case that fails it clearly; an existential (exists)
 *                    claim is shown by a witness that clears its bound clearly, and is never refuted by
 *                    its own failures: a sample cannot show that no witness exists
 * negation           the universal negation of an existential claim (e.g. "for every W, H·vec(11ᵀ) = 0"),
 *                    backed by an identity; when it passes, the existential claim is refuted
 * support            machinery the verdict relies on (impl ↔ oracle); must pass
 * correction         the corrected statement of a refuted item; must pass
 * condition          the statement under the named condition/convention; must pass
 * outside-condition  the statement without the condition; must fail clearly for `conditional`
 * literal            the literal reading of a sentence whose charitable reading the claim checks; its
 *                    clear failure is the evidence of an erratum (notation, typo); the verdict ignores it
 * subject            the implementation under test (ctx.subject) against an independent reference: its
 *                    conformance, reported apart from the audit; it never decides a verdict about the book
 *                    (unless the subject is the audit's own reference, impl/: then a failure breaks the audit)
 */
export type CheckRole = 'claim' | 'negation' | 'support' | 'correction' | 'condition' | 'outside-condition' | 'literal' | 'subject';
export const CHECK_ROLES: readonly CheckRole[] = ['claim', 'negation', 'support', 'correction', 'condition', 'outside-condition', 'literal', 'subject'];

/** One case's measurement: it passes iff value ≤ bound ('atMost', the default) or value ≥ bound ('atLeast'). */
export interface Outcome {
  value: number;
  bound: number;
  sense?: 'atMost' | 'atLeast';
  /** What the case shows, in words (kept for counterexamples). */
  note?: string;
}

export interface RunContext {
  config: RunConfig;
  /** The implementation under test (impl/ by default); only 'subject' checks call it. */
  subject: Subject;
  /** The references, qualified on first use. */
  refs: References;
  /**
   * The dtype pair of the running check, for the tolerance: [what is checked, what it is compared with]
   * — the subject's dtype for a subject check, float64 for the printed formula or a closed form — and
   * the dtype of its (least precise) declared reference. Set by the engine around `evaluate`.
   */
  dtypes: readonly [Dtype, Dtype];
  tfjs: TfjsOracle;
  /** The qualified symmetric-eigenvalue oracle (ascending eigenvalues) and its report label. */
  eigen: { label: string; values: (a: number[][]) => number[] };
}

export interface CheckDefinition<I> {
  name: string;
  role: CheckRole;
  /**
   * The references it compares with, by handle (spec/engine/references.ts): the engine qualifies them
   * before measuring, and the report's label and the tolerance's dtypes come from them.
   */
  reference: ReferenceId | readonly ReferenceId[];
  /** For role 'subject': the LossApi functions it calls (a subject without one of them skips the check). */
  subject?: LossFunctionName | readonly LossFunctionName[];
  arbitrary: fc.Arbitrary<I>;
  /** 'default' → config.runs, 'hessian' → config.hessianRuns, or a fixed count (1 for a worked example). */
  runs: 'default' | 'hessian' | number;
  /** forall (default): every case passes. exists: some case passes (e.g. "the Hessian depends on W"). */
  quantifier?: 'forall' | 'exists';
  /** Measures all cases at once, so oracles can batch; returns one outcome per case, in order. */
  evaluate: (cases: I[], ctx: RunContext) => Outcome[] | Promise<Outcome[]>;
}

export interface ItemDefinition {
  /** '4.3.k' for a numbered formula, a stable slug for a prose claim. */
  id: string;
  kind: 'formula' | 'claim';
  /** Subsection, e.g. '4.3.1'. */
  section: string;
  /** A short verbatim excerpt of the source (whitespace-insensitive), enough to find the place. */
  quote: string;
  /** One English sentence saying what the item asserts. */
  statement: string;
  /** The formula as printed: the source's own LaTeX, verbatim (whitespace aside; a meta-test checks it). */
  printed?: string;
  /** The formula the item checks, in LaTeX, when the book prints none for it (never shown as "as printed"). */
  formula?: string;
  /** For refuted items: the corrected formula or statement; its checks have role 'correction'. */
  correction?: { statement: string; latex?: string };
  /** For conditional items: the condition or convention under which the statement holds. */
  condition?: string;
  /** For not-checkable items: why. */
  reason?: string;
  /**
   * The reading the item tests, when the sentence needs one (a hedge such as 类似/约/可以理解为, notation
   * defined nearby, the surrounding convention): what a competent reader takes the sentence to say.
   */
  reading?: string;
  /** Ids of the errata (spec/errata/) this item's evidence shows: what the book prints wrong. */
  errata?: string[];
  /** A second reader's judgement where it differed, and how it was settled. */
  notes?: string;
  /** A definition: its stated properties are checked and the verdict is 'definition'. */
  definition?: boolean;
  /** The verdict the recorded evidence must produce; a change of evidence fails CI. */
  expectedVerdict: Verdict;
  checks: CheckDefinition<any>[];
}

export function defineItem(item: ItemDefinition): ItemDefinition {
  return item;
}

export function check<I>(definition: CheckDefinition<I>): CheckDefinition<I> {
  return definition;
}
