import type { SourceDocument } from '../core/document.js';
import type { Position } from '../core/diagnostic.js';
import { attrNode, childElements, type XmlElement } from '../core/xml-tree.js';

interface Need {
  /** Element names from the root to the element that holds the fact, for locating the diagnostic. */
  path: string[];
  message: string;
}

/**
 * What each fact the deposit stylesheet reports missing means in the header (the facts and
 * their XPaths are defined once, in xslt/common/header.xsl; this only says where to point and
 * why the archive needs it).
 */
const NEEDS: Record<string, Need> = {
  title: {
    path: ['teiHeader', 'fileDesc', 'titleStmt', 'title'],
    message: 'Unexpected titleStmt without a title, expected <title>: Zenodo, DataCite and Dublin Core need the title',
  },
  editors: {
    path: ['teiHeader', 'fileDesc', 'titleStmt', 'respStmt'],
    message:
      "Unexpected titleStmt without an editor or a respStmt naming who made the edition, expected <editor> or <respStmt> with a <name>: the deposit's creators (Zenodo, DataCite) come from it, never from a guess",
  },
  publisher: {
    path: ['teiHeader', 'fileDesc', 'publicationStmt', 'publisher'],
    message:
      "Unexpected publicationStmt without a publisher, expected <publisher> (or <authority>): DataCite's Publisher and the bag's Source-Organization come from it",
  },
  'licence-uri': {
    path: ['teiHeader', 'fileDesc', 'publicationStmt', 'availability', 'licence'],
    message:
      'Unexpected publicationStmt without a licence, expected <availability><licence target="…">: the archive must know the licence (Zenodo license, DataCite rights)',
  },
  'licence-id': {
    path: ['teiHeader', 'fileDesc', 'publicationStmt', 'availability', 'licence'],
    message:
      'expected a licence whose identifier the deposit metadata know (see cite:spdx in xslt/common/csl-mapping.xsl): Zenodo and DataCite name it by identifier',
  },
  'date-released': {
    path: ['teiHeader', 'revisionDesc', 'change'],
    message:
      "Unexpected revisionDesc without a change whose @when is a full date (YYYY-MM-DD), expected one: the Bagging-Date, the zip's timestamps and the publication date come from the latest change",
  },
};

/** The deepest element along the path that exists, and whether the whole path exists. */
function deepest(root: XmlElement, path: readonly string[]): { element: XmlElement; complete: boolean } {
  let element = root;
  for (const name of path) {
    const next = childElements(element, name)[0];
    if (!next) return { element, complete: false };
    element = next;
  }
  return { element, complete: true };
}

/**
 * Report, on the document, each fact the deposit metadata need that its header lacks, at the
 * header element that should hold it (or the nearest one that exists), naming the element.
 */
export function reportMissingFacts(doc: SourceDocument, missing: readonly string[]): void {
  const root = doc.tree?.root;
  for (const fact of missing) {
    const need = NEEDS[fact];
    const found = root && need ? deepest(root, need.path) : null;
    let at: Position = found?.element.start ?? root?.start ?? { line: 1, column: 1 };
    let message = need?.message ?? `Unexpected header without "${fact}", expected it for the deposit metadata`;
    if (fact === 'licence-uri' && found?.complete)
      message =
        "Unexpected licence without @target, expected the licence's URI in @target: the archive must know the licence (Zenodo license, DataCite rights)";
    if (fact === 'licence-id' && found?.complete) {
      const target = attrNode(found.element, 'target');
      if (target) at = target.start;
      message = `Unexpected licence "${target?.value ?? ''}", ${NEEDS['licence-id']!.message}`;
    }
    doc.report(at, 'error', 'deposit', 'deposit/header', message);
  }
}

/** Why a metadata file was left out of the bag, and how much that matters (deposit.xsl's "skipped"). */
const SKIPPED: Record<string, { severity: 'warning' | 'info'; ruleId: string; path: string[]; message: string }> = {
  'cmif.xml': {
    severity: 'warning',
    ruleId: 'deposit/cmif-url',
    path: ['teiHeader', 'fileDesc', 'publicationStmt'],
    message:
      'Unexpected letter to describe for correspSearch without the edition\'s public URL, expected "baseUrl" in the configuration (tei-pipeline.config.json, "edition"): CMIF must give the URL of the CMIF file itself, so metadata/cmif.xml was not written',
  },
  'datacite.xml': {
    severity: 'info',
    ruleId: 'deposit/no-doi',
    path: ['teiHeader', 'fileDesc', 'publicationStmt'],
    message:
      'Unexpected DataCite record without a DOI, expected <idno type="DOI"> in publicationStmt once the archive has minted one: DataCite 4.5 requires the identifier, so metadata/datacite.xml was not written (the archive that mints the DOI makes the DataCite record; Zenodo makes it from zenodo.json)',
  },
};

/** Report, at the header's publicationStmt, each metadata file the deposit left out and why. */
export function reportSkippedFiles(doc: SourceDocument, skipped: readonly string[]): void {
  const root = doc.tree?.root;
  for (const file of skipped) {
    const why = SKIPPED[file];
    if (!why) continue;
    const at = root ? deepest(root, why.path).element.start : { line: 1, column: 1 };
    doc.report(at, why.severity, 'deposit', why.ruleId, why.message);
  }
}
