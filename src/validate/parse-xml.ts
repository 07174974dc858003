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
  [/undefined entity/, (_m, near) => `Unexpected entity ${near || 'reference'}: only &lt; &gt; &amp; &quot; &apos; and character references are defined (no DTD is read)`],
  [/disallowed character/, (_m, near) =>
    near === 'U+003C'
      ? 'Unexpected "<" in an attribute value, expected &lt; (a "<" there ends no tag)'
      : `Unexpected control character ${near}: not allowed in XML 1.0`],
  [/unexpected close tag/, (_m, near) => `Unexpected end tag ${near}: it does not match the open element`],
  [/unclosed tag: (.*)/, (m) => `Unexpected end of file, expected the end tag </${m[1]}>`],
  [/unquoted attribute value/, () => 'Unexpected unquoted attribute value, expected a value in "double" or \'single\' quotes'],
  [/documents may contain only one root/, () => 'Unexpected second root element, expected one root element only'],
  [/text data outside of root node/, () => 'Unexpected text after the root element, expected only comments or processing instructions'],
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

/**
 * Layer 1b: well-formedness and namespaces, building the positioned tree in the same single pass.
 * saxes is a conformant XML 1.0 + Namespaces parser that never reads a DTD, so external entities
 * and entity expansion bombs cannot happen; a DOCTYPE is reported and otherwise ignored.
 */
export function parseXml(doc: SourceDocument): XmlTree | null {
  const text = doc.text;
  const at = (offset: number) => doc.lines.position(offset);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const prolog: XmlOther[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failed = false;
  let doctype = false;
  let lastEnd = 0;
  let tagStart = 0;

  const fail = (message: string, offset: number) => {
    if (failed) return;
    failed = true;
    doc.report(at(offset), 'error', 'xml', 'xml/not-well-formed', message);
  };

  parser.on('error', (e) => {
    const pos = Math.max(0, Math.min(parser.position - 1, text.length));
    let near = '';
    let offset = pos;
    if (/undefined entity/.test(e.message)) {
      offset = text.lastIndexOf('&', pos);
      near = text.slice(offset, pos + 1);
    } else if (/disallowed character/.test(e.message)) {
      const cp = text.codePointAt(pos) ?? 0;
      near = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
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
  });
  parser.on('doctype', () => {
    doctype = true;
    const start = text.indexOf('<!DOCTYPE');
    doc.report(at(Math.max(0, start)), 'error', 'xml', 'xml/doctype', 'Unexpected DOCTYPE: DTDs and entities are never read, expected no DOCTYPE (the schema is RELAX NG)');
    lastEnd = parser.position;
  });
  parser.on('xmldecl', () => (lastEnd = parser.position));
  parser.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', parser.position - 1);
    if (stack.length >= MAX_DEPTH) fail(`Unexpected nesting deeper than ${MAX_DEPTH} elements`, tagStart);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (failed) return;
    const el: XmlElement = {
      type: 'element',
      name: tag.name,
      local: tag.local,
      ns: tag.uri,
      attributes: attributesOf(tag, text, tagStart, parser.position, at),
      children: [],
      parent: stack[stack.length - 1] ?? null,
      start: at(tagStart),
      end: at(parser.position),
      tagEnd: at(parser.position),
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
  const other = (type: 'comment' | 'pi', name: string, value: string) => {
    const parent = stack[stack.length - 1] ?? null;
    const start = type === 'pi' ? text.lastIndexOf('<?', parser.position) : text.lastIndexOf('<!--', parser.position);
    const node: XmlOther = { type, name, value, start: at(start), parent };
    if (failed) return;
    if (parent) parent.children.push(node);
    else if (!root) prolog.push(node);
    lastEnd = parser.position;
  };
  parser.on('comment', (c) => other('comment', '', c));
  parser.on('processinginstruction', (pi) => other('pi', pi.target, pi.body));

  try {
    parser.write(text).close();
  } catch (e) {
    // saxes throws only when no error handler is set; keep a located diagnostic regardless.
    fail(describe(String((e as Error).message), ''), parser.position);
  }
  // A document with a DOCTYPE goes no further: no later layer may be tempted to read its DTD.
  if (failed || doctype || !root) return null;
  return { root, prolog };
}

// Attribute names as written in a start tag, with where each begins.
const ATTRIBUTE = /([^\s=<>\/"']+)\s*=\s*(?:"[^"]*"|'[^']*')/g;

function attributesOf(tag: SaxesTagNS, text: string, start: number, end: number, at: (o: number) => XmlAttribute['start']): XmlAttribute[] {
  const offsets = new Map<string, number>();
  const raw = text.slice(start, end);
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(raw); m; m = ATTRIBUTE.exec(raw)) offsets.set(m[1]!, start + m.index);
  return Object.values(tag.attributes).map((a) => ({
    name: a.name,
    local: a.local,
    ns: a.uri,
    value: a.value,
    start: at(offsets.get(a.name) ?? start),
  }));
}
