import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './project.js';

export function sha256(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

let tool: string | undefined;

/**
 * What this build of the tool is: its version and the content of its compiled code, so a cache
 * written by another version (or by a locally changed rule) is never trusted.
 */
export function toolFingerprint(): string {
  if (tool) return tool;
  const h = createHash('sha256').update(readFileSync(join(packageDir, 'package.json')));
  const dist = join(packageDir, 'dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) h.update(f.slice(dist.length)).update(readFileSync(f));
  tool = h.digest('hex');
  return tool;
}
