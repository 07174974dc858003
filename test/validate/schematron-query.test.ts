import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import type { Sef } from '../../src/transform/compile-stylesheet.js';
import { parseForSaxon, PRINCIPAL, runTransform } from '../../src/transform/saxon.js';
import { extractSchematron } from '../../src/validate/embedded-schematron.js';
import { compileSchematron } from '../../src/validate/schematron.js';
import { cannotBePositional, contextNeeds, contextNodes } from '../../src/validate/schematron-context.js';
import { SchematronQuery } from '../../src/validate/schematron-query.js';
import { repoRoot } from '../support/cli.js';

const SCH = 'http://purl.oclc.org/dsdl/schematron';
const TEI = 'http://www.tei-c.org/ns/1.0';

async function run(query: SchematronQuery, xml: string): Promise<string[]> {
  return query.run(await parseForSaxon(xml, '/t.xml'));
}

describe('Schematron as XPath queries', () => {
  // The project's own rules and their ok / not-ok cases: the queries find exactly what the XSLT
  // compiled from the same rules (xslt/schematron/compile.xsl) finds.
  const project = openProject(repoRoot);
  const fixtures = join(repoRoot, 'test', 'fixtures', 'rules');
  let sef: Sef;
  beforeAll(async () => {
    sef = await compileSchematron(
      project.schemaSch,
      join(repoRoot, 'xslt', 'schematron', 'compile.xsl'),
      project.cacheDir,
    );
  });
  for (const rule of readdirSync(fixtures).sort()) {
    it(`finds what the compiled XSLT finds: ${rule}`, async () => {
      const query = SchematronQuery.fromText(readFileSync(project.schemaSch, 'utf8'));
      let findings = 0;
      for (const file of readdirSync(join(fixtures, rule)).sort()) {
        const path = join(fixtures, rule, file);
        const xml = readFileSync(path, 'utf8');
        const saxon = await parseForSaxon(xml, path);
        const viaXslt = (runTransform(sef, { source: saxon }).get(PRINCIPAL) ?? '').split('\n').filter(Boolean);
        const viaQuery = query.run(saxon);
        expect(viaQuery.sort(), file).toEqual(viaXslt.sort());
        findings += viaQuery.length;
      }
      expect(findings).toBeGreaterThan(0);
    });
  }

  const schema = (patterns: string) => `<schema xmlns="${SCH}"><ns prefix="tei" uri="${TEI}"/>${patterns}</schema>`;

  it('in a pattern, a node fires only the first rule whose context matches it', async () => {
    const q = SchematronQuery.fromText(
      schema(`<pattern id="p">
        <rule context="tei:p[@n = '1']"><report test="true()">first</report></rule>
        <rule context="tei:p"><report test="true()">second</report></rule>
      </pattern>`),
    );
    const found = await run(q, `<TEI xmlns="${TEI}"><p n="1"/><p n="2"/></TEI>`);
    expect(found).toEqual(['error\tp\t1/1\t\tfirst', 'error\tp\t1/2\t\tsecond']);
  });

  it('takes rooted contexts, attribute contexts, lets, current(), sch:name and sch:value-of', async () => {
    const q = SchematronQuery.fromText(
      schema(`<pattern id="root"><rule context="/*[count(//tei:p) gt 1]"><report test="true()" role="warning">many</report></rule></pattern>
      <pattern id="attr"><rule context="tei:p/@n">
        <let name="v" value="number(.)"/>
        <assert test="$v lt 2" id="small"><name/> is <value-of select="$v"/> on <name path=".."/>, <value-of select="(1, 2)"/></assert>
      </rule></pattern>
      <pattern id="cur"><rule context="tei:p"><report test="../tei:p[@n = current()/@n][. is current()]">self</report></rule></pattern>`),
    );
    const found = await run(q, `<TEI xmlns="${TEI}"><p n="1"/><p n="2"/></TEI>`);
    expect(found.sort()).toEqual(
      [
        'warning\troot\t1\t\tmany',
        'error\tsmall\t1/2\tn\tn is 2 on p, 1 2',
        'error\tcur\t1/1\t\tself',
        'error\tcur\t1/2\t\tself',
      ].sort(),
    );
  });

  it('finds on several documents at once what it finds on each alone, each document’s nodes its own', async () => {
    const q = SchematronQuery.fromText(
      schema(`<pattern id="root"><rule context="/*[count(//tei:p) gt 1]"><report test="true()">many <value-of select="count(//tei:p)"/></report></rule></pattern>
      <pattern id="p"><rule context="tei:p[@n]"><report test="@n = '#'"><value-of select="@n"/></report>
        <assert test="@n != 'tab'">a <value-of select="'&#9;'"/> and <name/> <value-of select="()"/>end</assert></rule></pattern>
      <pattern id="first"><rule context="tei:p[1]"><report test="true()">first</report></rule></pattern>
      <pattern id="note"><rule context="tei:note"><report test="true()">note</report></rule></pattern>`),
    );
    const texts = [
      `<TEI xmlns="${TEI}"><p n="#"/><p n="tab"/><p/></TEI>`,
      `<TEI xmlns="${TEI}"><p/></TEI>`,
      `<TEI xmlns="${TEI}"><note/></TEI>`,
      `<TEI xmlns="${TEI}"><div><p n="#">x</p></div><div><p/></div></TEI>`,
    ];
    const docs = await Promise.all(texts.map((t, i) => parseForSaxon(t, `/t${i}.xml`)));
    const alone = docs.map((d) => q.run(d));
    expect(q.runAll(docs)).toEqual(alone);
    expect(alone[0]!.sort()).toEqual(
      [
        'error\troot\t1\t\tmany 3',
        'error\tp\t1/1\t\t#',
        'error\tp\t1/2\t\ta and p end',
        'error\tfirst\t1/1\t\tfirst',
      ].sort(),
    );
    // The second document's one p is not "many" with the others' (its context counts its own).
    expect(alone[1]).toEqual(['error\tfirst\t1/1\t\tfirst']);
    expect(alone[2]).toEqual(['error\tnote\t1/1\t\tnote']);
    expect(alone[3]!.sort()).toEqual(
      [
        'error\troot\t1\t\tmany 2',
        'error\tp\t1/1/1\t\t#',
        'error\tfirst\t1/1/1\t\tfirst',
        'error\tfirst\t1/2/1\t\tfirst',
      ].sort(),
    );
  });

  it('reports a pattern that fails on a document and still runs the others', async () => {
    const q = SchematronQuery.fromText(
      schema(`<pattern id="bad"><rule context="tei:p"><assert test="xs:integer(@n) gt 0">positive</assert></rule></pattern>
      <pattern id="good"><rule context="tei:p"><report test="@n">has n</report></rule></pattern>`).replace(
        '<ns prefix="tei"',
        '<ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/><ns prefix="tei"',
      ),
    );
    const found = await run(q, `<TEI xmlns="${TEI}"><p n="x"/></TEI>`);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^error\tbad\t1\t\tUnexpected failure of Schematron pattern bad on this document: /);
    expect(found[1]).toBe('error\tgood\t1/1\t\thas n');
  });

  it('takes a context’s nodes from one walk of the document, except where a predicate may be a position', async () => {
    const q = SchematronQuery.fromText(
      schema(`<pattern id="first"><rule context="tei:p[1]"><report test="true()">first</report></rule></pattern>
      <pattern id="any"><rule context="tei:*[@n][. = 'b']"><report test="true()"><value-of select="@n"/></report></rule>
        <rule context="tei:*[@n]"><report test="true()">other <value-of select="@n"/></report></rule></pattern>
      <pattern id="deep"><rule context="tei:div//tei:p/@n"><report test=". = '3'">deep</report></rule></pattern>`),
    );
    const found = await run(
      q,
      `<TEI xmlns="${TEI}"><div><p n="1">a</p><p n="2">b</p></div><div><p>c</p><p n="3">b</p></div></TEI>`,
    );
    // tei:p[1] is each parent's first p (two of them), not the document's first.
    expect(found.filter((f) => f.startsWith('error\tfirst')).sort()).toEqual([
      'error\tfirst\t1/1/1\t\tfirst',
      'error\tfirst\t1/2/1\t\tfirst',
    ]);
    // A node fires only the first rule of its pattern that matches it.
    expect(found.filter((f) => f.startsWith('error\tany')).sort()).toEqual([
      'error\tany\t1/1/1\t\tother 1',
      'error\tany\t1/1/2\t\t2',
      'error\tany\t1/2/2\t\t3',
    ]);
    expect(found.filter((f) => f.startsWith('error\tdeep'))).toEqual(['error\tdeep\t1/2/2\tn\tdeep']);
  });

  it('reads a context from a bucket only where that selects the same nodes', () => {
    const ns = { tei: TEI };
    const keys: string[] = [];
    const bucket = (key: string) => `$B${keys.push(key) - 1}`;
    expect(contextNodes('tei:rt/@to', ns, bucket)).toBe('$B0/@to');
    expect(contextNodes("tei:*[ starts-with( @spanTo, '#') ]", ns, bucket)).toBe("$B1[ starts-with( @spanTo, '#') ]");
    expect(contextNodes('/*[ count( //tei:constraintDecl ) gt 1 ]', ns, bucket)).toBe('(/*[ count( $B2 ) gt 1 ])');
    expect(keys).toEqual([`{${TEI}}rt`, `{${TEI}}*@spanTo`, `{${TEI}}constraintDecl`]);
    for (const kept of ['tei:p[1]', 'tei:p[last()]', 'tei:p[$n]', 'tei:*[not(@a)]', 'x:p', '(tei:a | tei:b)/tei:c'])
      expect(contextNodes(kept, ns, bucket), kept).toBe(contextNodes(kept, ns));
    for (const p of [
      '@a',
      "@mode = ('add','replace') or not( @mode )",
      'not( ancestor::tei:attList )',
      'parent::tei:schemaSpec | parent::tei:specGrp',
      './/sch:assert | .//sch:report',
      'tei:defaultVal and tei:valList[ @type eq "closed"]',
      'count(tei:x) gt 1',
    ])
      expect(cannotBePositional(p), p).toBe(true);
    for (const p of ['1', '$n', 'count(tei:x)', '@n + 1', 'position() = 1', 'if (@a) then 1 else 2', '@a => number()'])
      expect(cannotBePositional(p), p).toBe(false);
  });

  it('leaves out a rule only when its context names an element or attribute the document lacks', () => {
    const ns = { tei: TEI };
    expect(contextNeeds('tei:elementSpec[@mode]', ns)).toEqual([[`{${TEI}}elementSpec`]]);
    expect(contextNeeds('tei:*[@validUntil][not(self::tei:x)]', ns)).toEqual([['@{}validUntil']]);
    expect(contextNeeds("tei:*[ starts-with( @spanTo, '#') ]", ns)).toEqual([['@{}spanTo']]);
    expect(contextNeeds('(tei:a | tei:b)[@x]', ns)).toEqual([[`{${TEI}}a`], [`{${TEI}}b`]]);
    // Every step of a path that names one element must occur too; a step that names several, any of them.
    expect(contextNeeds('tei:rt/@to', ns)).toEqual([['@{}to', `{${TEI}}rt`]]);
    expect(contextNeeds('(tei:a | tei:b)/tei:listRef/tei:ptr | (tei:a | tei:b)/tei:listRef/tei:ref', ns)).toEqual([
      [`{${TEI}}ptr`, `{${TEI}}listRef`],
      [`{${TEI}}ref`, `{${TEI}}listRef`],
    ]);
    expect(contextNeeds('tei:div//tei:p[@n]', ns)).toEqual([[`{${TEI}}p`, `{${TEI}}div`]]);
    // A predicate inside another one, or one that does not require the attribute, tells nothing.
    expect(contextNeeds('tei:*[not(tei:x[@a])]', ns)).toBeNull();
    expect(contextNeeds('tei:*[@a or @b]', ns)).toBeNull();
    expect(contextNeeds('/*[count(//tei:x) gt 1]', ns)).toBeNull();
  });
});

