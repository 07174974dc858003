import { SourceDocument } from '../core/document.js';
import type { XmlElement } from '../core/xml-tree.js';
// saxonJs() is the instance that reads files only through the edition's read gate (doc(), unparsed-text()).
import { saxonJs, type SaxonDocument } from '../transform/saxon.js';
import { parseXml } from './parse-xml.js';
import { indexDocument } from './document-index.js';
import { contextNeeds, contextNodes, type BucketKey } from './schematron-context.js';

const SCH_NS = 'http://purl.oclc.org/dsdl/schematron';

/**
 * ISO Schematron (the subset compile.xsl takes: ns, let, pattern, rule, assert, report, name,
 * value-of) run as XPath 3.1 queries with saxon-js's XPath engine, without an XSLT compile: a grammar's
 * embedded Schematron (tei_all's 90-odd patterns) costs milliseconds to prepare instead of seconds of
 * xslt3, on a first run too. Semantics are Schematron's: in a pattern a node fires only the first
 * rule whose context matches it; a rule context is an XSLT pattern, matched by the nodes of
 * root()//(context), a branch that starts at the root evaluated once, not once per node.
 * Each finding is one line "role TAB id TAB path TAB attribute TAB message", as compile.xsl writes them.
 */
export class SchematronQuery {
  private readonly patterns: readonly Pattern[];

  private constructor(private readonly data: SchematronQueryData) {
    this.patterns = data.patterns.map(livePattern);
  }

  /** What the queries are made of, as plain data: kept in the schema cache, so a run need not read the Schematron. */
  toData(): SchematronQueryData {
    return this.data;
  }

  static fromData(data: SchematronQueryData): SchematronQuery {
    return new SchematronQuery(data);
  }

  static fromText(schText: string): SchematronQuery {
    const doc = new SourceDocument('/schematron.sch', 'schematron.sch', schText);
    const tree = parseXml(doc);
    if (!tree || doc.diagnostics.some((d) => d.severity === 'error'))
      throw new Error(`The Schematron is not well-formed: ${doc.diagnostics[0]?.message ?? 'no root'}`);
    const namespaces: Record<string, string> = {
      xs: 'http://www.w3.org/2001/XMLSchema',
      xml: 'http://www.w3.org/XML/1998/namespace',
    };
    const patterns: XmlElement[] = [];
    const lets: string[] = [];
    const visit = (el: XmlElement) => {
      for (const c of el.children) {
        if (c.type !== 'element') continue;
        if (c.ns !== SCH_NS) visit(c);
        else if (c.local === 'ns') namespaces[get(c, 'prefix')] = get(c, 'uri');
        else if (c.local === 'let') lets.push(letClause(c));
        else if (c.local === 'pattern') patterns.push(c);
        else visit(c);
      }
    };
    visit(tree.root);
    const buckets: BucketKey[] = [];
    const checks: CheckData[] = [];
    return new SchematronQuery({
      namespaces,
      patterns: patterns.map((p, n) => compilePattern(p, n, namespaces, buckets, checks)),
      lets: lets.join(''),
      buckets,
      checks,
    });
  }

  get patternCount(): number {
    return this.patterns.length;
  }

  /**
   * The findings on each of several documents, from one query: saxon-js compiles every query it
   * evaluates, and compiling each document's query was half of running tei_all's Schematron on
   * ../shared/corpus. The query runs the rules live in any of the documents on each document in turn;
   * each one's node lists are its slice of the lists passed ($tp_b<n>_all, from $tp_b<n>_from[i] up to
   * the next). Should the query fail, each document is run alone, where a failing pattern is named.
   */
  runAll(saxonDocs: readonly SaxonDocument[]): string[][] {
    if (saxonDocs.length < 2) return saxonDocs.map((d) => this.run(d));
    const indexes = saxonDocs.map((d) => indexDocument(d, this.data.buckets));
    const present = new Set(indexes.flatMap((x) => [...x.present]));
    const queries = this.patterns.map((p) => p.query(present)).filter((q): q is LiveQuery => q !== null);
    if (queries.length === 0) return saxonDocs.map(() => []);
    const used = [...new Set(queries.flatMap((q) => q.buckets))];
    const params: Record<string, unknown[]> = { tp_docs: [...saxonDocs] };
    const slices = used.map((key) => {
      const name = bucketVariable(this.data.buckets, key);
      const lists = indexes.map((x) => x.buckets.get(key)!);
      const starts = [1];
      for (const list of lists) starts.push(starts[starts.length - 1]! + list.length);
      params[`${name}_all`] = lists.flat();
      params[`${name}_from`] = starts;
      return `$${name} := subsequence($${name}_all, $${name}_from[$tp_i], $${name}_from[$tp_i + 1] - $${name}_from[$tp_i])`;
    });
    const perDocument = `${slices.length > 0 ? `let ${slices.join(', ')} return ` : ''}${this.data.lets}(${queries.map((q) => q.text).join(',\n')})`;
    const body = `for $tp_i in 1 to count($tp_docs) return ('#', $tp_docs[$tp_i] ! (${perDocument}))`;
    let result: unknown;
    try {
      result = saxonJs().XPath.evaluate(`${FOUND}(${body})`, saxonDocs[0], {
        namespaceContext: this.data.namespaces,
        params,
      });
    } catch {
      return saxonDocs.map((d) => this.run(d));
    }
    return this.findings(result, saxonDocs.length);
  }

