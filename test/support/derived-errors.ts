/**
 * Error fixtures derived from real TEI (../shared/corpus): each corpus file with one fault put in by a
 * plain text edit, so the fault's place is known and jing can be asked about exactly the same bytes.
 */
export interface Derived {
  name: string;
  text: string;
}

// Start tags of elements in the TEI namespace that are not the root: where a fault is put.
const START_TAG = /<([A-Za-z][\w.-]*)(\s[^<>]*?)?(\/?)>/g;

interface Tag {
  index: number;
  end: number;
  name: string;
  selfClosing: boolean;
}

function startTags(text: string): Tag[] {
  const body = text.indexOf('<text');
  const tags: Tag[] = [];
  START_TAG.lastIndex = 0;
  for (let m = START_TAG.exec(text); m; m = START_TAG.exec(text)) {
    if (m.index < body || m[1]!.includes(':')) continue;
    tags.push({ index: m.index, end: m.index + m[0].length, name: m[1]!, selfClosing: m[3] === '/' });
  }
  return tags;
}

/** Up to four faulty variants of a file: an unknown attribute, a value outside its list, an unknown element, stray text. */
export function deriveErrors(name: string, text: string): Derived[] {
  // Only the body is edited (a header edit may land in a comment or a CDATA section less often).
  const tags = startTags(text).filter((t) => !/^(TEI|teiCorpus|text|body|egXML)$/.test(t.name));
  if (tags.length < 4) return [];
  // The k-th fifth of the body's tags, the first from there that does not carry the attribute already.
  const pick = (k: number, attribute: string) =>
    tags.slice(Math.floor((tags.length * k) / 5)).find((t) => !text.slice(t.index, t.end).includes(` ${attribute}=`)) ??
    tags[0]!;
  const insertInTag = (t: Tag, what: string) =>
    text.slice(0, t.end - (t.selfClosing ? 2 : 1)) + what + text.slice(t.end - (t.selfClosing ? 2 : 1));
  const out: Derived[] = [
    { name: `${name}--unknown-attribute`, text: insertInTag(pick(1, 'colour'), ' colour="red"') },
    { name: `${name}--cert-value`, text: insertInTag(pick(2, 'cert'), ' cert="very high"') },
  ];
  const inside = tags.find((t, i) => i >= tags.length / 2 && !t.selfClosing);
  if (inside)
    out.push({
      name: `${name}--unknown-element`,
      text: text.slice(0, inside.end) + '<bogus/>' + text.slice(inside.end),
    });
  const body = /<body(\s[^>]*)?>/.exec(text);
  if (body)
    out.push({
      name: `${name}--text-in-body`,
      text: text.slice(0, body.index + body[0].length) + 'stray words' + text.slice(body.index + body[0].length),
    });
  return out;
}
