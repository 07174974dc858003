import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECOND_LOOK_MS, SecondLook } from '../../src/pipeline/second-look.js';

// chokidar drops a path's second change within 50 ms: watch looks at each changed file again once that
// time has passed, and takes a difference for a save it was not told about.
const dir = mkdtempSync(join(tmpdir(), 'second-look-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A file with this content, and a second look that records what it is told it missed. */
function watched(name: string, content = '<TEI/>') {
  const file = join(dir, name);
  writeFileSync(file, content);
  const missed: string[] = [];
  return { file, missed, look: new SecondLook((p) => missed.push(p)) };
}

describe('the second look at a changed file', () => {
  it('reports a rename-replace made after the change it was told of', async () => {
    const { file, missed, look } = watched('a.xml');
    look.changed(file);
    writeFileSync(file + '.tmp', '<TEI/>'); // the same bytes, as a new file
    renameSync(file + '.tmp', file);
    await sleep(SECOND_LOOK_MS + 50);
    expect(missed).toEqual([file]);
  });

  it('reports a write in place, and a removal', async () => {
    const file = join(dir, 'b.xml');
    const gone = join(dir, 'c.xml');
    writeFileSync(file, '<TEI/>');
    writeFileSync(gone, '<TEI/>');
    const missed: string[] = [];
    const look = new SecondLook((p) => missed.push(p));
    look.changed(file);
    look.changed(gone);
    writeFileSync(file, '<TEI>changed</TEI>');
    rmSync(gone);
    await sleep(SECOND_LOOK_MS + 50);
    expect(missed.sort()).toEqual([file, gone].sort());
  });

  it('reports nothing for a file left as it was, and nothing once closed', async () => {
    const { file, missed, look } = watched('d.xml');
    look.changed(file);
    await sleep(SECOND_LOOK_MS + 50);
    look.changed(file);
    look.close();
    writeFileSync(file, '<TEI>changed</TEI>');
    await sleep(SECOND_LOOK_MS + 50);
    expect(missed).toEqual([]);
  });

  it('takes a newer report of the same file for the look: a change it was told of is not reported again', async () => {
    const { file, missed, look } = watched('e.xml');
    look.changed(file);
    writeFileSync(file, '<TEI>second save</TEI>');
    look.changed(file); // chokidar did report this one
    await sleep(SECOND_LOOK_MS + 50);
    expect(missed).toEqual([]);
  });

  it('looks at once when asked (before a build writes), and reports a file written after its change was reported', () => {
    const { file, missed, look } = watched('f.xml', '');
    look.changed(file); // reported when an editor truncated it
    writeFileSync(file, '<TEI>written in place</TEI>');
    look.lookNow();
    expect(missed).toEqual([file]);
    look.lookNow(); // that look is done: not reported twice
    expect(missed).toEqual([file]);
    look.close();
  });
});