  /**
   * The findings on one document (its saxon-js tree, walked once for the names it holds). Rules whose
   * context cannot match any node of this document (a TEI constraint on <elementSpec> in a letter) are
   * left out of its query: they would fire on nothing. A pattern that fails on the document (a dynamic
   * error) says so in a finding of its own; the others still report.
   */
  run(saxonDoc: SaxonDocument): string[] {
    const { present, buckets } = indexDocument(saxonDoc, this.data.buckets);
    const queries = this.patterns.map((p) => p.query(present)).filter((q): q is LiveQuery => q !== null);
    if (queries.length === 0) return [];
    const used = new Set(queries.flatMap((q) => q.buckets));
    const params = Object.fromEntries(
      [...used].map((key) => [bucketVariable(this.data.buckets, key), buckets.get(key)!]),
    );
    try {
      return this.findings(this.evaluate(queries.map((q) => q.text).join(',\n'), saxonDoc, params))[0]!;
    } catch {
      return this.patterns.flatMap((p) => {
        const query = p.query(present);
        if (query === null) return [];
        try {
          return this.findings(this.evaluate(query.text, saxonDoc, params))[0]!;
        } catch (e) {
          const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 300);
          return [`error\t${p.id}\t1\t\tUnexpected failure of Schematron pattern ${p.id} on this document: ${message}`];
        }
      });
    }
  }

  // SaxonJS.XPath.compile would compile once, but its evaluator (saxon-js 2.7) has no collations:
  // starts-with() and contains() fail in it. evaluate() compiles a query in milliseconds.
  private evaluate(body: string, saxonDoc: SaxonDocument, params: Record<string, unknown[]>): unknown {
    return saxonJs().XPath.evaluate(`${FOUND}${this.data.lets}(${body})`, saxonDoc, {
      namespaceContext: this.data.namespaces,
      params,
    });
  }

  /**
   * The query's results as findings ("role TAB id TAB path TAB attribute TAB message"), per document
   * (`documents` > 1: each document's turn opens with '#'). Each check that fires gives "check TAB path
   * TAB attribute" and then its message's computed parts, one string each; role, id and the message's
   * words come from the check, the message's white space normalised as normalize-space() does.
   */
  private findings(result: unknown, documents = 1): string[][] {
    const items = lines(result);
    const found: string[][] = documents > 1 ? [] : [[]];
    for (let i = 0; i < items.length;) {
      // Where a finding would start, '#' (no tabs: no finding looks so) opens the next document's turn.
      if (documents > 1 && items[i] === '#') {
        found.push([]);
        i++;
        continue;
      }
      const [n, path, attribute] = items[i++]!.split('\t');
      const check = this.data.checks[Number(n)]!;
      const message = check.message.map((words, k) => (k === 0 ? words : items[i++] + words)).join('');
      found[found.length - 1]!.push([check.role, check.id, path, attribute, normalizeSpace(message)].join('\t'));
    }
    return found;
  }
}

/**
 * The function every check that fires calls: it gives the check's number, the node's path and
 * attribute name, and then the message's computed parts (sch:name, sch:value-of: one string each).
 * The rest of a finding (role, id, the message's words) stays out of the query: written into each
 * check it was half of the query's text, and saxon-js compiles each document's query afresh.
 */
const FOUND =
  'let $tp_found := function($tp_node as node(), $tp_check as xs:integer, $tp_parts as xs:string*) as xs:string+ { ' +
  "(string-join((string($tp_check), string-join($tp_node/ancestor-or-self::* ! string(count(preceding-sibling::*) + 1), '/'), " +
  "if ($tp_node instance of attribute()) then name($tp_node) else ''), codepoints-to-string(9)), $tp_parts) } return ";

/** XPath's normalize-space(): only space, tab, CR and LF are white space. */
const normalizeSpace = (s: string) => s.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');

interface Pattern {
  id: string;
  /** The pattern's query for a document with these element and attribute names, or null when no rule can fire. */
  query(present: ReadonlySet<string>): LiveQuery | null;
}

interface LiveQuery {
  text: string;
  /** The lists of nodes its rules' contexts read (schematron-context.ts). */
  buckets: BucketKey[];
}

export interface SchematronQueryData {
  namespaces: Record<string, string>;
  patterns: PatternData[];
  /** The schema's own sch:let, as XPath let clauses. */
  lets: string;
  /** The lists of nodes rule contexts read, each bound to $tp_b<its index>. */
  buckets: BucketKey[];
  /** Every assert and report, by the number its expression gives $tp_found. */
  checks: CheckData[];
}

interface CheckData {
  role: string;
  id: string;
  /** The message's words around its computed parts: one more than there are parts. */
  message: string[];
}

