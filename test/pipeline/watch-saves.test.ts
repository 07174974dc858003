import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project.js';
import { watchEdition, type EditionWatcher, type Rebuild } from '../../src/pipeline/watch.js';
import { changeKind, isScratchFile } from '../../src/pipeline/watched-files.js';
import { repoRoot, tempProject } from '../support/cli.js';
import { RECORD_ID } from '../support/edition.js';

// Every way an editor saves must reach the build: in place, by rename-replace (vim, VS Code and
// oXygen safe-save, sed -i), by delete-and-create, and new files; scratch files must not.
const root = tempProject({}, { withRecord: true });
// A copy of the package's stylesheets, so a test may edit them (their asset) without touching ours.
const packageDir = mkdtempSync(join(tmpdir(), 'tei-pipeline-package-'));
cpSync(join(repoRoot, 'xslt'), join(packageDir, 'xslt'), { recursive: true });
const project = { ...openProject(root), packageDir, cacheDir: join(repoRoot, '.cache', 'tei-pipeline') };
const doc = join(root, 'tei', `${RECORD_ID}.xml`);
const original = readFileSync(doc, 'utf8');
const PHRASE = 'asked him to pass on as directed';
const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // removed while its document was gone
  }
};
const text = () => read(join(root, 'out', 'text', `${RECORD_ID}.txt`));
const builds: Rebuild[] = [];
let watcher: EditionWatcher;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Wait for the build after `count` builds; fail after 60 s. */
async function buildAfter(count: number): Promise<Rebuild> {
  for (let i = 0; i < 1200 && builds.length <= count; i++) await sleep(50);
  expect(builds.length, `a rebuild after build ${count}`).toBeGreaterThan(count);
  return builds[count]!;
}
/** Wait until no build has come for a second: late events of an earlier test are done with. */
async function settle(): Promise<void> {
  for (let i = 0, last = -1; i < 60 && builds.length !== last; i++) {
    last = builds.length;
    await sleep(1000);
  }
}
/** Nothing more is built for a while (events that must not trigger a build). */
async function noBuildAfter(count: number): Promise<void> {
  await sleep(600);
  expect(builds.length).toBe(count);
}

