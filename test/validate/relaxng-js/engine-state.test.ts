import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceDocument } from '../../../src/core/document.js';
import { engineState, learnedSize, restoreEngine } from '../../../src/validate/relaxng-js/engine-state.js';
import { parseXml } from '../../../src/validate/parse-xml.js';
import { keepLearned, relaxNgSchema, validateRelaxNg } from '../../../src/validate/relaxng.js';
import { SchemaCache } from '../../../src/validate/schema-cache.js';
import { check, RNG, schema, XSD } from './support.js';

// Every kind of pattern the state holds: choice, group, interleave, oneOrMore, list, element, attribute,
// data with params and except, value; an ID attribute; a wildcard name class.
const GRAMMAR = `<grammar ${RNG} ${XSD} ns="urn:l">
  <start><ref name="letter"/></start>
  <define name="letter"><element name="letter">
    <attribute name="id"><data type="ID"/></attribute>
    <optional><attribute name="cert"><choice><value>high</value><value>low</value></choice></attribute></optional>
    <optional><attribute name="n"><data type="integer"><param name="minInclusive">1</param></data></attribute></optional>
    <optional><attribute name="tags"><list><oneOrMore><data type="NCName"><except><value>x</value></except></data></oneOrMore></list></attribute></optional>
    <element name="head"><text/></element>
    <interleave><zeroOrMore><ref name="p"/></zeroOrMore><optional><element name="sign"><empty/></element></optional></interleave>
    <zeroOrMore><element><anyName><except><nsName/></except></anyName><text/></element></zeroOrMore>
  </element></define>
  <define name="p"><element name="p"><mixed><zeroOrMore><choice><ref name="hi"/><ref name="date"/></choice></zeroOrMore></mixed></element></define>
  <define name="hi"><element name="hi"><optional><attribute name="rend"/></optional><text/></element></define>
  <define name="date"><element name="date"><attribute name="when"><data type="date"/></attribute><empty/></element></define>
</grammar>`;

const L = (body: string, atts = 'id="a"') => `<letter xmlns="urn:l" ${atts}>${body}</letter>`;

// Valid and faulty documents: every fault a finding, so the restored engine is compared on recovery too.
const DOCS = [
  L('<head>t</head><p>a <hi rend="b">b</hi> <date when="2020-02-29"/></p><sign/><p/><o:x xmlns:o="urn:o">y</o:x>'),
  L('<head>t</head><sign/><p>a</p>', 'id="a" cert="high" n="3" tags="a b c"'),
  L('<head/><bogus/><p><date when="2021-02-29"/></p>', 'id="1" cert="very" n="0" tags="a x"'),
  L('<p/><hi/>', 'colour="red"'),
  L('<head>t</head>stray<sign/><sign/>'),
];

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'engine-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A document as the validator reads it. */
function doc(xml: string, i: number): SourceDocument {
  const d = new SourceDocument(`/d${i}.xml`, `d${i}.xml`, xml);
  d.tree = parseXml(d);
  return d;
}

