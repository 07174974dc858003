import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { onWarning } from '../../src/core/warn.js';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'tei-pipeline.js');
// One compiled-stylesheet cache for every temporary project of the test run.
const cache = join(repoRoot, '.cache', 'tei-pipeline');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the real CLI (compiled dist/) in a folder, as a user would: a new process. For what only a
 * process shows: its exit status, what reaches the real stdout and stderr, signals. Everything else
 * runs in-process with `runCli`, which is ~1 s faster a run (no Node start, warm stylesheets).
 */
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
 * Run the CLI's `main` (src/) in this process, in `cwd`, its output captured: the same code as the
 * spawned CLI minus the launcher (bin/ sets process.exitCode from what main returns). Nothing leaks
 * between runs: the working directory, streams and environment are the run's own (src/cli/context.ts),
 * warnings are captured for the run, and a run that set process.exitCode fails.
 */
export async function runCli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const exitCodeBefore = process.exitCode;
  const runEnv = { ...process.env, NO_COLOR: '1', TEI_PIPELINE_CACHE: cache, ...env };
  // The compiled-stylesheet cache is read from process.env deep in the pipeline (src/core/project.ts).
  const cacheBefore = process.env['TEI_PIPELINE_CACHE'];
  process.env['TEI_PIPELINE_CACHE'] = runEnv.TEI_PIPELINE_CACHE;
  const stopListening = onWarning((m) => (stderr += `tei-pipeline: warning: ${m}\n`));
  try {
    const code = await main(args, {
      cwd,
      env: runEnv,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    });
    if (process.exitCode !== exitCodeBefore) throw new Error(`main set process.exitCode to ${process.exitCode}`);
    return { code, stdout, stderr };
  } finally {
    stopListening();
    if (cacheBefore === undefined) delete process.env['TEI_PIPELINE_CACHE'];
    else process.env['TEI_PIPELINE_CACHE'] = cacheBefore;
  }
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
