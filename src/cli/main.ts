import { describeIoFailure } from '../core/io-failure.js';
import { helpText } from './help.js';
import { parseOptions, type CliOptions } from './options.js';
import { USAGE, UsageError } from './usage.js';
import { toolVersion } from './version.js';
import { cliContext, runWithContext, type CliContext } from './context.js';
import { setWarningBase } from '../core/warn.js';

// A warning's paths are relative to the folder the command runs in, in-process as in its own process.
setWarningBase(() => cliContext().cwd);

/**
 * Each command's module is imported when that command runs: `validate` then never loads the build,
 * deposit and watch code (70 modules: the zip writer, the file watcher), which a one-file check would
 * wait for at every start.
 */
const COMMANDS: Record<string, (o: CliOptions) => Promise<number>> = {
  validate: async (o) => (await import('./commands/validate.js')).validateCommand(o),
  build: async (o) => (await import('./commands/build.js')).buildCommand(o),
  check: async (o) => (await import('./commands/check.js')).checkCommand(o),
  deposit: async (o) => (await import('./commands/deposit.js')).depositCommand(o),
  watch: async (o) => (await import('./commands/watch.js')).watchCommand(o),
  init: async (o) => (await import('./commands/init.js')).initCommand(o),
  new: async (o) => (await import('./commands/new.js')).newCommand(o),
};

/**
 * Whether a command line's run paces the heap (core/heap-growth.ts): the commands that render do, whose heap
 * is mostly garbage for minutes. `validate` holds one group of documents at a time and ends: paced, it only
 * collected more often (`validate --schema tei_all.rng` on ../shared/corpus, ten alternating runs: median
 * 0.73 s paced against 0.70 s not).
 */
export function pacesHeap(argv: readonly string[]): boolean {
  try {
    return parseOptions(argv).command !== 'validate';
  } catch {
    return true;
  }
}

/**
 * Entry point: returns the exit code. Bad input in documents is reported as diagnostics (exit 1);
 * a usage error or an internal failure prints one line, never a stack trace (exit 2). `context`
 * replaces the working directory, the streams and the environment for this run (tests run in-process).
 */
export async function main(argv: readonly string[], context?: Partial<CliContext>): Promise<number> {
  if (context) return runWithContext({ ...cliContext(), ...context }, () => main(argv));
  const io = cliContext();
  try {
    const options = parseOptions(argv);
    if (options.version) {
      io.stdout.write(toolVersion() + '\n');
      return 0;
    }
    // `help`, `help COMMAND` and `COMMAND --help` print to stdout and succeed.
    if (options.command === 'help' || options.help) {
      io.stdout.write(helpText(options.command === 'help' ? options.paths[0] : options.command || undefined) + '\n');
      return 0;
    }
    if (!options.command) {
      io.stderr.write(USAGE + '\n');
      return 2;
    }
    const run = COMMANDS[options.command];
    if (!run)
      throw new UsageError(
        `Unexpected command "${options.command}", expected one of ${Object.keys(COMMANDS).join(', ')}`,
      );
    return await run(options);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof UsageError)
      io.stderr.write(`tei-pipeline: ${err.message}\n${'Run tei-pipeline --help for usage.'}\n`);
    else if (err.code === 'ENOENT' && err.path && ['open', 'read', 'scandir', 'stat'].includes(err.syscall ?? ''))
      io.stderr.write(`tei-pipeline: cannot read ${err.path}: no such file\n`);
    // A disk that is full or a folder that cannot be written: the output named, the cause in words.
    else if (describeIoFailure(e, io.cwd)) io.stderr.write(`tei-pipeline: ${describeIoFailure(e, io.cwd)}\n`);
    else io.stderr.write(`tei-pipeline: internal error: ${err.message ?? String(e)}\n`);
    if (io.env['TEI_PIPELINE_DEBUG']) io.stderr.write(String(err.stack) + '\n');
    return 2;
  }
}
