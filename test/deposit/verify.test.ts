import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, expectNoCrash } from '../support/cli.js';
import { copyOfBag, depositedRecord, json, RECORD_ID } from './support.js';

let deposited: Awaited<ReturnType<typeof depositedRecord>>;
const TEI = `data/tei/${RECORD_ID}.xml`;

beforeAll(async () => {
  deposited = await depositedRecord();
  expect(deposited.result.code).toBe(0);
});

/** Run --verify from the bag's parent folder, so diagnostics name "<id>/…". */
async function verify(path: string) {
  const r = await runCli(dirname(path), [
    'deposit',
    '--verify',
    path.slice(dirname(path).length + 1),
    '--format',
    'json',
  ]);
  expectNoCrash(r);
  return { code: r.code, report: json(r) };
}

function flipByte(file: string, at: number): void {
  const bytes = readFileSync(file);
  bytes[at] = bytes[at]! ^ 0x20;
  writeFileSync(file, bytes);
}

/** The bag's zip re-made with one entry's content changed (a byte of the file inside the entry). */
function zipWith(change: (files: Record<string, Uint8Array>) => void, extra: Zippable = {}): string {
  const files = unzipSync(new Uint8Array(readFileSync(deposited.zip)));
  change(files);
  const dir = mkdtempSync(join(tmpdir(), 'tei-pipeline-zip-'));
  const file = join(dir, `${RECORD_ID}.zip`);
  writeFileSync(file, zipSync({ ...files, ...extra }));
  return file;
}

