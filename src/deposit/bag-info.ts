/** One "Label: value" element of bag-info.txt (RFC 8493 §2.2.2). */
export interface BagInfoField {
  label: string;
  value: string;
  /** Line the element starts on, when read from a file. */
  line?: number;
}

// The order the elements are written in; others (none today) follow in the order given.
const ORDER = [
  'Source-Organization',
  'External-Identifier',
  'External-Description',
  'Bagging-Date',
  'Payload-Oxum',
  'Bag-Size',
  'Bag-Software-Agent',
];
// RFC 8493 recommends lines of at most 79 characters; longer values continue on indented lines.
const WIDTH = 79;

function rank(label: string): number {
  const i = ORDER.indexOf(label);
  return i < 0 ? ORDER.length : i;
}

/** Lines of at most WIDTH characters, broken at spaces; a word longer than a line stays whole. */
function fold(first: string): string {
  const words = first.split(' ');
  const lines: string[] = [];
  let line = words.shift() ?? '';
  for (const word of words) {
    if (line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = '  ' + word;
    } else line += ' ' + word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** bag-info.txt: the elements in the documented order, long values folded, LF line ends. */
export function bagInfoText(fields: readonly BagInfoField[]): string {
  const sorted = fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.label) - rank(b.f.label) || a.i - b.i);
  return sorted.map(({ f }) => fold(`${f.label}: ${f.value.replace(/\s+/g, ' ').trim()}`) + '\n').join('');
}

/** Read bag-info.txt (or the header's part of it): folded lines are joined with one space. */
export function parseBagInfo(text: string): BagInfoField[] {
  const fields: BagInfoField[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') return;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      return;
    }
    const colon = line.indexOf(':');
    if (colon < 0) return;
    fields.push({ label: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), line: i + 1 });
  });
  return fields;
}

/** Payload-Oxum: "octets.files" of the payload, so a receiver can spot a loss before hashing. */
export function payloadOxum(payload: ReadonlyMap<string, Uint8Array>): string {
  let octets = 0;
  for (const bytes of payload.values()) octets += bytes.length;
  return `${octets}.${payload.size}`;
}

/** A size as people read it: "812 bytes", "84.3 KB", "2.1 MB" (units of 1024). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n.toFixed(1)} ${units[u]}`;
}
