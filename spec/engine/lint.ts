// THE header lint of an item (spec/_meta/items.test.ts runs it on every item; the scaffold test of
// `losscheck new` runs it on a freshly scaffolded file): required fields, id form, verbatim quote, formula
// numbers that exist in the source, the fields each verdict needs, and no TODO left from the scaffold.
import { CHECK_ROLES, VERDICTS, type ItemDefinition } from './item.ts';
import { REFERENCE_IDS } from './references.ts';
import * as impl from '../../impl/index.ts';

/** The audited text prepared for the lint: whitespace removed, and its \tag numbers. */
export interface LintSource { normalised: string; tags: Set<string> }

const normalise = (s: string) => s.replace(/\s+/g, '');

export function lintSource(text: string): LintSource {
  const normalised = normalise(text);
  return { normalised, tags: new Set([...normalised.matchAll(/\\tag\{(4\.3\.\d+)\}/g)].map((m) => m[1]!)) };
}

/** What is wrong with an item's header, one line each; empty when nothing is. Without the source, its quote and formula number go unchecked. */
export function lintItem(item: ItemDefinition, source?: LintSource): string[] {
  const problems: string[] = [];
  const must = (ok: boolean, what: string) => { if (!ok) problems.push(what); };
  must(['formula', 'claim'].includes(item.kind), `kind must be formula or claim, got '${item.kind}'`);
  must((VERDICTS as readonly string[]).includes(item.expectedVerdict), `expectedVerdict must be one of ${VERDICTS.join(', ')}, got '${item.expectedVerdict}'`);
  must(/^4\.3\.[1-6]$/.test(item.section), `section must be 4.3.1 … 4.3.6, got '${item.section}'`);
  must(typeof item.statement === 'string' && item.statement.length > 10, 'statement: one English sentence (more than 10 characters)');
  must(typeof item.quote === 'string' && item.quote.length > 3, 'quote: a short verbatim excerpt of the source (more than 3 characters)');
  if (source) must(source.normalised.includes(normalise(item.quote)), `quote of ${item.id} is not verbatim in the source: ${item.quote}`);
  // "As printed" means the book's own LaTeX; a formula the item derives or states goes in `formula`.
  if (source && item.printed !== undefined) {
    must(source.normalised.includes(normalise(item.printed)), `printed of ${item.id} is not the source's LaTeX (put a formula the book does not print in 'formula'): ${item.printed}`);
  }
  if (item.kind === 'formula') {
    must(/^4\.3\.\d+$/.test(item.id), `a formula's id is its number 4.3.k, got '${item.id}'`);
    if (source) must(source.tags.has(item.id), `${item.id} is not a \\tag in the source`);
  } else {
    must(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(item.id), `claim ids are stable slugs (lower-case words joined by '-'), got '${item.id}'`);
  }
  if (item.expectedVerdict === 'refuted') must(item.correction !== undefined, 'a refuted item carries a correction');
  if (item.expectedVerdict === 'conditional') must(item.condition !== undefined, 'a conditional item names its condition');
  if (item.expectedVerdict === 'not-checkable') {
    must(item.reason !== undefined, 'a not-checkable item says why (reason)');
    must(item.checks.length === 0, 'a not-checkable item has no checks');
  } else {
    must(item.checks.length > 0, 'an item that is not not-checkable has checks');
  }
  if (item.expectedVerdict === 'definition') must(item.definition === true, "a definition's item says definition: true");
  const names = item.checks.map((c) => c.name);
  must(new Set(names).size === names.length, 'check names are unique within an item');
  for (const c of item.checks) must(CHECK_ROLES.includes(c.role), `role of check '${c.name}' must be one of ${CHECK_ROLES.join(', ')}, got '${c.role}'`);
  // A negation check is the universal negation of an existential claim of the same item.
  const negations = item.checks.filter((c) => c.role === 'negation');
  if (negations.length) {
    must(item.checks.some((c) => c.role === 'claim' && c.quantifier === 'exists'), 'a negation check needs an existential claim');
    for (const c of negations) must((c.quantifier ?? 'forall') === 'forall', `negation check '${c.name}' is universal`);
  }
  if (item.checks.some((c) => c.role === 'literal')) must(item.reading !== undefined, 'an item that checks a literal reading states the reading it takes instead');
  for (const c of item.checks) {
    const ids: readonly string[] = Array.isArray(c.reference) ? c.reference : c.reference === undefined ? [] : [c.reference as string];
    must(ids.length > 0, `check '${c.name}' names its references by handle (reference: …)`);
    for (const id of ids) must((REFERENCE_IDS as readonly string[]).includes(id), `check '${c.name}': unknown reference '${id}' (${REFERENCE_IDS.join(', ')})`);
    // The audit is judged against trusted references only; the subject is called by subject checks alone.
    if (c.role === 'subject') {
      const fns: readonly string[] = Array.isArray(c.subject) ? c.subject : c.subject ? [c.subject as string] : [];
      must(fns.length > 0, `subject check '${c.name}' names the LossApi functions it calls (subject: …)`);
      for (const fn of fns) must(typeof (impl as Record<string, unknown>)[fn] === 'function', `subject check '${c.name}': ${fn} is not a LossApi function (a name impl/index.ts exports)`);
      must(!ids.includes('impl') && !ids.includes('printed'), `subject check '${c.name}' compares with an independent reference, not impl or the printed formula`);
    } else {
      must(!c.evaluate.toString().includes('.subject'), `audit check '${c.name}' (${c.role}) must not call the subject`);
      must(c.subject === undefined, `only subject checks name LossApi functions ('${c.name}')`);
    }
  }
  // A scaffold (`losscheck new`) marks what is left to write with TODO.
  const text = [item.statement, item.reading, item.condition, item.reason, item.correction?.statement, ...names, ...(item.errata ?? [])];
  must(!text.some((t) => t !== undefined && /\bTODO\b/.test(t)), 'a TODO is left in the header or a check name (fill in what `losscheck new` left)');
  return problems;
}
