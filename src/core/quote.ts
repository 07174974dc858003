/** How much of a value a message quotes: enough to recognise it, never a 10 MB attribute whole. */
export const QUOTE_MAX = 200;

/** A value in double quotes for a message, cut to QUOTE_MAX characters with the length of the rest. */
export function quote(value: string): string {
  if (value.length <= QUOTE_MAX) return `"${value}"`;
  return `"${value.slice(0, QUOTE_MAX)}…" (${value.length - QUOTE_MAX} more characters)`;
}
