/** How much of a value a message quotes: enough to recognise it, never a 10 MB attribute whole. */
export const QUOTE_MAX = 200;

/** A value in double quotes for a message, cut to QUOTE_MAX characters with the length of the rest. */
export function quote(value: string): string {
  if (value.length <= QUOTE_MAX) return `"${value}"`;
  const start = head(value, QUOTE_MAX);
  return `"${start}…" (${value.length - start.length} more characters)`;
}

/** The first n UTF-16 code units, one fewer rather than half a surrogate pair. */
export function head(s: string, n: number): string {
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}
