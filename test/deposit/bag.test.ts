import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { toolVersion } from '../../src/cli/version.js';
import { runCli, repoRoot } from '../support/cli.js';
import { copyOfBag, depositedRecord, filesUnder, recordText, RECORD_ID } from './support.js';

let first: Awaited<ReturnType<typeof depositedRecord>>;
let second: Awaited<ReturnType<typeof depositedRecord>>;

beforeAll(async () => {
  // Two projects at different paths, in time zones a day apart: nothing of either may leak into the bytes.
  first = await depositedRecord({ TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
  second = await depositedRecord({ TZ: 'America/Adak', LANG: 'C', LC_ALL: 'C' });
});

/** The central directory of a zip, as far as the tests need it (read here, not with the library that wrote it). */
function centralDirectory(zip: Buffer): {
  name: string;
  os: number;
  dosTime: number;
  dosDate: number;
  extra: number;
  comment: number;
  attributes: number;
}[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      os: zip.readUInt8(at + 5),
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      extra,
      comment,
      attributes: zip.readUInt32LE(at + 38),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('tei-pipeline deposit: the bag', () => {
  it('writes out/deposit/<id>/ and <id>.zip for the record and exits 0', () => {
    // This edition has no public URL nor DOI yet: the two files that need them are left out, each with
    // a diagnostic at the publicationStmt saying why (test/deposit/receivers.test.ts deposits with both).
    const publicationStmt = recordText.split('\n').findIndex((l) => l.includes('<publicationStmt>')) + 1;
    expect(first.result.stderr).toContain(
      `tei/${RECORD_ID}.xml:${publicationStmt}:7: warning: Unexpected letter to describe for correspSearch without the edition's public URL, expected "baseUrl" in the configuration`,
    );
    expect(first.result.stderr).toContain(
      `tei/${RECORD_ID}.xml:${publicationStmt}:7: info: Unexpected DataCite record without a DOI`,
    );
    expect(first.result.stderr).not.toMatch(/: error: /);
    expect(first.result.code).toBe(0);
    expect(first.result.stdout).toContain(`wrote out/deposit/${RECORD_ID}/ (`);
    expect(first.result.stdout).toContain(`wrote out/deposit/${RECORD_ID}.zip (`);
    const files = [...filesUnder(first.bag).keys()].sort();
    for (const f of [
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'manifest-sha512.txt',
      'tagmanifest-sha256.txt',
      'metadata/zenodo.json',
      'metadata/oai_dc.xml',
      'data/README.txt',
      `data/tei/${RECORD_ID}.xml`,
      'data/tei/register/persons.xml',
      'data/tei/register/places.xml',
      'data/tei/register/orgs.xml',
      'data/tei/schema/tei-project.rng',
      'data/tei/schema/tei-project.sch',
      `data/html/${RECORD_ID}.html`,
      'data/html/assets/edition.css',
      'data/html/persons.html',
      `data/text/${RECORD_ID}.txt`,
      `data/text/${RECORD_ID}.diplomatic.txt`,
      `data/cite/${RECORD_ID}.csl.json`,
      `data/cite/${RECORD_ID}.bib`,
      `data/cite/${RECORD_ID}.ris`,
      `data/cite/${RECORD_ID}.cff`,
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files).not.toContain('metadata/cmif.xml');
    expect(files).not.toContain('metadata/datacite.xml');
    // Nothing half-made stays beside it.
    expect(filesUnder(join(first.root, 'out', 'deposit')).size).toBe(files.length + 1);
  });

  it('holds the TEI as validated and the outputs a build of the same edition writes, byte for byte', async () => {
    const bag = filesUnder(first.bag);
    expect(bag.get(`data/tei/${RECORD_ID}.xml`)!.toString('utf8')).toBe(recordText);
    const r = await runCli(first.root, ['build', '--quiet', '--force']);
    expect(r.code, r.stderr).toBe(0);
    const built = filesUnder(join(first.root, 'out'));
    // One document: every page, text and citation of the edition belongs in its bag.
    const own = [...built.keys()].filter((p) => /^(html|text|cite)\//.test(p));
    expect(own.length).toBeGreaterThanOrEqual(12);
    for (const path of own) expect(bag.get(`data/${path}`)?.equals(built.get(path)!), path).toBe(true);
  });

  it('is the same bytes on every run, whatever the time zone, locale or folder', () => {
    expect(readFileSync(first.zip).equals(readFileSync(second.zip))).toBe(true);
    const a = filesUnder(first.bag);
    const b = filesUnder(second.bag);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of a) expect(v.equals(b.get(k)!), k).toBe(true);
    for (const [k, v] of a) expect(v.toString('utf8'), k).not.toContain(first.root);
  });

  it('passes coreutils (a second implementation of the manifests) and a recomputed Payload-Oxum', () => {
    for (const [tool, manifest] of [
      ['sha256sum', 'manifest-sha256.txt'],
      ['sha512sum', 'manifest-sha512.txt'],
      ['sha256sum', 'tagmanifest-sha256.txt'],
    ] as const) {
      const r = spawnSync(tool, ['--strict', '-c', manifest], { cwd: first.bag, encoding: 'utf8' });
      expect(r.status, `${tool} -c ${manifest}: ${r.stdout}${r.stderr}`).toBe(0);
    }
    const files = filesUnder(first.bag);
    const payload = [...files].filter(([p]) => p.startsWith('data/'));
    const octets = payload.reduce((n, [, b]) => n + b.length, 0);
    const info = files.get('bag-info.txt')!.toString('utf8');
    expect(info).toContain(`\nPayload-Oxum: ${octets}.${payload.length}\n`);
    // Every payload file is in each payload manifest, every tag file in the tag manifest, sorted by path.
    for (const manifest of ['manifest-sha256.txt', 'manifest-sha512.txt']) {
      const listed = files
        .get(manifest)!
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/^\S+ {2}/, ''));
      expect(listed).toEqual(payload.map(([p]) => p).sort());
    }
    const tags = files
      .get('tagmanifest-sha256.txt')!
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.replace(/^\S+ {2}/, ''));
    expect(tags).toEqual([
      'bag-info.txt',
      'bagit.txt',
      'manifest-sha256.txt',
      'manifest-sha512.txt',
      'metadata/oai_dc.xml',
      'metadata/zenodo.json',
    ]);
  });

  it("has bag-info.txt with the header's facts, the latest revision date, sizes and the software; LF only", () => {
    const bag = filesUnder(first.bag);
    const info = bag.get('bag-info.txt')!.toString('utf8');
    const latest = [...recordText.matchAll(/<change when="(\d{4}-\d{2}-\d{2})"/g)]
      .map((m) => m[1]!)
      .sort()
      .pop();
    expect(info).toMatch(
      /^Source-Organization: Edition team\nExternal-Identifier: dobrynin-vance-1977-02-26\nExternal-Description: Record, from the journal/,
    );
    expect(info).toContain(`\nBagging-Date: ${latest}\n`);
    expect(info).toMatch(/\nBag-Size: \d+\.\d (KB|MB)\n/);
    expect(info).toContain(`\nBag-Software-Agent: tei-pipeline ${toolVersion()}\n`);
    for (const line of info.split('\n')) expect(line.length, line).toBeLessThanOrEqual(79);
    expect(bag.get('bagit.txt')!.toString('utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    for (const [path, bytes] of bag) if (!path.startsWith('data/')) expect(bytes.includes('\r'), path).toBe(false);
  });

  it('zips the bag under one folder, entries sorted, every time the Bagging-Date, no extra fields or attributes', () => {
    const zip = readFileSync(first.zip);
    const entries = centralDirectory(zip);
    const bag = filesUnder(first.bag);
    const expected = [...bag.keys()]
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
      .map((p) => `${RECORD_ID}/${p}`);
    expect(entries.map((e) => e.name)).toEqual(expected);
    // 2026-11-30 (the latest change of the header) 12:00:00 in DOS date and time.
    for (const e of entries)
      expect([e.dosDate, e.dosTime, e.extra, e.comment, e.attributes, e.os]).toEqual([
        ((2026 - 1980) << 9) | (11 << 5) | 30,
        12 << 11,
        0,
        0,
        0,
        0,
      ]);
    const unzipped = unzipSync(new Uint8Array(zip));
    for (const [p, bytes] of bag) expect(Buffer.from(unzipped[`${RECORD_ID}/${p}`]!).equals(bytes), p).toBe(true);
  });

  // The Library of Congress validator, from ../shared/tools (Debian 12 has no python3-bagit).
  const bagitPy = join(repoRoot, '..', 'shared', 'tools', 'bagit', 'bagit.py');
  const hasBagitPy = existsSync(bagitPy) && !spawnSync('python3', ['--version']).error;
  it.skipIf(!hasBagitPy)(
    `is valid for bagit.py --validate (Library of Congress bagit-python)${hasBagitPy ? '' : ` — SKIPPED: needs python3 and ${bagitPy}`}`,
    () => {
      const r = spawnSync('python3', [bagitPy, '--validate', first.bag], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/is valid/);
      // A changed byte is caught: the validator is not a rubber stamp.
      const copy = copyOfBag(first.bag);
      writeFileSync(join(copy, 'data', 'README.txt'), 'changed\n');
      expect(spawnSync('python3', [bagitPy, '--validate', copy], { encoding: 'utf8' }).status).not.toBe(0);
    },
  );
});
