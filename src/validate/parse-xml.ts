import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SourceDocument } from '../core/document.js';
import type { XmlAttribute, XmlElement, XmlOther, XmlTree } from '../core/xml-tree.js';

/**
 * How deep elements may nest: libxml2's own default limit (the schema layer runs on it) and far
 * beyond any real TEI; it also keeps the recursive XSLT templates of the build off the stack limit.
 */
export const MAX_DEPTH = 256;

// saxes says what went wrong in its own words; these say it in ours ("Unexpected X, expected Y").
const MESSAGES: [RegExp, (m: RegExpMatchArray, near: string) => string][] = [
  [
    /undefined entity/,
    (_m, near) =>
      `Unexpected entity ${near || 'reference'}: it is not declared (the predefined ones are &lt; &gt; &amp; &quot; &apos;; others need an <!ENTITY> in the DOCTYPE)`,
  ],
  [
    /disallowed character in (tag|attribute|processing instruction) name/,
    (m, near) =>
      `Unexpected character ${near} in ${m[1] === 'tag' ? 'an element' : `a${m[1] === 'attribute' ? 'n' : ''} ${m[1]}`} name, expected a name character`,
  ],
  [
    /disallowed character/,
    (_m, near) =>
      near === 'U+003C'
        ? 'Unexpected "<" in an attribute value, expected &lt; (a "<" there ends no tag)'
        : `Unexpected control character ${near}: not allowed in XML 1.0`,
  ],
  [/unexpected close tag/, (_m, near) => `Unexpected end tag ${near}: it does not match the open element`],
  [/unclosed tag: (.*)/, (m) => `Unexpected end of file, expected the end tag </${m[1]}>`],
  [
    /unquoted attribute value/,
    () => 'Unexpected unquoted attribute value, expected a value in "double" or \'single\' quotes',
  ],
  [/documents may contain only one root/, () => 'Unexpected second root element, expected one root element only'],
  [
    /text data outside of root node/,
    () => 'Unexpected text after the root element, expected only comments or processing instructions',
  ],
  [/document must contain a root element/, () => 'Unexpected end of file, expected a root element'],
  [/unbound namespace prefix: "(.*)"/, (m) => `Unexpected prefix "${m[1]}": it is not declared with xmlns:${m[1]}`],
  [/duplicate attribute: (.*)/, (m) => `Unexpected duplicate attribute ${m[1]}`],
];

function describe(raw: string, near: string): string {
  const msg = raw.replace(/^[^:]*:\d+:\d+: /, '');
  for (const [re, f] of MESSAGES) {
    const m = msg.match(re);
    if (m) return f(m, near);
  }
  return `Unexpected markup: ${msg.replace(/\.$/, '')}`;
}

// Parsing goes in slices so that it stops soon after the first fatal error, whatever follows.
const SLICE = 1 << 12;

/**
 * Layer 1b: well-formedness and namespaces, building the positioned tree in the same single pass.
 * saxes is a conformant XML 1.0 + Namespaces parser that never reads a DTD; the internal subset's
 * entity declarations are read here (internal ones expanded, within bounds; external ones never
 * fetched, and said so).
 */
