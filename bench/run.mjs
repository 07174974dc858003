// npm run bench: our pipeline side by side with the reference toolchains, alternating, several
// repetitions, medians and ratios. Prints a table, then how each figure was obtained; writes
// bench/results.json (the latest run) and appends the run to bench/history/<date>-<commit>.json.
// Needs Debian's jing, libxml2-utils (xmllint), libsaxonhe-java and a JRE (the README says so).
// Options: --reps N (default 3) --n N[,M…] (corpus sizes for P3, default 1000,5000: the first gets the
// full P3 rows against Saxon-HE, each further size a cold build whose time per document and peak RSS
// are compared with the first's: cost must grow linearly and memory stay flat) --only P1,P2,P3,P4
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { reps: { type: 'string' }, n: { type: 'string' }, only: { type: 'string' } },
});
const reps = Number(values.reps ?? 3);
const corpusSizes = (values.n ?? '1000,5000').split(',').map(Number);
const corpusSize = corpusSizes[0];
const only = new Set((values.only ?? 'P1,P2,P3,P4').split(','));
const SAXON = '/usr/share/java/Saxon-HE.jar';
const TEI_ALL = process.env.TEI_ALL_RNG ?? join(repo, '..', 'shared', 'tei', 'tei_all.rng');
const bin = join(repo, 'bin', 'tei-pipeline.js');
const work = mkdtempSync(join(tmpdir(), 'tei-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const tool of ['jing', 'xmllint', 'java']) {
  if (spawnSync(tool, ['--version']).error) {
    console.error(`bench: ${tool} is missing (apt-get install -y jing libxml2-utils libsaxonhe-java)`);
    process.exit(2);
  }
}

/** Wall time of a command in ms, and its peak RSS in MB (GNU time). */
function timed(cmd, args, opts = {}) {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const ms = performance.now() - started;
  const rssKb = Number(r.stderr.trim().split('\n').at(-1));
  if (r.status !== 0 && !opts.allowFail)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { ms, rssMb: rssKb / 1024 };
}

/** A project folder holding the given documents (tei/ with registers and schema). */
function project(name, setup) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  setup(dir);
  return dir;
}
const recordProject = () =>
  project('record', (dir) => {
    mkdirSync(join(dir, 'tei'), { recursive: true });
    cpSync(join(repo, 'tei'), join(dir, 'tei'), { recursive: true });
  });

const ours = (dir, extra = [], env = {}) =>
  timed(process.execPath, [bin, 'build', '--quiet', ...extra], { cwd: dir, env: { ...process.env, CI: '1', ...env } });

/** The Java reference: jing with the project schema, then Saxon-HE running our entry stylesheets. */
function javaReference(dir, docs) {
  const out = join(dir, 'java-out');
  rmSync(out, { recursive: true, force: true });
  let ms = 0;
  let rss = 0;
  const step = (cmd, args) => {
    const r = timed(cmd, args, { cwd: dir });
    ms += r.ms;
    rss = Math.max(rss, r.rssMb);
  };
  step('jing', [
    join(dir, 'tei', 'schema', 'tei-project.rng'),
    ...docs.map((d) => join(dir, 'tei', d)),
    ...readdirSync(join(dir, 'tei', 'register')).map((f) => join(dir, 'tei', 'register', f)),
  ]);
  const source = docs.length === 1 ? join(dir, 'tei', docs[0]) : join(dir, 'tei');
  for (const f of ['html', 'text', 'cite']) {
    mkdirSync(join(out, f), { recursive: true });
    const target = docs.length === 1 ? join(out, f, 'principal.out') : join(out, f);
    step('java', [
      '-cp',
      SAXON,
      'net.sf.saxon.Transform',
      `-s:${source}`,
      `-o:${target}`,
      `-xsl:${join(repo, 'xslt', f, `${f}.xsl`)}`,
    ]);
  }
  const uris = docs.map((d) => d).join(' ');
  step('java', [
    '-cp',
    SAXON,
    'net.sf.saxon.Transform',
    `-o:${join(out, 'html', 'corpus.out')}`,
    `-xsl:${join(repo, 'xslt', 'html', 'html.xsl')}`,
    '-it:corpus',
    `document-uris=${uris}`,
    `corpus-base=file://${join(dir, 'tei')}/`,
  ]);
  return { ms, rssMb: rss };
}

