import { gatedFileExists, gatedIsFile, readGatedFileSync } from '../core/read-gate.js';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { SourceDocument } from '../core/document.js';
import { sha256 } from '../core/fingerprint.js';
import type { XmlTree } from '../core/xml-tree.js';
import { projectPath, type Project, type RuleSetting } from '../core/project.js';
import { createProjectIndex, type ProjectIndex } from '../tei/project-index.js';
import { rules, runRules } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { referenceCoverage } from '../tei/name-coverage.js';
import type { Sef } from '../transform/compile-stylesheet.js';
import { saxonDocumentFromTree } from '../transform/saxon-from-tree.js';
import { decode, reportDecodeProblems } from './decode.js';
import { parseXml } from './parse-xml.js';
import {
  keepLearned,
  relaxNgEngine,
  relaxNgSchema,
  validateRelaxNg,
  type RelaxNgEngine,
  type RelaxNgSchema,
} from './relaxng.js';
import { checkRoot } from './root.js';
import { compileSchematron, reportFindings, runSchematron } from './schematron.js';
import { embeddedSchematron } from './embedded-schematron.js';
import { SchemaCache } from './schema-cache.js';

/** How much text (UTF-16 code units) `validate` with schemas alone checks at once. */
const GROUP_CHARACTERS = 4 << 20;

/** Rules that need no edition (no registers, no configuration): what `validate FILES` runs anywhere. */
function genericRuleList(): readonly Rule[] {
  return rules.filter((r) => r.id !== 'tei/names-have-refs');
}

export function genericRules(): string[] {
  return genericRuleList().map((r) => r.id);
}

/**
 * The configuration's "rules": "off" drops a rule's diagnostics, a severity replaces its own (as
 * ESLint does). tei/file-named-by-id also follows "idEqualsFileName".
 */
function applyRuleSettings(doc: SourceDocument, project: Project): void {
  const settings: Record<string, RuleSetting> = { ...project.rules };
  if (!project.idEqualsFileName) settings['tei/file-named-by-id'] ??= 'off';
  if (Object.keys(settings).length === 0) return;
  const kept = doc.diagnostics.filter((d) => settings[d.ruleId] !== 'off');
  for (const d of kept) {
    const s = settings[d.ruleId];
    if (s && s !== 'off') d.severity = s;
  }
  doc.diagnostics.splice(0, doc.diagnostics.length, ...kept);
}

/**
 * One fault, one diagnostic: a duplicate xml:id is the schema's finding (type ID, as jing reports it) and
 * tei/id-unique's, which also names the first use. Where the rule reports a value, the schema's findings
 * for that value go; with the rule off, or a schema alone, the schema's stay.
 */
function dropSchemaDuplicateIds(doc: SourceDocument): void {
  const flagged = doc.diagnostics
    .filter((d) => d.ruleId === 'tei/id-unique')
    .map((d) => /"([^"]*)"/.exec(d.message)?.[1]);
  if (flagged.length === 0) return;
  const kept = doc.diagnostics.filter(
    (d) =>
      !(d.source === 'schema' && flagged.some((v) => v !== undefined && d.message.startsWith(`Unexpected ID "${v}"`))),
  );
  doc.diagnostics.splice(0, doc.diagnostics.length, ...kept);
}

/** Read a file and take it through the layers that need no other file: bytes, XML, root. */
export async function loadDocument(project: Project, absolute: string): Promise<SourceDocument> {
  try {
    return documentFromBytes(project, absolute, await readFile(absolute));
  } catch (e) {
    return unreadable(project, absolute, e);
  }
}

function unreadable(project: Project, absolute: string, e: unknown): SourceDocument {
  const doc = new SourceDocument(absolute, projectPath(project, absolute), '');
  const code = (e as NodeJS.ErrnoException).code;
  doc.report(
    { line: 1, column: 1 },
    'error',
    'xml',
    'io/unreadable',
    `Unexpected read failure (${code ?? 'error'}), expected a readable file`,
  );
  return doc;
}

/** Take bytes already read through the layers that need no other file (decode, XML, root). */
export function documentFromBytes(
  project: Project,
  absolute: string,
  bytes: Uint8Array,
  edition = true,
): SourceDocument {
  const file = projectPath(project, absolute);
  const decoded = decode(bytes);
  const doc = new SourceDocument(absolute, file, decoded.text);
  reportDecodeProblems(doc, decoded);
  if (decoded.problems.some((p) => p.fatal)) return doc;
  const tree = parseXml(doc);
  // The edition's own policy (TEI root, file named by its id) only for the edition's checks.
  if (tree && (!edition || checkRoot(doc, tree))) doc.tree = tree;
  return doc;
}

