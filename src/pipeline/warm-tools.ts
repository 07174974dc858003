import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../core/project.js';
import { sha256, toolFingerprint } from '../core/fingerprint.js';
import { stylesheetHash } from '../transform/compile-stylesheet.js';
import {
  compileStylesheets,
  entryStylesheet,
  FORMATS,
  type CompiledStylesheets,
  type Format,
} from '../transform/stylesheets.js';
import { Validator, type ValidatorOptions } from '../validate/validator.js';
import type { SaxonDocument } from '../transform/saxon.js';
import { saxonDocumentFor } from '../transform/saxon-from-tree.js';
import type { SourceDocument } from '../core/document.js';

/**
 * What a run needs and may keep warm: the validator (schemas read, Schematron compiled) and the
 * compiled stylesheets, each made on first use only, so a build with nothing to do compiles nothing.
 * A watch process keeps one set of warm tools for its whole life.
 */
export class WarmTools {
  private validatorP: Promise<Validator> | undefined;
  private stylesheetsP: Promise<CompiledStylesheets> | undefined;
  // Hashes of the stylesheets and of the validation configuration: read once, not at every save.
  private hashesP: Promise<Record<Format, string>> | undefined;
  private configP: Promise<string> | undefined;
  /** Documents parsed for saxon-js, by content hash: a warm process never parses the same bytes twice. */
  private readonly parsed = new Map<string, Promise<SaxonDocument>>();
  /** Keep parsed documents between builds (watch); a one-shot build need not hold them. */
  keepParsed = false;

  constructor(
    readonly project: Project,
    readonly options: ValidatorOptions = {},
  ) {}

  validator(): Promise<Validator> {
    return (this.validatorP ??= Validator.create(this.project, this.options));
  }

  /**
   * Keep what the validator's RELAX NG engines learned, for the next process (Validator.keepLearned): after
   * the outputs are written, so that no page waits for it. Nothing when this run validated nothing.
   */
  async keepLearned(): Promise<void> {
    // A validator that could not be made has nothing to keep (the build reported why).
    await this.validatorP?.then(
      (v) => v.keepLearned(),
      () => undefined,
    );
  }

  stylesheets(): Promise<CompiledStylesheets> {
    return (this.stylesheetsP ??= compileStylesheets(this.project));
  }

  /** The document for saxon-js (saxonDocumentFor): from memory when the same bytes were made before. */
  parse(doc: SourceDocument, hash: string): Promise<SaxonDocument> {
    if (!this.keepParsed) return saxonDocumentFor(doc);
    const key = `${doc.path}\0${hash}`;
    let p = this.parsed.get(key);
    if (!p) {
      p = saxonDocumentFor(doc);
      this.parsed.set(key, p);
    }
    return p;
  }

  /** Forget parsed documents that are no longer current (watch, after each build). */
  keepOnly(current: ReadonlySet<string>): void {
    for (const key of this.parsed.keys()) if (!current.has(key)) this.parsed.delete(key);
  }

  /** Forget compiled stylesheets and schemas, and their hashes (watch: a stylesheet or schema file changed). */
  reset(): void {
    this.validatorP = undefined;
    this.stylesheetsP = undefined;
    this.hashesP = undefined;
    this.configP = undefined;
  }

  /** What validation depends on besides the document: tool, schemas, Schematron and its compiler. */
  validationConfig(): Promise<string> {
    return (this.configP ??= this.readValidationConfig());
  }

  private async readValidationConfig(): Promise<string> {
    const read = (f: string) => readFile(f).catch(() => Buffer.from('absent'));
    const parts: (string | Buffer)[] = [
      toolFingerprint(),
      JSON.stringify([this.project.rules, this.project.idEqualsFileName, this.project.isEdition]),
    ];
    for (const f of [...this.project.schemas, ...this.project.schematrons]) parts.push(Buffer.from(f), await read(f));
    parts.push(await read(join(this.project.packageDir, 'xslt', 'schematron', 'compile.xsl')));
    for (const extra of this.options.schemas ?? []) parts.push(await read(extra));
    return sha256(...parts);
  }

  /** Per format, a hash of its stylesheet and everything it imports. */
  stylesheetHashes(): Promise<Record<Format, string>> {
    return (this.hashesP ??= this.readStylesheetHashes());
  }

  private async readStylesheetHashes(): Promise<Record<Format, string>> {
    const hashes = await Promise.all(FORMATS.map((f) => stylesheetHash(entryStylesheet(this.project, f))));
    return Object.fromEntries(FORMATS.map((f, i) => [f, hashes[i]!])) as Record<Format, string>;
  }
}
