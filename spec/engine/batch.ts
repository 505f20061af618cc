// Oracle calls are batched: all cases of a property in one tensor call. Cases whose tensors have
// different shapes (e.g. datasets with different d or N) cannot share a tensor, so they are grouped
// by shape: one call per distinct shape, results returned in the original order.

export function batchedByShape<I, O>(cases: readonly I[], shapeKey: (c: I) => string, run: (group: I[]) => O[]): O[] {
  const groups = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const key = shapeKey(c);
    const list = groups.get(key);
    if (list) list.push(i); else groups.set(key, [i]);
  });
  const out = new Array<O>(cases.length);
  for (const indices of groups.values()) {
    const results = run(indices.map((i) => cases[i]!));
    if (results.length !== indices.length) throw new Error(`batchedByShape: ${results.length} results for ${indices.length} cases`);
    indices.forEach((i, k) => { out[i] = results[k]!; });
  }
  return out;
}
