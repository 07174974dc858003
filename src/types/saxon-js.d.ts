// The part of saxon-js 2.7's API the pipeline uses (the package ships no types).
declare module 'saxon-js' {
  interface SaxonJSApi {
    getResource(options: {
      text?: string;
      location?: string;
      file?: string;
      type: 'xml' | 'json' | 'text';
      baseURI?: string;
    }): Promise<unknown>;
    transform(
      options: Record<string, unknown>,
      mode: 'sync',
    ): { principalResult: unknown; resultDocuments: Record<string, unknown> };
    XPath: {
      evaluate(xpath: string, context?: unknown, options?: Record<string, unknown>): unknown;
      /** Compile once, evaluate often: returns (contextItem, params) => result. */
      compile(
        xpath: string,
        options?: Record<string, unknown>,
      ): (context?: unknown, params?: Record<string, unknown>) => unknown;
    };
    getProcessorInfo(): { productVersion: string };
    /** The platform object saxon-js reads and writes through (Node: the file system and http). */
    getPlatform(): Record<string, unknown>;
    XError: new (message: string, code?: string) => Error;
  }
  const SaxonJS: SaxonJSApi;
  export default SaxonJS;
}
