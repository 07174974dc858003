import { unzipSync, zipSync, type Zippable } from 'fflate';
import { byPath } from './checksums.js';

/**
 * The zip's one timestamp: noon of the Bagging-Date. fflate writes DOS times from the local
 * clock fields of a Date, so the Date is built from local fields too and every time zone writes
 * the same bytes; noon keeps clear of the midnight daylight-saving jumps some zones have. DOS
 * times start in 1980.
 */
export function zipTime(isoDate: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Unexpected Bagging-Date "${isoDate}", expected YYYY-MM-DD`);
  const year = Number(m[1]);
  return year < 1980 ? new Date(1980, 0, 1, 12) : new Date(year, Number(m[2]) - 1, Number(m[3]), 12);
}

/**
 * A deterministic zip of a bag: entries under one folder named after the bag (so unzipping
 * gives the bag folder), sorted by path, all with the Bagging-Date's time, deflated, with no
 * extra fields, comments or file attributes. The same files always give the same bytes.
 */
export function zipBag(folder: string, files: ReadonlyMap<string, Uint8Array>, baggingDate: string): Uint8Array {
  const mtime = zipTime(baggingDate);
  const entries: Zippable = {};
  // Insertion order is entry order (the keys all contain "/", so none is an array index).
  for (const path of [...files.keys()].sort(byPath))
    entries[`${folder}/${path}`] = [files.get(path)!, { mtime, level: 9 }];
  return zipSync(entries);
}

export interface ZipProblem {
  entry: string;
  message: string;
  ruleId: 'deposit/unsafe-path' | 'deposit/not-a-bag';
}

export interface ZipContents {
  /** Entries by name as stored, directories left out. */
  files: Map<string, Uint8Array>;
  problems: ZipProblem[];
}

// More than this, declared, is refused before anything is inflated (a zip bomb, not a bag).
const MAX_TOTAL = 2 ** 30;

/** A name that would land outside the folder it is extracted to, or means different things on different systems. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((s) => s === '..')) return 'a ".." segment';
  if (name.includes('\0')) return 'a NUL character';
  return null;
}

/**
 * Read a zip in memory, never writing it out. Unsafe names and unreadable entries are problems
 * naming the entry; the rest is returned. Each entry is inflated on its own so that one
 * damaged entry does not hide the others.
 */
export function readZip(bytes: Uint8Array): ZipContents {
  const problems: ZipProblem[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      if (f.name.endsWith('/')) return false;
      const unsafe = unsafeEntryName(f.name);
      if (unsafe)
        problems.push({
          entry: f.name,
          ruleId: 'deposit/unsafe-path',
          message: `Unexpected zip entry "${f.name}" with ${unsafe}, expected a relative path inside the bag: it is not read`,
        });
      else if (seen.has(f.name))
        problems.push({
          entry: f.name,
          ruleId: 'deposit/unsafe-path',
          message: `Unexpected second zip entry "${f.name}", expected each path once`,
        });
      else names.push(f.name);
      seen.add(f.name);
      return false;
    },
  });
  if (total > MAX_TOTAL)
    return {
      files: new Map(),
      problems: [
        {
          entry: '',
          ruleId: 'deposit/not-a-bag',
          message: `Unexpected zip of ${total} bytes uncompressed, expected at most ${MAX_TOTAL}`,
        },
      ],
    };
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    try {
      const one = unzipSync(bytes, { filter: (f) => f.name === name });
      const content = one[name];
      if (content) files.set(name, content);
    } catch (e) {
      problems.push({
        entry: name,
        ruleId: 'deposit/not-a-bag',
        message: `Unexpected damaged zip entry "${name}" (${(e as Error).message}), expected one that inflates`,
      });
    }
  }
  return { files, problems };
}
