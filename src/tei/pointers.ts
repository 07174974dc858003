/**
 * How a TEI pointer (@ref, @target, …) names its target: shared by tei/ref-resolves, the build and the
 * stylesheets' tests, so all three agree on what "per:brezhnev" or "../register/persons.xml#x" means.
 * Pure: nothing here reads a file. Paths are project-relative with forward slashes ('tei/register/persons.xml').
 */
import { posix } from 'node:path';
import { TEI_NS, childElements, elements, isNCName, type XmlTree } from '../core/xml-tree.js';

/** Attributes whose values are pointers (teidata.pointer lists) in this edition. */
export const POINTER_ATTRIBUTES: ReadonlySet<string> = new Set(['ref', 'who', 'corresp', 'target', 'decls', 'sameAs', 'source']);

export interface PrefixDef {
  ident: string;
  matchPattern: string;
  replacementPattern: string;
}

export type PointerTarget =
  /**
   * A place in the project: `id` is null when the pointer names a whole file ("persons.xml"). A TEI
   * pointer scheme ("#range(a,b)") names `scheme` and every id it points through in `ids` (`id` is the
   * first); a scheme that names no id (xpath()) gives `ids: []`.
   */
  | { file: string; id: string | null; scheme?: string; ids?: string[] }
  /** An absolute URI (https:, mailto:, doi:, …): not a pointer into the project, so not checked. */
  | { external: string }
  /** Why the pointer cannot be followed; `what` names it when the pointer itself should not be echoed. */
  | { error: string; what?: string };

// Schemes that are URIs, not project pointers; anything else before a ':' must be a declared prefix.
const EXTERNAL_SCHEMES = new Set(['http', 'https', 'ftp', 'mailto', 'urn', 'doi', 'hdl', 'ark', 'info', 'tel', 'geo', 'tag', 'isbn', 'issn', 'news']);
// Schemes a reader's browser would execute or read locally if the build turned them into links.
const FORBIDDEN_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file']);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s;

/** The document's prefix declarations: teiHeader//listPrefixDef/prefixDef, in document order. */
export function prefixDefsOf(tree: XmlTree): PrefixDef[] {
  const header = childElements(tree.root, 'teiHeader').find((h) => h.ns === TEI_NS);
  if (!header) return [];
  const defs: PrefixDef[] = [];
  for (const el of elements(header, 'prefixDef')) {
    if (el.ns !== TEI_NS || el.parent?.local !== 'listPrefixDef') continue;
    const get = (name: string) => el.attributes.find((a) => a.name === name)?.value ?? '';
    defs.push({ ident: get('ident'), matchPattern: get('matchPattern'), replacementPattern: get('replacementPattern') });
  }
  return defs;
}

/**
 * Resolve one pointer (one item of a whitespace-separated list) made in `docFile`. Relative paths resolve
 * against the document's folder and must stay inside `teiDir`; prefixed pointers expand through `prefixDefs`
 * first (once: an expansion is not expanded again).
 */
export function resolvePointer(pointer: string, docFile: string, prefixDefs: readonly PrefixDef[], teiDir: string): PointerTarget {
  return resolve(pointer, docFile, prefixDefs, teiDir, true);
}

/**
 * Why a prefixDef's @replacementPattern could lead outside the edition, or undefined when it cannot. Each
 * group ($1…) is taken as a plain name: the pointers that use the prefix are checked with their real values.
 */
export function replacementPatternProblem(
  pattern: string,
  docFile: string,
  teiDir: string,
  exists: (file: string) => boolean,
): string | undefined {
  const sample = pattern.replace(/\\([\\$])|\$\d/g, (_all, escaped: string | undefined) => escaped ?? 'x');
  const target = resolve(sample, docFile, [], teiDir, false);
  if ('error' in target) return target.what === undefined ? target.error : `${target.what} ${target.error}`;
  // A fixed file must be one the edition holds; a link inside tei/ that leads out of it is not.
  const fixedFile = !/\$\d/.test(pattern.split('#')[0] ?? '');
  if ('file' in target && fixedFile && target.file !== docFile && !exists(target.file)) {
    return `no such file ${posix.relative(teiDir, target.file)} in the edition (or it is a link that leads out of it)`;
  }
  return undefined;
}