describe('what the RELAX NG engine learned, kept between runs', () => {
  it('restores an engine that finds exactly what the engine it was taken from finds', () => {
    const learned = schema({ 'letter.rng': GRAMMAR });
    const before = DOCS.map((x) => check(learned, x));
    expect(before.flat().length).toBeGreaterThan(6);
    const state = JSON.parse(JSON.stringify(engineState(learned))) as NonNullable<ReturnType<typeof engineState>>;
    const restored = restoreEngine(state, learned.ids);
    // Every pattern and memo is there: the same documents teach it nothing new.
    expect(learnedSize(restored)).toBe(learnedSize(learned));
    expect(DOCS.map((x) => check(restored, x))).toEqual(before);
    expect(learnedSize(restored)).toBe(learnedSize(learned));
    // Taken again, the state is the same data.
    expect(JSON.parse(JSON.stringify(engineState(restored)))).toEqual(state);
  });

  it('is not kept beyond a size, where reading it back would cost more than it saves', () => {
    const learned = schema({ 'letter.rng': GRAMMAR });
    DOCS.forEach((x) => check(learned, x));
    const count = learned.schema.patterns.count;
    expect(engineState(learned, count)).not.toBeNull();
    expect(engineState(learned, count - 1)).toBeNull();
  });

  it('goes on learning after a restore, as the engine would have without one', () => {
    const fresh = schema({ 'letter.rng': GRAMMAR });
    const partly = schema({ 'letter.rng': GRAMMAR });
    check(partly, DOCS[0]!);
    const restored = restoreEngine(engineState(partly)!, partly.ids);
    const size = learnedSize(restored);
    const later = DOCS.slice(1).map((x) => check(restored, x));
    expect(learnedSize(restored)).toBeGreaterThan(size);
    check(fresh, DOCS[0]!);
    expect(DOCS.slice(1).map((x) => check(fresh, x))).toEqual(later);
  });

  it('is kept in the schema cache when a run learned something, and read instead of the schema', async () => {
    const dir = tempDir();
    const path = join(dir, 'letter.rng');
    writeFileSync(path, GRAMMAR);
    const cache = new SchemaCache(dir);
    const learnedFile = () => readdirSync(join(dir, 'schema')).filter((f) => f.startsWith('rng-learned@'));

    const first = relaxNgSchema(path, GRAMMAR, 'js', cache);
    await validateRelaxNg(DOCS.slice(0, 2).map(doc), first);
    keepLearned(first);
    expect(learnedFile()).toHaveLength(1);

    // The next run starts from it: every element already made, whatever its documents reach.
    const second = relaxNgSchema(path, GRAMMAR, 'js', cache);
    const docs = DOCS.map(doc);
    await validateRelaxNg(docs, second);
    expect(second.js!.schema.patterns.elements.length).toBe(first.js!.schema.patterns.elements.length);
    const fromScratch = DOCS.map(doc);
    await validateRelaxNg(fromScratch, relaxNgSchema(path, GRAMMAR, 'js', new SchemaCache(null)));
    expect(docs.map((d) => d.diagnostics)).toEqual(fromScratch.map((d) => d.diagnostics));

    // It learned from the faulty documents: kept. A run that learns nothing writes nothing.
    const put = vi.spyOn(cache, 'put');
    keepLearned(second);
    expect(put).toHaveBeenCalledTimes(1);
    const third = relaxNgSchema(path, GRAMMAR, 'js', cache);
    await validateRelaxNg(DOCS.map(doc), third);
    keepLearned(third);
    expect(put).toHaveBeenCalledTimes(1);
    expect(learnedSize(third.js!)).toBe(learnedSize(second.js!));
  });

  it('loads the schema instead when the kept state is damaged, wherever the damage is', async () => {
    type State = NonNullable<ReturnType<typeof engineState>>;
    const damages: Record<string, (state: State) => void> = {
      'a pattern whose parts do not exist': (st) => st.patterns.shapes.splice(0, 3, 0, 99999, 99999),
      "an element's content that does not exist": (st) => {
        const at = st.patterns.shapes.indexOf(6); // the first element: [6, name class, content]
        st.patterns.shapes[at + 2] = 99999;
      },
      'a memo that names a pattern that does not exist': (st) => (st.derivatives.open[2] = 99999),
      'a value that is not a string': (st) => {
        const at = st.patterns.shapes.indexOf(9); // the first value: [9, datatype, value]
        st.patterns.shapes[at + 2] = 3;
      },
      'no start': (st) => (st.start = -1),
    };
    for (const [what, damage] of Object.entries(damages)) {
      const dir = tempDir();
      const path = join(dir, 'letter.rng');
      writeFileSync(path, GRAMMAR);
      const cache = new SchemaCache(dir);
      const first = relaxNgSchema(path, GRAMMAR, 'js', cache);
      await validateRelaxNg(DOCS.map(doc), first);
      keepLearned(first);
      const [name] = readdirSync(join(dir, 'schema')).filter((f) => f.startsWith('rng-learned@'));
      const file = join(dir, 'schema', name!);
      // The key intact, the state damaged.
      const entry = JSON.parse(readFileSync(file, 'utf8')) as { value: State };
      damage(entry.value);
      writeFileSync(file, JSON.stringify(entry));
      const docs = DOCS.map(doc);
      const again = relaxNgSchema(path, GRAMMAR, 'js', cache);
      await validateRelaxNg(docs, again);
      expect(again.js!.keptSize, what).toBe(0); // loaded, not restored
      const expected = DOCS.map(doc);
      await validateRelaxNg(expected, relaxNgSchema(path, GRAMMAR, 'js', new SchemaCache(null)));
      expect(
        docs.map((d) => d.diagnostics),
        what,
      ).toEqual(expected.map((d) => d.diagnostics));
    }
  });

  it('is not kept for a schema of several files (the cache is keyed by the first file alone)', async () => {
    const dir = tempDir();
    const main = `<grammar ${RNG} ns="urn:l"><include href="part.rng"/><start><ref name="letter"/></start></grammar>`;
    writeFileSync(join(dir, 'main.rng'), main);
    writeFileSync(
      join(dir, 'part.rng'),
      `<grammar ${RNG} ns="urn:l"><define name="letter"><element name="letter"><text/></element></define></grammar>`,
    );
    const cache = new SchemaCache(dir);
    for (let run = 0; run < 2; run++) {
      const s = relaxNgSchema(join(dir, 'main.rng'), main, 'js', cache);
      await validateRelaxNg([doc('<letter xmlns="urn:l">t</letter>', 0)], s);
      keepLearned(s);
    }
    expect(readdirSync(join(dir, 'schema')).filter((f) => f.startsWith('rng-learned@'))).toEqual([]);
  });
});
