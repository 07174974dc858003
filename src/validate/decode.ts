import type { SourceDocument } from '../core/document.js';
import { LineIndex } from '../core/line-index.js';

/** Documents larger than this are refused before parsing, so memory stays bounded. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export interface Decoded {
  text: string;
  /** Problems found in the bytes, reported once the document exists. */
  problems: {
    offset: number;
    ruleId: string;
    message: string;
    fatal: boolean;
    severity?: 'error' | 'warning';
    source?: 'xml' | 'rules';
  }[];
}

// Encodings other than UTF-8 that real TEI comes in, decoded as the XML declaration or BOM says.
const LATIN1 = /^(iso-8859-1|latin-?1|l1|iso_8859-1|cp819|us-ascii|ascii)$/i;

function policy(offset: number, message: string): Decoded['problems'][number] {
  return { offset, ruleId: 'policy/encoding', message, fatal: false, severity: 'warning', source: 'rules' };
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
    return {
      text: '',
      problems: [
        { offset: 0, ruleId: 'xml/empty', message: 'Unexpected empty file, expected a TEI document', fatal: true },
      ],
    };
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = (bytes.length / 1048576).toFixed(1);
    return {
      text: '',
      problems: [
        {
          offset: 0,
          ruleId: 'xml/too-large',
          message: `Unexpected file size ${mb} MiB, expected at most ${MAX_DOCUMENT_BYTES / 1048576} MiB: split the document`,
          fatal: true,
        },
      ],
    };
  }
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    const label = bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le';
    try {
      const text = new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
      return {
        text,
        problems: [
          policy(0, `Unexpected encoding UTF-16, expected UTF-8 (the file is read as ${label.toUpperCase()})`),
        ],
      };
    } catch {
      return {
        text: '',
        problems: [
          {
            offset: 0,
            ruleId: 'xml/encoding',
            message: 'Unexpected bytes in a UTF-16 file: not valid UTF-16',
            fatal: true,
          },
        ],
      };
    }
  }
  const head = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(
    new TextDecoder('latin1').decode(bytes.subarray(0, 200)),
  );
  if (head && LATIN1.test(head[1]!)) {
    // True ISO-8859-1 (TextDecoder's "latin1" is windows-1252): each byte is its code point.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const nulAt = text.indexOf('\0');
    if (nulAt !== -1)
      return {
        text: text.slice(0, nulAt),
        problems: [
          {
            offset: nulAt,
            ruleId: 'xml/binary',
            message: `Unexpected NUL byte at byte ${nulAt}: this is a binary file, expected XML`,
            fatal: true,
          },
        ],
      };
    return {
      text,
      problems: [
        policy(
          head.index + head[0].indexOf(head[1]!),
          `Unexpected encoding "${head[1]}", expected UTF-8 (the file is read as ISO-8859-1)`,
        ),
      ],
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const text = lenientDecoder.decode(bytes.subarray(0, nul));
    return {
      text,
      problems: [
        {
          offset: text.length,
          ruleId: 'xml/binary',
          message: `Unexpected NUL byte at byte ${nul}: this is a binary file, expected UTF-8 XML`,
          fatal: true,
        },
      ],
    };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push(policy(0, 'Unexpected byte-order mark, expected UTF-8 without BOM'));
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
      problems: [
        ...problems,
        {
          offset: prefix.length,
          ruleId: 'xml/encoding',
          message: `Unexpected byte 0x${hex} at byte ${bad + start}: not valid UTF-8`,
          fatal: true,
        },
      ],
    };
  }
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (declared && !/^utf-?8$/i.test(declared[1]!)) {
    problems.push({
      offset: declared.index + declared[0].indexOf(declared[1]!),
      ruleId: 'xml/encoding',
      message: `Unexpected encoding declaration "${declared[1]}", expected UTF-8, UTF-16 or ISO-8859-1 (the encodings read here)`,
      fatal: true,
    });
  }
  // CRLF and CR line endings are XML (every parser reads them as LF): accepted, not reported.
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
  for (const p of decoded.problems)
    doc.report(lines.position(p.offset), p.severity ?? 'error', p.source ?? 'xml', p.ruleId, p.message);
}
