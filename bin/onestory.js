#!/usr/bin/env node
// The onestory command line. It runs the same TypeScript pipeline as the Worker, loaded through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
