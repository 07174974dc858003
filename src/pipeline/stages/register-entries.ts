import { join } from 'node:path';
import { gatedFileState } from '../../core/read-gate.js';
import type { SourceDocument } from '../../core/document.js';
import { sha256 } from '../../core/fingerprint.js';
import type { Project } from '../../core/project.js';
import { documentFromBytes } from '../../validate/validator.js';
import type { BuildCache } from '../build-cache.js';
import { entryHashes } from '../dependencies.js';
import { isRegisterFile, type Sources } from './read-sources.js';

export interface RegisterEntries {
  /** For the next cache: each register's hash and the hashes of its entries. */
  cache: BuildCache['registers'];
  /** Registers parsed here because they changed; validation reuses the parse. */
  parsed: Map<string, SourceDocument>;
  /**
   * One hash of the state of what a document points to ('tei/register/persons.xml#vance' or a whole
   * file): it changes when one of those entries or files changes, and only then.
   */
  dependencyState(deps: readonly string[]): string;
}

/**
 * Stage 2: the register entries, hashed one by one, so that a changed entry touches only the documents
 * that point to it. Unchanged registers take their entry hashes from the cache without being parsed.
 */
export function registerEntries(project: Project, sources: Sources, cache: BuildCache): RegisterEntries {
  const entries = new Map<string, Record<string, string>>();
  const registers: BuildCache['registers'] = {};
  const parsed = new Map<string, SourceDocument>();
  for (const s of sources.files.filter((x) => isRegisterFile(project, x.file))) {
    const cached = cache.registers[s.file];
    let hashes = cached?.hash === s.hash ? cached.entries : undefined;
    if (!hashes) {
      const doc = documentFromBytes(project, s.absolute, s.bytes!);
      parsed.set(s.file, doc);
      hashes = entryHashes(doc);
    }
    entries.set(s.file, hashes);
    registers[s.file] = { hash: s.hash, entries: hashes };
  }
  const stateOf = (dep: string) => {
    const [file = '', id] = dep.split('#');
    // A file that is no document of the edition (a picture) is known by its size and time.
    const whole = sources.hashes.get(file) ?? gatedFileState(join(project.root, file));
    return `${dep}=${id === undefined ? whole : (entries.get(file)?.[id] ?? whole)}`;
  };
  return { cache: registers, parsed, dependencyState: (deps) => sha256(deps.map(stateOf).join('\n')) };
}
