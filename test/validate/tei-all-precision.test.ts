import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { SourceDocument } from '../../src/core/document.js';
import { openProject } from '../../src/core/project.js';
import { Validator } from '../../src/validate/validator.js';
import { extractSchematron } from '../../src/validate/embedded-schematron.js';
import { keepLearned, relaxNgSchema, validateRelaxNg, type RelaxNgSchema } from '../../src/validate/relaxng.js';
import { learnedSize } from '../../src/validate/relaxng-js/engine-state.js';
import { SchemaCache } from '../../src/validate/schema-cache.js';
import { repoRoot } from '../support/cli.js';
import { deriveErrors } from '../support/derived-errors.js';

// Neither the official schema nor the corpus is ours to commit: both are read in place.
const teiAll = resolve(repoRoot, process.env['TEI_ALL_RNG'] ?? '../shared/tei/tei_all.rng');
const corpus = resolve(repoRoot, process.env['TEI_CORPUS'] ?? '../shared/corpus');
const haveJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
const ready = existsSync(teiAll) && existsSync(corpus) && haveJing;
const why = `SKIPPED: needs jing (apt-get install jing), ${teiAll} (set TEI_ALL_RNG) and ${corpus} (set TEI_CORPUS)`;

/** jing's errors per file: line and message. */
function jing(files: string[]): Map<string, { line: number; message: string }[]> {
  const out = spawnSync('jing', [teiAll, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const found = new Map<string, { line: number; message: string }[]>(files.map((f) => [f, []]));
  for (const l of out.stdout.split('\n')) {
    const m = /^(.*?):(\d+):(\d+): (?:error|fatal): (.*)$/.exec(l);
    if (m && found.has(m[1]!)) found.get(m[1]!)!.push({ line: Number(m[2]), message: m[4]! });
  }
  return found;
}

/** Whether a diagnostic stands on that line (its start, or the start tag it spans, as jing counts lines). */
const onLine = (d: Diagnostic, line: number) =>
  d.line === line || (d.endLine !== undefined && d.line <= line && line <= d.endLine);

describe.skipIf(!ready)(
  ready
    ? 'tei_all diagnostics against jing on the corpus and on faults derived from it'
    : `tei_all against jing — ${why}`,
  () => {
    let dir: string;
    let files: string[];
    let ours: Map<string, Diagnostic[]>;
    let batchOurs: Map<string, Diagnostic[]>;
    let embedded: Map<string, Diagnostic[]>;
    let reference: ReturnType<typeof jing>;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tei-precision-'));
      const real = readdirSync(corpus, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.xml'))
        .map((e) => join(e.parentPath, e.name))
        .sort();
      files = [...real];
      for (const f of real) {
        const name = relative(corpus, f)
          .replace(/[/\\]/g, '_')
          .replace(/\.xml$/, '');
        for (const d of deriveErrors(name, readFileSync(f, 'utf8'))) {
          const path = join(dir, `${d.name}.xml`);
          writeFileSync(path, d.text);
          files.push(path);
        }
      }
      reference = jing(files);
      // The compiled Schematron of tei_all is cached with the other compiled stylesheets of the tests.
      process.env['TEI_PIPELINE_CACHE'] ??= join(repoRoot, '.cache', 'tei-pipeline');
      const project = openProject(dir);
      // The RELAX NG layer against jing; tei_all's own Schematron (slow on 112 runs) is tested on one file below.
      const validator = await Validator.create(project, {
        schemas: [teiAll],
        schemaAlone: true,
        embeddedSchematron: false,
      });
      const schemaOnly = (docs: { file: string; path: string; diagnostics: Diagnostic[] }[]) =>
        new Map(docs.map((d) => [d.path, d.diagnostics.filter((x) => x.ruleId === 'schema/tei_all')]));
      // Each file alone, then all in one batch: the verdicts and places must not change.
      ours = new Map();
      for (const f of files) for (const [k, v] of schemaOnly(await validator.validate([f]))) ours.set(k, v);
      const batch = await validator.validate(files);
      batchOurs = schemaOnly(batch);
      const withSchematron = await Validator.create(project, { schemas: [teiAll], schemaAlone: true });
      const l01336 = files.filter((f) => f.endsWith('L01336.xml'));
      embedded = new Map(
        (await withSchematron.validate(l01336)).map((d) => [
          d.path,
          d.diagnostics.filter((x) => x.ruleId === 'schematron/tei_all'),
        ]),
      );
    }, 600_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('derives faults from every corpus file', () => {
      expect(files.length).toBeGreaterThan(40);
    });

    it("gives jing's verdict on every file", () => {
      const differ = files.filter((f) => (reference.get(f)!.length === 0) !== (ours.get(f)!.length === 0));
      expect(differ.map((f) => ({ file: f, jing: reference.get(f), ours: ours.get(f) }))).toEqual([]);
    });

    it("reports the first error on jing's line, and every line jing reports", () => {
      const firstMissed: string[] = [];
      const linesMissed: string[] = [];
      let lines = 0;
      for (const f of files) {
        const want = reference.get(f)!;
        const got = ours.get(f)!;
        if (want.length === 0) continue;
        if (!got.some((d) => onLine(d, want[0]!.line))) firstMissed.push(`${f}:${want[0]!.line} ${want[0]!.message}`);
        for (const w of want) {
          lines++;
          if (!got.some((d) => onLine(d, w.line)))
            linesMissed.push(
              `${f}:${w.line} ${w.message} — ours: ${got.map((d) => `${d.line}:${d.column} ${d.message}`).join(' | ')}`,
            );
        }
      }
      console.log(
        `precision against jing: ${files.length} files, ${[...reference.values()].filter((v) => v.length).length} invalid, ${lines} jing error lines, first missed ${firstMissed.length}, lines missed ${linesMissed.length}`,
      );
      expect(firstMissed).toEqual([]);
      expect(linesMissed).toEqual([]);
    });

    it('gives each file the same diagnostics alone and in a batch', () => {
      for (const f of files) expect(batchOurs.get(f), f).toEqual(ours.get(f));
    });

    /**
     * A schema cache of its own for one test (removed after it), tei_all's text, and files loaded as
     * `validate --schema` loads them.
     */
    async function withSchemaCache(
      use: (run: { text: string; cache: SchemaCache; load: (f: string) => Promise<SourceDocument> }) => Promise<void>,
    ): Promise<void> {
      const cacheDir = mkdtempSync(join(tmpdir(), 'tei-precision-cache-'));
      try {
        const validator = await Validator.create(openProject(dir), { schemas: [teiAll], schemaAlone: true });
        await use({
          text: readFileSync(teiAll, 'utf8'),
          cache: new SchemaCache(cacheDir),
          load: (f) => validator.load(f),
        });
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }

    /** Every file validated against this loading of tei_all gives the findings checked against jing above. */
    async function expectOursWith(schema: RelaxNgSchema, load: (f: string) => Promise<SourceDocument>) {
      const docs = (await Promise.all(files.map(load))).filter((d) => d.tree);
      await validateRelaxNg(docs, schema);
      for (const d of docs)
        expect(
          d.diagnostics.filter((x) => x.ruleId === 'schema/tei_all'),
          d.path,
        ).toEqual(ours.get(d.path));
    }

    it('gives the same diagnostics with the schema loaded lazily, as a cached schema is', () =>
      withSchemaCache(async ({ text, cache, load }) => {
        const valid = files.find((f) => reference.get(f)!.length === 0)!;
        // The first load is whole and leaves the cache entry; the second is lazy.
        const whole = relaxNgSchema(teiAll, text, 'js', cache);
        await validateRelaxNg([await load(valid)], whole);
        const lazy = relaxNgSchema(teiAll, text, 'js', cache);
        await validateRelaxNg([await load(valid)], lazy);
        // Lazily, only the elements that the valid file's content reached have been made yet.
        expect(lazy.js!.schema.patterns.elements.length).toBeLessThan(whole.js!.schema.patterns.elements.length);
        await expectOursWith(lazy, load);
        // Elements out of place, some of which no valid document reaches (the recovery looks in every
        // element's content for them): the same findings, whole or lazy.
        const withBody = files.find(
          (f) => reference.get(f)!.length === 0 && readFileSync(f, 'utf8').includes('<body>'),
        )!;
        const misplaced = [
          '<alternate/>',
          '<l><div><p>x</p></div></l>',
          '<msDesc><msContents/></msDesc>',
          '<rdgGrp/>',
        ].map((insert, i) => {
          const path = join(dir, `misplaced-${i}.xml`);
          writeFileSync(path, readFileSync(withBody, 'utf8').replace('<body>', `<body>${insert}`));
          return path;
        });
        const fresh = relaxNgSchema(teiAll, text, 'js', cache);
        const [a, b] = [await Promise.all(misplaced.map(load)), await Promise.all(misplaced.map(load))];
        await validateRelaxNg(a, whole);
        await validateRelaxNg(b, fresh);
        expect(b.map((d) => d.diagnostics)).toEqual(a.map((d) => d.diagnostics));
        expect(a.every((d) => d.diagnostics.length > 0)).toBe(true);
      }));

    it('gives the same diagnostics from what an earlier run learned (kept in the schema cache)', () =>
      withSchemaCache(async ({ text, cache, load }) => {
        // A first run on one valid file keeps what it learned; the next starts from that.
        const first = relaxNgSchema(teiAll, text, 'js', cache);
        await validateRelaxNg([await load(files.find((f) => reference.get(f)!.length === 0)!)], first);
        keepLearned(first);
        const restored = relaxNgSchema(teiAll, text, 'js', cache);
        await expectOursWith(restored, load);
        expect(restored.js!.keptSize).toBeGreaterThan(0);
        // Kept again after every fault, and read back: the same findings, nothing more to learn.
        keepLearned(restored);
        const again = relaxNgSchema(teiAll, text, 'js', cache);
        await expectOursWith(again, load);
        expect(learnedSize(again.js!)).toBe(learnedSize(restored.js!));
      }));

    it('reports a bad enumerated value at the attribute, naming the allowed values', () => {
      const f = files.find((x) => x.endsWith('--cert-value.xml'))!;
      const d = ours.get(f)!.find((x) => x.message.includes('cert'))!;
      const text = readFileSync(f, 'utf8').split('\n')[d.line - 1]!;
      expect(text.slice(d.column - 1).startsWith('cert="very high"')).toBe(true);
      expect(d.message).toBe(
        'Unexpected value "very high" of attribute cert on <' +
          d.message.split('<')[1]!.split('>')[0] +
          '>, expected one of "high", "low", "medium", "unknown" or a value of type double (tei_all)',
      );
    });

    it('points at the fault itself in every derived file: the attribute, the element, the text', () => {
      const faults: Record<string, string> = {
        'unknown-attribute': 'colour="red"',
        'cert-value': 'cert="very high"',
        'unknown-element': '<bogus/>',
        'text-in-body': 'stray words',
      };
      const missed: string[] = [];
      for (const f of files) {
        const kind = /--([a-z-]+)\.xml$/.exec(f)?.[1];
        if (!kind) continue;
        const lines = readFileSync(f, 'utf8').split('\n');
        const hit = ours.get(f)!.some((d) => lines[d.line - 1]!.slice(d.column - 1).startsWith(faults[kind]!));
        if (!hit)
          missed.push(
            `${f}: ${ours
              .get(f)!
              .map((d) => `${d.line}:${d.column} ${d.message}`)
              .join(' | ')}`,
          );
      }
      expect(missed).toEqual([]);
    });

    it("extracts tei_all's embedded Schematron (93 patterns, 3 of them French translations) and runs it with the schema", () => {
      const sch = extractSchematron(readFileSync(teiAll, 'utf8'))!;
      expect(sch.match(/<(sch:)?pattern\b/g)).toHaveLength(90);
      expect(sch).not.toMatch(/xml:lang="fr"/);
      expect(sch).not.toMatch(/-fr-constraint/);
      // L01336 has an <addSpan> without @spanTo: TEI's own constraint says so, at the element, once, in English.
      const f = files.find((x) => x.endsWith('L01336.xml'))!;
      const found = embedded.get(f)!.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
      expect(found.filter((d) => d.startsWith('79:563 '))).toEqual([
        '79:563 error The @spanTo attribute of <addSpan> is required.',
      ]);
      expect(readFileSync(f, 'utf8').split('\n')[78]!.slice(562).startsWith('<addSpan>')).toBe(true);
    });
  },
);
