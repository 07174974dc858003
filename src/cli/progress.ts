import { relative, sep } from 'node:path';
import type { CompileEvent } from '../transform/compile-stylesheet.js';
import { cliContext } from './context.js';

export interface BuildProgress {
  compile(e: CompileEvent): void;
  validating(files: number): void;
  rendering(done: number, total: number): void;
}

interface Terminal {
  isTTY?: boolean;
  write(s: string): unknown;
}

/**
 * What a build is doing, as it does it, for a person at a terminal: stylesheets compiling (a first
 * build spends a minute there), files validating, documents rendering. Nothing when stderr is not a
 * terminal, in CI, or with --quiet: logs and pipes get the summary only.
 */
export function buildProgress(
  stream: Terminal,
  options: { quiet: boolean; packageDir: string; env?: NodeJS.ProcessEnv },
): BuildProgress | undefined {
  const env = options.env ?? cliContext().env;
  if (options.quiet || !stream.isTTY || env['CI']) return undefined;
  const name = (file: string) => {
    const rel = relative(options.packageDir, file);
    return rel.startsWith('..') ? 'the Schematron rules' : rel.split(sep).join('/');
  };
  let running = 0;
  let compiled = 0;
  return {
    compile: (e) => {
      if (e.phase === 'start') {
        running++;
        if (compiled === 0 && running === 1)
          stream.write('compiling stylesheets (once; later builds take them from .cache/)\n');
        stream.write(`  compiling ${name(e.stylesheet)}…\n`);
      } else {
        running--;
        compiled++;
        stream.write(
          `  compiled ${name(e.stylesheet)} in ${((e.ms ?? 0) / 1000).toFixed(1)} s (${compiled} done, ${running} still compiling)\n`,
        );
      }
    },
    validating: (files) => {
      if (files > 0) stream.write(`validating ${files} file(s)…\n`);
    },
    rendering: (done, total) => {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(
        `\rrendering [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
      );
    },
  };
}
