import { describe, expect, it } from 'vitest';
import { referenceCoverage } from '../../src/tei/name-coverage.js';
import { parseDocument, tei } from '../rules/harness.js';

describe('referenceCoverage', () => {
  it('counts the names of the text, with and without a reference', () => {
    const xml = tei(
      `<p><persName ref="per:brezhnev" xml:id="m1">Brezhnev</persName> wrote to <persName ref="per:carter">Carter</persName>;
<persName sameAs="#m1">the General Secretary</persName> and <persName key="vance">Vance</persName> met in <placeName>Washington</placeName>.</p>
<floatingText><body><p><orgName ref="org:nato">NATO</orgName>, <rs type="place" ref="pla:moscow">the capital</rs>, <rs type="person">he</rs></p></body></floatingText>
<listPerson><person xml:id="local"><persName>Not counted</persName></person></listPerson>`,
      { header: '<profileDesc><particDesc><p><persName>Not counted either</persName></p></particDesc></profileDesc>' },
    );
    const { tree } = parseDocument('tei/example.xml', xml);
    expect(referenceCoverage(tree)).toStrictEqual({
      persName: { total: 4, withRef: 3 },
      placeName: { total: 1, withRef: 0 },
      orgName: { total: 1, withRef: 1 },
      rs: { total: 2, withRef: 1 },
    });
  });

  it('reports every kind, even when a document has none', () => {
    const { tree } = parseDocument('tei/example.xml', tei('<p>No names here.</p>'));
    expect(referenceCoverage(tree)).toStrictEqual({
      persName: { total: 0, withRef: 0 },
      placeName: { total: 0, withRef: 0 },
      orgName: { total: 0, withRef: 0 },
      rs: { total: 0, withRef: 0 },
    });
  });

  it('walks a document nested as deep as the parser allows', () => {
    const depth = 250;
    const body = '<div>'.repeat(depth) + '<p><persName ref="per:carter">Carter</persName></p>' + '</div>'.repeat(depth);
    const { tree } = parseDocument('tei/example.xml', tei(body));
    expect(referenceCoverage(tree).persName).toStrictEqual({ total: 1, withRef: 1 });
  });
});
