import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, expectNoCrash, tempProject } from '../support/cli.js';
import { filesUnder, json, recordText, RECORD_ID } from './support.js';

const RECORD = `tei/${RECORD_ID}.xml`;

async function deposit(root: string, ids: string[] = [RECORD_ID]) {
  const r = await runCli(root, ['deposit', ...ids, '--format', 'json']);
  expectNoCrash(r);
  return { code: r.code, report: json(r) };
}

/** The line and column of the first occurrence of `text` in the record as changed. */
function positionOf(source: string, text: string): { line: number; column: number } {
  const i = source.indexOf(text);
  const before = source.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('tei-pipeline deposit: what it refuses', () => {
  it('refuses a header without a licence, naming the licence where it belongs; nothing is written', async () => {
    const noLicence = recordText.replace(/<licence target="[^"]*">[\s\S]*?<\/licence>\s*/, '');
    const root = tempProject({ [RECORD]: noLicence });
    const { code, report } = await deposit(root);
    expect(code).toBe(1);
    const header = report.diagnostics.filter((d) => d.ruleId === 'deposit/header');
    expect(header).toHaveLength(1);
    expect(header[0]).toMatchObject({
      file: RECORD,
      source: 'deposit',
      severity: 'error',
      ...positionOf(noLicence, '<availability>'),
    });
    expect(header[0]!.message).toMatch(
      /^Unexpected publicationStmt without a licence, expected <availability><licence target=/,
    );
    expect(existsSync(join(root, 'out', 'deposit'))).toBe(false);
  });

  it('refuses a licence the metadata cannot name, at its @target, though the document validates', async () => {
    const other = recordText.replace(
      'target="https://creativecommons.org/licenses/by/4.0/"',
      'target="https://example.org/our-own-licence"',
    );
    const root = tempProject({ [RECORD]: other });
    const { code, report } = await deposit(root);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(['deposit/header']);
    expect(report.diagnostics[0]).toMatchObject(positionOf(other, 'target="https://example.org/our-own-licence"'));
    expect(report.diagnostics[0]!.message).toContain('Unexpected licence "https://example.org/our-own-licence"');
    expect(existsSync(join(root, 'out', 'deposit'))).toBe(false);
  });

  it('refuses a header whose revisions have no full date, and one without an editor', async () => {
    const undated = recordText
      .replaceAll(/<change when="\d{4}-\d{2}-\d{2}"/g, '<change when="2026-11"')
      .replace(/<respStmt xml:id="edition-team">[\s\S]*?<\/respStmt>/, '');
    const root = tempProject({ [RECORD]: undated });
    const { code, report } = await deposit(root);
    expect(code).toBe(1);
    const messages = report.diagnostics.filter((d) => d.ruleId === 'deposit/header').map((d) => d.message);
    expect(
      messages.some((m) => m.startsWith('Unexpected revisionDesc without a change whose @when is a full date')),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith('Unexpected titleStmt without an editor or a respStmt'))).toBe(true);
    expect(existsSync(join(root, 'out', 'deposit'))).toBe(false);
  });

  it("refuses a document that does not validate, with the validator's diagnostics", async () => {
    const root = tempProject({
      [RECORD]: recordText.replace('when="1977-02-25">February 25, 1977', 'when="1977-02-30">February 25, 1977'),
    });
    const { code, report } = await deposit(root);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => d.ruleId)).toContain('tei/date-iso');
    expect(report.diagnostics.filter((d) => d.source === 'deposit')).toEqual([]);
    expect(existsSync(join(root, 'out', 'deposit'))).toBe(false);
  });

  it('leaves an earlier bag and zip exactly as they were when a later deposit is refused', async () => {
    const root = tempProject({ [RECORD]: recordText });
    expect((await deposit(root)).code).toBe(0);
    const dir = join(root, 'out', 'deposit');
    const before = filesUnder(dir);
    writeFileSync(join(root, RECORD), recordText.replace('</TEI>', '<unclosed></TEI>'));
    expect((await deposit(root)).code).toBe(1);
    const after = filesUnder(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect(v.equals(after.get(k)!), k).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('reports an unknown id and a register named as a document', async () => {
    const root = tempProject({ [RECORD]: recordText });
    const { code, report } = await deposit(root, ['no-such-letter', 'persons']);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([
      ['deposit/unknown-id', 'tei/no-such-letter.xml'],
      ['deposit/unknown-id', 'tei/persons.xml'],
    ]);
    expect(report.diagnostics[0]!.message).toBe(
      `Unexpected document id "no-such-letter", expected one of: ${RECORD_ID}`,
    );
    expect(existsSync(join(root, 'out', 'deposit'))).toBe(false);
  });

  it('deposits every document of tei/ (not the registers) when no id is given', async () => {
    const second = recordText.replaceAll(RECORD_ID, 'second-document');
    const root = tempProject({ [RECORD]: recordText, 'tei/second-document.xml': second });
    const r = await runCli(root, ['deposit']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('deposited 2 of 2 document(s)');
    expect(readdirSync(join(root, 'out', 'deposit')).sort()).toEqual([
      RECORD_ID,
      `${RECORD_ID}.zip`,
      'second-document',
      'second-document.zip',
    ]);
    expect(readFileSync(join(root, 'out', 'deposit', 'second-document', 'bag-info.txt'), 'utf8')).toContain(
      'External-Identifier: second-document',
    );
  });
});
