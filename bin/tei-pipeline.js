#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into dist/ by `npm install` (the "prepare" script).
import { paceHeapGrowth } from '../dist/core/heap-growth.js';
import { main, pacesHeap } from '../dist/cli/main.js';

// Before anything fills the heap (src/core/heap-growth.ts says why), for the commands that render.
if (pacesHeap(process.argv.slice(2))) paceHeapGrowth();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
