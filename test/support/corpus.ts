/**
 * bench/generate-corpus.mjs's generator, for tests: an edition of `n` documents (the record's text under
 * their own ids) with registers, written into `dir`.
 */
export async function generateCorpus(n: number, dir: string): Promise<void> {
  // @ts-expect-error: the corpus generator is plain JavaScript in bench/
  const bench = (await import('../../bench/generate-corpus.mjs')) as { generateCorpus(n: number, dir: string): void };
  bench.generateCorpus(n, dir);
}
