import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';

// What a run's RELAX NG engine learned is kept in the edition's cache (src/validate/relaxng-js/engine-state.ts).
describe("the RELAX NG engine's learned states, kept by the commands that validate", () => {
  const root = tempProject({}, { withRecord: true });
  const cache = mkdtempSync(join(tmpdir(), 'tei-learned-'));
  const env = { TEI_PIPELINE_CACHE: cache };
  const learned = () =>
    readdirSync(join(cache, 'schema'))
      .filter((f) => f.startsWith('rng-learned@'))
      .map((f) => join(cache, 'schema', f));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('a build keeps them; a later run over the same documents has nothing to add', async () => {
    expect((await runCli(root, ['build', '--quiet'], env)).code).toBe(0);
    const [state] = learned();
    expect(learned()).toHaveLength(1);
    const written = statSync(state!).mtimeMs;
    expect((await runCli(root, ['validate', '--quiet'], env)).code).toBe(0);
    expect((await runCli(root, ['check', '--quiet'], env)).code).toBe(0);
    expect(statSync(state!).mtimeMs).toBe(written);
  });
});
