import type { SourceDocument } from '../core/document.js';
import { LineIndex } from '../core/line-index.js';

/** Documents larger than this are refused before parsing, so memory stays bounded. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export interface Decoded {
  text: string;
  /** Problems found in the bytes, reported once the document exists. */
  problems: { offset: number; ruleId: string; message: string; fatal: boolean }[];
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Layer 1a: bytes to text. The edition's files are UTF-8 without BOM with LF line endings; anything
 * else is reported here with the place it occurs. `offset` is a string offset into the returned text.
 */
export function decode(bytes: Uint8Array): Decoded {
  const problems: Decoded['problems'] = [];
  if (bytes.length === 0) {
    return { text: '', problems: [{ offset: 0, ruleId: 'xml/empty', message: 'Unexpected empty file, expected a TEI document', fatal: true }] };
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = (bytes.length / 1048576).toFixed(1);
    return {
      text: '',
      problems: [{ offset: 0, ruleId: 'xml/too-large', message: `Unexpected file size ${mb} MiB, expected at most ${MAX_DOCUMENT_BYTES / 1048576} MiB: split the document`, fatal: true }],
    };
  }
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    return { text: '', problems: [{ offset: 0, ruleId: 'xml/encoding', message: 'Unexpected UTF-16 byte-order mark, expected UTF-8', fatal: true }] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const text = lenientDecoder.decode(bytes.subarray(0, nul));
    return { text, problems: [{ offset: text.length, ruleId: 'xml/binary', message: `Unexpected NUL byte at byte ${nul}: this is a binary file, expected UTF-8 XML`, fatal: true }] };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push({ offset: 0, ruleId: 'xml/encoding', message: 'Unexpected byte-order mark, expected UTF-8 without BOM', fatal: false });
    start = 3;
  }
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = fatalDecoder.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    const prefix = lenientDecoder.decode(body.subarray(0, bad));
    const hex = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      text: lenientDecoder.decode(body),
      problems: [...problems, { offset: prefix.length, ruleId: 'xml/encoding', message: `Unexpected byte 0x${hex} at byte ${bad + start}: not valid UTF-8`, fatal: true }],
    };
  }
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (declared && !/^utf-?8$/i.test(declared[1]!)) {
    problems.push({ offset: declared.index + declared[0].indexOf(declared[1]!), ruleId: 'xml/encoding', message: `Unexpected encoding declaration "${declared[1]}", expected UTF-8`, fatal: true });
  }
  const cr = text.indexOf('\r');
  if (cr !== -1) {
    const kind = text[cr + 1] === '\n' ? 'CRLF' : 'CR';
    problems.push({ offset: cr, ruleId: 'xml/line-endings', message: `Unexpected ${kind} line ending, expected LF (\\n) only`, fatal: false });
  }
  return { text, problems };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    // Reject overlong, surrogate and out-of-range forms, as TextDecoder does.
    try {
      fatalDecoder.decode(b.subarray(i, i + n + 1));
    } catch {
      return i;
    }
    i += n + 1;
  }
  return b.length;
}

/** Report the decode problems on the document, each at its place. */
export function reportDecodeProblems(doc: SourceDocument, decoded: Decoded): void {
  const lines = decoded.text === doc.text ? doc.lines : new LineIndex(decoded.text);
  for (const p of decoded.problems) doc.report(lines.position(p.offset), 'error', 'xml', p.ruleId, p.message);
}