/** The C floor: xmllint --relaxng (xsltproc runs XSLT 1.0 only, so it cannot run our stylesheets). */
function cFloor(dir, docs) {
  return timed(
    'xmllint',
    ['--noout', '--relaxng', join(dir, 'tei', 'schema', 'tei-project.rng'), ...docs.map((d) => join(dir, 'tei', d))],
    { cwd: dir },
  );
}

// Measures of earlier runs stay unless this run measures them again (run P3 alone, say).
const previous = existsSync(join(repo, 'bench', 'results.json'))
  ? (JSON.parse(readFileSync(join(repo, 'bench', 'results.json'), 'utf8')).measures ?? {})
  : {};
const git = (...args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' }).stdout.trim();
const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
const results = {
  date: new Date().toISOString(),
  commit: commit + (dirty ? '+uncommitted' : ''),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    // The machine is shared: its load when the run started says how far to trust the absolute figures.
    loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
  },
  reps,
  corpusSizes,
  measures: { ...previous },
};
const measured = [];
const row = (id, label, value, unit, reference, target, how) => {
  results.measures[id] = {
    label,
    value,
    unit,
    reference,
    ratio: reference ? value / reference : null,
    target,
    how,
    date: results.date,
    commit: results.commit,
  };
  measured.push(id);
  const ratio = reference ? `${(value / reference).toFixed(3)}×` : '';
  console.log(
    `${id.padEnd(22)} ${label.padEnd(58)} ${value.toFixed(1).padStart(10)} ${unit.padEnd(5)} ${reference ? reference.toFixed(1).padStart(10) : ''.padStart(10)} ${ratio.padStart(8)}  ${target ?? ''}`,
  );
};
console.log(
  `${'measure'.padEnd(22)} ${'what'.padEnd(58)} ${'ours'.padStart(10)} ${'unit'.padEnd(5)} ${'reference'.padStart(10)} ${'ratio'.padStart(8)}  target`,
);

if (only.has('P1')) {
  const dir = recordProject();
  const doc = ['dobrynin-vance-1977-02-26.xml'];
  const cold = [],
    uncached = [],
    warmCompiled = [],
    java = [],
    c = [];
  const sef = join(work, 'sef-cache');
  for (let i = 0; i < reps; i++) {
    // Alternate the tools within each repetition.
    // The build step of `npm install && npm run build`: the edition's .cache/ empty, what the install left
    // (dist/precompiled/, saxon-js's code cache in node_modules/.cache/) in place.
    rmSync(join(dir, '.cache'), { recursive: true, force: true });
    cold.push(ours(dir, ['--force']).ms);
    // And with nothing cached at all: every cache under an empty TEI_PIPELINE_CACHE.
    rmSync(sef, { recursive: true, force: true });
    uncached.push(ours(dir, ['--force'], { TEI_PIPELINE_CACHE: sef }).ms);
    java.push(javaReference(dir, doc).ms);
    warmCompiled.push(ours(dir, ['--force'], { TEI_PIPELINE_CACHE: sef }).ms);
    c.push(cFloor(dir, doc).ms);
  }
  row(
    'P1.cold',
    'record: validate + all outputs, first build after install',
    median(cold),
    'ms',
    median(java),
    '≤ 0.3× Java',
    `median of ${reps}: \`tei-pipeline build --force\` on a copy of tei/ with no .cache/ (no build cache, no compiled Schematron or stylesheet beyond dist/precompiled/), saxon-js's code cache as \`npm install\` left it (scripts/precompile.mjs); reference: P1.java`,
  );
  row(
    'P1.uncached',
    'record: validate + all outputs, every cache empty',
    median(uncached),
    'ms',
    median(java),
    'reported',
    `median of ${reps}: \`tei-pipeline build --force\` with TEI_PIPELINE_CACHE an empty folder (no code cache, no compiled stylesheet beyond dist/precompiled/); reference: P1.java`,
  );
  row(
    'P1.compiled',
    'record: new process, no build cache, stylesheets compiled',
    median(warmCompiled),
    'ms',
    median(java),
    '≤ 0.3× Java',
    `median of ${reps}: \`tei-pipeline build --force\` again in a new process, stylesheets compiled by the run before; reference: P1.java`,
  );
  row(
    'P1.java',
    'Java reference: jing + Saxon-HE 9.9 (our stylesheets)',
    median(java),
    'ms',
    null,
    undefined,
    `median of ${reps}: jing with the project schema, then one \`java net.sf.saxon.Transform\` per format (html, text, cite) and one for the corpus template (-it:corpus), summed`,
  );
  row(
    'P1.c-floor',
    'C floor: xmllint --relaxng (xsltproc cannot run XSLT 3.0)',
    median(c),
    'ms',
    median(java),
    undefined,
    `median of ${reps}: \`xmllint --noout --relaxng\` over the record`,
  );
}

