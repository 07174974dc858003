import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './project.js';

export function sha256(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

let tool: string | undefined;

/**
 * What this build of the tool is: its version and its compiled code as installed (each file's path,
 * size and modification time), so a cache written by another version (or by a locally changed rule,
 * which tsc writes anew) is never trusted. Stamps, not contents: reading all of dist/ cost every run
 * ~15 ms, a tenth of a one-record `validate` beside jing.
 */
export function toolFingerprint(): string {
  if (tool) return tool;
  const h = createHash('sha256').update(readFileSync(join(packageDir, 'package.json')));
  const dist = join(packageDir, 'dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) {
    const stamp = statSync(f, { bigint: true });
    h.update(`${f.slice(dist.length)}\0${stamp.size}\0${stamp.mtimeNs}\0`);
  }
  tool = h.digest('hex');
  return tool;
}
