import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, problemsWith } from '../../src/fuzz/check-result.js';
import { makeMutant, MUTATORS } from '../../src/fuzz/mutators.js';
import { Random } from '../../src/fuzz/random.js';
import { RECORD, runFuzz } from '../../src/fuzz/run-fuzz.js';
import { repoRoot } from '../support/cli.js';

// The same seed as `npm run fuzz`: a failure here replays with `npm run fuzz -- --start I --count 1`.
// `npm test` runs the first 150 mutants (every mutator among them, checked below); `npm run fuzz`
// runs 500 by default and `npm run fuzz -- --count 10000` more.
const SEED = 20260226;
const COUNT = 150;
const record = readFileSync(join(repoRoot, RECORD));

describe('fuzzing the record', () => {
  it(`${COUNT} mutants validate without a crash, hang, stack trace, unbounded output or misplaced diagnostic`, async () => {
    const summary = await runFuzz({ seed: SEED, count: COUNT });
    const report = summary.failures.map(
      (f) =>
        `seed ${f.seed} mutant ${f.index} (${f.mutators.join(', ')}), saved ${f.file}:\n  ${f.problems.join('\n  ')}`,
    );
    expect(report).toEqual([]);
    // The mutants reach past the parser: some validate cleanly and are rendered too.
    expect(summary.clean).toBeGreaterThan(0);
  }, 900_000);

  it(`applies every mutator among the ${COUNT} mutants`, () => {
    const used = new Set<string>();
    for (let i = 0; i < COUNT; i++) for (const m of makeMutant(record, SEED, i).mutators) used.add(m);
    expect([...used].sort()).toEqual(Object.keys(MUTATORS).sort());
  });

  it('makes the same mutant from the same seed and index, and another from another', () => {
    const a = makeMutant(record, SEED, 7);
    expect(makeMutant(record, SEED, 7).bytes.equals(a.bytes)).toBe(true);
    expect(makeMutant(record, SEED, 8).bytes.equals(a.bytes)).toBe(false);
    expect(makeMutant(record, SEED + 1, 7).bytes.equals(a.bytes)).toBe(false);
  });

  it.each(Object.keys(MUTATORS))('mutator %s changes the record', (name) => {
    const changed = [0, 1, 2, 3, 4].some((i) => !MUTATORS[name]!(record, Random.forMutant(SEED, i)).equals(record));
    expect(changed).toBe(true);
  });
});

describe('what makes a mutant fail', () => {
  const text = 'ab\ncd\n';
  const diag = (over: Record<string, unknown>) => ({
    file: RECORD,
    line: 1,
    column: 1,
    severity: 'error',
    ruleId: 'xml/not-well-formed',
    source: 'xml',
    message: 'Unexpected x',
    ...over,
  });
  const result = (diagnostics: unknown[], extra: object = {}) => ({
    json: JSON.stringify({ diagnostics }),
    ms: 10,
    humanChars: 100,
    ...extra,
  });

  it('passes a located diagnostic, at the end of a line or on the empty last line too', () => {
    expect(
      problemsWith(result([diag({}), diag({ line: 2, column: 3 }), diag({ line: 3, column: 1 })]), RECORD, text),
    ).toEqual([]);
  });

  it.each([
    ['a line past the end', diag({ line: 4 }), /outside the file/],
    ['a column past the line', diag({ line: 1, column: 4 }), /outside the file/],
    ['column 0', diag({ column: 0 }), /without a valid line and column/],
    ['no line', diag({ line: undefined }), /without a valid line and column/],
    ['another file', diag({ file: 'tei/other.xml' }), /another file/],
    ['an internal error', diag({ ruleId: 'internal/rule-failed' }), /internal error/],
    ['a stack trace', diag({ message: 'Unexpected\n    at parse (/x/y.js:1:2)' }), /stack trace/],
    ['an unbounded message', diag({ message: 'x'.repeat(LIMITS.messageChars + 1) }), /message of/],
    ['an unknown source', diag({ source: 'nowhere' }), /unknown severity or source/],
  ])('fails %s', (_name, d, problem) => {
    expect(problemsWith(result([d]), RECORD, text).join('\n')).toMatch(problem);
  });

  it('fails a crash, unparseable JSON, a flood of diagnostics, and a run over the time limit', () => {
    expect(problemsWith({ json: '', ms: 5, humanChars: 0, crash: 'TypeError: x' }, RECORD, text)).toEqual([
      'crash: TypeError: x',
    ]);
    expect(problemsWith({ json: '{"diagnostics":[', ms: 5, humanChars: 0 }, RECORD, text).join()).toMatch(
      /unparseable JSON/,
    );
    expect(
      problemsWith(result(Array.from({ length: LIMITS.diagnostics + 1 }, () => diag({}))), RECORD, text).join(),
    ).toMatch(/diagnostics, expected at most/);
    expect(problemsWith(result([], { ms: LIMITS.ms + 1 }), RECORD, text).join()).toMatch(/^slow/);
  });
});
