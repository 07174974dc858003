import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a run of the CLI writes, which folder it runs in and which environment it reads. */
export interface CliContext {
  cwd: string;
  stdout: Terminal;
  stderr: Terminal;
  env: NodeJS.ProcessEnv;
}

export interface Terminal {
  isTTY?: boolean;
  write(s: string): unknown;
}

// One context per run of main(), carried across its awaits: tests run the CLI in their own process,
// several runs one after another, without touching process.cwd(), process.env or the real streams.
const current = new AsyncLocalStorage<CliContext>();

/** The context of the running command; the process's own outside main(). */
export function cliContext(): CliContext {
  return current.getStore() ?? { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env };
}

export function runWithContext<T>(context: CliContext, run: () => Promise<T>): Promise<T> {
  return current.run(context, run);
}
