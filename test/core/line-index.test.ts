import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/line-index.js';

/** Line and column of each offset, counted the slow way. */
function reference(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (let o = 0; o <= text.length; o++) {
    out.push({ line, column });
    if (text[o] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

describe('LineIndex', () => {
  // Empty lines, a CRLF, runs of short lines, a long one, no final newline.
  const text = 'a\n\n\nbc\r\nd\n' + 'x\n'.repeat(20) + 'long line '.repeat(30) + '\n\ne';
  const expected = reference(text);
  const offsets = expected.map((_, o) => o);

  it('gives every offset its line and column, asked in order, backwards and after any other', () => {
    const lines = new LineIndex(text);
    expect(offsets.map((o) => lines.position(o))).toEqual(expected);
    expect([...offsets].reverse().map((o) => lines.position(o))).toEqual([...expected].reverse());
    // Every offset asked right after every other: the last answer is where the next search starts.
    const wrong: string[] = [];
    for (const from of offsets)
      for (const to of offsets) {
        lines.position(from);
        const { line, column } = lines.position(to);
        if (line !== expected[to]!.line || column !== expected[to]!.column) wrong.push(`${from} -> ${to}`);
      }
    expect(wrong).toEqual([]);
  });

  it('clamps offsets outside the text and maps positions back to offsets', () => {
    const lines = new LineIndex(text);
    expect(lines.position(-5)).toEqual(expected[0]);
    expect(lines.position(text.length + 9)).toEqual(expected[text.length]);
    for (const o of [0, 3, 7, 40, text.length]) expect(lines.offset(lines.position(o))).toBe(o);
  });
});
