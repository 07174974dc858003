import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SaxonJS from 'saxon-js';
import { cli, runCli, expectNoCrash, repoRoot, tempProject, type CliResult } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

export { RECORD_ID };

export interface JsonReport {
  diagnostics: {
    file: string;
    line: number;
    column: number;
    ruleId: string;
    source: string;
    severity: string;
    message: string;
  }[];
  summary: { files: number; errors: number };
}

export function json(r: CliResult): JsonReport {
  return JSON.parse(r.stdout) as JsonReport;
}

export const recordText = readFileSync(join(repoRoot, 'tei', `${RECORD_ID}.xml`), 'utf8');

/**
 * A temporary edition with the record (or the text given in its place), deposited once: its bag folder
 * and zip. In-process, unless an environment is given: a time zone or a locale needs a process of its own.
 */
export async function depositedRecord(
  env: Record<string, string> = {},
  record: string = recordText,
): Promise<{ root: string; bag: string; zip: string; result: CliResult }> {
  const root = tempProject({ [`tei/${RECORD_ID}.xml`]: record });
  const args = ['deposit', RECORD_ID];
  const result = Object.keys(env).length > 0 ? cli(root, args, env) : await runCli(root, args);
  expectNoCrash(result);
  return {
    root,
    bag: join(root, 'out', 'deposit', RECORD_ID),
    zip: join(root, 'out', 'deposit', `${RECORD_ID}.zip`),
    result,
  };
}

/** A copy of a bag folder to tamper with. */
export function copyOfBag(bag: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tei-pipeline-bag-')), RECORD_ID);
  cpSync(bag, dir, { recursive: true });
  return dir;
}

/** Every file under a folder by forward-slash path relative to it. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      files.set(
        join(e.parentPath, e.name)
          .slice(dir.length + 1)
          .split('\\')
          .join('/'),
        readFileSync(join(e.parentPath, e.name)),
      );
  }
  return files;
}

export const NS = {
  tei: 'http://www.tei-c.org/ns/1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  oai_dc: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  dcite: 'http://datacite.org/schema/kernel-4',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** An XML file parsed by saxon-js, with XPath over it (prefixes as in NS). */
export async function xml(
  text: string,
): Promise<{ strings: (xpath: string) => string[]; count: (xpath: string) => number }> {
  const doc = await SaxonJS.getResource({ text, type: 'xml' });
  const evaluate = (xpath: string) =>
    SaxonJS.XPath.evaluate(xpath, doc, { namespaceContext: NS, resultForm: 'array' }) as unknown[];
  return {
    strings: (xpath) => evaluate(`(${xpath}) ! string(.)`).map(String),
    count: (xpath) => Number(SaxonJS.XPath.evaluate(`count(${xpath})`, doc, { namespaceContext: NS })),
  };
}