function resolve(pointer: string, docFile: string, prefixDefs: readonly PrefixDef[], teiDir: string, expandPrefixes: boolean): PointerTarget {
  const scheme = SCHEME.exec(pointer);
  if (scheme) {
    const [, name = '', rest = ''] = scheme;
    const lower = name.toLowerCase();
    if (FORBIDDEN_SCHEMES.has(lower)) return { what: `${lower}: URI`, error: 'not allowed in the edition' };
    const defs = expandPrefixes ? prefixDefs.filter((d) => d.ident === name) : [];
    if (defs.length > 0) {
      const expanded = expand(name, rest, defs);
      return typeof expanded === 'string' ? resolve(expanded, docFile, prefixDefs, teiDir, false) : expanded;
    }
    if (EXTERNAL_SCHEMES.has(lower)) return { external: pointer };
    return { error: `undeclared prefix "${name}", expected one declared in listPrefixDef or an absolute URI` };
  }
  return resolveRelative(pointer, docFile, teiDir);
}

function resolveRelative(pointer: string, docFile: string, teiDir: string): PointerTarget {
  const hash = pointer.indexOf('#');
  let filePart = hash === -1 ? pointer : pointer.slice(0, hash);
  let fragment = hash === -1 ? null : pointer.slice(hash + 1);
  try {
    filePart = decodeURIComponent(filePart);
    if (fragment !== null) fragment = decodeURIComponent(fragment);
  } catch {
    return { error: 'malformed %-escape' };
  }
  if (filePart.includes('\\')) return { error: 'backslash in the path, expected / between folders' };
  if (filePart.startsWith('/')) return { error: 'absolute path, expected a path relative to the document' };
  if (fragment === '') return { error: 'empty fragment after "#", expected an xml:id' };
  const scheme = fragment === null ? undefined : pointerScheme(fragment);
  if (fragment !== null && !scheme && !isNCName(fragment)) return { error: `fragment ${JSON.stringify(fragment)} is not an xml:id` };
  const file = filePart === '' ? docFile : posix.normalize(posix.join(posix.dirname(docFile), filePart));
  if (filePart !== '' && !isInside(file, teiDir)) return { error: `the path leads outside ${posix.normalize(teiDir)}/` };
  if (scheme) return { file, id: scheme.ids[0] ?? null, scheme: scheme.name, ids: scheme.ids };
  return { file, id: fragment };
}

// TEI P5 §16.2.4 pointer schemes, and XPointer's xpointer() and element() schemes.
const SCHEMES = /^(range|string-range|xpath|left|right|match|xpointer|element)\((.*)\)$/s;

/**
 * The ids a pointer-scheme fragment points through: range(a,b) both ends, string-range(a,o,l),
 * left(a), right(a), match(a,'s') their first argument, element(a/1/2) its leading id, xpointer()
 * and xpath() the ids named by id('…') in them. Undefined when the fragment is no scheme.
 */
