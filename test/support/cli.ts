import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'tei-pipeline.js');
// One compiled-stylesheet cache for every temporary project of the test run.
const cache = join(repoRoot, '.cache', 'tei-pipeline');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real CLI (compiled dist/) in a folder, as a user would. */
export function cli(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TEI_PIPELINE_CACHE: cache, ...env },
    maxBuffer: 256 << 20,
    timeout: 240_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A temporary edition: the project's schema, Schematron and registers, plus the given files
 * (paths relative to the project root). `withRecord` copies the real record in too.
 */
export function tempProject(
  files: Record<string, string | Uint8Array> = {},
  options: { withRecord?: boolean; registers?: boolean } = {},
): string {
  const root = mkdtempSync(join(tmpdir(), 'tei-pipeline-'));
  cpSync(join(repoRoot, 'tei', 'schema'), join(root, 'tei', 'schema'), { recursive: true });
  if (options.registers !== false)
    cpSync(join(repoRoot, 'tei', 'register'), join(root, 'tei', 'register'), { recursive: true });
  if (options.withRecord)
    cpSync(join(repoRoot, 'tei', 'dobrynin-vance-1977-02-26.xml'), join(root, 'tei', 'dobrynin-vance-1977-02-26.xml'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

/** No internal failure leaked: no stack frames, no "internal error". */
export function expectNoCrash(r: CliResult): void {
  if (/^\s+at .*\(.*:\d+:\d+\)$/m.test(r.stderr) || /internal error/.test(r.stderr) || r.code === null) {
    throw new Error(`the CLI crashed (exit ${r.code}):\n${r.stderr.slice(0, 2000)}`);
  }
}