interface PatternData {
  id: string;
  rules: RuleData[];
}

interface RuleData {
  /** The variable its context's nodes are bound to. */
  name: string;
  /** The XPath that finds the nodes its context matches (schematron-context.ts). */
  nodes: string;
  /** What a document must hold for the context to match anything (contextNeeds); null when not known. */
  needs: string[][] | null;
  /** The lists of nodes `nodes` reads. */
  buckets: BucketKey[];
  /** Its lets, asserts and reports, as one XPath expression run on each node. */
  body: string;
}

/** The variable (without its $) a list of nodes is bound to. */
function bucketVariable(buckets: readonly BucketKey[], key: BucketKey): string {
  return `tp_b${buckets.indexOf(key)}`;
}

function lines(result: unknown): string[] {
  if (result === null || result === undefined) return [];
  return (Array.isArray(result) ? result : [result]).map(String);
}

function get(el: XmlElement, name: string): string {
  return el.attributes.find((a) => a.name === name)?.value ?? '';
}

function schChildren(el: XmlElement, ...local: string[]): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element' && c.ns === SCH_NS && local.includes(c.local));
}

/** An XPath string literal. */
const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** current() is XSLT's: in a rule it is the node the rule fired on, bound here as $tp_current. */
function xpath(expression: string): string {
  return outsideLiterals(expression, (code) => code.replace(/\bcurrent\(\s*\)/g, '$tp_current'));
}

function letClause(el: XmlElement): string {
  return `let $${get(el, 'name')} := (${xpath(get(el, 'value'))}) return `;
}

function compilePattern(
  pattern: XmlElement,
  n: number,
  namespaces: Record<string, string>,
  buckets: BucketKey[],
  checkTable: CheckData[],
): PatternData {
  const id = get(pattern, 'id');
  const rules = schChildren(pattern, 'rule').map((r, i) => {
    const context = xpath(get(r, 'context'));
    const lets = schChildren(r, 'let').map(letClause).join('');
    const checks = schChildren(r, 'assert', 'report').map((c) => checkExpression(c, id, checkTable));
    const used: BucketKey[] = [];
    const nodes = contextNodes(context, namespaces, (key) => {
      if (!buckets.includes(key)) buckets.push(key);
      if (!used.includes(key)) used.push(key);
      return `$${bucketVariable(buckets, key)}`;
    });
    return {
      name: `$tp_p${n}r${i}`,
      nodes,
      buckets: used,
      needs: contextNeeds(context, namespaces),
      body: `${lets}(${checks.join(', ') || '()'})`,
    };
  });
  return { id, rules };
}

function livePattern({ id, rules }: PatternData): Pattern {
  return {
    id,
    query(present) {
      // A rule that matches nothing here is left out: the rules after it see the same nodes as before.
      const live = rules.filter(
        (r) => r.needs === null || r.needs.some((names) => names.every((name) => present.has(name))),
      );
      if (live.length === 0) return null;
      const sets = live.map((r, i) => {
        const earlier = live.slice(0, i).map((e) => e.name);
        return `${r.name} := (${r.nodes})${earlier.length ? ` except (${earlier.join(' | ')})` : ''}`;
      });
      const bodies = live.map((r) => `(for $tp_current in ${r.name} return $tp_current ! (${r.body}))`);
      return {
        text: `(let ${sets.join(', ')} return (${bodies.join(', ')}))`,
        buckets: live.flatMap((r) => r.buckets),
      };
    },
  };
}

function checkExpression(check: XmlElement, patternId: string, checks: CheckData[]): string {
  const test = xpath(get(check, 'test'));
  const fires = check.local === 'assert' ? `not(${test})` : `(${test})`;
  const message = [''];
  const computed: string[] = [];
  messageParts(check, message, computed);
  checks.push({ role: get(check, 'role') || 'error', id: get(check, 'id') || patternId, message });
  return `(if (${fires}) then $tp_found(., ${checks.length - 1}, (${computed.join(', ')})) else ())`;
}

/**
 * An assertion's message (as xsl:value-of joins it): its words go into `words`, which holds the text
 * before, between and after the computed parts; each sch:name and sch:value-of into `computed` as XPath.
 */
function messageParts(el: XmlElement, words: string[], computed: string[]): void {
  for (const c of el.children) {
    if (c.type === 'text') words[words.length - 1] += c.value.replace(/\s+/g, ' ');
    if (c.type !== 'element') continue;
    if (c.ns === SCH_NS && c.local === 'name') computed.push(`name(${xpath(get(c, 'path')) || '.'})`);
    else if (c.ns === SCH_NS && c.local === 'value-of')
      computed.push(`string-join((${xpath(get(c, 'select'))}) ! string(.), ' ')`);
    else {
      messageParts(c, words, computed);
      continue;
    }
    words.push('');
  }
}

/** Apply `f` to the parts of an XPath expression outside string literals. */
function outsideLiterals(expression: string, f: (code: string) => string): string {
  return expression
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');
}