export function parseXml(doc: SourceDocument): XmlTree | null {
  const text = doc.text;
  const at = (offset: number) => doc.lines.position(offset);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const prolog: XmlOther[] = [];
  const epilog: XmlOther[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failed = false;
  let subset: InternalSubset | null = null;
  let lastEnd = 0;
  let tagStart = 0;

  const fail = (message: string, offset: number) => {
    if (failed) return;
    failed = true;
    doc.report(at(offset), 'error', 'xml', 'xml/not-well-formed', message);
  };
  // Only the first error is reported, so parsing stops there: saxes would go on, and on a document
  // nested 100,000 deep it resolves each element's namespace through every open element (minutes).
  const STOP = new Error('stop parsing');

  parser.on('error', (e) => {
    const pos = Math.max(0, Math.min(parser.position - 1, text.length));
    let near = '';
    let offset = pos;
    if (/undefined entity/.test(e.message)) {
      offset = text.lastIndexOf('&', pos);
      near = text.slice(offset, pos + 1);
      // With a DTD that is not read, an undeclared entity may be declared there: not a well-formedness error.
      if (subset?.external) {
        doc.report(
          at(offset),
          'warning',
          'rules',
          'policy/external-entity',
          `Unexpected entity ${near.slice(0, 60)}: it may be declared in the external DTD, which is never read; it is left out`,
        );
        return;
      }
    } else if (/disallowed character/.test(e.message)) {
      const cp = text.codePointAt(pos) ?? 0;
      near = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
      // A printable character is shown as well as named ("<" U+003C); a control character only named.
      if (/ name/.test(e.message) && cp > 0x20 && cp !== 0x7f) near = `"${String.fromCodePoint(cp)}" (${near})`;
    } else if (/close tag/.test(e.message)) {
      offset = text.lastIndexOf('</', pos);
      near = text.slice(offset, text.indexOf('>', offset) + 1 || undefined);
    } else if (/unclosed tag|root element/.test(e.message)) {
      offset = text.length;
    } else if (/prefix/.test(e.message)) {
      offset = tagStart;
    } else if (/one root|outside of root/.test(e.message)) {
      offset = lastEnd + (text.slice(lastEnd).length - text.slice(lastEnd).trimStart().length);
    }
    fail(describe(e.message, near), offset);
    throw STOP;
  });
  parser.on('doctype', (body) => {
    const start = Math.max(0, text.indexOf('<!DOCTYPE'));
    subset = readInternalSubset(body);
    for (const f of subset.findings) doc.report(at(start), f.severity, f.source, f.ruleId, f.message);
    if (subset.fatal) failed = true;
    for (const [name, value] of subset.entities) parser.ENTITIES[name] = value;
    doc.xmlText = prepareForProcessors(text, start, parser.position, subset);
    lastEnd = parser.position;
  });
  parser.on('xmldecl', () => (lastEnd = parser.position));
  // Where each attribute of the tag being read starts, in order (the attribute event comes after its closing quote).
  const attributeStarts: number[] = [];
  parser.on('attribute', () => attributeStarts.push(attributeStart(text, parser.position)));
  parser.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', parser.position - 1);
    attributeStarts.length = 0;
    if (stack.length >= MAX_DEPTH && !failed) {
      failed = true;
      doc.report(
        at(tagStart),
        'error',
        'xml',
        'xml/too-deep',
        `Unexpected nesting deeper than ${MAX_DEPTH} elements, expected at most ${MAX_DEPTH} (the schema layer and the stylesheets go no deeper)`,
      );
    }
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (failed) return;
    const tagEnd = at(parser.position);
    const el: XmlElement = {
      type: 'element',
      name: tag.name,
      local: tag.local,
      ns: tag.uri,
      attributes: attributesOf(tag, attributeStarts, tagStart, at),
      children: [],
      parent: stack[stack.length - 1] ?? null,
      start: at(tagStart),
      // One object for both: an element that is not empty gets its own end at its end tag.
      end: tagEnd,
      tagEnd,
    };
    if (el.parent) el.parent.children.push(el);
    else root = el;
    if (!tag.isSelfClosing) stack.push(el);
    lastEnd = parser.position;
  });
  parser.on('closetag', (tag) => {
    if (failed) return;
    if (!tag.isSelfClosing) {
      const el = stack.pop();
      if (el) el.end = at(parser.position);
    }
    lastEnd = parser.position;
  });
  parser.on('text', (value) => {
    const parent = stack[stack.length - 1];
    if (!failed && parent) parent.children.push({ type: 'text', value, start: at(lastEnd), parent });
  });
  // A CDATA section is text (saxes reports it apart).
  parser.on('cdata', (value) => {
    const parent = stack[stack.length - 1];
    // Only text (which holds no '<') stands between the last markup and the section.
    const start = text.indexOf('<![CDATA[', lastEnd) + '<![CDATA['.length;
    if (!failed && parent && value !== '') parent.children.push({ type: 'text', value, start: at(start), parent });
    lastEnd = parser.position;
  });
  const other = (type: 'comment' | 'pi', name: string, value: string) => {
    const parent = stack[stack.length - 1] ?? null;
    const start = type === 'pi' ? text.lastIndexOf('<?', parser.position) : text.lastIndexOf('<!--', parser.position);
    const node: XmlOther = { type, name, value, start: at(start), parent };
    if (failed) return;
    if (parent) parent.children.push(node);
    else (root ? epilog : prolog).push(node);
    lastEnd = parser.position;
  };
  parser.on('comment', (c) => other('comment', '', c));
  parser.on('processinginstruction', (pi) => other('pi', pi.target, pi.body));

  try {
    for (let i = 0; i < text.length && !failed; i += SLICE) parser.write(text.slice(i, i + SLICE));
    if (!failed) parser.close();
  } catch (e) {
    // Besides STOP, saxes throws only when no error handler is set; keep a located diagnostic regardless.
    if (e !== STOP) fail(describe(String((e as Error).message), ''), parser.position);
  }
  if (failed || !root) return null;
  // The text is already decoded: other processors must not decode it again by its declaration.
  const base = doc.xmlText ?? text;
  const declared = DECLARED_ENCODING.exec(base);
  if (declared && !UTF_8.test(declared[2]!)) doc.xmlText = declared[1] + 'UTF-8' + base.slice(declared[0].length);
  return { root, prolog, epilog };
}

