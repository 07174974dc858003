import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../../core/diagnostic.js';
import { sha256 } from '../../core/fingerprint.js';
import { discover, projectPath, type Project } from '../../core/project.js';

/** One file of the edition as read from disk, before any parsing. */
export interface SourceFile {
  absolute: string;
  /** Project-relative, forward slashes ('tei/register/persons.xml'). */
  file: string;
  /** The file's bytes, until validation decodes them into its document (then empty). */
  bytes: Buffer;
  hash: string;
}

export interface Sources {
  files: SourceFile[];
  /** sha256 of each file's bytes, by project-relative path. */
  hashes: Map<string, string>;
  /** Problems with the paths themselves (not found, no documents). */
  diagnostics: Diagnostic[];
}

/** Stage 1: every file of the edition (documents and registers), read and hashed once. */
export async function readSources(project: Project): Promise<Sources> {
  const found = await discover(project, []);
  const files = await Promise.all(
    found.files.map(async (absolute): Promise<SourceFile> => {
      const bytes = await readFile(absolute);
      return { absolute, file: projectPath(project, absolute), bytes, hash: sha256(bytes) };
    }),
  );
  return { files, hashes: new Map(files.map((s) => [s.file, s.hash])), diagnostics: found.diagnostics };
}

export function isRegisterFile(project: Project, file: string): boolean {
  return project.registersDir !== '' && file.startsWith(`${project.registersDir}/`);
}
