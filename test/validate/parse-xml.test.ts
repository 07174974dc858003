import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { decode, reportDecodeProblems } from '../../src/validate/decode.js';
import { givenAsItIs, parseXml } from '../../src/validate/parse-xml.js';
import { attr, elements, textContent } from '../../src/core/xml-tree.js';

function load(input: string | Uint8Array) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const decoded = decode(bytes);
  const doc = new SourceDocument('/x/tei/case.xml', 'tei/case.xml', decoded.text);
  reportDecodeProblems(doc, decoded);
  const tree = decoded.problems.some((p) => p.fatal) ? null : parseXml(doc);
  return { doc, tree, first: doc.diagnostics[0] };
}

describe('the positioned tree', () => {
  it('records where elements and attributes start, in UTF-16 columns', () => {
    const { tree, doc } = load(
      '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">😀<p\n  xml:id="p1" n = \'2\'>a &amp; b</p></TEI>',
    );
    expect(doc.diagnostics).toEqual([]);
    const p = [...elements(tree!.root, 'p')][0]!;
    expect(p.start).toEqual({ line: 2, column: 44 });
    expect(p.attributes.map((a) => [a.name, a.ns, a.start])).toEqual([
      ['xml:id', 'http://www.w3.org/XML/1998/namespace', { line: 3, column: 3 }],
      ['n', '', { line: 3, column: 15 }],
    ]);
    expect(attr(p, 'n')).toBe('2');
    expect(textContent(p)).toBe('a & b');
    expect(tree!.root.ns).toBe('http://www.tei-c.org/ns/1.0');
  });

  it('keeps processing instructions of the prolog', () => {
    const { tree } = load('<?xml-model href="schema/tei-project.rng"?>\n<TEI/>');
    expect(tree!.prolog.map((n) => [n.type, n.name])).toEqual([['pi', 'xml-model']]);
  });

  it('keeps comments and processing instructions after the root apart from the prolog', () => {
    const { tree } = load('<!--a--><TEI/>\n<!--b-->\n<?c d?>\n');
    expect(tree!.prolog.map((n) => [n.type, n.value])).toEqual([['comment', 'a']]);
    expect(tree!.epilog.map((n) => [n.type, n.name, n.value])).toEqual([
      ['comment', '', 'b'],
      ['pi', 'c', 'd'],
    ]);
  });

  it('reads a CDATA section as text, where it stands', () => {
    const { tree, doc } = load('<TEI><p>a<![CDATA[<b> & c]]>d<![CDATA[]]><![CDATA[x<![CDATA[y]]></p></TEI>');
    expect(doc.diagnostics).toEqual([]);
    const p = [...elements(tree!.root, 'p')][0]!;
    expect(textContent(p)).toBe('a<b> & cdx<![CDATA[y');
    expect(p.children.map((c) => (c.type === 'text' ? [c.value, c.start.column] : c.type))).toEqual([
      ['a', 9],
      ['<b> & c', 19],
      ['d', 29],
      ['x<![CDATA[y', 51],
    ]);
  });

  it('stops at 100,000 levels of nesting with one located diagnostic, not a well-formedness error', () => {
    const started = performance.now();
    const { tree, first, doc } = load('<a>'.repeat(100_000) + '</a>'.repeat(100_000));
    // A generous bound for a shared machine; the bench measures the real time.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(tree).toBeNull();
    expect(doc.diagnostics).toHaveLength(1);
    expect(first).toMatchObject({ ruleId: 'xml/too-deep', line: 1, column: 256 * 3 + 1 });
    expect(first!.message).toMatch(/^Unexpected nesting deeper than 256/);
  });
});

