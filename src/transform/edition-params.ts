import type { EditionFacts } from '../core/edition-facts.js';

/**
 * The stylesheet parameters that carry the edition's configured facts (xslt/common/edition.xsl):
 * one JSON string, so that it crosses to worker threads as it is and every format reads the same.
 */
export function editionParams(edition: EditionFacts): Record<string, string> {
  return { 'edition-json': JSON.stringify(edition) };
}
