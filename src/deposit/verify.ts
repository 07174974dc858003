import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { diagnostic, type Diagnostic, type Position } from '../core/diagnostic.js';
import { parseBagInfo, payloadOxum } from './bag-info.js';
import { byPath, digest, isAlgorithm, parseManifest, type Algorithm } from './checksums.js';
import { readZip, unsafeEntryName } from './zip.js';

/** A bag read into memory: files by path relative to its root, and how diagnostics name a path. */
export interface BagSource {
  files: Map<string, Uint8Array>;
  /** The file name a diagnostic about a path inside the bag carries (relative to the working folder). */
  display: (path: string) => string;
  /** Problems met while reading (unsafe or damaged zip entries). */
  diagnostics: Diagnostic[];
}

export interface Verification {
  diagnostics: Diagnostic[];
  /** Texts of the manifests and bag-info.txt by display name, for code frames. */
  sources: Map<string, string>;
  /** Files the manifests list that were there to check. */
  checked: number;
  /** Files the bag holds. */
  files: number;
  algorithms: Algorithm[];
}

const START: Position = { line: 1, column: 1 };
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Read a bag folder into memory (regular files only). */
export async function readBagFolder(dir: string, shown: string): Promise<BagSource> {
  const files = new Map<string, Uint8Array>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const abs = join(e.parentPath, e.name);
    files.set(relative(dir, abs).split(sep).join('/'), await readFile(abs));
  }
  return { files, display: (p) => `${shown}/${p}`, diagnostics: [] };
}

/**
 * Read a zipped bag in memory. Its entries are expected under one folder (the bag's name), as
 * `deposit` writes them; a zip with bagit.txt at its top level is read as it is.
 */
export function readBagZip(bytes: Uint8Array, shown: string): BagSource {
  let contents;
  try {
    contents = readZip(bytes);
  } catch (e) {
    return {
      files: new Map(),
      display: (p) => `${shown}!/${p}`,
      diagnostics: [
        diagnostic({
          file: shown,
          at: START,
          severity: 'error',
          source: 'deposit',
          ruleId: 'deposit/not-a-bag',
          message: `Unexpected file that is not a readable zip (${(e as Error).message}), expected a zipped bag`,
        }),
      ],
    };
  }
  const names = [...contents.files.keys()];
  // The bag's root: the zip's top level when bagit.txt is there, else the one folder that has it.
  const roots = names.filter((n) => /^[^/]+\/bagit\.txt$/.test(n)).map((n) => n.slice(0, -'bagit.txt'.length));
  const root = contents.files.has('bagit.txt') || roots.length !== 1 ? '' : roots[0]!;
  const display = (p: string) => `${shown}!/${root}${p}`;
  const diagnostics = contents.problems.map((p) =>
    diagnostic({
      file: `${shown}!/${p.entry}`,
      at: START,
      severity: 'error',
      source: 'deposit',
      ruleId: p.ruleId,
      message: p.message,
    }),
  );
  const files = new Map<string, Uint8Array>();
  for (const n of names) {
    if (n.startsWith(root)) files.set(n.slice(root.length), contents.files.get(n)!);
    else
      diagnostics.push(
        diagnostic({
          file: `${shown}!/${n}`,
          at: START,
          severity: 'error',
          source: 'deposit',
          ruleId: 'deposit/extra',
          message: `Unexpected zip entry ${n} outside the bag's folder ${root}, expected every entry in it`,
        }),
      );
  }
  return { files, display, diagnostics };
}

/** Read PATH, a bag folder or a zipped bag; `shown` is how diagnostics name it. */
export async function readBag(path: string, shown: string): Promise<BagSource> {
  const st = await stat(path);
  return st.isDirectory() ? readBagFolder(path, shown) : readBagZip(await readFile(path), shown);
}

/**
 * Check a bag as RFC 8493 §3 has a receiver do: bagit.txt declares a version; every file each
 * manifest and tag manifest lists exists and has the listed checksum; every payload file is in
 * every payload manifest; Payload-Oxum agrees. Each problem is located at the manifest line that
 * names the file, or at the file itself when no manifest names it.
 */
