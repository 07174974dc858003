#!/usr/bin/env node
// `npm run fuzz -- [--count N] [--seed S] [--start I]`: mutate the record and validate every mutant
// (src/fuzz/). Exit 1 if any mutant crashed, hung, took over 2 s or got a diagnostic out of place;
// each is saved under test-results/fuzz/ and replayed with --seed S --start I --count 1.
import { parseArgs } from 'node:util';
import { runFuzz } from '../dist/fuzz/run-fuzz.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    seed: { type: 'string', default: '20260226' },
    start: { type: 'string', default: '0' },
  },
});
const number = (name, v) => {
  if (!/^\d+$/.test(v)) {
    process.stderr.write(`fuzz: Unexpected --${name} "${v}", expected a whole number\n`);
    process.exit(2);
  }
  return Number(v);
};
const seed = number('seed', values.seed);
const count = number('count', values.count);
const start = number('start', values.start);

const onMutant = (index, problems) => {
  for (const p of problems) process.stderr.write(`mutant ${index}: ${p.split('\n')[0]}\n`);
  if ((index - start + 1) % 500 === 0) process.stdout.write(`${index - start + 1}/${count} mutants\n`);
};
const s = await runFuzz({ seed, count, start, onMutant }).catch((e) => {
  // The harness itself failed (e.g. the unmutated record does not validate): one line, exit 2.
  process.stderr.write(`fuzz: ${e.message}\n`);
  process.exit(2);
});
process.stdout.write(
  `fuzz: seed ${seed}, mutants ${start}..${start + count - 1}: ${s.failures.length} failing, ${s.clean} without errors; ` +
    `slowest #${s.slowest.index} ${s.slowest.ms} ms; ${(s.ms / 1000).toFixed(1)} s\n`,
);
for (const f of s.failures)
  process.stdout.write(`  seed ${f.seed} mutant ${f.index} (${f.mutators.join(', ')}): saved ${f.file}\n`);
process.exitCode = s.failures.length > 0 ? 1 : 0;