if (only.has('P2')) {
  // bench/watch-reload.mjs: `watch` in its own process, saves and cold builds alternating; it says how.
  const { measureWatch, HOW } = await import('./watch-reload.mjs');
  const m = await measureWatch({ saves: Math.max(reps, 5) });
  row('P2.cold', 'record: cold build, stylesheets compiled (P2 reference)', m.cold, 'ms', null, undefined, HOW.cold);
  row(
    'P2.reload',
    'watch: save of the record to the page told to reload',
    m.reload,
    'ms',
    m.cold,
    '≤ 0.1× cold',
    HOW.reload,
  );
  row(
    'P2.watch',
    'watch: save of the record to all outputs written',
    m.outputs,
    'ms',
    m.cold,
    '≤ 0.2× cold',
    HOW.outputs,
  );
}

if (only.has('P3')) {
  const dir = project('corpus', (d) => generateCorpus(corpusSize, d));
  const docs = readdirSync(join(dir, 'tei')).filter((f) => f.endsWith('.xml'));
  const sef = join(work, 'sef-p3');
  ours(dir, ['--force'], { TEI_PIPELINE_CACHE: sef }); // compile the stylesheets once, outside the timing
  const cold = [],
    java = [],
    none = [],
    one = [],
    rss = [];
  for (let i = 0; i < reps; i++) {
    rmSync(join(dir, '.cache'), { recursive: true, force: true });
    const c = ours(dir, ['--force'], { TEI_PIPELINE_CACHE: sef });
    cold.push(c.ms);
    rss.push(c.rssMb);
    console.error(`P3 rep ${i + 1}: ours cold ${c.ms.toFixed(0)} ms, ${c.rssMb.toFixed(0)} MB`);
    java.push(javaReference(dir, docs).ms);
    none.push(ours(dir, [], { TEI_PIPELINE_CACHE: sef }).ms);
    const f = join(dir, 'tei', docs[i % docs.length]);
    writeFileSync(f, readFileSync(f, 'utf8').replace('asked him to pass on', `asked him (${i}) to pass on`));
    one.push(ours(dir, [], { TEI_PIPELINE_CACHE: sef }).ms);
  }
  const throughput = (ms) => (docs.length / ms) * 1000;
  const corpusHow = `bench/generate-corpus.mjs ${docs.length}, stylesheets compiled beforehand`;
  row(
    'P3.throughput',
    `${docs.length} documents: cold build throughput (docs/s)`,
    throughput(median(cold)),
    'doc/s',
    throughput(median(java)),
    '≥ 0.5× Saxon-HE',
    `${corpusHow}; median of ${reps} \`tei-pipeline build --force\` (default --jobs), each followed by the reference: jing over every file, then Saxon-HE (one JVM per format over the folder, and the corpus template)`,
  );
  row(
    'P3.no-change',
    'no-change rebuild vs our cold build',
    median(none),
    'ms',
    median(cold),
    '≤ 0.02× cold',
    `${corpusHow}; median of ${reps} \`tei-pipeline build\` right after a cold build`,
  );
  row(
    'P3.one-change',
    'one document changed vs our cold build',
    median(one),
    'ms',
    median(cold),
    '≤ 0.05× cold',
    `${corpusHow}; median of ${reps} \`tei-pipeline build\` after one word of one document changed`,
  );
  row(
    'P3.rss',
    'peak RSS of the cold build',
    Math.max(...rss),
    'MB',
    512,
    '≤ 512 MB',
    `${corpusHow}; the largest of ${reps} cold builds' maximum resident set size (GNU time %M; the process and its worker threads)`,
  );
  // Larger corpora: one cold build each (a 5,000-document build takes minutes), against the first size's
  // median cold build per document, and its peak RSS against the same 512 MB.
  for (const n of corpusSizes.slice(1)) {
    const big = project(`corpus-${n}`, (d) => generateCorpus(n, d));
    const c = ours(big, ['--force'], { TEI_PIPELINE_CACHE: sef });
    console.error(`P3 ${n}: ours cold ${c.ms.toFixed(0)} ms, ${c.rssMb.toFixed(0)} MB`);
    const perDoc = c.ms / n;
    row(
      `P3.${n}.per-doc`,
      `${n} documents: cold build time per document vs ${docs.length}'s`,
      perDoc,
      'ms',
      median(cold) / docs.length,
      '≈ 1× (linear)',
      `bench/generate-corpus.mjs ${n}; one \`tei-pipeline build --force\`, its wall time divided by ${n}; reference: P3's median cold build divided by ${docs.length}`,
    );
    row(
      `P3.${n}.rss`,
      `${n} documents: peak RSS of the cold build`,
      c.rssMb,
      'MB',
      512,
      '≤ 512 MB',
      `the same build's maximum resident set size (GNU time %M)`,
    );
    rmSync(big, { recursive: true, force: true });
  }
}

