import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, expectNoCrash, repoRoot, tempProject } from '../support/cli.js';

/**
 * Golden files: test/fixtures/golden-<case>/tei/<id>.xml is built with the edition's registers, and
 * each of its outputs is compared with test/fixtures/golden-<case>/expected/<format>/… .
 * Expected files change only through `npm run golden:update` (UPDATE_GOLDEN=1), whose diff a person
 * reads before committing.
 */
const fixtures = join(repoRoot, 'test', 'fixtures');
const cases = readdirSync(fixtures).filter((d) => d.startsWith('golden-'));
const update = process.env['UPDATE_GOLDEN'] === '1';

// Line endings and trailing spaces are not what a golden file is about.
const normalise = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n*$/, '\n');

describe('golden files', () => {
  it('there is at least one case', () => expect(cases.length).toBeGreaterThan(0));

  for (const name of cases) {
    const dir = join(fixtures, name);
    const id = readdirSync(join(dir, 'tei'))
      .find((f) => f.endsWith('.xml'))!
      .replace(/\.xml$/, '');

    it(`${name.replace(/^golden-/, '').replace(/-/g, ' ')}: every format matches its expected output`, async () => {
      const root = tempProject({ [`tei/${id}.xml`]: readFileSync(join(dir, 'tei', `${id}.xml`)) });
      const r = await runCli(root, ['build', '--quiet']);
      expectNoCrash(r);
      expect(r.code, r.stderr).toBe(0);
      const produced = readdirSync(join(root, 'out'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.startsWith(`${id}.`))
        .map((e) => join(e.parentPath, e.name).slice(join(root, 'out').length + 1))
        .sort();
      expect(produced.length).toBeGreaterThanOrEqual(7);
      for (const file of produced) {
        const actual = normalise(readFileSync(join(root, 'out', file), 'utf8'));
        const expectedPath = join(dir, 'expected', file);
        if (update) {
          mkdirSync(dirname(expectedPath), { recursive: true });
          writeFileSync(expectedPath, actual);
          continue;
        }
        expect(
          existsSync(expectedPath),
          `${expectedPath} is missing: run npm run golden:update and review the diff`,
        ).toBe(true);
        expect(actual, file).toBe(normalise(readFileSync(expectedPath, 'utf8')));
      }
      const expected = readdirSync(join(dir, 'expected'), { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      ).length;
      expect(expected, 'expected files without a matching output').toBe(produced.length);
    });
  }
});
