// Which results file a run writes, and which items it runs (read from the environment in both the
// workers and the main process).

/** The results name of this run: `conformance`, `selected` (LOSSCHECK_ONLY), or LOSSCHECK_RESULTS_NAME. */
export function resultsName(env: Record<string, string | undefined> = process.env): string {
  // scripts/backends.ts and scripts/soak.ts record their runs under their own names (backend-node-cpu, soak).
  const name = env.LOSSCHECK_RESULTS_NAME || 'conformance';
  if (!/^[\w-]+$/.test(name)) throw new Error(`LOSSCHECK_RESULTS_NAME must be a plain file name, got '${name}'`);
  return selectedIds(env) ? 'selected' : name;
}

export function selectedIds(env: Record<string, string | undefined> = process.env): string[] | undefined {
  return env.LOSSCHECK_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
}
