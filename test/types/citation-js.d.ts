// citation-js ships no types; the tests use only the constructor and .data.
declare module '@citation-js/core' {
  export class Cite {
    constructor(input: string, options?: { forceType?: string });
    data: unknown[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
