import { structuredPatch } from 'diff';

export interface StaleDiffLimits {
  /** Changed and context lines shown per file. */
  lines: number;
  /** Characters shown of a line. */
  width: number;
}

const LIMITS: StaleDiffLimits = { lines: 16, width: 160 };
// Past this many edits, a diff of the two would take long and say little.
const MAX_EDITS = 5000;

const clip = (line: string, width: number) => (line.length > width ? line.slice(0, width - 1) + '…' : line);

/**
 * The first differing lines of a stale output as a short unified diff, committed (---) against
 * the fresh build (+++), two lines of context, cut at `limits.lines` lines with a note of what was
 * left out: enough to see how it differs, never the whole file.
 */
export function staleDiff(path: string, committed: string, fresh: string, limits: StaleDiffLimits = LIMITS): string {
  const head = `--- ${path} (committed)\n+++ ${path} (fresh build)\n`;
  const patch = structuredPatch(path, path, committed, fresh, undefined, undefined, {
    context: 2,
    maxEditLength: MAX_EDITS,
  });
  if (!patch) return head + '(the files differ too much for a short diff; run `npm run build` and read `git diff`)\n';
  const out: string[] = [];
  let left = limits.lines;
  let omitted = 0;
  for (const hunk of patch.hunks) {
    if (left <= 0) {
      omitted += hunk.lines.filter((l) => l[0] === '+' || l[0] === '-').length;
      continue;
    }
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      if (left > 0) {
        out.push(clip(line, limits.width));
        left--;
      } else if (line[0] === '+' || line[0] === '-') omitted++;
    }
  }
  if (omitted > 0) out.push(`… ${omitted} more changed line(s) not shown`);
  return head + out.join('\n') + '\n';
}
