import type { Position } from './diagnostic.js';

/** Maps string offsets (UTF-16 code units) to 1-based line/column and back. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The line (0-based) of the last position asked for. */
  private hint = 0;

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    // A parse asks in document order: the line of the last answer or one of the next few, before a search.
    let lo = this.hint;
    if (starts[lo]! <= o) {
      const stop = Math.min(starts.length - 1, lo + 4);
      while (lo < stop && starts[lo + 1]! <= o) lo++;
      if (lo === starts.length - 1 || starts[lo + 1]! > o) {
        this.hint = lo;
        return { line: lo + 1, column: o - starts[lo]! + 1 };
      }
    }
    lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  offset(pos: Position): number {
    const start = this.starts[Math.max(0, Math.min(pos.line - 1, this.starts.length - 1))]!;
    return start + pos.column - 1;
  }

  /** The text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}
