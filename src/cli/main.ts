import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { depositCommand } from './commands/deposit.js';
import { initCommand } from './commands/init.js';
import { newCommand } from './commands/new.js';
import { validateCommand } from './commands/validate.js';
import { watchCommand } from './commands/watch.js';
import { parseOptions, type CliOptions } from './options.js';
import { USAGE, UsageError } from './usage.js';
import { toolVersion } from './version.js';

const COMMANDS: Record<string, (o: CliOptions) => Promise<number>> = {
  validate: validateCommand,
  build: buildCommand,
  check: checkCommand,
  deposit: depositCommand,
  watch: watchCommand,
  init: initCommand,
  new: newCommand,
};

/**
 * Entry point: returns the exit code. Bad input in documents is reported as diagnostics (exit 1);
 * a usage error or an internal failure prints one line, never a stack trace (exit 2).
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options.version) {
      process.stdout.write(toolVersion() + '\n');
      return 0;
    }
    if (options.help || !options.command) {
      (options.help ? process.stdout : process.stderr).write(USAGE + '\n');
      return options.help ? 0 : 2;
    }
    const run = COMMANDS[options.command];
    if (!run) throw new UsageError(`Unexpected command "${options.command}", expected one of ${Object.keys(COMMANDS).join(', ')}`);
    return await run(options);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof UsageError) process.stderr.write(`tei-pipeline: ${err.message}\n${'Run tei-pipeline --help for usage.'}\n`);
    else if (err.code === 'ENOENT' && err.path) process.stderr.write(`tei-pipeline: cannot read ${err.path}: no such file\n`);
    else process.stderr.write(`tei-pipeline: internal error: ${err.message ?? String(e)}\n`);
    if (process.env['TEI_PIPELINE_DEBUG']) process.stderr.write(String(err.stack) + '\n');
    return 2;
  }
}