describe('A grammar’s embedded Schematron', () => {
  const rng = (patterns: string) =>
    `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="TEI"><empty/>${patterns}</element></start></grammar>`;
  const pattern = (id: string, message: string) =>
    `<pattern xmlns="${SCH}" id="${id}"><rule context="tei:addSpan"><assert test="@spanTo">${message}</assert></rule></pattern>`;

  it('keeps a constraint once, in English, when TEI also translated it into a pattern of its own', () => {
    const sch = extractSchematron(
      rng(
        pattern('x-addSpan-requires-spanTo-constraint-rule-43', 'The @spanTo attribute is required.') +
          pattern('x-addSpan-requires-spanTo-fr-constraint-rule-44', "L'attribut spanTo est requis."),
      ),
    )!;
    expect(sch.match(/<pattern\b/g)).toHaveLength(1);
    expect(sch).toContain('The @spanTo attribute is required.');
    expect(sch).not.toContain("L'attribut");
  });

  it('keeps two patterns that check the same thing when neither is a translation', () => {
    const sch = extractSchematron(
      rng(pattern('a-constraint-rule-1', 'One.') + pattern('b-constraint-rule-2', 'Two.')),
    )!;
    expect(sch.match(/<pattern\b/g)).toHaveLength(2);
  });
});
