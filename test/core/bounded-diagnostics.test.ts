import { describe, expect, it } from 'vitest';
import { boundMessage } from '../../src/core/diagnostic.js';
import { MAX_PER_RULE, SourceDocument } from '../../src/core/document.js';

// Found by the fuzzer: a 64 KB pointer made a 131 KB message, a 1 MB pointer list 333,334 diagnostics.
describe('diagnostics stay bounded whatever the input', () => {
  it('quotes a long value by its start and its length', () => {
    const value = 'per:' + 'x'.repeat(100_000);
    const m = boundMessage(`Unexpected pointer "${value}" in @ref: no prefixDef for "per"`);
    expect(m.length).toBeLessThanOrEqual(1000);
    expect(m).toBe(
      `Unexpected pointer "per:${'x'.repeat(196)}…" (99804 more characters) in @ref: no prefixDef for "per"`,
    );
  });

  it('leaves short messages as they are, and cuts one that is long without quotes', () => {
    expect(boundMessage('Unexpected date "1977-02-30": February 1977 has 28 days')).toBe(
      'Unexpected date "1977-02-30": February 1977 has 28 days',
    );
    const long = boundMessage('Unexpected ' + 'y'.repeat(10_000));
    expect(long).toHaveLength(1000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    // 'a' then pairs: the 200th code unit is the first half of the 100th pair, so 199 are kept.
    const m = boundMessage(`Unexpected "a${'𝔉'.repeat(1000)}"`);
    expect(m).toMatch(/^Unexpected "a(?:𝔉){99}…" \(1802 more characters\)$/u);
  });

  it('bounds a message reported through a document the same way (one mechanism)', () => {
    const doc = new SourceDocument('/x/tei/a.xml', 'tei/a.xml', 'x');
    const message = `Unexpected value "${'v'.repeat(10_000_000)}" of attribute cert`;
    doc.report({ line: 3, column: 7 }, 'error', 'schema', 'schema/invalid', message);
    expect(doc.diagnostics[0]!.message).toBe(boundMessage(message));
    expect(doc.diagnostics[0]!.message).toBe(
      `Unexpected value "${'v'.repeat(200)}…" (9999800 more characters) of attribute cert`,
    );
  });

  it(`lists ${MAX_PER_RULE} diagnostics of a rule in a file, then one counting the rest, an error when an error is among them`, () => {
    const doc = new SourceDocument('/x/tei/a.xml', 'tei/a.xml', 'x');
    for (let i = 0; i < 100_000; i++)
      doc.report(
        { line: 1, column: 1 },
        i === 5000 ? 'error' : 'warning',
        'rules',
        'tei/ref-resolves',
        `Unexpected pointer "#a${i}"`,
      );
    doc.report({ line: 1, column: 1 }, 'info', 'rules', 'tei/date-text-agrees', 'another rule');
    expect(doc.diagnostics).toHaveLength(MAX_PER_RULE + 2);
    const more = doc.diagnostics[MAX_PER_RULE]!;
    expect(MAX_PER_RULE).toBe(100);
    // An info, but an error left out makes it an error: the file still fails.
    expect(more).toMatchObject({ ruleId: 'tei/ref-resolves', severity: 'error' });
    expect(doc.hasErrors).toBe(true);
    expect(more.message).toBe(
      `… and ${100_000 - MAX_PER_RULE} more [tei/ref-resolves] findings in this file, not shown`,
    );
    expect(doc.diagnostics.slice(0, MAX_PER_RULE).every((d) => d.severity === 'warning')).toBe(true);
    expect(doc.diagnostics.at(-1)!.ruleId).toBe('tei/date-text-agrees');
  });
});
