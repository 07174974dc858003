import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openProject, type RuleSetting } from '../../src/core/project.js';
import { Validator } from '../../src/validate/validator.js';
import { repoRoot } from '../support/cli.js';

// The record with its second paragraph given the first one's xml:id: one fault, which the project schema
// (xml:id is of type ID) and the rule tei/id-unique both find.
const dir = mkdtempSync(join(tmpdir(), 'dup-id-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function editionWithDuplicate(rules: Record<string, RuleSetting>): string {
  const root = join(dir, Object.keys(rules).length ? 'rule-off' : 'rule-on');
  mkdirSync(root, { recursive: true });
  cpSync(join(repoRoot, 'tei'), join(root, 'tei'), { recursive: true });
  const config = JSON.parse(readFileSync(join(repoRoot, 'tei-pipeline.config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(join(root, 'tei-pipeline.config.json'), JSON.stringify({ ...config, rules }));
  const file = join(root, 'tei', 'dobrynin-vance-1977-02-26.xml');
  const text = readFileSync(file, 'utf8');
  const ids = [...text.matchAll(/<p xml:id="([^"]+)"/g)].map((m) => m[1]!);
  expect(ids.length).toBeGreaterThan(1);
  writeFileSync(file, text.replace(`<p xml:id="${ids[1]}"`, `<p xml:id="${ids[0]}"`));
  return root;
}

async function idFindings(root: string, rules: Record<string, RuleSetting> = {}) {
  const project = openProject(root, undefined, { rules });
  const validator = await Validator.create(project);
  const [doc] = await validator.validate([join(root, 'tei', 'dobrynin-vance-1977-02-26.xml')]);
  return doc!.diagnostics.filter((d) => /\bID\b|xml:id/.test(d.message)).map((d) => `${d.ruleId} ${d.line}`);
}

describe('a duplicate xml:id is reported once', () => {
  it('by tei/id-unique, not again by the schema, while the rule is on', async () => {
    const found = await idFindings(editionWithDuplicate({}));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^tei\/id-unique \d+$/);
  });

  it('by the schema (at both uses, as jing reports it) when the rule is off', async () => {
    const found = await idFindings(editionWithDuplicate({ 'tei/id-unique': 'off' }), { 'tei/id-unique': 'off' });
    expect(found).toHaveLength(2);
    expect(found.every((f) => f.startsWith('schema/tei-project '))).toBe(true);
  });
});
