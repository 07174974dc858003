import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, expectNoCrash, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

/** The id of a process that has just ended (the pid of a killed build, as far as a later run can tell). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

/**
 * Temporary names as the pipeline makes them (write-atomic.ts: pid, thread, counter; write-bag.ts), for
 * process `pid`; the zip's as an earlier version named them (pid, counter).
 */
function plant(root: string, pid: number): string[] {
  const files = [
    `out/html/${RECORD_ID}.html.${pid}.0.0.tmp`,
    `out/cite/${RECORD_ID}.bib.${pid}.0.7.tmp`,
    `.cache/tei-pipeline/build-cache.json.${pid}.2.1.tmp`,
    `out/deposit/${RECORD_ID}.zip.${pid}.2.tmp`,
    `out/deposit/.tmp-${RECORD_ID}-${pid}/data/tei/${RECORD_ID}.xml`,
    `out/deposit/.old-${RECORD_ID}-${pid}/bagit.txt`,
  ];
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'half');
  }
  return [
    files[0]!,
    files[1]!,
    files[2]!,
    files[3]!,
    `out/deposit/.tmp-${RECORD_ID}-${pid}/`,
    `out/deposit/.old-${RECORD_ID}-${pid}/`,
  ];
}

describe('no leftovers: temporary files of a dead process (issue 13.6)', () => {
  let root: string;
  beforeAll(async () => {
    root = tempProject({}, { withRecord: true });
    expect((await runCli(root, ['build'])).code).toBe(0);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("check reports each one as build/leftover, and a running process's temporary file not at all", async () => {
    const pid = deadPid();
    const planted = plant(root, pid);
    // The CLI runs in this test's process: the process that started it (vitest's) is another one,
    // still running, whose temporary file is another build at work, not a leftover.
    const live = `out/text/${RECORD_ID}.txt.${process.ppid}.0.tmp`;
    writeFileSync(join(root, live), 'in progress');
    const r = await runCli(root, ['check', '--format', 'json']);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const leftovers = (
      JSON.parse(r.stdout) as {
        diagnostics: { file: string; ruleId: string; line: number; column: number; message: string }[];
      }
    ).diagnostics.filter((d) => d.ruleId === 'build/leftover');
    expect(leftovers.map((d) => d.file).sort()).toEqual([...planted].sort());
    for (const d of leftovers) {
      expect(d).toMatchObject({ line: 1, column: 1 });
      expect(d.message).toContain(`left by process ${pid}, which was interrupted`);
    }
    rmSync(join(root, live));
    for (const p of planted) rmSync(join(root, p), { recursive: true, force: true });
  });

  it("the next build removes them, leaves a running process's alone, and check passes", async () => {
    const planted = plant(root, deadPid());
    const live = `out/text/${RECORD_ID}.txt.${process.ppid}.0.tmp`;
    writeFileSync(join(root, live), 'in progress');
    const r = await runCli(root, ['build']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    for (const p of planted) expect(existsSync(join(root, p)), p).toBe(false);
    expect(r.stdout).toContain(`removed out/deposit/.tmp-${RECORD_ID}-`);
    expect(existsSync(join(root, live))).toBe(true);
    rmSync(join(root, live));
    expect((await runCli(root, ['check'])).code).toBe(0);
  });

  it('the next deposit removes them too', async () => {
    const planted = plant(root, deadPid());
    const r = await runCli(root, ['deposit']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    for (const p of planted) expect(existsSync(join(root, p)), p).toBe(false);
    expect(existsSync(join(root, 'out', 'deposit', RECORD_ID, 'bagit.txt'))).toBe(true);
  });
});
