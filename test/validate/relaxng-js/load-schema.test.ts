import { describe, expect, it } from 'vitest';
import { check, RNG, schema, XSD } from './support.js';

describe('loading a RELAX NG schema', () => {
  it('resolves include with overrides, externalRef, and combines defines', () => {
    const e = schema({
      'main.rng': `<grammar ${RNG} ns="urn:x">
        <include href="base.rng"><define name="b"><element name="b2"><empty/></element></define></include>
        <define name="extra" combine="choice"><element name="c"><externalRef href="leaf.rng"/></element></define>
      </grammar>`,
      'base.rng': `<grammar ${RNG}>
        <start><element name="r"><zeroOrMore><choice><ref name="b"/><ref name="extra"/></choice></zeroOrMore></element></start>
        <define name="b"><element name="b"><empty/></element></define>
        <define name="extra"><element name="e"><empty/></element></define>
      </grammar>`,
      'leaf.rng': `<element name="leaf" ${RNG}><empty/></element>`,
    });
    expect(check(e, '<r xmlns="urn:x"><b2/><e/><c><leaf/></c></r>')).toEqual([]);
    expect(check(e, '<r xmlns="urn:x"><b/></r>')).toEqual([
      '1:18 Unexpected element <b> in <r>, expected one of <b2>, <c>, <e>',
    ]);
  });

  it('combines defines by interleave and resolves parentRef from a nested grammar', () => {
    const e = schema({
      'g.rng': `<grammar ${RNG}>
        <start><element name="r"><ref name="body"/></element></start>
        <define name="body" combine="interleave"><element name="a"><empty/></element></define>
        <define name="body" combine="interleave"><element name="b">
          <grammar><start><parentRef name="leaf"/></start></grammar>
        </element></define>
        <define name="leaf"><element name="leaf"><empty/></element></define>
      </grammar>`,
    });
    expect(check(e, '<r><b><leaf/></b><a/></r>')).toEqual([]);
    expect(check(e, '<r><a/></r>')).toEqual(['1:8 Unexpected end of <r>, expected <b>']);
  });

  it('inherits ns and datatypeLibrary, and takes a prefixed name in its namespace', () => {
    const e = schema({
      's.rng': `<element name="r" ns="urn:y" xmlns:x="urn:z" ${RNG} ${XSD}>
        <attribute name="x:n"><data type="integer"><param name="minInclusive">1</param></data></attribute>
        <element name="c"><empty/></element>
      </element>`,
    });
    expect(check(e, '<r xmlns="urn:y" xmlns:x="urn:z" x:n="3"><c/></r>')).toEqual([]);
    expect(check(e, '<r xmlns="urn:y" xmlns:x="urn:z" x:n="0"><c/></r>')[0]).toMatch(
      /^1:34 Unexpected value "0" of attribute x:n/,
    );
  });

  it('refuses a reference to a pattern never defined, naming the file and line', () => {
    expect(() =>
      schema({
        'bad.rng': `<grammar ${RNG}>\n<start><element name="r"><ref name="nowhere"/></element></start></grammar>`,
      }),
    ).toThrow(/bad\.rng:2: reference to undefined pattern "nowhere"/);
  });
});
