/**
 * A copy of a string that a memo may keep. The parser's strings are slices of the document's text, and V8
 * keeps the whole text alive for as long as one slice of 13 characters or more is (a memo of attribute values
 * that kept the values so held every document of a 1,000-document build, ~150 KB each). Prefixing flattens
 * the string anew; the slice then refers to that copy.
 */
export const detached = (s: string) => (' ' + s).slice(1);