// Three ways of replacing a file by a rename, as editors and tools do it.
const SAVES: Record<string, (file: string, content: string, i: number) => void> = {
  // sed -i: a temporary "sedXXXXXX" in the same folder, renamed over the file.
  sed: (file, content, i) => {
    const tmp = join(root, 'tei', `sed${String(i).padStart(6, '0')}`);
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  },
  // vim (backupcopy=no): the file renamed to a backup "x~", the new content written as a new file.
  vim: (file, content) => {
    writeFileSync(join(root, 'tei', '4913'), '');
    unlinkSync(join(root, 'tei', '4913'));
    renameSync(file, file + '~');
    writeFileSync(file, content);
    unlinkSync(file + '~');
  },
  // VS Code / oXygen safe-save: a hidden temporary file beside it, renamed over it.
  safeSave: (file, content, i) => {
    const tmp = join(root, 'tei', `.${RECORD_ID}.xml.${i}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  },
};

beforeAll(async () => {
  watcher = await watchEdition(project, {
    port: 0,
    onBuild: (b) => builds.push(b),
    onError: (e) => {
      throw e;
    },
  });
  await buildAfter(0);
}, 300_000);
afterAll(async () => {
  await watcher?.close();
  for (const dir of [root, packageDir]) rmSync(dir, { recursive: true, force: true });
});

describe('watch sees every save', () => {
  it('rebuilds once for each of ten consecutive rename-replace saves, with the content of that save', async () => {
    const styles = Object.keys(SAVES);
    await settle();
    const start = builds.length;
    for (let i = 1; i <= 10; i++) {
      const style = styles[i % styles.length]!;
      SAVES[style]!(doc, original.replace(PHRASE, `${PHRASE} (save ${i})`), i);
      const b = await buildAfter(start + i - 1);
      expect(b.build.stats.rendered, `save ${i} (${style}) re-rendered the record`).toBe(1);
      expect(text(), `save ${i} (${style})`).toContain(`(save ${i})`);
    }
    await noBuildAfter(start + 10);
    expect(builds.length - start).toBe(10);
  }, 300_000);

  it('builds the last of two saves made 20 ms apart (chokidar drops a second change within 50 ms)', async () => {
    await settle();
    const n = builds.length;
    // From another thread, as an editor saves: this one is busy building when the second save lands.
    const tmp = [1, 2].map((i) => join(root, 'tei', `sed${String(200 + i).padStart(6, '0')}`));
    writeFileSync(tmp[0]!, original.replace(PHRASE, `${PHRASE} (first of two)`));
    writeFileSync(tmp[1]!, original.replace(PHRASE, `${PHRASE} (second of two)`));
    const saver = new Worker(
      `const { renameSync } = require('node:fs');
       const { workerData: [a, b, doc] } = require('node:worker_threads');
       renameSync(a, doc);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
       renameSync(b, doc);`,
      { eval: true, workerData: [...tmp, doc] },
    );
    await new Promise((resolve) => saver.once('exit', resolve));
    for (let i = 0; i < 1200 && !text().includes('(second of two)'); i++) await sleep(50);
    expect(text()).toContain('(second of two)');
    expect(read(join(root, 'out', 'html', `${RECORD_ID}.html`))).toContain('(second of two)');
    expect(builds.length).toBeGreaterThan(n);
  }, 120_000);

  it('sees an in-place write and a delete-and-create', async () => {
    let n = builds.length;
    writeFileSync(doc, original.replace(PHRASE, `${PHRASE} (in place)`));
    await buildAfter(n);
    expect(text()).toContain('(in place)');

    n = builds.length;
    unlinkSync(doc);
    await sleep(300); // long enough that the watcher reports a removal, not a rename
    writeFileSync(doc, original.replace(PHRASE, `${PHRASE} (recreated)`));
    for (let i = 0; i < 1200 && !text().includes('(recreated)'); i++) await sleep(50);
    expect(text()).toContain('(recreated)');
    expect(builds.length).toBeGreaterThan(n);
  }, 120_000);

  it('ignores editors’ scratch files beside the documents', async () => {
    await settle();
    const n = builds.length;
    for (const name of [
      `.${RECORD_ID}.xml.swp`,
      `${RECORD_ID}.xml~`,
      '4913',
      `#${RECORD_ID}.xml#`,
      'sedAbC123',
      `.${RECORD_ID}.xml.tmp`,
      'notes.txt',
    ]) {
      writeFileSync(join(root, 'tei', name), 'scratch');
      unlinkSync(join(root, 'tei', name));
    }
    await noBuildAfter(n);
  }, 30_000);

  it('sees a new document and a changed register', async () => {
    let n = builds.length;
    const id = 'golden-record-excerpt';
    writeFileSync(
      join(root, 'tei', `${id}.xml`),
      readFileSync(join(repoRoot, 'test', 'fixtures', id, 'tei', `${id}.xml`)),
    );
    const b = await buildAfter(n);
    expect(b.build.docs.flatMap((d) => d.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    expect(read(join(root, 'out', 'html', `${id}.html`))).toContain('<h1');

    n = builds.length;
    const persons = join(root, 'tei', 'register', 'persons.xml');
    const register = readFileSync(persons, 'utf8');
    expect(register).toContain('Vance, Cyrus Roberts');
    SAVES['sed']!(persons, register.replace('Vance, Cyrus Roberts', 'Vance-Watched, Cyrus Roberts'), 99);
    await buildAfter(n);
    expect(readFileSync(join(root, 'out', 'html', 'persons.html'), 'utf8')).toContain('Vance-Watched');
  }, 180_000);

  it('sees a change to the stylesheets’ assets', async () => {
    const n = builds.length;
    const css = join(packageDir, 'xslt', 'html', 'assets', 'edition.css');
    SAVES['safeSave']!(css, readFileSync(css, 'utf8') + '\n/* watched */\n', 1);
    await buildAfter(n);
    expect(readFileSync(join(root, 'out', 'html', 'assets', 'edition.css'), 'utf8')).toContain('/* watched */');
  }, 300_000);
});

describe('what counts as a save', () => {
  const tei = '/e/tei';
  const xslt = '/p/xslt';
  it.each([
    ['/e/tei/a.xml', 'document'],
    ['/e/tei/register/persons.xml', 'document'],
    ['/e/tei/letters', 'document'],
    ['/e/tei/schema/tei-project.rng', 'schema'],
    ['/e/tei/schema/tei-project.sch', 'schema'],
    ['/p/xslt/html/html.xsl', 'stylesheet'],
    ['/p/xslt/html/assets/edition.css', 'stylesheet'],
    ['/e/tei/images/plate-1.png', 'document'],
    ['/e/tei/images/Plate 2.JPG', 'document'],
    ['/e/tei/notes.txt', 'none'],
    ['/e/tei/.a.xml.swp', 'none'],
    ['/e/tei/a.xml~', 'none'],
    ['/e/tei/.#a.xml', 'none'],
    ['/e/tei/#a.xml#', 'none'],
    ['/e/tei/4913', 'none'],
    ['/e/tei/sedX1b2c3', 'none'],
    ['/e/out/html/a.html', 'none'],
  ] as const)('%s is %s', (path, kind) => {
    expect(changeKind(path, tei, xslt)).toBe(kind);
  });
  it('does not take a document for a scratch file', () => {
    expect(isScratchFile('/e/tei/sed-letters.xml')).toBe(false);
    expect(isScratchFile('/e/tei/dobrynin-vance-1977-02-26.xml')).toBe(false);
  });
});