export interface ValidatorOptions {
  /**
   * RELAX NG schemas that replace the project's for this run (--schema, repeatable). Given alone
   * (`schemaAlone`), only well-formedness and these schemas are checked: what jing checks.
   */
  schemas?: readonly string[];
  schemaAlone?: boolean;
  /** Run the Schematron a schema carries (default true); off for measuring the RELAX NG layer alone. */
  embeddedSchematron?: boolean;
  /** The RELAX NG engine (default: TEI_PIPELINE_RELAXNG, else the default engine): for comparing them. */
  relaxNgEngine?: RelaxNgEngine;
}

/** The RELAX NG schemas of a run: those given with --schema, else the project's own. */
export function schemaFiles(project: Project, given: readonly string[] = []): string[] {
  return given.length > 0 ? given.map((s) => resolve(project.root, s)) : [...project.schemas];
}

/** How many files each schema accepted in a run, for the summary ("tei_all: 17 valid, 3 invalid"). */
export interface SchemaVerdict {
  schema: string;
  valid: number;
  invalid: number;
}

/**
 * The validation engine. Create it once (schemas read, Schematron compiled) and call validate()
 * as often as needed: a watch process keeps it warm.
 */
export class Validator {
  /** Per schema, how many files of the last validate() it accepted and refused. */
  verdicts: SchemaVerdict[] = [];
  /** Files rules read beside the run (registers), by path, with the hash of the bytes parsed: a watch parses each once. */
  private readonly readTrees = new Map<string, { hash: string; tree: XmlTree | null }>();

  private constructor(
    readonly project: Project,
    private readonly schemas: RelaxNgSchema[],
    private readonly schematrons: Sef[],
    /** Only well-formedness and the schemas (--schema given to validate): no edition policy, Schematron or rules. */
    readonly alone: boolean,
  ) {}

  static async create(project: Project, options: ValidatorOptions = {}): Promise<Validator> {
    const alone = (options.schemaAlone ?? false) && (options.schemas ?? []).length > 0;
    // What is derived from a schema's text is kept in the edition's cache; outside an edition, nowhere.
    const cacheDir = project.isEdition ? project.cacheDir : null;
    const cache = new SchemaCache(cacheDir);
    // With libxml2, each grammar starts compiling in its worker as soon as it is read.
    const schemas = await Promise.all(
      schemaFiles(project, options.schemas).map(async (f) =>
        relaxNgSchema(f, await readFile(f, 'utf8'), options.relaxNgEngine ?? relaxNgEngine(), cache),
      ),
    );
    const compiler = join(project.packageDir, 'xslt', 'schematron', 'compile.xsl');
    // A grammar's own Schematron runs with it, as oXygen and the TEI's tools run it.
    if (options.embeddedSchematron !== false)
      for (const schema of schemas) schema.schematron = embeddedSchematron(schema.text, cache);
    const schematrons: Sef[] = [];
    for (const sch of alone ? [] : project.schematrons) {
      const sef = await readFile(sch).then(
        () => compileSchematron(sch, compiler, project.cacheDir),
        () => null,
      );
      if (sef) schematrons.push(sef);
    }
    return new Validator(project, schemas, schematrons, alone);
  }

  /** Read and parse a file as this validator's layers need it. */
  load(absolute: string): Promise<SourceDocument> {
    if (!this.alone) return loadDocument(this.project, absolute);
    return readFile(absolute).then(
      (bytes) => documentFromBytes(this.project, absolute, bytes, false),
      (e) => unreadable(this.project, absolute, e),
    );
  }

