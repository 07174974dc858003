import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../src/core/document.js';
import { makeReport } from '../../src/cli/report.js';

/** A deferred document and how many times its text was read. */
function deferred(text: string, xmlText?: string, file = 'tei/a.xml') {
  const reads = { count: 0 };
  const doc = SourceDocument.deferred(`/e/${file}`, file, () => {
    reads.count++;
    return xmlText === undefined ? { text } : { text, xmlText };
  });
  return { doc, reads };
}

describe('a document read only when asked for (an unchanged file of the build cache)', () => {
  it('reads its text once, on the first use of its text, lines or xmlText', () => {
    const a = deferred('<TEI>\n<p/>\n</TEI>');
    expect(a.reads.count).toBe(0);
    expect(a.doc.released).toBe(false);
    expect(a.doc.lines.position(6)).toEqual({ line: 2, column: 1 });
    expect(a.doc.text).toBe('<TEI>\n<p/>\n</TEI>');
    expect(a.reads.count).toBe(1);

    // What other processors are given is read with it, so `xmlText ?? text` sees both.
    const b = deferred('<!DOCTYPE TEI [<!ENTITY e "x">]><TEI>&e;</TEI>', '                               <TEI>x</TEI>');
    expect(b.doc.xmlText ?? b.doc.text).toBe('                               <TEI>x</TEI>');
    expect(b.reads.count).toBe(1);
  });

  it('is not read for a report that has nothing of it to quote, and is read for one that has', () => {
    const quiet = deferred('<TEI/>');
    const noisy = deferred('<TEI>\n<date when="1977-02-30"/>\n</TEI>', undefined, 'tei/b.xml');
    noisy.doc.report({ line: 2, column: 1 }, 'error', 'rules', 'tei/date-iso', 'Unexpected date');
    const report = makeReport([quiet.doc, noisy.doc]);
    expect(quiet.reads.count).toBe(0);
    expect(noisy.reads.count).toBe(1);
    expect(report.sources.get('tei/b.xml')).toContain('1977-02-30');
    expect(report.sources.get('tei/a.xml')).toBe('');
  });

  it('once let go, is not read again', () => {
    const a = deferred('<TEI/>');
    a.doc.letGo();
    expect(a.doc.released).toBe(true);
    expect(() => a.doc.text).toThrow(/let go/);
    expect(a.reads.count).toBe(0);
  });
});
