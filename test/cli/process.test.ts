import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectNoCrash, repoRoot, runCli, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

// Most CLI tests run `main` in-process (runCli). These run the real launcher in a process of its own,
// one command each: what only a process shows, its exit status and what reaches the real stdout and stderr.
describe('the CLI as a process: exit status and streams', () => {
  it('--version prints to stdout and exits 0; a usage error is one line on stderr, exit 2', () => {
    const version = cli(tmpdir(), ['--version']);
    expect([version.code, version.stderr]).toEqual([0, '']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bad = cli(tmpdir(), ['frobnicate']);
    expectNoCrash(bad);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toMatch(/^tei-pipeline: Unexpected command "frobnicate", expected one of validate, /);
  });

  it('validate: diagnostics on stderr and the summary on stdout, exit 1; the same as in-process, byte for byte', async () => {
    const record = readFileSync(join(repoRoot, 'tei', `${RECORD_ID}.xml`), 'utf8').replace(
      'when="1977-02-25"',
      'when="1977-02-30"',
    );
    const root = tempProject({ [`tei/${RECORD_ID}.xml`]: record });
    const human = cli(root, ['validate']);
    expectNoCrash(human);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(new RegExp(`^tei/${RECORD_ID}\\.xml:\\d+:\\d+: error: .*\\[tei/date-iso\\]$`, 'm'));
    expect(human.stdout).toMatch(/\d+ files?: [1-9]\d* errors?/);
    expect(await runCli(root, ['validate'])).toEqual(human);
    const json = cli(root, ['validate', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    expect((JSON.parse(json.stdout) as { summary: { errors: number } }).summary.errors).toBeGreaterThan(0);
    expect(await runCli(root, ['validate', '--format', 'json'])).toEqual(json);
  });

  it('build exits 0; check exits 1 on a stale output; init and new write and exit 0', () => {
    const root = tempProject({}, { withRecord: true });
    const built = cli(root, ['build', '--quiet']);
    expect([built.code, built.stdout, built.stderr]).toEqual([0, '', '']);
    writeFileSync(join(root, 'out', 'text', `${RECORD_ID}.txt`), 'stale\n');
    const stale = cli(root, ['check']);
    expectNoCrash(stale);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`out/text/${RECORD_ID}.txt`);

    const parent = mkdtempSync(join(tmpdir(), 'tei-pipeline-process-'));
    const init = cli(parent, ['init', 'ed']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('wrote ed/tei-pipeline.config.json');
    const made = cli(join(parent, 'ed'), ['new', 'letter', 'a-letter']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^wrote tei\/a-letter\.xml/);
  });
});
