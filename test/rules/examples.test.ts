import { describe, expect, it } from 'vitest';
import { compareDiagnostics } from '../../src/core/diagnostic.js';
import { dateTextAgrees } from '../../src/rules/date-text-agrees.js';
import { rules, runRules } from '../../src/rules/index.js';
import { createProjectIndex } from '../../src/tei/project-index.js';
import type { Rule } from '../../src/rules/rule.js';
import { elements } from '../../src/core/xml-tree.js';
import { BODY_LINE, EXAMPLE_FILE, checkRule, parseDocument, tei } from './harness.js';

// Each rule's own examples are its tests (remark-lint style): ok ones are silent, not-ok ones say where and why.
describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it('has a docs line and enough examples', () => {
    expect(rule.id).toMatch(/^tei\/[a-z-]+$/);
    expect(rule.docs).not.toMatch(/\n/);
    expect(rule.examples.ok.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.notOk.length).toBeGreaterThanOrEqual(3);
  });

  it.each(rule.examples.ok.map((e) => [e.name, e] as const))('ok: %s', (_name, example) => {
    expect(checkRule(rule, example.xml)).toEqual([]);
  });

  it.each(rule.examples.notOk.map((e) => [e.name, e] as const))('not ok: %s', (_name, example) => {
    const found = checkRule(rule, example.xml).sort(compareDiagnostics);
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((d) => d.ruleId === rule.id)).toBe(true);
    const first = found[0]!;
    expect({ line: first.line, column: first.column, message: first.message }).toEqual({
      line: example.line,
      column: example.column,
      message: example.message,
    });
    for (const d of found) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message).toMatch(/^(Unexpected|Unrecognised) /);
      expect(d.source).toBe('rules');
    }
  });
});

// The cases the issue names must each stay an example of some rule.
describe('examples cover the issue', () => {
  const all = rules.flatMap((r) => [...r.examples.ok, ...r.examples.notOk].map((e) => ({ rule: r.id, xml: e.xml })));
  it.each([
    ['tei/date-iso', 'when="1977-02-30"'],
    ['tei/date-text-agrees', '>03.30.94<'],
    ['tei/date-text-agrees', '>February 14 of this year<'],
    ['tei/date-text-agrees', '>January of last year<'],
    ['tei/id-unique', 'xml:id="../../x"'],
    ['tei/ref-resolves', 'ref="pers:brezhnev"'],
    ['tei/ref-resolves', 'ref="per:brezhnew"'],
    ['tei/ref-resolves', 'target="javascript:'],
  ])('%s has an example with %s', (rule, snippet) => {
    expect(all.some((e) => e.rule === rule && e.xml.includes(snippet))).toBe(true);
  });
});

describe('runRules', () => {
  const boom: Rule = {
    id: 'tei/boom',
    severity: 'warning',
    docs: 'Fails on purpose.',
    examples: { ok: [], notOk: [] },
    check(ctx) {
      ctx.report(ctx.tree.root, 'Unexpected root');
      throw new Error('something broke');
    },
  };
  const pointAt: Rule = {
    id: 'tei/point-at',
    severity: 'warning',
    docs: 'Reports at an element, an attribute and a position.',
    examples: { ok: [], notOk: [] },
    check(ctx) {
      const p = [...elements(ctx.tree.root, 'p')].find((el) => el.attributes.length > 0)!;
      ctx.report(p, 'Unexpected element');
      ctx.report(p.attributes[0]!, 'Unexpected attribute', 'error');
      ctx.report({ line: 2, column: 3 }, 'Unexpected position', 'info');
    },
  };

  it('turns a rule that throws into one located diagnostic and goes on', () => {
    const { doc, tree } = parseDocument(EXAMPLE_FILE, tei('<p n="1">Text</p>'));
    runRules(
      doc,
      tree,
      createProjectIndex('tei', () => null),
      [boom, pointAt],
    );
    const failed = doc.diagnostics.find((d) => d.ruleId === 'internal/rule-failed');
    expect(failed).toMatchObject({
      line: 1,
      column: 1,
      severity: 'error',
      source: 'rules',
      message: 'Unexpected failure of rule tei/boom: something broke',
    });
    expect(doc.diagnostics.filter((d) => d.ruleId === 'tei/point-at')).toHaveLength(3);
  });

  it('reports at the name of an element or attribute, with the rule’s severity unless told', () => {
    const { doc, tree } = parseDocument(EXAMPLE_FILE, tei('<p n="1">Text</p>'));
    runRules(
      doc,
      tree,
      createProjectIndex('tei', () => null),
      [pointAt],
    );
    expect(
      doc.diagnostics.map(({ line, column, endLine, endColumn, severity, file }) => ({
        line,
        column,
        endLine,
        endColumn,
        severity,
        file,
      })),
    ).toEqual([
      { line: BODY_LINE, column: 1, endLine: BODY_LINE, endColumn: 3, severity: 'warning', file: EXAMPLE_FILE },
      { line: BODY_LINE, column: 4, endLine: BODY_LINE, endColumn: 5, severity: 'error', file: EXAMPLE_FILE },
      { line: 2, column: 3, endLine: undefined, endColumn: undefined, severity: 'info', file: EXAMPLE_FILE },
    ]);
  });
});

