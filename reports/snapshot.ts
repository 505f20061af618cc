// The snapshot committed for readers (reports/conformance.{json,md}, written by `npm run publish-report`)
// holds nothing that varies per machine or per run, so it changes only when a verdict or its evidence
// changes: no wall-clock timings and no Node version (the versions of the libraries stay), and neither
// the commit nor the date of the run. Those two would change at every publication, and the commit would
// be wrong in the usual case: the snapshot is published from a tree with uncommitted changes (the items
// it reports on) and committed with them, so the commit that adds the snapshot is the one it was built
// from, and git already records it and its date: the snapshot says so instead (SNAPSHOT_PROVENANCE). Its
// cross-backend agreement table needs all four backends recorded (`npm run test:browser`); with fewer
// recorded, the table of the snapshot published before is kept, with a note, instead of a partial one.
import type { ResultsFile } from './model.ts';
import type { BackendAgreement } from './backends.ts';

/** What the snapshot says instead of a commit and a date. */
export const SNAPSHOT_PROVENANCE = 'Published snapshot: built from the commit that adds this file, which is its date too ' +
  '(`git log -1 -- reports/conformance.json`); the reports of `npm test` record the commit and the date of their run';

/** What varies per machine or run in `generated.versions`. */
const MACHINE_VERSIONS = ['node'];
export const KEPT_AGREEMENT_NOTE = 'This table is kept from the snapshot published before: fewer than four backends were ' +
  'recorded when this one was published (`npm run test:browser` records them; then `npm run publish-report`).';

const allFourRecorded = (a: BackendAgreement | undefined): a is BackendAgreement =>
  !!a && a.backends.length > 0 && a.backends.every((b) => b.source && b.comparable);

function withoutTimings(a: BackendAgreement): BackendAgreement {
  return { ...a, backends: a.backends.map(({ timing: _timing, ...b }) => b) };
}

/**
 * The results as published: `previous` is the snapshot's JSON as committed before (its backendAgreement
 * is kept when the recorded one does not cover all four backends).
 */
export function snapshotResults(results: ResultsFile, previous?: { backendAgreement?: BackendAgreement }): { results: ResultsFile; kept: boolean } {
  const versions = Object.fromEntries(Object.entries(results.generated.versions).filter(([k]) => !MACHINE_VERSIONS.includes(k)));
  const { commit: _commit, date: _date, ...rest } = results.generated;
  const generated = { ...rest, versions, snapshot: SNAPSHOT_PROVENANCE };
  const recorded = results.backendAgreement;
  if (allFourRecorded(recorded) || !allFourRecorded(previous?.backendAgreement)) {
    return { results: { ...results, generated, ...(recorded ? { backendAgreement: withoutTimings(recorded) } : {}) }, kept: false };
  }
  const before = withoutTimings(previous.backendAgreement);
  const notes = before.notes.includes(KEPT_AGREEMENT_NOTE) ? before.notes : [...before.notes, KEPT_AGREEMENT_NOTE];
  return { results: { ...results, generated, backendAgreement: { ...before, notes } }, kept: true };
}