export function pointerScheme(fragment: string): { name: string; ids: string[] } | undefined {
  const m = SCHEMES.exec(fragment);
  if (!m) return undefined;
  const name = m[1]!;
  const args = m[2]!;
  const idsIn = (s: string) => [...s.matchAll(/\bid\(\s*["']([^"']+)["']\s*\)/g)].map((x) => x[1]!).filter(isNCName);
  // An argument is a bare id, or itself a pointer such as "#a" or another scheme.
  const asId = (arg: string): string[] => {
    const a = arg.trim().replace(/^#/, '');
    if (isNCName(a)) return [a];
    return pointerScheme(a)?.ids ?? idsIn(a);
  };
  switch (name) {
    case 'range':
      return { name, ids: splitArgs(args).flatMap(asId) };
    case 'string-range':
    case 'left':
    case 'right':
    case 'match':
      return { name, ids: asId(splitArgs(args)[0] ?? '') };
    case 'element': {
      const first = args.split('/')[0] ?? '';
      return { name, ids: isNCName(first) ? [first] : [] };
    }
    default:
      return { name, ids: idsIn(args) };
  }
}

/** Arguments split at top-level commas (not inside parentheses or quotes). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function isInside(file: string, dir: string): boolean {
  const root = posix.normalize(dir).replace(/\/$/, '');
  if (posix.isAbsolute(file) !== posix.isAbsolute(root)) return false;
  if (root === '.') return file !== '..' && !file.startsWith('../');
  return file.startsWith(root + '/');
}

/** TEI: the first prefixDef whose matchPattern matches the whole rest of the pointer wins. */
function expand(prefix: string, rest: string, defs: readonly PrefixDef[]): string | { error: string } {
  for (const def of defs) {
    const pattern = compile(def.matchPattern);
    if (typeof pattern === 'string') return { error: `@matchPattern ${JSON.stringify(def.matchPattern)} of prefix "${prefix}" ${pattern}` };
    const m = pattern.exec(rest);
    if (!m) continue;
    // XPath replace(): $0…$9 are groups (unmatched ones are empty), \$ and \\ are literal.
    return def.replacementPattern.replace(/\\([\\$])|\$(\d)/g, (_all, escaped: string | undefined, group: string | undefined) =>
      escaped ?? m[Number(group)] ?? '',
    );
  }
  const patterns = defs.map((d) => JSON.stringify(d.matchPattern)).join(' or ');
  return { error: `${JSON.stringify(rest)} does not match @matchPattern ${patterns} of prefix "${prefix}"` };
}

/** The pattern anchored on the whole value, or why it cannot be used. */
// A prefix's matchPattern is a short regular expression; a huge one is refused before it is compiled
// (found by the fuzzer: a 256 KB pattern made V8 throw "Regular expression too large" on first use).
const MAX_PATTERN = 1000;

function compile(pattern: string): RegExp | string {
  // Documents are input: a pattern that can backtrack exponentially would hang the run, so refuse it.
  if (hasNestedQuantifier(pattern)) return 'has a repeated group containing a repetition (it could take exponential time)';
  // XSD patterns know \p{L}, which needs the u flag; plain patterns with escapes like "\:" need it off.
  if (pattern.length > MAX_PATTERN) return `is ${pattern.length} characters long, expected at most ${MAX_PATTERN}`;
  for (const flags of ['u', '']) {
    try {
      const re = new RegExp(`^(?:${pattern})$`, flags);
      // V8 compiles lazily: "too large" would otherwise be thrown by the first exec(), outside this try.
      re.exec('');
      return re;
    } catch {
      // try the next reading
    }
  }
  return 'is not a regular expression';
}

/** Star height above one, e.g. "(a+)+" or "(?:[a-z]*,)*": the classic catastrophic-backtracking shape. */
export function hasNestedQuantifier(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: whether it contains a quantifier
  const mark = () => {
    if (groups.length > 0) groups[groups.length - 1] = true;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(') {
      groups.push(false);
      // Skip the group's own syntax ("?:", "?=", "?<name>") so its "?" is not taken for a quantifier.
      const named = pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!' ? pattern.indexOf('>', i) : -1;
      if (pattern[i + 1] === '?') i = named === -1 ? i + 2 : named;
    } else if (c === ')') {
      const inner = groups.pop() ?? false;
      const next = pattern[i + 1];
      if (inner && (next === '*' || next === '+' || next === '{')) return true;
      if (inner) mark();
    } else if (c === '*' || c === '+' || c === '?' || c === '{') mark();
  }
  return false;
}
