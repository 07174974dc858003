/**
 * What the engine learned in a run, kept for the next: every pattern it made and its derivatives' memos.
 * Derivatives are computed the first time a state meets a name, so a run's first pass over documents is
 * mostly that work (tei_all on ../shared/corpus: ~180 ms, against ~30 ms once the memos are warm), and
 * a run of the same schema over the same kind of documents would do all of it again. A restored engine
 * needs neither the schema's tree nor its loader: every element's content is resolved before saving.
 */
import { datatype } from './datatypes.js';
import { Derivatives, type DerivativesData } from './derivative.js';
import { Patterns, type PatternsData } from './pattern.js';
import type { Engine } from './validate-tree.js';

export interface EngineState {
  start: number;
  patterns: PatternsData;
  derivatives: DerivativesData;
}

/**
 * Beyond this many patterns a state is not kept (the one kept before stays): reading it back would cost more
 * than it saves. tei_all after ../shared/corpus holds 14,000 and restores in ~20 ms; 43 faulty documents more
 * and the edition's own added 10 % to it.
 */
export const MAX_KEPT_PATTERNS = 100_000;

/** How much the engine knows: patterns made and memo entries. Both only grow. */
export function learnedSize(e: Engine): number {
  return e.schema.patterns.count + e.derivatives.size();
}

/** The engine's state as plain data (JSON), or null when it is too large to keep. */
export function engineState(e: Engine, maxPatterns = MAX_KEPT_PATTERNS): EngineState | null {
  if (e.schema.patterns.count > maxPatterns) return null;
  const patterns = e.schema.patterns.toData();
  if (patterns.count > maxPatterns) return null;
  return { start: e.schema.start.id, patterns, derivatives: e.derivatives.toData() };
}

/** An engine as engineState left it, for a schema whose ID-typed attributes are `ids`. */
export function restoreEngine(state: EngineState, ids: Set<string>): Engine {
  const { patterns, byId } = Patterns.fromData(state.patterns, datatype);
  const start = byId[state.start];
  if (!start) throw new Error('the start pattern is missing');
  const e: Engine = {
    schema: { start, patterns },
    derivatives: Derivatives.fromData(patterns, state.derivatives, byId),
    anywhere: new Map(),
    ids,
    keptSize: 0,
  };
  e.keptSize = learnedSize(e);
  return e;
}
