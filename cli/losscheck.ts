// `npx losscheck …`: main(argv, io) returns the exit code and writes to io.stdout / io.stderr (the tests
// call it in-process). See USAGE in cli/args.ts. Results go to stdout; progress and errors to stderr.
// Exit codes: 0 all as recorded, 1 a verdict differs, a subject function fails, a replay does not
// reproduce or a run failed, 2 a usage error (one line, with the nearest names for a typo).
// What the arguments and the item index answer (help, --version, list, usage errors) is cli/fast.ts,
// which bin/losscheck.js runs compiled, without tsx; the rest imports the engine only as it needs it.
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { UsageError, colorFlag, parseArgs, type ReportOptions } from './args.ts';
import { answer, fast, usageError } from './fast.ts';
import { processIo, useColor, type Io } from './io.ts';
import { loadIndex, ROOT } from './items.ts';

/** Test seams: the items folder (default spec/items/) and where `conformance` writes its table (default reports/out/). */
export interface MainOptions { itemsDir?: string; outDir?: string }

async function report(options: ReportOptions, io: Io): Promise<number> {
  const { loadResults, writeReports, consoleSummary } = await import('../reports/build.ts');
  const { mkdirSync } = await import('node:fs');
  const cwd = io.cwd ?? process.cwd();
  const results = options.results ? loadResults(resolve(cwd, options.results)) : loadResults();
  const out = options.out ? resolve(cwd, options.out) : undefined;
  if (out) mkdirSync(out, { recursive: true });
  const files = out ? await writeReports(results, out) : await writeReports(results);
  io.stdout.write(`${consoleSummary(results)}\n`);
  for (const file of files) io.stdout.write(`wrote ${file.startsWith(ROOT) ? file.slice(ROOT.length) : file}\n`);
  return 0;
}

/** `losscheck soak`: the arguments are checked here (cli/args.ts), then scripts/soak.ts runs in its own process. */
function soak(argv: readonly string[]): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'soak.ts'), ...argv], { cwd: ROOT, stdio: 'inherit' });
  return r.status ?? 1;
}

/** Errors that are the caller's to fix (exit 2): bad arguments, a bad LOSSCHECK_* variable. */
const isUsage = (e: unknown) => e instanceof UsageError || (e instanceof Error && (e.name === 'UsageError' || e.name === 'ConfigError'));

export async function main(argv: readonly string[], io: Io = processIo(), options: MainOptions = {}): Promise<number> {
  try {
    // The fast path knows only the default items folder.
    if (!options.itemsDir) {
      const answered = fast(argv, io, ROOT);
      if (answered !== undefined) return answered;
    }
    const { argv: rest, color: mode } = colorFlag(argv);
    const command = parseArgs(rest);
    const color = useColor(io, mode);
    switch (command.command) {
      case 'help':
      case 'version':
      case 'list': return answer(command, io, ROOT, await loadIndex(options.itemsDir), color)!;
      case 'check': return await (await import('./check.ts')).check(command.options, io, color, options.itemsDir);
      case 'conformance': return await (await import('./conformance.ts')).conformance(command.options, io, color, options.itemsDir, options.outDir);
      case 'new': return await (await import('./scaffold.ts')).scaffold(command.options, io);
      case 'report': return await report(command.options, io);
      case 'soak':
        if (command.options.only) answer(command, io, ROOT, await loadIndex(), color);
        return soak(command.argv);
      case 'backends': return await (await import('../scripts/backends.ts')).backends(command.options.steps);
    }
  } catch (e) {
    if (isUsage(e)) return usageError(io, e);
    io.stderr.write(`losscheck: ${e instanceof Error ? e.message : String(e)}\n`);
    if (io.env?.LOSSCHECK_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  // Run directly (`tsx cli/losscheck.ts …`); bin/losscheck.js is the usual way in.
  process.exitCode = await main(process.argv.slice(2));
  process.exit(process.exitCode);
}
