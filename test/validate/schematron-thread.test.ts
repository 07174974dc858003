import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedReadRoots, allowReadsUnder } from '../../src/core/read-gate.js';
import { parseForSaxon } from '../../src/transform/saxon.js';
import { SchematronQuery } from '../../src/validate/schematron-query.js';
import { SchematronThread } from '../../src/validate/schematron-thread.js';

const SCH = 'http://purl.oclc.org/dsdl/schematron';
const TEI = 'http://www.tei-c.org/ns/1.0';

describe('Embedded Schematron on its own thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sch-thread-'));
  writeFileSync(join(dir, 'register.xml'), `<TEI xmlns="${TEI}"/>`);
  const before = [...allowedReadRoots()];
  allowReadsUnder([dir]);
  const query = SchematronQuery.fromText(
    `<schema xmlns="${SCH}"><ns prefix="tei" uri="${TEI}"/><ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
      <pattern id="n"><rule context="tei:p[@n]"><assert test="@n = '1'">n is <value-of select="@n"/></assert></rule></pattern>
      <pattern id="gate"><rule context="tei:TEI">
        <report test="doc-available('${pathToFileURL(join(dir, 'register.xml')).href}')">inside read</report>
        <report test="doc-available('file:///etc/hostname')">outside read</report></rule></pattern>
      <pattern id="bad"><rule context="tei:p"><assert test="xs:integer(@n) gt 0">positive</assert></rule></pattern>
    </schema>`,
  );
  const thread = new SchematronThread([query]);
  afterAll(async () => {
    await thread.close();
    allowReadsUnder(before);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds what the queries find on this thread, through the same read gate', async () => {
    const xml = `<TEI xmlns="${TEI}"><p n="1"/><p n="2"/><p n="x"/></TEI>`;
    const path = join(dir, 'doc.xml');
    const here = query.run(await parseForSaxon(xml, path));
    const there = await thread.run(path, xml);
    expect(there).toEqual([here]);
    expect(here).toContain('error\tn\t1/2\t\tn is 2');
    expect(here).toContain('error\tgate\t1\t\tinside read');
    expect(here.some((f) => f.includes('outside read'))).toBe(false);
    expect(here.some((f) => f.startsWith('error\tbad\t1\t\tUnexpected failure of Schematron pattern bad'))).toBe(true);
  });

  it('answers documents in any number, each with its own findings', async () => {
    const docs = Array.from({ length: 20 }, (_, i) => `<TEI xmlns="${TEI}"><p n="${i}"/></TEI>`);
    const found = await Promise.all(docs.map((xml, i) => thread.run(join(dir, `d${i}.xml`), xml)));
    expect(found.map(([f]) => f!.filter((l) => l.startsWith('error\tn\t')).length)).toEqual(
      docs.map((_, i) => (i === 1 ? 0 : 1)),
    );
  });
});
