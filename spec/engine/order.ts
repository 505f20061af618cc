// THE order of items (registry, results, reports, the CLI and the browser suite): by section, then the
// numbered formulas by number, then claims by id. Browser-safe (no node: imports).
import type { ItemDefinition } from './item.ts';

type Ordered = Pick<ItemDefinition, 'id' | 'section'>;

/** The sort key of an item: section | 0 and the zero-padded formula number, or section | 1 and the id. */
export function orderKey(it: Ordered): string {
  const num = /^4\.3\.(\d+)$/.exec(it.id);
  return [it.section, num ? 0 : 1, num ? Number(num[1]).toString().padStart(3, '0') : it.id].join('|');
}

/** Ordered by section, then formulas by number, then claims by id. */
export function compareItems(a: Ordered, b: Ordered): number {
  const ka = orderKey(a), kb = orderKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