describe('tei-pipeline deposit --verify', () => {
  it('passes the bag and the zip as written (exit 0)', async () => {
    const folder = await verify(deposited.bag);
    expect(folder.report.diagnostics).toEqual([]);
    expect(folder.code).toBe(0);
    expect(folder.report.summary.files).toBeGreaterThan(20);
    const zip = await verify(deposited.zip);
    expect(zip.report.diagnostics).toEqual([]);
    expect(zip.code).toBe(0);
    const human = await runCli(dirname(deposited.bag), ['deposit', '--verify', RECORD_ID]);
    expect(human.stdout).toMatch(
      new RegExp(
        `^verified ${RECORD_ID}: every file the manifests \\(sha256, sha512\\) and the tag manifest list is there and unchanged`,
        'm',
      ),
    );
  });

  it('names a payload file whose byte changed, at the manifest lines that list it (exit 1)', async () => {
    const bag = copyOfBag(deposited.bag);
    flipByte(join(bag, TEI), 1000);
    const { code, report } = await verify(bag);
    expect(code).toBe(1);
    const changed = report.diagnostics.filter((d) => d.ruleId === 'deposit/changed');
    expect(changed.map((d) => d.file).sort()).toEqual([
      `${RECORD_ID}/manifest-sha256.txt`,
      `${RECORD_ID}/manifest-sha512.txt`,
    ]);
    for (const d of changed) {
      expect(d).toMatchObject({ severity: 'error', source: 'deposit' });
      expect(d.message).toContain(TEI);
      const line = readFileSync(join(bag, d.file.slice(RECORD_ID.length + 1)), 'utf8').split('\n')[d.line - 1]!;
      expect(line.slice(d.column - 1)).toBe(TEI);
    }
    // Payload-Oxum counts bytes, not their values: one changed byte is for the checksums to find.
    expect(report.diagnostics.map((d) => d.ruleId).sort()).toEqual(['deposit/changed', 'deposit/changed']);
  });

  it('reports a deleted file as missing and an added one as extra, and a wrong Payload-Oxum', async () => {
    const bag = copyOfBag(deposited.bag);
    rmSync(join(bag, 'data/html/persons.html'));
    writeFileSync(join(bag, 'data/notes.txt'), 'added after bagging\n');
    const { code, report } = await verify(bag);
    expect(code).toBe(1);
    const missing = report.diagnostics.filter((d) => d.ruleId === 'deposit/missing');
    expect(missing).toHaveLength(2);
    for (const d of missing) expect(d.message).toContain('data/html/persons.html');
    const extra = report.diagnostics.filter((d) => d.ruleId === 'deposit/extra');
    expect(extra).toEqual([expect.objectContaining({ file: `${RECORD_ID}/data/notes.txt`, line: 1, column: 1 })]);
    const oxum = report.diagnostics.filter((d) => d.ruleId === 'deposit/oxum');
    expect(oxum).toHaveLength(1);
    expect(oxum[0]!.file).toBe(`${RECORD_ID}/bag-info.txt`);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8').split('\n')[oxum[0]!.line - 1]).toMatch(/^Payload-Oxum: /);
  });

  it('checks the tag files too: a changed metadata file is named at the tag manifest line', async () => {
    const bag = copyOfBag(deposited.bag);
    appendFileSync(join(bag, 'metadata/zenodo.json'), ' ');
    const { code, report } = await verify(bag);
    expect(code).toBe(1);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'deposit/changed', file: `${RECORD_ID}/tagmanifest-sha256.txt` }),
    ]);
    expect(report.diagnostics[0]!.message).toContain('metadata/zenodo.json');
  });

  it('refuses a folder that is not a bag', async () => {
    const bag = copyOfBag(deposited.bag);
    rmSync(join(bag, 'bagit.txt'));
    const { code, report } = await verify(bag);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['deposit/not-a-bag']);
    const nowhere = await runCli(deposited.root, [
      'deposit',
      '--verify',
      'out/deposit/nothing-here',
      '--format',
      'json',
    ]);
    expect(nowhere.code).toBe(1);
    expect(json(nowhere).diagnostics[0]).toMatchObject({ ruleId: 'io/not-found', file: 'out/deposit/nothing-here' });
  });

  it('finds a changed byte inside a zip entry, naming the entry', async () => {
    const zip = zipWith((files) => {
      const tei = files[`${RECORD_ID}/${TEI}`]!;
      tei[2000] = tei[2000]! ^ 0x01;
    });
    const { code, report } = await verify(zip);
    expect(code).toBe(1);
    const changed = report.diagnostics.filter((d) => d.ruleId === 'deposit/changed');
    expect(changed.map((d) => d.file).sort()).toEqual([
      `${RECORD_ID}.zip!/${RECORD_ID}/manifest-sha256.txt`,
      `${RECORD_ID}.zip!/${RECORD_ID}/manifest-sha512.txt`,
    ]);
    for (const d of changed) expect(d.message).toContain(TEI);
  });

  it("finds a byte flipped in the zip's own bytes (a damaged entry), naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tei-pipeline-zip-'));
    const zip = join(dir, `${RECORD_ID}.zip`);
    const bytes = readFileSync(deposited.zip);
    // The middle of the TEI entry's compressed data.
    const name = Buffer.from(`${RECORD_ID}/${TEI}`);
    const header = bytes.indexOf(name);
    bytes[header + name.length + 4000] = bytes[header + name.length + 4000]! ^ 0xff;
    writeFileSync(zip, bytes);
    const { code, report } = await verify(zip);
    expect(code).toBe(1);
    // Inflating fails, or gives other bytes: either way the diagnostics name the TEI file.
    expect(report.diagnostics.some((d) => `${d.file} ${d.message}`.includes(TEI))).toBe(true);
  });

  it('reads a zip in memory and refuses entries that would land outside the bag, without writing anything', async () => {
    const zip = zipWith(() => {}, { '../escaped.txt': strToU8('outside'), '/etc/absolute.txt': strToU8('absolute') });
    const { code, report } = await verify(zip);
    expect(code).toBe(1);
    const unsafe = report.diagnostics.filter((d) => d.ruleId === 'deposit/unsafe-path');
    expect(unsafe.map((d) => d.file).sort()).toEqual(
      [`${RECORD_ID}.zip!//etc/absolute.txt`, `${RECORD_ID}.zip!/../escaped.txt`].sort(),
    );
    expect(existsSync(join(dirname(zip), '..', 'escaped.txt'))).toBe(false);
    // The bag inside is still checked, and passes.
    expect(report.diagnostics.filter((d) => d.ruleId !== 'deposit/unsafe-path')).toEqual([]);
  });
});
