import type { Outputs } from '../../transform/render.js';

/**
 * Where rendered outputs go as they come: to a sink (build writes each document's outputs at once, so a
 * large edition is never held in memory whole) or kept in memory for the caller (check, deposit).
 */
export class OutputCollector {
  /** Everything kept, when there is no sink. */
  readonly kept: Outputs = new Map();
  /** The path of every output produced this run, whether sunk or kept. */
  readonly produced: string[] = [];

  constructor(private readonly sink?: (outputs: Outputs) => Promise<void>) {}

  /** Whether outputs are kept for the caller (check, deposit), rather than handed to a sink. */
  get inMemory(): boolean {
    return this.sink === undefined;
  }

  async add(outputs: Outputs): Promise<void> {
    for (const path of outputs.keys()) this.produced.push(path);
    if (this.sink) await this.sink(outputs);
    else for (const [path, content] of outputs) this.kept.set(path, content);
  }
}

/** A cache record of outputs just produced; their stamps are filled in once they are on disk. */
export function unstamped(paths: Iterable<string>): Record<string, { size: number; mtimeMs: number }> {
  const files: Record<string, { size: number; mtimeMs: number }> = {};
  for (const path of paths) files[path] = { size: -1, mtimeMs: -1 };
  return files;
}
