import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { openProject } from '../../src/core/project.js';
import { parseForSaxon } from '../../src/transform/saxon.js';
import { parseXml } from '../../src/validate/parse-xml.js';
import { namesIn, SchematronQuery } from '../../src/validate/schematron-query.js';
import { SchematronThread } from '../../src/validate/schematron-thread.js';
import { repoRoot } from '../support/cli.js';

// The embedded Schematron's thread must find what the same queries find on this thread, document by
// document, and survive being ended and asked again.
describe('the Schematron thread', () => {
  const project = openProject(repoRoot);
  const query = SchematronQuery.fromText(readFileSync(project.schemaSch, 'utf8'));
  const thread = new SchematronThread([query.toData(), query.toData()]);
  afterAll(() => thread.close());
  const fixtures = join(repoRoot, 'test', 'fixtures', 'rules');
  const files = readdirSync(fixtures)
    .sort()
    .flatMap((rule) => readdirSync(join(fixtures, rule)).map((f) => join(fixtures, rule, f)));

  it('finds on each document what the queries find here, once per query it was given', async () => {
    let findings = 0;
    // All posted at once, as the validator does, answered each to its own document.
    const answers = await Promise.all(
      files.map((path) => {
        const xml = readFileSync(path, 'utf8');
        return thread.run(path, xml, namesIn(parseXml(new SourceDocument(path, 't.xml', xml))!.root));
      }),
    );
    for (const [n, path] of files.entries()) {
      const xml = readFileSync(path, 'utf8');
      const here = query.run(
        await parseForSaxon(xml, path),
        namesIn(parseXml(new SourceDocument(path, 't.xml', xml))!.root),
      );
      expect(answers[n], path).toEqual([here, here]);
      findings += here.length;
    }
    expect(findings).toBeGreaterThan(0);
  });

  it('starts again when asked after it was ended', async () => {
    const path = files[0]!;
    const xml = readFileSync(path, 'utf8');
    const names = namesIn(parseXml(new SourceDocument(path, 't.xml', xml))!.root);
    const before = await thread.run(path, xml, names);
    await thread.close();
    expect(await thread.run(path, xml, names)).toEqual(before);
  });

  it('says why when saxon-js cannot parse a document, and goes on with the next', async () => {
    await expect(thread.run('/x.xml', '<TEI><unclosed></TEI>', [])).rejects.toThrow(/\S/);
    const path = files[0]!;
    const xml = readFileSync(path, 'utf8');
    expect(await thread.run(path, xml, [])).toEqual([[], []]);
  });
});
