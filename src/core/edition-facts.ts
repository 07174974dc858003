/**
 * The edition's own facts, as its configuration gives them (tei-pipeline.config.json, "edition"): who
 * makes and publishes it, under which licence, and where it lives. Metadata, citations and the site
 * title read them from here; a fact left out stays unknown (nothing is made up in its place).
 */
export interface EditionFacts {
  /** The edition's title ("Soviet–American Correspondence, 1977"). */
  title?: string;
  shortTitle?: string;
  publisher?: Agent;
  editors?: Agent[];
  /** SPDX id of the licence of the edition's texts ("CC-BY-4.0"). */
  licence?: string;
  /** Public URL of the edition's HTML, ending in "/": canonical links, citation URLs, the CMIF file's URL. */
  baseUrl?: string;
  /** DOI prefix of the repository that registers the edition's DOIs, if any ("10.5281"). */
  doiPrefix?: string;
}

export interface Agent {
  /** A person as "Family, Given"; an organisation by its name. */
  name: string;
  type?: 'Personal' | 'Organizational';
  /** An ORCID iD as a URL (https://orcid.org/0000-…), only when the person has one. */
  orcid?: string;
}
