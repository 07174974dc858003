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

/** Send warnings to `l` until the returned function is called. */
export function onWarning(l: Listener): () => void {
  listener = l;
  return () => {
    listener = print;
  };
}
