import { createHash } from 'node:crypto';

/** Checksum algorithms a bag may name in manifest-<algorithm>.txt that Node computes. */
export const ALGORITHMS = ['sha256', 'sha512', 'sha1', 'md5'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export function isAlgorithm(name: string): name is Algorithm {
  return (ALGORITHMS as readonly string[]).includes(name);
}

export function digest(bytes: Uint8Array, algorithm: Algorithm): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/** RFC 8493 §2.1.3: in a manifest, a path's CR, LF and % are percent-encoded (% first). */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** Paths in byte order of their UTF-8 form, the order every manifest lists them in. */
export function byPath(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * A manifest: one "checksum  path" line per file, sorted by path, LF line ends. Two spaces, as
 * bagit.py and coreutils write them, so `sha256sum -c` reads the file as it is.
 */
export function manifestText(files: ReadonlyMap<string, Uint8Array>, algorithm: Algorithm): string {
  return [...files.keys()]
    .sort(byPath)
    .map((path) => `${digest(files.get(path)!, algorithm)}  ${encodeManifestPath(path)}\n`)
    .join('');
}

export interface ManifestEntry {
  checksum: string;
  /** Decoded path, relative to the bag's root. */
  path: string;
  /** Where the path stands in the manifest (1-based). */
  line: number;
  column: number;
}

export interface ManifestProblem {
  line: number;
  column: number;
  message: string;
}

/** Read a manifest; lines that are not "checksum whitespace path" are problems, not entries. */
export function parseManifest(
  text: string,
  algorithm: Algorithm,
): { entries: ManifestEntry[]; problems: ManifestProblem[] } {
  const length = digest(new Uint8Array(0), algorithm).length;
  const entries: ManifestEntry[] = [];
  const problems: ManifestProblem[] = [];
  // RFC 8493 allows LF, CR LF or CR line ends in tag files.
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line === '') return;
    const m = /^([0-9A-Fa-f]+)([ \t]+)(.+)$/.exec(line);
    if (!m) {
      problems.push({
        line: i + 1,
        column: 1,
        message: `Unexpected manifest line "${line.slice(0, 60)}", expected a ${algorithm} checksum, white space and a path`,
      });
      return;
    }
    const checksum = m[1]!;
    const gap = m[2]!;
    const path = m[3]!;
    if (checksum.length !== length) {
      problems.push({
        line: i + 1,
        column: 1,
        message: `Unexpected checksum "${checksum.slice(0, 20)}" of ${checksum.length} hex digits, expected ${length} for ${algorithm}`,
      });
      return;
    }
    entries.push({
      checksum: checksum.toLowerCase(),
      path: decodeManifestPath(path),
      line: i + 1,
      column: checksum.length + gap.length + 1,
    });
  });
  return { entries, problems };
}