describe('all rules on the record this edition transcribes', () => {
  const record = tei(
    `<div type="record">
<opener><dateline><date when="1977-02-26">February 26, 1977</date></dateline></opener>
<p>I met with Secretary of State <persName ref="per:carter">Vance</persName> and asked him to pass on the letter of
<persName ref="per:brezhnev">L.I. Brezhnev</persName> of <date when="1977-02-25">February 25, 1977</date> to President <persName ref="per:carter">Carter</persName>.</p>
<floatingText type="letter" xml:id="letter"><body>
<p>I attentively studied your letter of <date when="1977-02-14">February 14 of this year</date>.</p>
<p>in <date when="1976-01">January of last year</date> a concrete formula was practically agreed, in <placeName ref="pla:moscow">Moscow</placeName>.</p>
<closer><salute>With respect,</salute><signed><persName ref="per:brezhnev">L. Brezhnev</persName></signed>
<dateline><date when="1977-02-25">February 25, 1977</date></dateline></closer>
</body></floatingText>
<p corresp="#letter">Stamp: declassified <date when="1994-03-30">03.30.94</date>; registered <date when="1977-05-19">05.19.1977</date>; <orgName ref="org:nato">NATO</orgName>.</p>
</div>`,
    { header: '<profileDesc><creation><date when="1977-02-26">26 February 1977</date></creation></profileDesc>' },
  );

  it.each(rules.map((r) => [r.id, r] as const))('%s finds nothing', (_id, rule) => {
    expect(checkRule(rule, record)).toEqual([]);
  });

  it('reads "this year" in the record from its own dateline, not the letter’s', () => {
    const xml = record.replace(
      '<p corresp="#letter">',
      '<p corresp="#letter">On <date when="1977-02-01">February 1 of this year</date>; ',
    );
    expect(checkRule(dateTextAgrees, xml)).toEqual([]);
    const wrong = record.replace(
      '<p corresp="#letter">',
      '<p corresp="#letter">On <date when="1976-02-01">February 1 of this year</date>; ',
    );
    expect(checkRule(dateTextAgrees, wrong).map((d) => d.message)).toEqual([
      `Unexpected @when "1976-02-01" for date text "February 1 of this year", expected 1977-02-01 (the year counted from 1977, the date at line ${BODY_LINE + 1})`,
    ]);
  });

  it('falls back on the creation date, then on the source description', () => {
    const body = '<p><date when="1976-02-14">February 14 of this year</date></p>';
    const byCreation = tei(body, {
      header: '<profileDesc><creation><date when="1977">1977</date></creation></profileDesc>',
    });
    expect(checkRule(dateTextAgrees, byCreation)[0]?.message).toMatch(/expected 1977-02-14/);
    const bySource = tei(body, {
      sourceDesc: '<bibl>Journal, <date when="1977-02-26">February 26, 1977</date></bibl>',
    });
    expect(checkRule(dateTextAgrees, bySource)[0]?.message).toMatch(/expected 1977-02-14/);
    // With no context at all only the month and day are compared.
    expect(checkRule(dateTextAgrees, tei(body))).toEqual([]);
    expect(
      checkRule(dateTextAgrees, tei('<p><date when="1976-02-15">February 14 of this year</date></p>'))[0]?.message,
    ).toBe(
      'Unexpected @when "1976-02-15" for date text "February 14 of this year", expected --02-14 (no dated context to count the year from)',
    );
  });

  it('survives a document nested as deep as the parser allows', () => {
    const depth = 250;
    const body = '<div>'.repeat(depth) + '<p xml:id="a"><date when="1977-02-30">x</date></p>' + '</div>'.repeat(depth);
    for (const rule of rules) expect(checkRule(rule, tei(body)).every((d) => d.ruleId === rule.id)).toBe(true);
  });
});