const DECLARED_ENCODING = /^(<\?xml[^>]*?encoding\s*=\s*["'])([^"']+)/;
const UTF_8 = /^utf-?8$/i;

/**
 * Whether other XML processors are given the text as it is (no `xmlText`): it has no DOCTYPE and declares no
 * encoding but UTF-8. Told without parsing, for a text read again; '<!DOCTYPE' in a comment only costs a parse.
 */
export function givenAsItIs(text: string): boolean {
  const declared = DECLARED_ENCODING.exec(text);
  return !text.includes('<!DOCTYPE') && (!declared || UTF_8.test(declared[2]!));
}

interface InternalSubset {
  entities: Map<string, string>;
  /** An external DTD or parameter entity is named: declarations may be missing. */
  external: boolean;
  fatal: boolean;
  findings: { severity: 'error' | 'warning'; source: 'xml' | 'rules'; ruleId: string; message: string }[];
}

// Bounds on entity expansion: far above real use, far below a billion laughs.
export const MAX_ENTITY_DEPTH = 8;
export const MAX_ENTITY_CHARS = 1 << 20;

const ENTITY_DECL =
  /<!ENTITY\s+(%\s+)?([^\s%]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\s+("[^"]*"|'[^']*')\s*("[^"]*"|'[^']*')?[^>]*)\s*>/g;

/**
 * The DOCTYPE's internal subset: general entities with literal values, expanded (references to other
 * entities and character references resolved) within MAX_ENTITY_DEPTH levels and MAX_ENTITY_CHARS.
 * External DTDs and entities are never fetched: each is reported with its URI.
 */
function readInternalSubset(body: string): InternalSubset {
  const result: InternalSubset = { entities: new Map(), external: false, fatal: false, findings: [] };
  const open = body.indexOf('[');
  const head = open === -1 ? body : body.slice(0, open);
  const externalId = /\b(?:SYSTEM\s+("[^"]*"|'[^']*')|PUBLIC\s+(?:"[^"]*"|'[^']*')\s*("[^"]*"|'[^']*')?)/.exec(head);
  if (externalId) {
    result.external = true;
    const uri = (externalId[1] ?? externalId[2] ?? '""').slice(1, -1);
    result.findings.push({
      severity: 'warning',
      source: 'rules',
      ruleId: 'policy/external-dtd',
      message: `Unexpected external DTD "${uri.slice(0, 200)}": it is never fetched; the rest of the document is checked without it`,
    });
  }
  const inner = open === -1 ? '' : body.slice(open + 1, body.lastIndexOf(']'));
  const raw = new Map<string, string>();
  ENTITY_DECL.lastIndex = 0;
  for (let m = ENTITY_DECL.exec(inner); m; m = ENTITY_DECL.exec(inner)) {
    const [, percent, name, dq, sq, external, first, second] = m;
    if (external) {
      const uri = ((external === 'PUBLIC' ? second : first) ?? '""').slice(1, -1);
      result.findings.push({
        severity: 'warning',
        source: 'rules',
        ruleId: 'policy/external-entity',
        message: `Unexpected external entity ${percent ? '%' : '&'}${name}; ("${uri.slice(0, 200)}"): it is never fetched; references to it are left out`,
      });
      if (percent) result.external = true;
      else raw.set(name!, '');
      continue;
    }
    // The first declaration binds (XML 1.0 §4.2); parameter entities are not expanded here.
    if (!percent && !raw.has(name!)) raw.set(name!, dq ?? sq ?? '');
  }
  if (/%[^\s;]+;/.test(inner.replace(ENTITY_DECL, ''))) result.external = true;
  const expanded = new Map<string, string>();
  const expand = (name: string, depth: number): string => {
    const done = expanded.get(name);
    if (done !== undefined) return done;
    if (depth > MAX_ENTITY_DEPTH) throw new RangeError(`entities nested deeper than ${MAX_ENTITY_DEPTH}`);
    let out = '';
    for (const part of raw.get(name)!.split(/(&[^;\s]+;)/)) {
      const ref = /^&([^#;][^;]*);$/.exec(part);
      if (ref && raw.has(ref[1]!)) out += expand(ref[1]!, depth + 1);
      else if (/^&#x[0-9a-f]+;$/i.test(part)) out += String.fromCodePoint(parseInt(part.slice(3, -1), 16));
      else if (/^&#[0-9]+;$/.test(part)) out += String.fromCodePoint(parseInt(part.slice(2, -1), 10));
      else out += part;
      if (out.length > MAX_ENTITY_CHARS)
        throw new RangeError(`an entity expands to more than ${MAX_ENTITY_CHARS} characters`);
    }
    expanded.set(name, out);
    return out;
  };
  try {
    for (const name of raw.keys()) result.entities.set(name, expand(name, 0));
  } catch (e) {
    result.fatal = true;
    result.entities.clear();
    result.findings.push({
      severity: 'error',
      source: 'xml',
      ruleId: 'xml/entity-limit',
      message: `Unexpected entity expansion: ${(e as Error).message}, expected at most ${MAX_ENTITY_DEPTH} levels and ${MAX_ENTITY_CHARS} characters (entity bombs are refused)`,
    });
  }
  for (const [name, value] of result.entities) {
    if (value.includes('<'))
      result.findings.push({
        severity: 'warning',
        source: 'xml',
        ruleId: 'xml/entity-markup',
        message: `Unexpected markup in entity &${name};: its replacement text is read as characters, not as elements`,
      });
  }
  return result;
}

/**
 * The text other XML processors (libxml2, saxon-js) are given: the DOCTYPE blanked out and the
 * declared entities' references replaced by their (escaped) text. Newlines are kept, so lines agree.
 */
function prepareForProcessors(text: string, start: number, end: number, subset: InternalSubset): string {
  const blank = text.slice(start, end).replace(/[^\n]/g, ' ');
  const escape = (v: string) =>
    v
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;');
  const rest = text.slice(end).replace(/&([^#;\s&<]+);/g, (whole, name: string) => {
    const v = subset.entities.get(name);
    return v === undefined ? (['lt', 'gt', 'amp', 'quot', 'apos'].includes(name) ? whole : '') : escape(v);
  });
  return text.slice(0, start) + blank + rest;
}

function attributesOf(
  tag: SaxesTagNS,
  starts: readonly number[],
  tagStart: number,
  at: (o: number) => XmlAttribute['start'],
): XmlAttribute[] {
  // saxes keeps a tag's attributes in the order it read them, which is the order of their events.
  return Object.values(tag.attributes).map((a, i) => ({
    name: a.name,
    local: a.local,
    ns: a.uri,
    value: a.value,
    start: at(starts[i] ?? tagStart),
  }));
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Where the attribute that ends just before `end` (after its closing quote) starts: back over its
 * value (which cannot hold its own quote), the `=` with any white space around it, and its name,
 * which white space precedes. Reading the tag again with a regular expression cost a tenth of parsing.
 */
function attributeStart(text: string, end: number): number {
  let i = text.lastIndexOf(text[end - 1]!, end - 2) - 1;
  while (isSpace(text.charCodeAt(i))) i--;
  i--;
  while (isSpace(text.charCodeAt(i))) i--;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
