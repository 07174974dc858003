import { Random } from './random.js';

/**
 * The fuzzer's mutators, one function each: each takes a document's bytes and a seeded generator
 * and returns new bytes. They aim at what hand-edited or hostile TEI holds: broken bytes and
 * encodings, broken markup, markup XML allows but the pipeline may not expect, and sheer size.
 */
export type Mutator = (bytes: Buffer, rnd: Random) => Buffer;

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Replace `remove` bytes at `at` with `insert`. */
function splice(bytes: Buffer, at: number, remove: number, insert: Buffer | string = Buffer.alloc(0)): Buffer {
  const ins = typeof insert === 'string' ? utf8(insert) : insert;
  return Buffer.concat([bytes.subarray(0, at), ins, bytes.subarray(at + remove)]);
}

/** The bytes seen as latin1: one character per byte, so regex offsets are byte offsets. */
const view = (bytes: Buffer) => bytes.toString('latin1');

function matches(bytes: Buffer, re: RegExp): RegExpExecArray[] {
  return [...view(bytes).matchAll(new RegExp(re.source, 'g'))];
}

const START_TAG = /<[A-Za-z][^<>]*>/;
const END_TAG = /<\/[^<>]*>/;
const ANY_TAG = /<\/?[A-Za-z][^<>]*>/;
const ATTRIBUTE = /\s([A-Za-z_][\w:.-]*)\s*=\s*"([^"]*)"/;

/** A byte offset just after some tag inside <text>: where character content may go. */
function textPosition(bytes: Buffer, rnd: Random): number {
  const body = Math.max(0, view(bytes).indexOf('<text'));
  const ends = matches(bytes, />/)
    .map((m) => m.index + 1)
    .filter((o) => o > body);
  return ends.length > 0 ? rnd.pick(ends) : rnd.int(0, bytes.length);
}

/** Flip random bits in 1 to 8 random bytes. */
export const flipBytes: Mutator = (bytes, rnd) => {
  const out = Buffer.from(bytes);
  for (let n = rnd.int(1, 8); n > 0; n--) {
    const at = rnd.int(0, out.length - 1);
    out[at] = out[at]! ^ (1 << rnd.int(0, 7));
  }
  return out;
};

/** Delete a span: a few bytes, or a stretch of lines. */
export const deleteSpan: Mutator = (bytes, rnd) => {
  const at = rnd.int(0, bytes.length - 1);
  return splice(bytes, at, rnd.chance(0.7) ? rnd.int(1, 16) : rnd.int(17, 4000));
};

/** Insert a copy of some other span of the document somewhere else. */
export const insertSpan: Mutator = (bytes, rnd) => {
  const from = rnd.int(0, bytes.length - 1);
  const span = Buffer.from(bytes.subarray(from, from + rnd.int(1, 2000)));
  return splice(bytes, rnd.int(0, bytes.length), 0, span);
};

/** Cut a tag short where it stands: `<persName ref="per:va` and the document goes on. */
export const truncateTag: Mutator = (bytes, rnd) => {
  const tags = matches(bytes, ANY_TAG);
  if (tags.length === 0) return bytes;
  const m = rnd.pick(tags);
  const keep = rnd.int(1, m[0].length - 1);
  return splice(bytes, m.index + keep, m[0].length - keep);
};

/** Cut the whole file off inside a tag. */
export const truncateFileInTag: Mutator = (bytes, rnd) => {
  const tags = matches(bytes, ANY_TAG);
  if (tags.length === 0) return bytes.subarray(0, rnd.int(0, bytes.length));
  const m = rnd.pick(tags);
  return Buffer.from(bytes.subarray(0, m.index + rnd.int(0, m[0].length - 1)));
};

/** Write a start or end tag twice. */
export const duplicateTag: Mutator = (bytes, rnd) => {
  const tags = matches(bytes, ANY_TAG);
  if (tags.length === 0) return bytes;
  const m = rnd.pick(tags);
  return splice(bytes, m.index, 0, Buffer.from(m[0].repeat(rnd.int(1, 3)), 'latin1'));
};

/** A NUL byte somewhere. */
export const insertNul: Mutator = (bytes, rnd) => splice(bytes, rnd.int(0, bytes.length), 0, Buffer.from([0]));

/** A UTF-16 surrogate: as raw (invalid) UTF-8 bytes, or as a character reference. */
export const insertSurrogate: Mutator = (bytes, rnd) => {
  const forms = [
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from([0xed, 0xbf, 0xbf]),
    utf8('&#xD800;'),
    utf8('&#56320;'),
    utf8('&#xDBFF;&#xDFFF;'),
  ];
  return splice(bytes, textPosition(bytes, rnd), 0, rnd.pick(forms));
};

