/**
 * What a Schematron rule context (an XSLT pattern, as text) selects, for the XPath queries of
 * schematron-query.ts: the XPath that finds the nodes it matches, and the names a node must carry
 * to match it (so a rule about <elementSpec> is skipped in a document without one).
 */

/**
 * The nodes a rule context matches: root()//(branch) for each branch of a union; a branch that
 * starts at the root is evaluated once as it stands, not once per node. Written //branch where that
 * means the same (a path): saxon-js 2.7 fails to compile //(tei:*[predicate]).
 *
 * With `bucket`, a branch that starts with one named element (tei:l, tei:rt/@to, tei:p[@n]) or with
 * any element carrying a named attribute (tei:*[@when]) takes those nodes from a list that one walk of
 * the document fills (document-index.ts) instead of walking the document itself: tei_all's constraints
 * walked a 0.5 MB file some fifteen times, ~15 ms each. `bucket(key)` names the list's variable.
 * Only where the step's predicates cannot be positional: //tei:p[1] is each parent's first p, not
 * the document's.
 */
export function contextNodes(
  context: string,
  namespaces: Record<string, string> = {},
  bucket?: (key: string) => string,
): string {
  return topLevel(context, '|')
    .map((b) => {
      if (b.startsWith('/')) return `(${bucket ? bucketRooted(b, namespaces, bucket) : b})`;
      if (/\s(except|intersect)\s/.test(b)) return `//(${b})`;
      const fromBucket = bucket && bucketBranch(b, namespaces, bucket);
      return fromBucket || `//${b}`;
    })
    .join(' | ');
}

/**
 * The key of the list a step's nodes come from: "{ns}local" for an element, "{ns}*@local" for any
 * element of a namespace with an attribute (one without a namespace) — as indexDocument fills them.
 */
export type BucketKey = string;

