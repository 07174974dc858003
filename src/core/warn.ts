/**
 * Warnings about the run itself (not about documents): a cache that cannot be written, for one.
 * They never fail a run. The CLI prints them on stderr; tests listen with onWarning.
 */
type Listener = (message: string) => void;

const print: Listener = (message) => process.stderr.write(`tei-pipeline: warning: ${message}\n`);
let listener: Listener = print;

export function warn(message: string): void {
  listener(message);
}

let base = (): string => process.cwd();

/**
 * The folder paths in warnings are said relative to: the folder the command runs in, which the CLI
 * sets (src/cli/main.ts), since a command run in-process (tests, an editor's host) has its own.
 */
export function warningBase(): string {
  return base();
}

export function setWarningBase(folder: () => string): void {
  base = folder;
}

/** Send warnings to `l` until the returned function is called. */
export function onWarning(l: Listener): () => void {
  listener = l;
  return () => {
    listener = print;
  };
}
