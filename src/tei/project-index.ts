import { XML_NS, elements, type XmlTree } from '../core/xml-tree.js';

/**
 * What rules may know beyond the document in hand: the xml:ids of other files of the project
 * (registers, other documents). Files are parsed once per run, by the pipeline, and only when needed.
 */
export interface ProjectIndex {
  /** The folder the registers and documents live in, relative to the project root ('tei'). */
  readonly teiDir: string;
  /**
   * Whether a file, named relative to the project root with forward slashes ('tei/register/persons.xml'),
   * exists and is well-formed.
   */
  has(file: string): boolean;
  /** Whether a file of any kind (a picture too), named as in `has`, exists inside the edition. */
  hasFile(file: string): boolean;
  /** Local name of the element carrying xml:id `id` in that file ('person', 'place', 'org'), or undefined. */
  elementOf(file: string, id: string): string | undefined;
}

/** All xml:ids of a tree, with the local name of the element that carries each. */
export function idMap(tree: XmlTree): Map<string, string> {
  const ids = new Map<string, string>();
  for (const el of elements(tree.root)) {
    for (const a of el.attributes) if (a.local === 'id' && a.ns === XML_NS && !ids.has(a.value)) ids.set(a.value, el.local);
  }
  return ids;
}

/**
 * A ProjectIndex over a loader that returns a parsed tree (or null) for a project-relative file, and a
 * test of whether any file exists (none, unless given: rule examples read no disk).
 */
export function createProjectIndex(
  teiDir: string,
  load: (file: string) => XmlTree | null,
  fileExists: (file: string) => boolean = () => false,
): ProjectIndex {
  const cache = new Map<string, Map<string, string> | null>();
  const get = (file: string) => {
    if (!cache.has(file)) {
      const tree = load(file);
      cache.set(file, tree ? idMap(tree) : null);
    }
    return cache.get(file)!;
  };
  return {
    teiDir,
    has: (file) => get(file) !== null,
    hasFile: fileExists,
    elementOf: (file, id) => get(file)?.get(id),
  };
}