// Each bad input: what is reported first, and where.
const BAD: [string, string | Uint8Array, string, number, number, RegExp][] = [
  ['empty file', '', 'xml/empty', 1, 1, /empty file/],
  [
    'binary file',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    'xml/binary',
    3,
    1,
    /NUL byte at byte 8/,
  ],
  ['binary with NUL after text', '<TEI>\nab\u0000cd</TEI>', 'xml/binary', 2, 3, /NUL byte/],
  [
    'invalid UTF-8',
    new Uint8Array([...new TextEncoder().encode('<TEI>\n  caf'), 0xe9, ...new TextEncoder().encode('</TEI>')]),
    'xml/encoding',
    2,
    6,
    /byte 0xE9 .* not valid UTF-8/,
  ],
  [
    'declared Shift_JIS',
    '<?xml version="1.0" encoding="Shift_JIS"?><TEI/>',
    'xml/encoding',
    1,
    31,
    /encoding declaration "Shift_JIS"/,
  ],
  ['unclosed tag', '<TEI>\n<p>text</TEI>', 'xml/not-well-formed', 2, 8, /end tag <\/TEI>/],
  ['mismatched tags', '<TEI><p></div></TEI>', 'xml/not-well-formed', 1, 9, /Unexpected end tag <\/div>/],
  ['truncated file', '<TEI><teiHeader><fileDesc>', 'xml/not-well-formed', 1, 27, /Unexpected end of file/],
  ['two roots', '<TEI/>\n<TEI/>', 'xml/not-well-formed', 2, 1, /second root/],
  ['text after the root', '<TEI/>\ntrailing', 'xml/not-well-formed', 2, 1, /text after the root/],
  ['unquoted attribute', '<TEI n=1/>', 'xml/not-well-formed', 1, 8, /unquoted attribute/],
  ['undefined entity', '<TEI>\n  &nbsp;</TEI>', 'xml/not-well-formed', 2, 3, /entity &nbsp;/],
  ['control character', '<TEI>a\u0001b</TEI>', 'xml/not-well-formed', 1, 7, /control character U\+0001/],
  ['undeclared prefix', '<TEI>\n <x:p/></TEI>', 'xml/not-well-formed', 2, 2, /prefix "x"/],
  [
    '"<" in a start tag',
    '<TEI>\n<p n="1"<hi/></p></TEI>',
    'xml/not-well-formed',
    2,
    9,
    /character "<" \(U\+003C\) in an attribute name/,
  ],
  [
    '"!" in an element name',
    '<TEI>\n<p!/></TEI>',
    'xml/not-well-formed',
    2,
    3,
    /character "!" \(U\+0021\) in an element name/,
  ],
];

describe('bad input gets a located diagnostic', () => {
  it.each(BAD)('%s', (_name, input, ruleId, line, column, message) => {
    const { tree, doc, first } = load(input);
    expect(first, JSON.stringify(doc.diagnostics)).toMatchObject({ ruleId, line, column, severity: 'error' });
    expect(first!.message).toMatch(message);
    expect(first!.message).toMatch(/^Unexpected/);
    expect(tree).toBeNull();
  });

  it('refuses billion laughs at once, by the bound on entity expansion', () => {
    const lol =
      '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      ']>\n<lolz>&lol9;</lolz>';
    const started = Date.now();
    const { tree, doc } = load(lol);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(tree).toBeNull();
    expect(doc.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['xml/entity-limit error']);
    expect(doc.diagnostics[0]!.message).toMatch(/more than 1048576 characters/);
  });

  it('stops at the first error: 100,000 unclosed elements in the TEI namespace take well under a second', () => {
    // saxes resolves each element's namespace through every open element: going on past the
    // first error made this minutes (found by the fuzzer).
    const started = Date.now();
    const { tree, doc, first } = load('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + '<hi>'.repeat(100_000));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(tree).toBeNull();
    expect(doc.diagnostics).toHaveLength(1);
    expect(first).toMatchObject({ ruleId: 'xml/too-deep', line: 1, column: 42 + 255 * 4 });
  });

  it('reads a 5 MB attribute without trouble', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const { tree, doc } = load(`<TEI n="${big}"/>`);
    expect(doc.diagnostics).toEqual([]);
    expect(attr(tree!.root, 'n')!.length).toBe(big.length);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    bytes.set(new TextEncoder().encode('<TEI>'), 0);
    const { tree, first } = load(bytes);
    expect(tree).toBeNull();
    expect(first).toMatchObject({ ruleId: 'xml/too-large', line: 1, column: 1 });
    expect(first!.message).toMatch(/50\.0 MiB, expected at most 32 MiB/);
  });
});

