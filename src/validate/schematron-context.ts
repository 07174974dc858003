/**
 * What a Schematron rule context (an XSLT pattern, as text) selects, for the XPath queries of
 * schematron-query.ts: the XPath that finds the nodes it matches, and the names a node must carry
 * to match it (so a rule about <elementSpec> is skipped in a document without one).
 */

/**
 * The nodes a rule context matches: root()//(branch) for each branch of a union; a branch that
 * starts at the root is evaluated once as it stands, not once per node. Written //branch where that
 * means the same (a path): saxon-js 2.7 fails to compile //(tei:*[predicate]).
 */
export function contextNodes(context: string): string {
  return topLevel(context, '|')
    .map((b) => (b.startsWith('/') ? `(${b})` : /\s(except|intersect)\s/.test(b) ? `//(${b})` : `//${b}`))
    .join(' | ');
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