  /**
   * Validate files (absolute paths); returns one document per file, each carrying its diagnostics.
   * With schemas alone (what jing checks) no layer reads another file, so the files go in groups of
   * at most GROUP_CHARACTERS of text, and each group's parses are let go once it is checked: memory
   * holds one group's trees, not the whole run's (our tree of F-rom.xml, 480 KB, is 5.5 MB), however
   * many files a CI job names, while a grammar's Schematron still runs on many documents at once.
   */
  async validate(files: readonly string[]): Promise<SourceDocument[]> {
    if (!this.alone) return this.validateDocuments(await Promise.all(files.map((f) => this.load(f))));
    const docs: SourceDocument[] = [];
    const valid = this.schemas.map(() => 0);
    let group: SourceDocument[] = [];
    let characters = 0;
    const checkGroup = async () => {
      const accepted = await this.check(group);
      accepted.forEach((a, s) => (valid[s]! += a.size));
      for (const doc of group) {
        doc.tree = null;
        doc.saxonDoc = null;
      }
      group = [];
      characters = 0;
    };
    let next = files.length > 0 ? this.load(files[0]!) : null;
    for (let i = 0; next !== null; i++) {
      const doc = await next;
      // The next file is read while this one waits for its group.
      next = i + 1 < files.length ? this.load(files[i + 1]!) : null;
      docs.push(doc);
      group.push(doc);
      characters += doc.text.length;
      if (characters >= GROUP_CHARACTERS) await checkGroup();
    }
    if (group.length > 0) await checkGroup();
    this.verdicts = this.schemas.map((schema, s) => ({
      schema: schema.label,
      valid: valid[s]!,
      invalid: docs.length - valid[s]!,
    }));
    return docs;
  }

  /** Keep what the RELAX NG engines learned in this run for the next one (relaxng.ts keepLearned). */
  keepLearned(): void {
    for (const schema of this.schemas) keepLearned(schema);
  }

  /** Validate documents already read (documentFromBytes): the schema, Schematron and rule layers. */
  async validateDocuments(docs: SourceDocument[]): Promise<SourceDocument[]> {
    const accepted = await this.check(docs);
    this.verdicts = this.schemas.map((schema, i) => {
      const valid = docs.filter((d) => accepted[i]!.has(d.file)).length;
      return { schema: schema.label, valid, invalid: docs.length - valid };
    });
    return docs;
  }

  /** The layers on these documents; per schema, the files it accepted. */
  private async check(docs: SourceDocument[]): Promise<Set<string>[]> {
    const parsed = docs.filter((d) => d.tree);
    // RELAX NG in a worker thread works while this thread runs Schematron and rules; on this thread it runs now.
    const relaxng = Promise.all(this.schemas.map((schema) => validateRelaxNg(parsed, schema)));
    const index = this.projectIndex(docs);
    const embedded = this.schemas.filter((s) => s.schematron);
    if (!this.alone || embedded.length > 0)
      for (const doc of parsed) doc.saxonDoc ??= saxonDocumentFromTree(doc.tree!, doc.path);
    // A grammar's Schematron runs on the documents together: one query for them all (runAll).
    for (const s of embedded) {
      const found = s.schematron!.runAll(parsed.map((d) => d.saxonDoc));
      parsed.forEach((doc, i) => reportFindings(doc, found[i]!, () => `schematron/${s.label}`));
    }
    for (const doc of parsed) {
      if (this.alone) break;
      for (const sef of this.schematrons) runSchematron(doc, doc.saxonDoc, sef);
      runRules(doc, doc.tree!, index, this.project.isEdition ? rules : genericRuleList());
      doc.coverage = referenceCoverage(doc.tree!);
    }
    const accepted = await relaxng;
    for (const doc of docs) {
      applyRuleSettings(doc, this.project);
      dropSchemaDuplicateIds(doc);
    }
    return accepted;
  }

  /**
   * Ids of the files in this run, and of others (registers) read on demand, once per run. Only
   * .xml files inside the edition folder are ever read: a pointer cannot make the build read elsewhere.
   */
  private projectIndex(docs: readonly SourceDocument[]): ProjectIndex {
    const inRun = new Map(docs.map((d) => [d.file, d]));
    const teiRoot = join(this.project.root, this.project.teiDir) + sep;
    return createProjectIndex(
      this.project.teiDir,
      (file) => {
        const known = inRun.get(file);
        if (known) return known.tree;
        const absolute = resolve(this.project.root, file);
        if (!absolute.startsWith(teiRoot) || !absolute.endsWith('.xml') || !gatedFileExists(absolute)) return null;
        return this.treeOf(absolute);
      },
      (file) => {
        const absolute = resolve(this.project.root, file);
        return absolute.startsWith(teiRoot) && gatedIsFile(absolute);
      },
    );
  }

  /** A file read on demand (a register), parsed only when its bytes changed since this validator last read it. */
  private treeOf(absolute: string): XmlTree | null {
    let bytes: Uint8Array;
    try {
      bytes = readGatedFileSync(absolute);
    } catch {
      return null;
    }
    const hash = sha256(bytes);
    const known = this.readTrees.get(absolute);
    if (known?.hash === hash) return known.tree;
    const tree = documentFromBytes(this.project, absolute, bytes).tree;
    this.readTrees.set(absolute, { hash, tree });
    return tree;
  }
}
