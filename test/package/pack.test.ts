import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cwd: string, cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 300_000,
    maxBuffer: 64 << 20,
  });

/**
 * The lock of an empty project that depends on the packed tarball only: the tarball's runtime
 * dependencies at the versions of this repository's lock, each with its registry URL and integrity,
 * so `npm ci --offline` takes them from the npm cache this machine filled when it installed the
 * repository (no network).
 */
function offlineLock(tarball: string): object {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<
      string,
      { dev?: boolean; devOptional?: boolean; link?: boolean; version?: string; resolved?: string }
    >;
  };
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    dependencies: object;
    bin: object;
    engines: object;
  };
  const packages: Record<string, object> = {
    '': { name: 'packed-edition', dependencies: { 'tei-pipeline': `file:${tarball}` } },
    'node_modules/tei-pipeline': {
      version: pkg.version,
      resolved: `file:${tarball}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.dev || entry.devOptional || entry.link) continue;
    const name = key.replace(/^.*node_modules\//, '');
    packages[key] = {
      ...entry,
      resolved:
        entry.resolved ?? `https://registry.npmjs.org/${name}/-/${name.replace(/^@[^/]+\//, '')}-${entry.version}.tgz`,
    };
  }
  return { name: 'packed-edition', lockfileVersion: 3, requires: true, packages };
}

describe('the packed package', () => {
  it('installs from its tarball into an empty folder (offline), and init, build and check work there', (ctx) => {
    const work = mkdtempSync(join(tmpdir(), 'tei-pipeline-pack-'));
    const packed = run(repoRoot, npm, ['pack', '--pack-destination', work, '--json', '--ignore-scripts']);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(
      work,
      readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    // What the package needs at run time, and nothing of the repository's own edition or tests.
    for (const f of [
      'bin/tei-pipeline.js',
      'dist/cli/main.js',
      'dist/transform/render-worker.js',
      'xslt/html/html.xsl',
      'schemas/tei-pipeline.config.schema.json',
      'templates/documents/letter.xml',
      'tei/schema/tei-project.rng',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(
      files.filter(
        (f) => /^(test|out|src)\//.test(f) || f.startsWith('tei/register') || f === 'tei-pipeline.config.json',
      ),
    ).toEqual([]);

    const edition = join(work, 'edition');
    mkdirSync(edition);
    writeFileSync(
      join(edition, 'package.json'),
      JSON.stringify(
        { name: 'packed-edition', private: true, dependencies: { 'tei-pipeline': `file:${tarball}` } },
        null,
        2,
      ),
    );
    writeFileSync(join(edition, 'package-lock.json'), JSON.stringify(offlineLock(tarball), null, 2));
    const installed = run(edition, npm, ['ci', '--offline', '--no-audit', '--no-fund']);
    if (installed.status !== 0 && /ENOTCACHED/.test(installed.stderr)) {
      ctx.skip(
        `the npm cache lacks a dependency of the tarball, and there is no network: ${installed.stderr.split('\n')[1] ?? ''}`,
      );
    }
    expect(installed.status, installed.stderr).toBe(0);

    // The installed CLI, run from the edition: nothing may come from the repository or ../shared.
    const bin = join(edition, 'node_modules', '.bin', 'tei-pipeline');
    const env = { TEI_PIPELINE_CACHE: join(repoRoot, '.cache', 'tei-pipeline') };
    const init = run(edition, bin, ['init', '.'], env);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('kept ./package.json (it exists already)');
    const build = run(edition, bin, ['build'], env);
    expect(build.status, build.stderr + build.stdout).toBe(0);
    expect(existsSync(join(edition, 'out', 'html', 'sample-letter.html'))).toBe(true);
    const check = run(join(edition, 'tei'), bin, ['check'], env);
    expect(check.status, check.stderr).toBe(0);
    const version = run(edition, bin, ['--version']);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version,
    );
  }, 600_000);
});