/** tei:rt/@to → $b/@to, where $b holds the document's rt elements; null when the branch does not start so. */
function bucketBranch(branch: string, namespaces: Record<string, string>, bucket: (key: BucketKey) => string) {
  const step = /^([\w.-]+):([\w.-]+|\*)/.exec(branch);
  if (!step || namespaces[step[1]!] === undefined) return null;
  let rest = branch.slice(step[0].length);
  const preds: string[] = [];
  for (;;) {
    const open = /^\s*\[/.exec(rest);
    if (!open) break;
    const close = closingBracket(rest, open[0].length - 1);
    if (close < 0) return null;
    preds.push(rest.slice(open[0].length, close));
    rest = rest.slice(close + 1);
  }
  if (!/^\s*($|\/)/.test(rest) || !preds.every(cannotBePositional)) return null;
  const ns = namespaces[step[1]!];
  let key: BucketKey;
  if (step[2] !== '*') key = `{${ns}}${step[2]}`;
  else {
    // Any element with @a: the first predicate must require it ("@a", "@a and …", "starts-with(@a, …)").
    const a = /^\s*(?:@([\w.-]+)\s*(?:$|and\b)|starts-with\(\s*@([\w.-]+)\s*,)/.exec(preds[0] ?? '');
    if (!a) return null;
    key = `{${ns}}*@${a[1] ?? a[2]}`;
  }
  return `${bucket(key)}${preds.map((p) => `[${p}]`).join('')}${rest.trimEnd()}`;
}

/** In a branch from the root (/*[count(//tei:x) gt 1]), //tei:x standing alone is that bucket too. */
function bucketRooted(branch: string, namespaces: Record<string, string>, bucket: (key: BucketKey) => string) {
  return branch
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[(,[]\s*)\/\/([\w.-]+):([\w.-]+)(?![\w.:(-])(?!\s*[[(/])/g, (all, before, prefix, local) =>
            namespaces[prefix] === undefined ? all : `${before}${bucket(`{${namespaces[prefix]}}${local}`)}`,
          ),
    )
    .join('');
}

const NAME = String.raw`(\*|[\w-]+(\.[\w-]+)*(:([\w.-]+|\*))?)`;
const STEP = String.raw`(\.{1,2}|@?${NAME}|[a-z-]+::(${NAME}|node\(\)|text\(\)))`;
const PATH = new RegExp(String.raw`^${STEP}(\s*(\/\/?|\|)\s*${STEP})*$`);

/**
 * Whether a predicate is sure to give a boolean or nodes, never a number (which would select by
 * position): a comparison or and/or at its top level, one call of a boolean function, or a path of
 * names and axes. Anything else is taken as possibly positional.
 */
export function cannotBePositional(predicate: string): boolean {
  const p = predicate.trim();
  const code = p.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, '""');
  if (/\b(position|last)\s*\(/.test(code) || /^(if|for|let|some|every)\b/.test(code)) return false;
  const top = depthZero(code);
  if (top === null || top.includes(',')) return false;
  if (/(^|[^:!<>=])=(?!>)|!=|<|(?<!=)>|(^|[\s)])(eq|ne|lt|le|gt|ge|is|and|or)(?=[\s(]|$)/.test(top)) return true;
  if (
    /^(not|exists|empty|boolean|starts-with|ends-with|contains|matches)\s*\(/.test(code) &&
    closingBracket(code, code.indexOf('(')) === code.length - 1
  )
    return true;
  // A path: steps of names, wildcards, axes and @, joined by / // and |, with predicates of their own.
  const path = top.trim();
  return PATH.test(path) && !/^\d/.test(path);
}

/**
 * The text at its top level: what brackets hold left out, what parentheses hold as "()"
 * ("a[b] = count(c)" → "a = count()"); null if they do not balance.
 */
function depthZero(code: string): string | null {
  let depth = 0;
  let out = '';
  for (const ch of code) {
    if ('([{'.includes(ch)) {
      if (depth++ === 0 && ch === '(') out += '(';
    } else if (')]}'.includes(ch)) {
      if (--depth < 0) return null;
      if (depth === 0 && ch === ')') out += ')';
    } else if (depth === 0) out += ch;
  }
  return depth === 0 ? out : null;
}

/** The index of the bracket that closes the one at `open`, outside string literals; -1 if none. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && --depth === 0) return i;
  }
  return -1;
}

/**
 * What a document must hold for a rule context to match anything in it, or null when that cannot be
 * told from the text. Each entry is one way to match: names that must all occur ("{ns}local" for
 * elements, "@{ns}local" for attributes). A node matching tei:note needs {TEI}note; tei:rt/@to needs
 * @{}to and {TEI}rt; tei:*[@when] needs @{}when; (tei:elementSpec | tei:specGrp)/tei:listRef/tei:ptr
 * needs {TEI}ptr and {TEI}listRef (the steps before the last are required too, so a rule about
 * tagset documentation is skipped in a letter with pointers). A union needs what any branch needs.
 */
export function contextNeeds(context: string, namespaces: Record<string, string>): string[][] | null {
  const needs: string[][] = [];
  for (const branch of topLevel(context, '|')) {
    const steps = topLevel(branch, '/');
    const last = stepNeeds(steps.at(-1) ?? '', namespaces);
    if (!last) return null;
    // An earlier step that names one element (whatever its predicates) must occur as well.
    const before = steps
      .slice(0, -1)
      .map((step) => stepNeeds(step, namespaces))
      .flatMap((found) => (found?.length === 1 && found[0]!.length === 1 ? found[0]! : []));
    needs.push(...last.map((names) => [...names, ...before]));
  }
  return needs;
}

function stepNeeds(step: string, namespaces: Record<string, string>): string[][] | null {
  const group = /^\((.*)\)((?:\s*\[.*\])*)$/s.exec(step);
  if (group && topLevel(group[1]!, '').length === 1) return contextNeeds(group[1]!, namespaces);
  const element = /^(?:child::)?([\w.-]+):([\w.-]+|\*)\s*((?:\[.*\])?)$/s.exec(step);
  if (element && namespaces[element[1]!] !== undefined) {
    if (element[2] !== '*') return [[`{${namespaces[element[1]!]}}${element[2]}`]];
    // Any predicate that is "@a", "@a and …" or "starts-with(@a, …)" requires @a (the predicates
    // of the step itself, not those nested inside them).
    for (const predicate of predicates(element[3]!)) {
      const a = /^\s*(?:@([\w.-]+)\s*(?:$|and\b)|starts-with\(\s*@([\w.-]+)\s*,)/.exec(predicate);
      if (a) return [[`@{}${a[1] ?? a[2]}`]];
    }
    return null;
  }
  const attribute = /^(?:attribute::|@)(?:([\w.-]+):)?([\w.-]+)$/.exec(step);
  if (attribute && (attribute[1] === undefined || namespaces[attribute[1]] !== undefined))
    return [[`@{${attribute[1] === undefined ? '' : namespaces[attribute[1]]}}${attribute[2]}`]];
  return null;
}

/**
 * Split an expression at a separator that stands outside brackets, parentheses and string literals
 * ("a | b[c | d] | /e" at '|' → a, b[c | d], /e; "a/b[c/d]" at '/' → a, b[c/d]). With '' nothing is
 * split: one part when the brackets balance, none when they do not.
 */
function topLevel(expression: string, separator: '|' | '/' | ''): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (--depth < 0) return [];
    } else if (ch === separator && depth === 0 && !(separator === '|' && expression[i + 1] === '|')) {
      parts.push(expression.slice(from, i).trim());
      from = i + 1;
    }
  }
  if (depth !== 0) return [];
  parts.push(expression.slice(from).trim());
  // One branch that is a parenthesised union: its branches.
  if (separator === '|' && parts.length === 1) {
    const inner = /^\((.*)\)$/s.exec(parts[0]!)?.[1];
    const branches = inner === undefined ? [] : topLevel(inner, '|');
    if (branches.length > 1) return branches;
  }
  return parts.filter((p) => p !== '');
}

/** The predicates of a step, without their brackets ("[a][b[c]]" → "a", "b[c]"). */
function predicates(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') {
      if (depth++ === 0) from = i + 1;
    } else if ((ch === ')' || ch === ']') && --depth === 0 && ch === ']') found.push(text.slice(from, i));
  }
  return found;
}
