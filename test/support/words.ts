/**
 * Words of a text, to measure that no text is dropped between a TEI document and its outputs.
 * Unicode word segmentation (Japanese has no spaces), lower-cased, NFC.
 */
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

export function words(text: string): string[] {
  // Chunk by whitespace first: each segment object refers to its input, so one huge input costs memory.
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .flatMap((chunk) => [...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment));
}

// Phrase-level elements that may stand inside a word ("lette<hi>r</hi>", "D<expan>octo</expan>r"); every
// other element boundary separates words, as a note or a paragraph does. lb, pb and cb separate unless
// break="no".
const INLINE = new Set([
  'hi',
  'choice',
  'abbr',
  'expan',
  'ex',
  'am',
  'orig',
  'reg',
  'sic',
  'corr',
  'add',
  'del',
  'unclear',
  'supplied',
  'seg',
  'c',
  'g',
  'w',
  'damage',
  'gap',
  'subst',
  'restore',
  'surplus',
  'secl',
  'emph',
  'foreign',
  'anchor',
  'handShift',
  'metamark',
  'mod',
  'redo',
  'undo',
  'retrace',
  'space',
]);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', nbsp: ' ' };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );
}

/** The text of serialized TEI markup, element boundaries becoming spaces where they separate words. */
export function teiText(xml: string): string {
  return decode(
    xml
      .replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '')
      .replace(/<\/?(?:[\w.-]+:)?([\w.-]+)((?:\s[^>]*?)?)\/?>/g, (_tag, name: string, attrs: string) =>
        INLINE.has(name) || (/^(lb|pb|cb)$/.test(name) && /break\s*=\s*["']no["']/.test(attrs)) ? '' : ' ',
      ),
  );
}

/** The text a reader sees in an HTML page: no markup, no style or script. */
// (sup is left out: a footnote mark is a <sup> right after a word, and must not join it.)
const HTML_INLINE = new Set([
  'a',
  'span',
  'em',
  'i',
  'b',
  'strong',
  'sub',
  'ins',
  'del',
  'time',
  'q',
  'abbr',
  'small',
  'mark',
  's',
  'u',
  'code',
]);

export function htmlText(html: string): string {
  return decode(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) =>
        HTML_INLINE.has(name.toLowerCase()) ? '' : ' ',
      )
      .replace(/<[^>]*>/g, ' '),
  );
}

/** The share of `source` words found in `output` (each output word counted once). */
export function coverage(source: readonly string[], output: readonly string[]): { share: number; missing: string[] } {
  const left = new Map<string, number>();
  for (const w of output) left.set(w, (left.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of source) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else missing.push(w);
  }
  return { share: source.length === 0 ? 1 : (source.length - missing.length) / source.length, missing };
}
