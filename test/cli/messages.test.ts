import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_HELP, helpText } from '../../src/cli/help.js';
import { USAGE } from '../../src/cli/usage.js';
import { runCli, expectNoCrash, repoRoot, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

const SUMMARY =
  /^wrote (\d+) of (\d+) output\(s\) \((\d+) already up to date\), removed (\d+); validated (\d+) of (\d+) file\(s\), rendered (\d+) of (\d+) document\(s\) in [\d.]+ s$/m;

describe('help', () => {
  it('has a full text for every command the usage lists', async () => {
    for (const command of ['validate', 'build', 'check', 'watch', 'deposit']) {
      expect(USAGE, `the usage lists ${command}`).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
      expect(helpText(command)).toMatch(new RegExp(`^Usage: tei-pipeline ${command}\\b`));
    }
    expect(helpText(undefined)).toBe(USAGE);
  });

  it('`help` lists the commands and exits 0; `help COMMAND` and `COMMAND --help` explain that command', async () => {
    const all = await runCli(process.cwd(), ['help']);
    expect(all.code).toBe(0);
    expect(all.stdout.trim()).toBe(USAGE);
    const one = await runCli(process.cwd(), ['help', 'build']);
    expect(one.code).toBe(0);
    expect(one.stdout.trim()).toBe(COMMAND_HELP['build']);
    const flag = await runCli(process.cwd(), ['check', '--help']);
    expect(flag.code).toBe(0);
    expect(flag.stdout.trim()).toBe(COMMAND_HELP['check']);
  });

  it('`help` with an unknown command is a usage error, in one line and a hint', async () => {
    const r = await runCli(process.cwd(), ['help', 'bulid']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^tei-pipeline: Unexpected command "bulid" after help, expected one of validate, build, check, watch, deposit, help\n/,
    );
    expectNoCrash(r);
  });
});

describe('build and check messages', () => {
  const root = tempProject({}, { withRecord: true });
  const txt = join(root, 'out', 'text', `${RECORD_ID}.txt`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('counts outputs, files and documents the same way on a first build and a build with nothing to do, and shows no progress off a terminal', async () => {
    const first = await runCli(root, ['build']);
    expect(first.code).toBe(0);
    const a = SUMMARY.exec(first.stdout);
    expect(a, first.stdout).not.toBeNull();
    const second = await runCli(root, ['build']);
    const b = SUMMARY.exec(second.stdout);
    expect(b, second.stdout).not.toBeNull();
    // [written, outputs, up to date, removed, validated, files, rendered, documents]
    const [, w1, o1, u1, , v1, f1, r1, d1] = a!.map(Number);
    const [, w2, o2, u2, , v2, f2, r2, d2] = b!.map(Number);
    expect(o1).toBeGreaterThan(10);
    expect([o2, f2, d2]).toEqual([o1, f1, d1]);
    expect(w1! + u1!).toBe(o1);
    expect([w2, u2]).toEqual([0, o1]);
    expect([v1, r1]).toEqual([f1, d1]);
    expect([v2, r2]).toEqual([0, 0]);
    // Not a terminal: the progress lines are for people at one.
    expect(first.stderr).not.toMatch(/compiling|validating|rendering/);
  }, 240_000);

  // util-linux `script` gives the build a terminal, as a person running it has.
  const haveScript = existsSync('/usr/bin/script');
  it.skipIf(!haveScript)(
    `on a terminal, says what it is doing: validating, rendering${haveScript ? '' : ' (skipped: no /usr/bin/script; apt-get install -y bsdutils)'}`,
    async () => {
      const doc = join(root, 'tei', `${RECORD_ID}.xml`);
      writeFileSync(doc, readFileSync(doc, 'utf8').replace('pass on as directed', 'pass on, as directed'));
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repoRoot, 'bin', 'tei-pipeline.js'))} build`;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NO_COLOR: '1',
        TEI_PIPELINE_CACHE: join(repoRoot, '.cache', 'tei-pipeline'),
      };
      delete env['CI'];
      const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect(r.status, r.stdout).toBe(0);
      expect(r.stdout).toContain('validating 1 file(s)…');
      expect(r.stdout).toMatch(/\rrendering \[#{30}\] 1\/1/);
      expect(r.stdout).toMatch(/validated 1 of \d+ file\(s\), rendered 1 of 1 document\(s\)/);
      writeFileSync(doc, readFileSync(doc, 'utf8').replace('pass on, as directed', 'pass on as directed'));
      expect((await runCli(root, ['build'])).code).toBe(0);
    },
    240_000,
  );

  it('check shows the first differing lines of a stale file as a short unified diff', async () => {
    const built = readFileSync(txt, 'utf8');
    const lines = built.split('\n');
    const i = lines.findIndex((l) => l.includes('pass on as directed'));
    expect(i).toBeGreaterThan(0);
    const edited = lines[i]!.replace('pass on as directed', 'pass on as edited by hand');
    writeFileSync(txt, [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n'));
    const r = await runCli(root, ['check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^out/text/${RECORD_ID}\\.txt:${i + 1}:\\d+: error: Unexpected stale output`, 'm'),
    );
    expect(r.stderr).toContain(
      `--- out/text/${RECORD_ID}.txt (committed)\n+++ out/text/${RECORD_ID}.txt (fresh build)\n@@ -${i - 1},5 +${i - 1},5 @@\n`,
    );
    expect(r.stderr).toContain(`\n-${edited.slice(0, 159)}`);
    expect(r.stderr).toContain(`\n+${lines[i]!.slice(0, 159)}`);
    // Short: the headers, one hunk of two lines of context each side.
    expect(r.stderr.slice(r.stderr.indexOf('--- out/')).trim().split('\n')).toHaveLength(3 + 6);
    writeFileSync(txt, built);
  }, 240_000);

  it('a build cache that cannot be written is a warning: the outputs are written, exit 0', async () => {
    rmSync(join(root, '.cache'), { recursive: true, force: true });
    writeFileSync(join(root, '.cache'), 'a file where the cache folder should be');
    rmSync(txt);
    // Its path is relative to the folder the command runs in, not the test runner's.
    const r = await runCli(root, ['build']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^tei-pipeline: warning: cannot write \.cache\/tei-pipeline\/build-cache\.json: a (part of its path is a file, not a folder|file stands where a folder is needed); the build cache is not kept/m,
    );
    expect(existsSync(txt)).toBe(true);
  }, 240_000);

  it('an output folder that cannot be written is one line naming the output and the cause, exit 2', async () => {
    writeFileSync(join(root, 'blocked'), 'a file where the output folder should be');
    const r = await runCli(root, ['build', '--out', 'blocked/out']);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^tei-pipeline: cannot write blocked\/out\/\S+: a (part of its path is a file, not a folder|file stands where a folder is needed)\n$/,
    );
    expect(r.stderr).not.toMatch(/\.tmp/);
  }, 240_000);
});
