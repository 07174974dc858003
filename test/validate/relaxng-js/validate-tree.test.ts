import { describe, expect, it } from 'vitest';
import { check, RNG, schema, XSD } from './support.js';

// A letter-shaped grammar: required head, then paragraphs with mixed content, an enumerated attribute.
const letter = schema({
  'letter.rng': `<grammar ${RNG} ${XSD} ns="urn:l">
    <start><ref name="letter"/></start>
    <define name="letter"><element name="letter">
      <attribute name="id"><data type="NCName"/></attribute>
      <optional><attribute name="cert"><choice><value>high</value><value>low</value></choice></attribute></optional>
      <element name="head"><text/></element>
      <zeroOrMore><ref name="p"/></zeroOrMore>
    </element></define>
    <define name="p"><element name="p"><mixed><zeroOrMore><choice><ref name="hi"/><ref name="date"/></choice></zeroOrMore></mixed></element></define>
    <define name="hi"><element name="hi"><text/></element></define>
    <define name="date"><element name="date"><attribute name="when"><data type="date"/></attribute><empty/></element></define>
  </grammar>`,
});
const L = (body: string, atts = 'id="a"') => `<letter xmlns="urn:l" ${atts}>${body}</letter>`;

describe('the JavaScript RELAX NG engine: faults where they stand, recovery as jing', () => {
  it('accepts a valid document, white space and comments between elements included', () => {
    expect(
      check(letter, L('\n  <head>t</head><!-- c -->\n  <p>a <hi>b</hi> c <date when="2020-02-29"/></p>\n')),
    ).toEqual([]);
  });

  it('reports an element not allowed at its start tag, naming what is allowed, and goes on after it', () => {
    expect(check(letter, L('<head/><bogus><p/></bogus><p><bogus/></p>'))).toEqual([
      '1:37 Unexpected element <bogus> in <letter>, expected <p>',
      '1:59 Unexpected element <bogus> in <p>, expected one of <date>, <hi>',
    ]);
  });

  it('reports a missing required element once, at the element that came instead', () => {
    expect(check(letter, L('<p/>'))).toEqual(['1:30 Unexpected element <p> in <letter>, expected <head>']);
  });

  it('reports an element left incomplete at its end tag', () => {
    expect(check(letter, L(''))).toEqual(['1:30 Unexpected end of <letter>, expected <head>']);
  });

  it('reports a bad enumerated value at the attribute with the allowed values, and a bad datatype value', () => {
    expect(check(letter, L('<head/><p><date when="2021-02-29"/></p>', 'id="a" cert="very high"'))).toEqual([
      '1:30 Unexpected value "very high" of attribute cert on <letter>, expected one of "high", "low"',
      '1:63 Unexpected value "2021-02-29" of attribute when on <date>, expected a value of type date',
    ]);
  });

  it('reports an unknown attribute and a missing required one at the start tag', () => {
    expect(check(letter, L('<head colour="red"/><p><date/></p>'))).toEqual([
      '1:36 Unexpected attribute colour on <head>, expected no attributes',
      '1:53 Unexpected <date> without attribute when, expected it',
    ]);
  });

  it('reports text where only elements may stand, at its first character', () => {
    expect(check(letter, L('<head/>\n   stray <p/>'))).toEqual(['2:4 Unexpected text in <letter>, expected <p>']);
  });

  it('names the namespace an element should be in', () => {
    expect(check(letter, '<letter id="a"><head/></letter>')).toEqual([
      '1:1 Unexpected element <letter> in no namespace, expected it in namespace urn:l',
    ]);
  });

  it('checks the content of a misplaced element against that element wherever the schema allows it', () => {
    expect(check(letter, L('<head/><hi/><p><hi><p/></hi></p>'))).toEqual([
      '1:37 Unexpected element <hi> in <letter>, expected <p>',
      '1:49 Unexpected element <p> in <hi>, expected the end of <hi>',
    ]);
  });

  it('handles interleave, lists and data with except', () => {
    const e = schema({
      'i.rng': `<element name="r" ${RNG} ${XSD}>
        <interleave><element name="a"><empty/></element><element name="b"><empty/></element></interleave>
        <attribute name="n"><list><oneOrMore><data type="integer"/></oneOrMore></list></attribute>
        <optional><attribute name="k"><data type="token"><except><value>no</value></except></data></attribute></optional>
      </element>`,
    });
    expect(check(e, '<r n=" 1  2 3 "><b/><a/></r>')).toEqual([]);
    expect(check(e, '<r n="1 x" k="no"><a/><a/></r>')).toEqual([
      '1:4 Unexpected value "1 x" of attribute n on <r>, expected a list of values',
      '1:12 Unexpected value "no" of attribute k on <r>, expected a value of type token',
      '1:23 Unexpected element <a> in <r>, expected <b>',
      '1:27 Unexpected end of <r>, expected <b>',
    ]);
  });
});

describe('ID attributes (RELAX NG DTD compatibility, as jing checks them)', () => {
  const e = schema({
    'id.rng': `<element name="r" ${RNG} ${XSD}><zeroOrMore><element name="x">
      <attribute name="xml:id"><data type="ID"/></attribute></element></zeroOrMore></element>`,
  });

  it('reports a value used twice at both places, the first once however often it is repeated', () => {
    expect(check(e, '<r><x xml:id="a"/><x xml:id="b"/><x xml:id="a"/><x xml:id=" a "/></r>')).toEqual([
      '1:7 Unexpected ID "a" of attribute xml:id on <x>: used again later, expected a value used once',
      '1:37 Unexpected ID "a" of attribute xml:id on <x>: <x> at 1:4 has it already, expected a value used once',
      '1:52 Unexpected ID "a" of attribute xml:id on <x>: <x> at 1:4 has it already, expected a value used once',
    ]);
  });
});