/** A noncharacter or a character XML 1.0 forbids: U+FFFE, U+FFFF, C0 controls, DEL, a lone BOM. */
export const insertNonCharacter: Mutator = (bytes, rnd) => {
  const forms = ['\uFFFE', '\uFFFF', '\u0001', '\u001F', '\u007F', '\u0085', '\uFEFF', '\u2028', '\uFDD0'].map(utf8);
  // Sometimes in an attribute value or a tag name rather than in text.
  const at = rnd.chance(0.3)
    ? (matches(bytes, START_TAG)
        .map((m) => m.index + 2)
        .at(rnd.int(0, 50)) ?? 0)
    : textPosition(bytes, rnd);
  return splice(bytes, at, 0, rnd.pick(forms));
};

/** Characters beyond the BMP and combining marks: columns count UTF-16 code units. */
export const insertAstral: Mutator = (bytes, rnd) => {
  const forms = ['𝔉𝔲𝔷𝔷', '😀', 'e\u0301\u0302\u0303', '\u202Eevil', '𐍈'.repeat(rnd.int(1, 50))];
  return splice(bytes, textPosition(bytes, rnd), 0, rnd.pick(forms));
};

/** Mangle an attribute: unquote it, double it, empty it, break its name, or fill it with markup. */
export const mangleAttribute: Mutator = (bytes, rnd) => {
  const attrs = matches(bytes, ATTRIBUTE);
  if (attrs.length === 0) return bytes;
  const m = rnd.pick(attrs);
  const [whole, name, value] = [m[0], m[1]!, m[2]!];
  const lead = whole.slice(0, whole.indexOf(name));
  const forms = [
    `${lead}${name}=${value || 'x'}`,
    `${lead}${name}="${value}" ${name}="${value}"`,
    `${lead}${name}=""`,
    `${lead}${name}`,
    `${lead}${name}="${value}`,
    `${lead}${name}='${value}"`,
    `${lead}${name}="<${value}>&"`,
    `${lead}${name}="${value}&amp;&lt;&#x27;&quot;"`,
    `${lead}1${name}="${value}"`,
    `${lead}undeclared:${name}="${value}"`,
    `${lead}xmlns="${value}"`,
    `${lead}xmlns:xml="http://example.org/"`,
    `${lead}xml:id="${value}"`,
    `${lead}${name}="javascript:alert(1)"`,
    `${lead}${name}="../../../../etc/passwd#x"`,
    `${lead}${name}="#${'x'.repeat(rnd.int(1, 300))}"`,
    `${lead}${name}="${value} ${value}  #"`,
    `${lead}${name}="\t\n${value}\n"`,
  ];
  return splice(bytes, m.index, whole.length, Buffer.from(rnd.pick(forms), 'latin1'));
};

/** Nest elements deep, near or beyond the 256 limit, or far beyond it. */
export const deepNesting: Mutator = (bytes, rnd) => {
  const depth = rnd.pick([10, 100, 200, 250, 255, 256, 257, 300, 5000, 100_000]);
  const name = rnd.pick(['hi', 'seg', 'p', 'foo', 'note']);
  const closed = rnd.chance(0.8);
  const open = `<${name}>`.repeat(depth);
  return splice(bytes, textPosition(bytes, rnd), 0, open + (closed ? `</${name}>`.repeat(depth) : ''));
};

