#!/usr/bin/env node
// Compile the package's stylesheets (and its own edition's Schematron) to SEF once, at install and before
// packing, into dist/precompiled/ by content hash: the first build then never waits for the XSLT compiler.
// Runs after `tsc` (it uses the compiled dist/).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileStylesheet, SHIPPED_SEF_DIR } from '../dist/transform/compile-stylesheet.js';
import { compileSchematron } from '../dist/validate/schematron.js';
import { writeStandaloneValidator } from '../dist/config/config-validator.js';

const root = resolve(import.meta.dirname, '..');
const compiler = join(root, 'xslt', 'schematron', 'compile.xsl');
const entries = [
  'html/html.xsl',
  'text/text.xsl',
  'cite/cite.xsl',
  'deposit/deposit.xsl',
  'schematron/compile.xsl',
].map((e) => join(root, 'xslt', e));
const schematron = readdirSync(join(root, 'tei', 'schema'), { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.sch'))
  .map((e) => join(e.parentPath, e.name));

const jobs = [
  ...entries.map((e) => () => compileStylesheet(e, SHIPPED_SEF_DIR)),
  ...schematron.map((s) => () => compileSchematron(s, compiler, SHIPPED_SEF_DIR)),
];
// The configuration's JSON Schema as ajv standalone code: runs then load it instead of compiling it.
try {
  writeStandaloneValidator();
} catch (e) {
  process.stderr.write(
    `tei-pipeline: cannot precompile the configuration schema (${e.message}); it is compiled on use\n`,
  );
}
const started = Date.now();
let done = 0;
// Two at a time: each compile is a process of its own, and machines that install are often small.
const queue = [...jobs];
const worker = async () => {
  for (let job = queue.shift(); job; job = queue.shift()) {
    await job();
    process.stderr.write(`tei-pipeline: compiled stylesheets ${++done}/${jobs.length}\n`);
  }
};
try {
  await Promise.all([worker(), worker()]);
  process.stderr.write(`tei-pipeline: stylesheets ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (e) {
  process.stderr.write(
    `tei-pipeline: cannot precompile the stylesheets (${e.message}); they will be compiled on first use\n`,
  );
}

// saxon-js's V8 code cache (src/transform/load-saxon-js.ts) is written when a process that used it ends,
// holding the functions that process ran. A build of the init template's sample letter here, in a temporary
// folder, leaves it where the user's runs look (node_modules/.cache/tei-pipeline/, or TEI_PIPELINE_CACHE/code):
// the first build after install then starts warm too. Nothing of this is needed: on failure, the first build writes the cache instead.
try {
  // With the V8 flags the command line sets (bin/tei-pipeline.js): V8 keys cached code by them.
  const { paceHeapGrowth } = await import('../dist/core/heap-growth.js');
  paceHeapGrowth();
  const { main } = await import('../dist/cli/main.js');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const sample = mkdtempSync(join(tmpdir(), 'tei-pipeline-warm-'));
  const quiet = { write: () => true };
  try {
    const options = { cwd: sample, stdout: quiet, stderr: quiet };
    if ((await main(['init', '.', '--quiet'], options)) === 0) {
      await main(['build', '--quiet'], options);
      // `validate` runs without the pace (cli/main.ts pacesHeap), so under other flags: its own cache, warmed
      // by a run of its own.
      spawnSync(process.execPath, [join(root, 'bin', 'tei-pipeline.js'), 'validate', '--quiet'], {
        cwd: sample,
        stdio: 'ignore',
      });
    }
  } finally {
    rmSync(sample, { recursive: true, force: true });
  }
} catch (e) {
  process.stderr.write(`tei-pipeline: the first build will warm saxon-js's code cache (${e.message})\n`);
}
