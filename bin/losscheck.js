#!/usr/bin/env node
// Launcher for `npx losscheck`. What the arguments and the item index answer (help, --version, list,
// usage errors such as a mistyped id) comes from the CLI's fast path, cli/fast.ts, compiled by esbuild
// into node_modules/.cache/losscheck/fast.mjs (rebuilt when one of its sources changes), so it starts
// without tsx. Anything else registers tsx's loader only then and runs the TypeScript CLI
// (cli/losscheck.ts main), with arguments, stdio and the exit code passed through.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'losscheck');
const BUNDLE = join(CACHE, 'fast.mjs');
const MANIFEST = join(CACHE, 'fast.json');
const argv = process.argv.slice(2);

const stamp = (file) => { const s = statSync(join(ROOT, file)); return `${s.size}:${s.mtimeMs}`; };
const writeAtomically = (file, text) => { const tmp = `${file}.${process.pid}.tmp`; writeFileSync(tmp, text); renameSync(tmp, file); };

/** The compiled fast path, current with its sources; undefined when it cannot be had (then tsx runs everything). */
async function fastPath() {
  try {
    const { inputs } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    if (Object.entries(inputs).every(([file, st]) => stamp(file) === st)) return await import(pathToFileURL(BUNDLE).href);
  } catch { /* no cache yet, or a source changed: build it */ }
  try {
    const esbuild = await import('esbuild');
    const { outputFiles, metafile } = esbuild.buildSync({
      entryPoints: ['cli/fast.ts'], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      write: false, metafile: true, logLevel: 'silent', outfile: BUNDLE,
    });
    mkdirSync(CACHE, { recursive: true });
    writeAtomically(BUNDLE, outputFiles[0].text);
    writeAtomically(MANIFEST, JSON.stringify({ inputs: Object.fromEntries(Object.keys(metafile.inputs).map((f) => [f, stamp(f)])) }));
    return await import(pathToFileURL(BUNDLE).href);
  } catch {
    return undefined;
  }
}

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
let code;
try {
  code = (await fastPath())?.fast(argv, io, ROOT);
} catch {
  code = undefined; // the TypeScript CLI answers, and reports what went wrong
}
if (code === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../cli/losscheck.ts');
  code = await main(argv, io);
}
// tfjs-wasm leaves no work behind, but exit explicitly so a stray handle never keeps a CLI run alive.
process.exit(code);
