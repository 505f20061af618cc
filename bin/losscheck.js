#!/usr/bin/env node
// Launcher for `npx losscheck`: registers tsx in this process and runs the TypeScript CLI
// (cli/losscheck.ts), so arguments, stdio and the exit code pass through unchanged.
import { register } from 'tsx/esm/api';

register();
await import('../cli/losscheck.ts');
