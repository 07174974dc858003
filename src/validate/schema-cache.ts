import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, toolFingerprint } from '../core/fingerprint.js';
import { writeFileAtomicSync } from '../core/write-atomic.js';

/**
 * What the pipeline derives from a schema's text (its grammar read into a tree, its embedded
 * Schematron), kept on disk under the edition's cache folder: tei_all.rng is 1.1 MB, and reading it
 * twice cost a one-record `validate --schema tei_all.rng` about 0.4 s of every run.
 *
 * An entry is named by a hash of the kind, the tool's own fingerprint (its version and compiled code,
 * so another engine never trusts it) and the schema text; it repeats that key inside, so an entry
 * that is truncated, edited or not JSON is ignored and derived again. Entries are written to a temp
 * file and renamed. Without a folder (validate outside an edition) nothing is read or written.
 */
export class SchemaCache {
  constructor(private readonly dir: string | null) {}

  get<T>(kind: string, text: string, derive: () => T): T {
    const kept = this.peek<T>(kind, text);
    if (kept !== undefined) return kept;
    const value = derive();
    this.put(kind, text, value);
    return value;
  }

  /** What was kept of this kind for this text, or undefined. */
  peek<T>(kind: string, text: string): T | undefined {
    if (this.dir === null) return undefined;
    const key = entryKey(kind, text);
    try {
      const entry = JSON.parse(readFileSync(entryFile(this.dir, kind, key), 'utf8')) as { key?: unknown; value?: T };
      if (entry.key === key && 'value' in entry) return entry.value;
    } catch {
      // Absent or unreadable: undefined.
    }
    return undefined;
  }

  /** Keep a value of this kind for this text, in place of what was kept. */
  put(kind: string, text: string, value: unknown): void {
    if (this.dir === null) return;
    const key = entryKey(kind, text);
    write(entryFile(this.dir, kind, key), JSON.stringify({ key, value }));
    forgetOtherBuilds(join(this.dir, 'schema'), kind);
  }
}

const entryKey = (kind: string, text: string) => sha256(kind, toolFingerprint(), textHash(text));
const entryFile = (dir: string, kind: string, key: string) => join(dir, 'schema', `${entryPrefix(kind)}${key}.json`);

// A schema's text is hashed once per process, whatever is derived from it (tei_all's is 1.1 MB).
const textHashes = new Map<string, string>();

function textHash(text: string): string {
  let h = textHashes.get(text);
  if (h === undefined) {
    h = sha256(text);
    textHashes.set(text, h);
  }
  return h;
}

/** Entries are named "<kind>@<tool fingerprint>@<key>.json", so those of another tool build can be told apart. */
function entryPrefix(kind: string): string {
  return `${kindPrefix(kind)}${sha256(toolFingerprint()).slice(0, 12)}@`;
}

const kindPrefix = (kind: string) => `${kind.replace(/[^\w.-]/g, '_')}@`;

/**
 * Remove the entries of this kind that another build of the tool wrote: no run of this one can use them, and
 * each upgrade would otherwise leave its own (tei_all's tree is 1.2 MB). Entries of this build stay, whatever
 * schema they are of.
 */
function forgetOtherBuilds(folder: string, kind: string): void {
  const mine = entryPrefix(kind);
  const ofKind = kindPrefix(kind);
  try {
    for (const name of readdirSync(folder))
      if (name.startsWith(ofKind) && !name.startsWith(mine) && name.endsWith('.json'))
        rmSync(join(folder, name), { force: true });
  } catch {
    // A folder that cannot be listed keeps what it has.
  }
}

function write(file: string, data: string): void {
  try {
    writeFileAtomicSync(file, data);
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
}
