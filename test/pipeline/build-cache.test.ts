import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/pipeline/build.js';
import { stampOutputs } from '../../src/pipeline/commit.js';
import { saveCache } from '../../src/pipeline/build-cache.js';
import { writeOutputs } from '../../src/pipeline/outputs.js';
import { openProject } from '../../src/core/project.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { VALIDATION_BATCH } from '../../src/pipeline/stages/validate-changed.js';
import type { Format } from '../../src/transform/stylesheets.js';
import { generateCorpus } from '../support/corpus.js';
import { repoRoot, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

const EXCERPT = 'golden-record-excerpt';

/** A temporary edition of two documents: the record (points to Sakharov) and an excerpt (does not). */
function edition() {
  const root = tempProject(
    {
      [`tei/${EXCERPT}.xml`]: readFileSync(
        join(repoRoot, 'test', 'fixtures', `golden-${EXCERPT.replace('golden-', '')}`, 'tei', `${EXCERPT}.xml`),
      ),
    },
    { withRecord: true },
  );
  // Compiled stylesheets come from the shared cache; the build cache is the project's own.
  const project = { ...openProject(root), cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
  return { root, project };
}

/** One build as the CLI does it: render, write, stamp, save the cache. Returns what was rendered. */
async function build(project: ReturnType<typeof openProject>, tools = new WarmTools(project), force = false, jobs = 1) {
  const b = await buildEdition(project, tools, { force, jobs });
  await writeOutputs(project.outDir, b.outputs);
  await stampOutputs(project.outDir, b.cache);
  await saveCache(project.buildCacheFile, b.cache);
  const rendered = [...b.outputs.keys()].filter((p) => !p.startsWith('html/assets/')).sort();
  return {
    stats: b.stats,
    rendered,
    errors: b.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error'),
  };
}

/** Warm tools whose stylesheet for one format "changed" (its hash differs), as after an edit of xslt/<format>/. */
class EditedStylesheet extends WarmTools {
  constructor(
    project: ReturnType<typeof openProject>,
    private readonly format: Format,
  ) {
    super(project);
  }
  override async stylesheetHashes() {
    const h = await super.stylesheetHashes();
    return { ...h, [this.format]: h[this.format] + '-edited' };
  }
}

describe('the build cache', () => {
  it('skips everything when nothing changed, and rebuilds exactly the dependants of a changed register entry', async () => {
    const { root, project } = edition();
    const cold = await build(project);
    expect(cold.errors).toEqual([]);
    expect(cold.stats).toMatchObject({ validated: 6, rendered: 2, skipped: 0 });

    const again = await build(project);
    expect(again.stats).toEqual({ validated: 0, rendered: 0, skipped: 2 });
    expect(again.rendered).toEqual([]);

    // Sakharov's entry: only the record points to it.
    const persons = join(root, 'tei', 'register', 'persons.xml');
    writeFileSync(
      persons,
      readFileSync(persons, 'utf8').replace(
        '<persName type="standard">Sakharov, Andrei Dmitrievich</persName>',
        '<persName type="standard">Sakharov, Andrei Dmitrievich</persName>\n          <persName type="source">A. D. Sakharov</persName>',
      ),
    );
    const oneEntry = await build(project);
    expect(oneEntry.errors).toEqual([]);
    expect(oneEntry.stats).toMatchObject({ rendered: 1, skipped: 1 });
    expect(
      oneEntry.rendered
        .filter((p) => !/^html\/(index|persons|places|orgs|events)\.html$/.test(p))
        .every((p) => p.includes(RECORD_ID)),
    ).toBe(true);
    expect(oneEntry.rendered).toContain('html/persons.html');

    // Vance's entry: both documents point to him.
    writeFileSync(
      persons,
      readFileSync(persons, 'utf8').replace(
        '<persName type="standard">Vance, Cyrus Roberts</persName>',
        '<persName type="standard">Vance, Cyrus R.</persName>',
      ),
    );
    const shared = await build(project);
    expect(shared.stats).toMatchObject({ rendered: 2, skipped: 0 });
  });

  it('leaves the index and register pages alone when only the words of a document change, keeping its summary', async () => {
    const { root, project } = edition();
    await build(project);
    const summaryOf = () =>
      (
        JSON.parse(readFileSync(project.buildCacheFile, 'utf8')) as {
          documents: Record<string, { outputs: Record<string, { summary?: string }> }>;
        }
      ).documents[`tei/${RECORD_ID}.xml`]!.outputs['html']!.summary!;
    // A mark in the kept summary shows whether the next render made a new one or kept this one.
    expect(summaryOf()).toContain('Record of the Conversation');
    const cache = readFileSync(project.buildCacheFile, 'utf8');
    writeFileSync(project.buildCacheFile, cache.replace(/(<summary [^>]*title=\\"Record) of/, '$1 (kept) of'));
    expect(summaryOf()).toContain('Record (kept) of');

    const doc = join(root, 'tei', `${RECORD_ID}.xml`);
    const text = readFileSync(doc, 'utf8');
    writeFileSync(doc, text.replace('asked him to pass on as directed', 'asked him to pass on, as directed,'));
    const words = await build(project);
    expect(words.rendered.some((p) => /^html\/(index|persons|places|orgs|events)\.html$/.test(p))).toBe(false);
    expect(words.rendered).toContain(`html/${RECORD_ID}.html`);
    expect(summaryOf()).toContain('Record (kept) of');
    // A new mention changes the back-links: the summary is made again and the register pages are rebuilt.
    writeFileSync(
      doc,
      readFileSync(doc, 'utf8').replace(
        'asked him to pass on, as directed,',
        'asked him to pass on, as <placeName ref="pla:moscow">Moscow</placeName> directed,',
      ),
    );
    const mention = await build(project);
    expect(mention.errors).toEqual([]);
    expect(mention.rendered).toContain('html/places.html');
    expect(summaryOf()).not.toContain('(kept)');
    expect(summaryOf()).toMatch(/<mention entry="moscow" blocks="[^"]+"/);
  });

  it('rebuilds only the format whose stylesheet changed', async () => {
    const { project } = edition();
    await build(project);
    const after = await build(project, new EditedStylesheet(project, 'text'));
    expect(after.stats).toMatchObject({ validated: 0, rendered: 2 });
    expect(after.rendered.every((p) => p.startsWith('text/'))).toBe(true);
    expect(after.rendered).toHaveLength(4);
  });

  it('renders again an output removed by hand', async () => {
    const { project } = edition();
    await build(project);
    rmSync(join(project.outDir, 'cite', `${EXCERPT}.bib`));
    const after = await build(project);
    expect(after.rendered).toEqual(
      [
        'cite/golden-record-excerpt.bib',
        'cite/golden-record-excerpt.csl.json',
        'cite/golden-record-excerpt.cff',
        'cite/golden-record-excerpt.ris',
      ].sort(),
    );
  });

  it('reads an unchanged document rendered again as validation read it: decoded, its DOCTYPE given to no one', async () => {
    const { root, project } = edition();
    // The excerpt in UTF-16 with an internal subset whose entity the text uses: a cached document that is
    // rendered again (its stylesheet changed) must be decoded and expanded as when it was validated.
    const path = join(root, 'tei', `${EXCERPT}.xml`);
    const utf8 = readFileSync(path, 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const withEntity = utf8
      .replace(/(<TEI\b)/, '<!DOCTYPE TEI [<!ENTITY ed "Edition team">]>\n$1')
      .replace(/(<body>[^]*?)<\/p>/, '$1 &ed;</p>');
    expect(withEntity).toContain('&ed;');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withEntity, 'utf16le')]));
    const cold = await build(project);
    expect(cold.errors).toEqual([]);
    const text = join(project.outDir, 'text', `${EXCERPT}.txt`);
    const first = readFileSync(text, 'utf8');
    expect(first).toContain('Edition team');
    rmSync(text);
    const again = await build(project, new EditedStylesheet(project, 'text'));
    expect(again.stats).toMatchObject({ validated: 0, rendered: 2 });
    expect(again.errors).toEqual([]);
    expect(readFileSync(text, 'utf8')).toBe(first);
  });

  it('discards a corrupt or foreign cache, and --force ignores a good one', async () => {
    const { project } = edition();
    await build(project);
    writeFileSync(project.buildCacheFile, '{"format":"tei-pipeline-build-cache","version":1,"tool":"x"');
    expect((await build(project)).stats).toMatchObject({ validated: 6, rendered: 2, skipped: 0 });
    const cache = JSON.parse(readFileSync(project.buildCacheFile, 'utf8'));
    writeFileSync(project.buildCacheFile, JSON.stringify({ ...cache, tool: 'another-version' }));
    expect((await build(project)).stats.validated).toBe(6);
    writeFileSync(project.buildCacheFile, JSON.stringify({ ...cache, documents: { 'tei/x.xml': { hash: 1 } } }));
    expect((await build(project)).stats.validated).toBe(6);
    expect((await build(project, undefined, true)).stats).toMatchObject({ validated: 6, rendered: 2 });
  });
});

describe('worker threads', () => {
  /** A generated corpus of n documents built twice with `settings`, in one thread (a) and on two (b). */
  async function oneAndTwoThreads(n: number, settings: Partial<ReturnType<typeof openProject>> = {}) {
    const root = tempProject({}, { registers: false });
    await generateCorpus(n, root);
    const one = {
      ...openProject(root),
      ...settings,
      cacheDir: join(repoRoot, '.cache', 'tei-pipeline'),
      outDir: join(root, 'out-one'),
    };
    const two = { ...one, outDir: join(root, 'out-two') };
    const a = await buildEdition(one, new WarmTools(one), { force: true, jobs: 1 });
    const b = await buildEdition(two, new WarmTools(two), { force: true, jobs: 2 });
    expect([...b.outputs.keys()].sort()).toEqual([...a.outputs.keys()].sort());
    for (const [k, v] of a.outputs) expect(b.outputs.get(k), k).toBe(v);
    return { a, b };
  }

  it('render a corpus to the same bytes as one thread', async () => {
    const { a, b } = await oneAndTwoThreads(10);
    expect(a.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    expect(b.stats.rendered).toBe(10);
  });

  it('render a corpus larger than a validation batch while it validates, to the same bytes', async () => {
    const n = VALIDATION_BATCH + 12;
    // The citations alone: the cheapest format, and the batches are what this is about.
    const { b } = await oneAndTwoThreads(n, { formats: ['cite'] });
    expect(b.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    expect(b.stats).toEqual({ validated: b.docs.length, rendered: n, skipped: 0 });
  });
});