if (only.has('P4') && existsSync(TEI_ALL)) {
  // `validate --schema tei_all.rng` checks what jing checks (well-formedness + the schema), in one process
  // each: ours compiles the full grammar once per process, as jing does.
  const corpus = join(repo, '..', 'shared', 'corpus');
  const xmlUnder = (d) =>
    readdirSync(d, { recursive: true })
      .filter((f) => String(f).endsWith('.xml'))
      .map((f) => join(d, String(f)))
      .sort();
  const sets = [['P4.record', 'the record alone', [join(repo, 'tei', 'dobrynin-vance-1977-02-26.xml')]]];
  if (existsSync(corpus))
    sets.unshift(['P4.corpus', `../shared/corpus (${xmlUnder(corpus).length} files)`, xmlUnder(corpus)]);
  // Warm: the caches a first run leaves (saxon-js's code cache, tei_all's tree and Schematron) in a
  // folder of their own, filled once before timing. Cold: a new empty folder for every run.
  const warmCache = join(work, 'p4-cache');
  const validate = (files, cache) =>
    timed(process.execPath, [bin, 'validate', '--quiet', '--format', 'json', '--schema', TEI_ALL, ...files], {
      cwd: repo,
      allowFail: true,
      env: { ...process.env, TEI_PIPELINE_CACHE: cache },
    }).ms;
  for (const [id, what, files] of sets) {
    validate(files, warmCache);
    const oursP4 = [],
      coldP4 = [],
      jingP4 = [];
    for (let i = 0; i < reps; i++) {
      oursP4.push(validate(files, warmCache));
      coldP4.push(validate(files, mkdtempSync(join(work, 'p4-cold-'))));
      jingP4.push(timed('jing', [TEI_ALL, ...files], { allowFail: true }).ms);
    }
    row(
      id,
      `validate --schema tei_all.rng, ${what}, vs jing`,
      median(oursP4),
      'ms',
      median(jingP4),
      '≤ 1.0× jing',
      `median of ${reps}: \`tei-pipeline validate --schema tei_all.rng\` (caches warm) and \`jing tei_all.rng\` over the same files, alternating, one process each`,
    );
    row(
      `${id}.cold`,
      `the same, every cache empty (a first run)`,
      median(coldP4),
      'ms',
      median(jingP4),
      'reported',
      `median of ${reps}: as ${id}, each run with TEI_PIPELINE_CACHE a new empty folder (no code cache, no schema cache), alternating with the warm run and jing`,
    );
  }
}

console.log('\nhow each figure was obtained:');
for (const id of measured) console.log(`  ${id}: ${results.measures[id].how}`);
writeFileSync(join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
// The history keeps every run as it was measured (this run's rows only), one file per run.
const history = join(repo, 'bench', 'history');
mkdirSync(history, { recursive: true });
const historyFile = join(history, `${results.date.replace(/[:.]/g, '-')}-${commit}.json`);
const run = { ...results, measures: Object.fromEntries(measured.map((id) => [id, results.measures[id]])) };
writeFileSync(historyFile, JSON.stringify(run, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
console.log(
  `\nwrote bench/results.json and ${historyFile.slice(repo.length + 1)} (${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGb} GB, Node ${results.machine.node}, load ${results.machine.loadAverage.join(' ')}, commit ${results.commit})`,
);
