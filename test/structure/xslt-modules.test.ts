import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

// Stylesheets follow the layout of the TypeScript: a format's folder (xslt/html, text, cite, deposit)
// includes its own modules and xslt/common, never another format's; common includes only common.
describe('stylesheet modules', () => {
  it('every xsl:include and xsl:import stays in its own folder or goes to xslt/common', () => {
    const xslt = join(repoRoot, 'xslt');
    const crossings: string[] = [];
    let count = 0;
    for (const folder of readdirSync(xslt, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)) {
      for (const file of readdirSync(join(xslt, folder)).filter((f) => f.endsWith('.xsl'))) {
        for (const m of readFileSync(join(xslt, folder, file), 'utf8').matchAll(
          /<xsl:(?:include|import)\s+href="([^"]+)"/g,
        )) {
          count++;
          const target = posix.normalize(posix.join(folder, m[1]!)).split('/')[0];
          if (target !== folder && target !== 'common') crossings.push(`${folder}/${file} -> ${m[1]}`);
        }
      }
    }
    expect(count).toBeGreaterThan(20);
    expect(crossings).toEqual([]);
  });
});
