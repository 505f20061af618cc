// The CLI's fast path: what it can answer from the arguments and the item index alone (help, --version,
// list, and every usage error: a typo in an id, a verdict or an option) without importing any item,
// tfjs or tsx. bin/losscheck.js runs a compiled copy of this module and starts the TypeScript CLI
// (cli/losscheck.ts) only when `fast` returns undefined. Node built-ins only, no dynamic imports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE, UsageError, assertKnownIds, colorFlag, parseArgs, type Command, type Selection } from './args.ts';
import { lastRunVerdicts, readIndex, type IndexedItem, type ItemIndex } from './itemIndex.ts';
import { paint, useColor, verdictColor, type Io } from './io.ts';
import { select } from './select.ts';

export function version(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

const line = (io: Io) => (text = '') => io.stdout.write(`${text}\n`);

/** `list`: one line per selected item (or JSON), from the index and the last recorded run. */
export function list(io: Io, root: string, index: ItemIndex, selection: Selection, json: boolean, color: boolean): number {
  const measured = lastRunVerdicts(root);
  const items = select(index.items, selection, measured);
  const print = line(io);
  if (json) {
    print(JSON.stringify(items.map((it) => ({
      id: it.id, section: it.section, kind: it.kind, recordedVerdict: it.expectedVerdict,
      lastMeasuredVerdict: measured.get(it.id) ?? null, statement: it.statement, file: it.file,
    })), null, 2));
    return 0;
  }
  const p = paint(color);
  const width = Math.max(...items.map((it) => it.id.length), 2);
  print(p.bold(`${'id'.padEnd(width)}  section  kind     recorded       last run       statement`));
  for (const it of items) {
    const last = measured.get(it.id);
    const mark = last === undefined ? '—' : last === it.expectedVerdict ? last : `${last} ✗`;
    const lastColor = last === undefined ? p.dim : last === it.expectedVerdict ? verdictColor(p, last) : p.red;
    print(`${it.id.padEnd(width)}  ${it.section.padEnd(7)}  ${it.kind.padEnd(7)}  ${verdictColor(p, it.expectedVerdict)(it.expectedVerdict.padEnd(13))}  ` +
      `${lastColor(mark.padEnd(13))}  ${it.statement}`);
  }
  const total = index.items.length;
  print(items.length === total ? `${total} items` : `${items.length} of ${total} items`);
  return 0;
}

/** The items a command names, validated against the index (a UsageError for a typo). */
export function selectedItems(index: ItemIndex, selection: Selection, root: string): IndexedItem[] {
  const items = select(index.items, selection, lastRunVerdicts(root));
  if (!items.length) throw new UsageError('no item matches that selection (`npx losscheck list` shows them)');
  return items;
}

/**
 * What the index can answer or reject. Returns the exit code, or undefined when the command needs the
 * TypeScript CLI (running checks, building the index, scaffolding, reports, scripts).
 */
export function answer(command: Command, io: Io, root: string, index: ItemIndex | undefined, color: boolean): number | undefined {
  switch (command.command) {
    case 'help': line(io)(USAGE); return 0;
    case 'version': line(io)(`losscheck ${version(root)}`); return 0;
    case 'list': return index ? list(io, root, index, command.selection, command.json, color) : undefined;
    case 'check':
      if (index) selectedItems(index, command.options.selection, root);
      return undefined;
    case 'conformance':
      if (index && command.options.only) assertKnownIds(command.options.only, index.items.map((it) => it.id));
      return undefined;
    case 'soak':
      if (index && command.options.only) assertKnownIds(command.options.only.split(','), index.items.map((it) => it.id));
      return undefined;
    default: return undefined;
  }
}

/** A usage error: one line on stderr, exit code 2. */
export function usageError(io: Io, e: unknown): number {
  io.stderr.write(`losscheck: ${e instanceof Error ? e.message : String(e)}\n`);
  return 2;
}

/** The fast path: the exit code when the arguments and the cached index answer the command, else undefined. */
export function fast(argv: readonly string[], io: Io, root: string): number | undefined {
  try {
    const { argv: rest, color } = colorFlag(argv);
    const command: Command = parseArgs(rest);
    const needsIndex = command.command !== 'help' && command.command !== 'version';
    return answer(command, io, root, needsIndex ? readIndex(root) : undefined, useColor(io, color));
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, e);
    throw e;
  }
}
