/**
 * A worker thread that holds libxml2 (libxml2-wasm) and the RELAX NG grammars it has compiled.
 * Compiling tei_all.rng costs seconds, so each grammar is compiled once per process and kept; then
 * every document is validated on its own, so its diagnostics never depend on the other files of a run.
 * Running off the main thread lets Schematron and the rules work while a grammar compiles.
 */
import { parentPort } from 'node:worker_threads';
import { ParseOption, RelaxNGValidator, XmlDocument, XmlLibError } from 'libxml2-wasm';

export type Libxml2Request =
  { kind: 'compile'; key: string; text: string } | { kind: 'validate'; id: number; key: string; text: string };

export interface Libxml2Detail {
  message: string;
  line: number;
  /** libxml2's path to the node: "/*\/*[2]/tei:x[1]". */
  xpath: string;
}

export type Libxml2Reply =
  | { kind: 'compiled'; key: string; error?: string }
  | { kind: 'validated'; id: number; details: Libxml2Detail[]; error?: string };

// Internal entities expanded (the parse layer has already bounded them), nothing external ever loaded.
const OPTIONS =
  ParseOption.XML_PARSE_NOENT |
  ParseOption.XML_PARSE_NO_XXE |
  ParseOption.XML_PARSE_NONET |
  ParseOption.XML_PARSE_NOWARNING |
  ParseOption.XML_PARSE_NOERROR;

const validators = new Map<string, RelaxNGValidator>();

function compile(key: string, text: string): Libxml2Reply {
  if (validators.has(key)) return { kind: 'compiled', key };
  try {
    const rng = XmlDocument.fromString(text, { option: OPTIONS });
    try {
      validators.set(key, RelaxNGValidator.fromDoc(rng));
    } finally {
      rng.dispose();
    }
    return { kind: 'compiled', key };
  } catch (e) {
    return { kind: 'compiled', key, error: describe(e) };
  }
}

function validate(id: number, key: string, text: string): Libxml2Reply {
  const validator = validators.get(key);
  if (!validator) return { kind: 'validated', id, details: [], error: 'grammar not compiled' };
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(text, { option: OPTIONS });
  } catch (e) {
    return { kind: 'validated', id, details: [], error: describe(e) };
  }
  try {
    validator.validate(doc);
    return { kind: 'validated', id, details: [] };
  } catch (e) {
    if (!(e instanceof XmlLibError)) return { kind: 'validated', id, details: [], error: describe(e) };
    return {
      kind: 'validated',
      id,
      details: e.details.map((d) => ({ message: d.message.trim(), line: d.line, xpath: d.xpath ?? '' })),
    };
  } finally {
    doc.dispose();
  }
}

function describe(e: unknown): string {
  if (e instanceof XmlLibError && e.details.length > 0)
    return e.details
      .map((d) => `${d.line}: ${d.message.trim()}`)
      .slice(0, 3)
      .join('; ');
  return e instanceof Error ? e.message : String(e);
}

parentPort!.on('message', (req: Libxml2Request) => {
  parentPort!.postMessage(req.kind === 'compile' ? compile(req.key, req.text) : validate(req.id, req.key, req.text));
});