// Well-formed XML that real TEI from other projects uses: never called malformed.
describe('XML as the XML 1.0 specification defines it', () => {
  it('expands internal entities declared in the internal DTD subset', () => {
    const { tree, doc } = load(
      '<!DOCTYPE TEI [\n<!ENTITY e "Ende">\n<!ENTITY both "&e; &#x263A;">\n]>\n<TEI n="&e;">&both;</TEI>',
    );
    expect(doc.diagnostics).toEqual([]);
    expect(textContent(tree!.root)).toBe('Ende \u263A');
    expect(attr(tree!.root, 'n')).toBe('Ende');
    // Other processors get the same content, on the same lines, with nothing to read.
    expect(doc.xmlText!.split('\n').map((l) => l.trim())).toEqual(['', '', '', '', '<TEI n="Ende">Ende \u263A</TEI>']);
  });

  it('never fetches an external DTD or entity: each is said with its URI, and the rest is checked', () => {
    const { tree, doc } = load(
      '<!DOCTYPE TEI SYSTEM "http://example.org/tei.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI>&x;<p>&nbsp;</p></TEI>',
    );
    expect(tree).not.toBeNull();
    expect(doc.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.source}`)).toEqual([
      'policy/external-dtd warning rules',
      'policy/external-entity warning rules',
      'policy/external-entity warning rules',
    ]);
    expect(doc.diagnostics[0]!.message).toContain('"http://example.org/tei.dtd"');
    expect(doc.diagnostics[1]!.message).toContain('"file:///etc/passwd"');
    expect(doc.diagnostics[2]!.message).toContain('&nbsp;');
    expect(doc.xmlText).not.toContain('passwd');
  });

  it('an undeclared entity without an external DTD is a well-formedness error', () => {
    const { first } = load('<!DOCTYPE TEI [<!ENTITY a "b">]>\n<TEI>&c;</TEI>');
    expect(first).toMatchObject({ ruleId: 'xml/not-well-formed', line: 2, column: 6 });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('accepts %s line endings without a word', (_name, nl) => {
    const { tree, doc } = load(['<TEI>', '<p n="1">a</p>', '</TEI>'].join(nl));
    expect(doc.diagnostics).toEqual([]);
    expect(tree!.root.local).toBe('TEI');
  });

  it('decodes UTF-16 (both byte orders) and ISO-8859-1, with a policy warning each', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><TEI>café ☺</TEI>';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const be = new Uint8Array([0xfe, 0xff, ...new Uint8Array(Buffer.from(text, 'utf16le').swap16())]);
    for (const bytes of [le, be]) {
      const { tree, doc } = load(bytes);
      expect(textContent(tree!.root)).toBe('café ☺');
      expect(doc.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.source}`)).toEqual([
        'policy/encoding warning rules',
      ]);
      expect(doc.xmlText).toContain('encoding="UTF-8"');
    }
    const latin1 = new Uint8Array(
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><TEI>caf\u00e9 \u0093</TEI>', 'latin1'),
    );
    const { tree, doc } = load(latin1);
    expect(textContent(tree!.root)).toBe('caf\u00e9 \u0093');
    expect(doc.diagnostics.map((d) => d.ruleId)).toEqual(['policy/encoding']);
  });
});

describe('givenAsItIs (a text read again tells without parsing whether others get it changed)', () => {
  it('agrees with the parse on whether there is an xmlText', () => {
    const texts = [
      '<TEI/>',
      '<?xml version="1.0" encoding="UTF-8"?><TEI/>',
      "<?xml version='1.0' encoding='utf8'?><TEI/>",
      '<?xml version="1.0" encoding="ISO-8859-1"?><TEI/>',
      '<?xml version="1.0" encoding="UTF-16"?><TEI/>',
      '<!DOCTYPE TEI [<!ENTITY e "x">]><TEI>&e;</TEI>',
      '<?xml version="1.0"?>\n<!DOCTYPE TEI><TEI/>',
    ];
    for (const text of texts) {
      const doc = new SourceDocument('/e/a.xml', 'a.xml', text);
      expect(parseXml(doc)).not.toBeNull();
      expect([text, givenAsItIs(text)]).toEqual([text, doc.xmlText === undefined]);
    }
  });
});
