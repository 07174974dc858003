import type { SourceDocument } from '../../core/document.js';
import { documentPool } from '../../transform/render.js';
import type { SaxonDocument } from '../../transform/saxon.js';
import type { WarmTools } from '../warm-tools.js';

/**
 * The registers parsed for saxon-js, made once per build and only when something is rendered in this
 * thread: doc() on a register's URI then reads no file.
 */
export class SaxonPool {
  private registers: Promise<Record<string, SaxonDocument>> | undefined;

  constructor(
    private readonly tools: WarmTools,
    readonly registerDocs: readonly SourceDocument[],
    private readonly hashes: ReadonlyMap<string, string>,
  ) {}

  /** The document for saxon-js (WarmTools.parse: from its tree when it has one, from memory when made before). */
  async ensureParsed(doc: SourceDocument): Promise<void> {
    doc.saxonDoc ??= await this.tools.parse(doc, this.hashes.get(doc.file)!);
  }

  withRegisters(): Promise<Record<string, SaxonDocument>> {
    return (this.registers ??= Promise.all(this.registerDocs.map((d) => this.ensureParsed(d))).then(() =>
      documentPool(this.registerDocs),
    ));
  }
}