/** Entity and character references, defined and not, good and bad, and DTDs that declare them. */
export const entityReference: Mutator = (bytes, rnd) => {
  const refs = [
    '&nbsp;',
    '&amp;',
    '&lt;',
    '&#65;',
    '&#x41;',
    '&#0;',
    '&#x1F;',
    '&#xFFFE;',
    '&#1114112;',
    '&#x110000;',
    '&#;',
    '&#x;',
    '&;',
    '&amp',
    '& ',
    '&#99999999999999999999;',
    '&a:b;',
    '&lol9;',
    '&xxe;',
  ];
  if (rnd.chance(0.25)) {
    const dtds = [
      '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE TEI [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
      '<!DOCTYPE TEI SYSTEM "http://127.0.0.1:1/tei.dtd">',
      '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    ];
    const afterDecl = view(bytes).indexOf('?>') + 2;
    bytes = splice(bytes, afterDecl, 0, rnd.pick(dtds));
  }
  return splice(bytes, textPosition(bytes, rnd), 0, rnd.pick(refs));
};

/** CDATA sections, processing instructions and comments, well-formed or not, anywhere. */
export const injectMarkup: Mutator = (bytes, rnd) => {
  const forms = [
    '<![CDATA[<p>not markup</p> & ]]>',
    '<![CDATA[unterminated',
    ']]>',
    '<![CDATA[]]>',
    '<?pi data?>',
    '<?xml version="1.0"?>',
    '<?xml-stylesheet href="javascript:alert(1)"?>',
    '<?pi unterminated',
    '<??>',
    '<!-- a comment -->',
    '<!-- a -- b -->',
    '<!-- unterminated',
    '<!--->',
    '<!---->',
    '<!ELEMENT p ANY>',
    '<!ATTLIST p a CDATA #IMPLIED>',
  ];
  const at = rnd.chance(0.8) ? textPosition(bytes, rnd) : rnd.int(0, bytes.length);
  return splice(bytes, at, 0, rnd.pick(forms));
};

/** Rename an element: to another TEI element, an unknown one, a prefixed one or an invalid name. */
export const renameElement: Mutator = (bytes, rnd) => {
  const tags = matches(bytes, START_TAG);
  if (tags.length === 0) return bytes;
  const m = rnd.pick(tags);
  const old = /^<([^\s/>]+)/.exec(m[0])![1]!;
  const name = rnd.pick([
    'p',
    'div',
    'TEI',
    'teiHeader',
    'text',
    'persName',
    'date',
    'note',
    'foo',
    'tei:p',
    'xml:p',
    'undeclared:p',
    '1p',
    'p-',
    'Ä',
    'a:b:c',
    'xmlns',
    'xmlns:p',
  ]);
  const renamed = m[0].replace(old, name);
  let out = splice(bytes, m.index, m[0].length, Buffer.from(renamed, 'latin1'));
  // Usually rename its end tag too, so the document may stay well-formed.
  if (rnd.chance(0.7) && !m[0].endsWith('/>')) {
    const close = view(out).indexOf(`</${old}>`, m.index + renamed.length);
    if (close !== -1) out = splice(out, close, old.length + 3, Buffer.from(`</${name}>`, 'latin1'));
  }
  return out;
};

/**
 * A huge attribute value or text node: up to 256 KB (six times the record) on one line. Beyond that
 * time grows with size at the pipeline's throughput (~1 MB/s), which the benchmarks measure.
 */
export const hugeValue: Mutator = (bytes, rnd) => {
  const size = rnd.pick([1_000, 65_536, 262_144]);
  const unit = rnd.pick(['a', 'é', '𝔉', 'x ', '#a ', '<hi>x</hi>']);
  const value = unit.repeat(Math.ceil(size / unit.length));
  const attrs = matches(bytes, ATTRIBUTE);
  const kind = rnd.int(0, 2);
  if (kind === 0 && attrs.length > 0) {
    const m = rnd.pick(attrs);
    const start = m.index + m[0].indexOf('"') + 1;
    return splice(bytes, start, m[2]!.length, value.replace(/</g, '&lt;'));
  }
  if (kind === 1) {
    const tags = matches(bytes, START_TAG);
    const m = rnd.pick(tags);
    const old = /^<([^\s/>]+)/.exec(m[0])![1]!;
    return splice(bytes, m.index + 1 + old.length, 0, ` n="${value.replace(/[<&"]/g, 'x')}"`);
  }
  return splice(bytes, textPosition(bytes, rnd), 0, value);
};

/** Line endings and byte-order marks that are not the edition's. */
export const lineEndings: Mutator = (bytes, rnd) => {
  const form = rnd.int(0, 2);
  if (form === 0) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  if (form === 1) return splice(bytes, rnd.int(0, bytes.length), 0, rnd.pick(['\r\n', '\r', '\r\r\n']));
  return Buffer.from(view(bytes).replace(/\n/g, '\r'), 'latin1');
};

export const MUTATORS: Record<string, Mutator> = {
  flipBytes,
  deleteSpan,
  insertSpan,
  truncateTag,
  truncateFileInTag,
  duplicateTag,
  insertNul,
  insertSurrogate,
  insertNonCharacter,
  insertAstral,
  mangleAttribute,
  deepNesting,
  entityReference,
  injectMarkup,
  renameElement,
  hugeValue,
  lineEndings,
};

export interface Mutant {
  index: number;
  bytes: Buffer;
  /** The mutators applied, in order. */
  mutators: string[];
}

/** Mutant `index` of a run seeded with `seed`: one to three mutators applied to the source. */
export function makeMutant(source: Buffer, seed: number, index: number): Mutant {
  const rnd = Random.forMutant(seed, index);
  const names = Object.keys(MUTATORS);
  const applied: string[] = [];
  let bytes = source;
  for (let n = rnd.chance(0.7) ? 1 : rnd.int(2, 3); n > 0; n--) {
    const name = rnd.pick(names);
    applied.push(name);
    bytes = MUTATORS[name]!(bytes, rnd);
  }
  return { index, bytes, mutators: applied };
}
