import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../../core/diagnostic.js';
import { sha256 } from '../../core/fingerprint.js';
import { discover, projectPath, type Project } from '../../core/project.js';

/** One file of the edition as read from disk, before any parsing. */
export interface SourceFile {
  absolute: string;
  /** Project-relative, forward slashes ('tei/register/persons.xml'). */
  file: string;
  /**
   * The file's bytes while they wait to be read: a register's from the start (stage 2 reads it at
   * once), a document's not at all: validation reads it again when its turn comes (takeBytes), so a
   * large edition is never held in memory whole while it waits (1,000 documents: 90 MB).
   */
  bytes: Buffer | null;
  hash: string;
}

export interface Sources {
  files: SourceFile[];
  /** sha256 of each file's bytes, by project-relative path. */
  hashes: Map<string, string>;
  /** Problems with the paths themselves (not found, no documents). */
  diagnostics: Diagnostic[];
}

// How many files are read at once. All at once, a 5,000-document edition had 355 MB of bytes in memory
// together; they were soon garbage, but the allocator kept the memory to the end of the build (RSS
// 590 MB before a document was parsed).
const READERS = 8;

/** Stage 1: every file of the edition (documents and registers), read and hashed once. */
export async function readSources(project: Project): Promise<Sources> {
  const found = await discover(project, []);
  const files: SourceFile[] = [];
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < found.files.length; i = next++) {
      const absolute = found.files[i]!;
      const bytes = await readFile(absolute);
      const file = projectPath(project, absolute);
      files[i] = { absolute, file, bytes: isRegisterFile(project, file) ? bytes : null, hash: sha256(bytes) };
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  return { files, hashes: new Map(files.map((s) => [s.file, s.hash])), diagnostics: found.diagnostics };
}

export function isRegisterFile(project: Project, file: string): boolean {
  return project.registersDir !== '' && file.startsWith(`${project.registersDir}/`);
}

/**
 * A file's bytes, taken (the source keeps none): held since stage 1, or read again. A file edited since
 * it was hashed is taken as it is now, and its hash follows, so the build cache records what was built.
 */
export async function takeBytes(s: SourceFile, sources: Sources): Promise<Buffer> {
  const held = s.bytes;
  s.bytes = null;
  if (held) return held;
  const bytes = await readFile(s.absolute);
  const hash = sha256(bytes);
  if (hash !== s.hash) {
    s.hash = hash;
    sources.hashes.set(s.file, hash);
  }
  return bytes;
}