export function verifyBag(bag: BagSource): Verification {
  const diagnostics = [...bag.diagnostics];
  const sources = new Map<string, string>();
  const report = (path: string, at: Position, ruleId: string, message: string) =>
    diagnostics.push(
      diagnostic({ file: bag.display(path), at, severity: 'error', source: 'deposit', ruleId, message }),
    );
  const result: Verification = { diagnostics, sources, checked: 0, files: bag.files.size, algorithms: [] };
  const checked = new Set<string>();

  const declaration = bag.files.get('bagit.txt');
  if (!declaration) {
    report(
      'bagit.txt',
      START,
      'deposit/not-a-bag',
      'Unexpected bag without bagit.txt, expected a BagIt bag: bagit.txt, bag-info.txt, manifest-<algorithm>.txt and data/',
    );
    return result;
  }
  sources.set(bag.display('bagit.txt'), text(declaration));
  const declared = parseBagInfo(text(declaration));
  const version = declared.find((f) => f.label === 'BagIt-Version');
  if (!version || !/^\d+\.\d+$/.test(version.value))
    report(
      'bagit.txt',
      { line: version?.line ?? 1, column: 1 },
      'deposit/not-a-bag',
      `Unexpected bagit.txt without a BagIt-Version "M.N", expected "BagIt-Version: 1.0"`,
    );
  if (!declared.some((f) => f.label === 'Tag-File-Character-Encoding'))
    report(
      'bagit.txt',
      START,
      'deposit/not-a-bag',
      'Unexpected bagit.txt without Tag-File-Character-Encoding, expected "Tag-File-Character-Encoding: UTF-8"',
    );

  const manifests = [...bag.files.keys()].filter((p) => /^(tag)?manifest-[^/]+\.txt$/.test(p)).sort(byPath);
  const payloadFiles = [...bag.files.keys()].filter((p) => p.startsWith('data/')).sort(byPath);
  const unlisted = new Map(payloadFiles.map((p) => [p, [] as string[]]));
  for (const name of manifests) {
    const tag = name.startsWith('tag');
    const algorithm = /manifest-([^/]+)\.txt$/.exec(name)![1]!;
    if (!isAlgorithm(algorithm)) {
      report(
        name,
        START,
        'deposit/manifest',
        `Unexpected manifest algorithm "${algorithm}", expected sha256, sha512, sha1 or md5`,
      );
      continue;
    }
    if (!tag) result.algorithms.push(algorithm);
    const manifestText = text(bag.files.get(name)!);
    sources.set(bag.display(name), manifestText);
    const { entries, problems } = parseManifest(manifestText, algorithm);
    for (const p of problems) report(name, p, 'deposit/manifest', p.message);
    const listed = new Set<string>();
    for (const e of entries) {
      const at = { line: e.line, column: e.column };
      const unsafe = unsafeEntryName(e.path);
      if (unsafe) {
        report(
          name,
          at,
          'deposit/unsafe-path',
          `Unexpected path "${e.path}" with ${unsafe}, expected a path inside the bag`,
        );
        continue;
      }
      if (listed.has(e.path))
        report(name, at, 'deposit/manifest', `Unexpected second line for ${e.path}, expected each file once`);
      listed.add(e.path);
      if (tag === e.path.startsWith('data/')) {
        report(
          name,
          at,
          'deposit/manifest',
          tag
            ? `Unexpected payload file ${e.path} in a tag manifest, expected tag files only`
            : `Unexpected path ${e.path} in a payload manifest, expected files under data/`,
        );
        continue;
      }
      const bytes = bag.files.get(e.path);
      if (!bytes) {
        report(name, at, 'deposit/missing', `Unexpected missing file ${e.path}, expected it: ${name} lists it`);
        continue;
      }
      checked.add(e.path);
      const actual = digest(bytes, algorithm);
      if (actual !== e.checksum)
        report(
          name,
          at,
          'deposit/changed',
          `Unexpected ${algorithm} ${actual.slice(0, 16)}… of ${e.path}, expected ${e.checksum.slice(0, 16)}… as ${name} lists: the file changed after it was bagged`,
        );
    }
    if (!tag) for (const [p, missingFrom] of unlisted) if (!listed.has(p)) missingFrom.push(name);
  }
  if (result.algorithms.length === 0)
    report(
      'bagit.txt',
      START,
      'deposit/manifest',
      'Unexpected bag without a payload manifest, expected manifest-sha256.txt or another manifest-<algorithm>.txt',
    );
  else
    for (const [p, missingFrom] of unlisted)
      if (missingFrom.length > 0)
        report(
          p,
          START,
          'deposit/extra',
          `Unexpected file ${p}, expected every payload file in every manifest: ${missingFrom.join(' and ')} ${missingFrom.length > 1 ? 'do' : 'does'} not list it`,
        );

  const info = bag.files.get('bag-info.txt');
  const oxum = info ? parseBagInfo(text(info)).find((f) => f.label === 'Payload-Oxum') : undefined;
  if (info && oxum) {
    sources.set(bag.display('bag-info.txt'), text(info));
    const actual = payloadOxum(new Map(payloadFiles.map((p) => [p, bag.files.get(p)!])));
    if (actual !== oxum.value)
      report(
        'bag-info.txt',
        { line: oxum.line ?? 1, column: 'Payload-Oxum: '.length + 1 },
        'deposit/oxum',
        `Unexpected payload of ${actual.replace('.', ' bytes in ')} files, expected ${oxum.value.replace('.', ' bytes in ')} files as Payload-Oxum says`,
      );
  }
  result.checked = checked.size;
  return result;
}
