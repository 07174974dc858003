import { buildEdition, type EditionBuild } from '../../src/pipeline/build.js';
import { openProject } from '../../src/core/project.js';
import { WarmTools } from '../../src/pipeline/warm-tools.js';
import { repoRoot } from './cli.js';

let built: Promise<EditionBuild> | undefined;

/** The repository's own edition, validated and rendered in memory once per test file. */
export function repoEdition(): Promise<EditionBuild> {
  built ??= (async () => {
    const project = openProject(repoRoot);
    return buildEdition(project, new WarmTools(project), { force: true });
  })();
  return built;
}

export const RECORD_ID = 'dobrynin-vance-1977-02-26';

export async function output(path: string): Promise<string> {
  const content = (await repoEdition()).outputs.get(path);
  if (typeof content !== 'string') throw new Error(`the build produced no ${path} as text`);
  return content;
}
