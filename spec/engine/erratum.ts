// An erratum: one distinct thing the book prints wrong, with its root cause. One file per erratum under
// spec/errata/ (found by a directory scan, like items); items name the errata their evidence shows
// (ItemDefinition.errata), so one root error evidenced by several items is counted once.

/**
 * error      the mathematics is wrong (a false statement, a wrong formula)
 * sign       a sign is wrong, the rest is right
 * typo       a slip in writing a formula (a dropped factor or symbol) whose intent is clear from context
 * notation   a symbol used in a way other than the one defined nearby (σ'(ŷ) for σ'(z), A for a row of A)
 * imprecise  true under a reading the text does not state (a convention, a scope, a missing condition)
 */
export const SEVERITIES = ['error', 'sign', 'typo', 'notation', 'imprecise'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ErratumDefinition {
  /** Stable kebab-case slug; items refer to it. */
  id: string;
  /** Where: formula numbers (4.3.8–4.3.10) or a short verbatim quote of the place. */
  where: string;
  /** What is printed (LaTeX or words). */
  printed: string;
  /** What is right. */
  right: string;
  severity: Severity;
  /** The root cause, in one sentence: what the several places it shows up have in common. */
  cause: string;
}

export function defineErratum(erratum: ErratumDefinition): ErratumDefinition {
  return erratum;
}
