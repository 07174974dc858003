/**
 * Load a RELAX NG schema (XML syntax) into hash-consed patterns: include and externalRef resolved
 * relative to the file that names them, defines combined (choice/interleave), nested grammars with
 * parentRef, and the simplifications of the spec done as patterns are built (optional, zeroOrMore and
 * mixed rewritten, several children grouped, ns and datatypeLibrary inherited).
 */
import { dirname, resolve } from 'node:path';
import { datatype, type Datatype } from './datatypes.js';
import type { NameClass } from './name-class.js';
import { Patterns, type Pattern } from './pattern.js';
import { readRng, resolvePrefix, SchemaLoadError, type RngNode } from './rng-tree.js';

export { SchemaLoadError } from './rng-tree.js';

export interface Schema {
  start: Pattern;
  patterns: Patterns;
}

interface Env {
  grammar: Grammar | null;
  ns: string;
  dtLib: string;
}

interface Part {
  node: RngNode;
  env: Env;
  combine: string | undefined;
}

class Grammar {
  readonly defines = new Map<string, Part[]>();
  readonly start: Part[] = [];
  private readonly resolved = new Map<string, Pattern>();
  private readonly resolving = new Set<string>();
  constructor(
    readonly parent: Grammar | null,
    private readonly compile: (parts: Part[], what: string) => Pattern,
  ) {}

  ref(name: string, from: RngNode): Pattern {
    const done = this.resolved.get(name);
    if (done) return done;
    const parts = this.defines.get(name);
    if (!parts) throw new SchemaLoadError(`${from.file}:${from.line}: reference to undefined pattern "${name}"`);
    if (this.resolving.has(name))
      throw new SchemaLoadError(`${from.file}:${from.line}: pattern "${name}" refers to itself outside an element`);
    this.resolving.add(name);
    const p = this.compile(parts, name);
    this.resolving.delete(name);
    this.resolved.set(name, p);
    return p;
  }
}

/**
 * `read` gives a schema file's tree (the validator's reads one from its cache when it can). With
 * `resolveAll` (the default) every element's content is resolved now, so an undefined ref surfaces at
 * load time, not while validating; without it each is resolved when a document first reaches it (for a
 * schema that loaded whole before: relaxng.ts).
 */
export function loadSchema(file: string, read: (file: string) => RngNode = readRng, resolveAll = true): Schema {
  const patterns = new Patterns();
  const root = read(resolve(file));
  const start = new Loader(patterns, read).top(root);
  if (resolveAll) for (let i = 0; i < patterns.elements.length; i++) patterns.elements[i]!.content();
  return { start, patterns };
}

class Loader {
  private readonly datatypes = new Map<string, Datatype>();
  constructor(
    private readonly p: Patterns,
    private readonly read: (file: string) => RngNode,
  ) {}

  top(root: RngNode): Pattern {
    return this.pattern(root, { grammar: null, ns: '', dtLib: '' });
  }

  private env(node: RngNode, env: Env): Env {
    const ns = node.attrs['ns'];
    const dtLib = node.attrs['datatypeLibrary'];
    return ns === undefined && dtLib === undefined ? env : { ...env, ns: ns ?? env.ns, dtLib: dtLib ?? env.dtLib };
  }

  private group(nodes: readonly RngNode[], env: Env): Pattern {
    let r = this.p.empty;
    for (const n of nodes) r = this.p.group(r, this.pattern(n, env));
    return r;
  }

  private fold(nodes: readonly RngNode[], env: Env, how: 'choice' | 'interleave' | 'group'): Pattern {
    if (how === 'choice') return this.p.choices(nodes.map((n) => this.pattern(n, env)));
    let r: Pattern | null = null;
    for (const n of nodes) {
      const q = this.pattern(n, env);
      r = r === null ? q : this.p[how](r, q);
    }
    return r ?? this.p.empty;
  }

  pattern(node: RngNode, outer: Env): Pattern {
    const env = this.env(node, outer);
    const p = this.p;
    const kids = node.children;
    switch (node.local) {
      case 'element': {
        const named = node.attrs['name'] !== undefined;
        const nc = named ? this.qname(node, node.attrs['name']!, env.ns) : this.nameClass(kids[0]!, env);
        const content = named ? kids : kids.slice(1);
        return p.element(nc, () => this.group(content, env));
      }
      case 'attribute': {
        const named = node.attrs['name'] !== undefined;
        const nc = named
          ? this.qname(node, node.attrs['name']!, node.attrs['ns'] ?? '')
          : this.nameClass(kids[0]!, env);
        const content = named ? kids : kids.slice(1);
        const value = content.length === 0 ? p.text : this.group(content, env);
        return p.attribute(nc, value, ncKey(nc));
      }
      case 'group':
        return this.fold(kids, env, 'group');
      case 'interleave':
        return this.fold(kids, env, 'interleave');
      case 'choice':
        return this.fold(kids, env, 'choice');
      case 'optional':
        return p.choice(this.group(kids, env), p.empty);
      case 'zeroOrMore':
        return p.choice(p.oneOrMore(this.group(kids, env)), p.empty);
      case 'oneOrMore':
        return p.oneOrMore(this.group(kids, env));
      case 'mixed':
        return p.interleave(this.group(kids, env), p.text);
      case 'list':
        return p.list(this.group(kids, env));
      case 'empty':
        return p.empty;
      case 'notAllowed':
        return p.notAllowed;
      case 'text':
        return p.text;
      case 'data': {
        const params: [string, string][] = kids
          .filter((k) => k.local === 'param')
          .map((k) => [k.attrs['name'] ?? '', k.text]);
        const except = kids.find((k) => k.local === 'except');
        return p.data(
          this.datatype(node, env.dtLib, node.attrs['type'] ?? '', params),
          except ? this.fold(except.children, env, 'choice') : null,
        );
      }
      case 'value': {
        const type = node.attrs['type'];
        const dt = type === undefined ? this.datatype(node, '', 'token', []) : this.datatype(node, env.dtLib, type, []);
        return p.value(dt, node.text);
      }
      case 'ref':
        return this.grammarOf(node, env.grammar).ref(node.attrs['name'] ?? '', node);
      case 'parentRef':
        return this.grammarOf(node, env.grammar?.parent ?? null).ref(node.attrs['name'] ?? '', node);
      case 'externalRef': {
        const target = this.read(resolve(dirname(node.file), node.attrs['href'] ?? ''));
        // The ns in scope carries over (the target's own ns attribute, if any, applies in pattern()); the
        // datatype library does not.
        return this.pattern(target, { ...env, dtLib: '' });
      }
      case 'grammar': {
        const g = new Grammar(env.grammar, (parts, name) => this.combine(parts, name));
        this.collect(g, node, env, new Set());
        if (g.start.length === 0) throw new SchemaLoadError(`${node.file}:${node.line}: grammar without start`);
        return this.combine(g.start, 'start');
      }
      default:
        throw new SchemaLoadError(`${node.file}:${node.line}: unexpected <${node.local}> in a pattern`);
    }
  }

  private grammarOf(node: RngNode, g: Grammar | null): Grammar {
    if (!g) throw new SchemaLoadError(`${node.file}:${node.line}: <${node.local}> outside a grammar`);
    return g;
  }

  /** A grammar's start and defines, from its own children, its divs and the grammars it includes. */
  private collect(g: Grammar, node: RngNode, outer: Env, overridden: ReadonlySet<string>): void {
    const env = { ...this.env(node, outer), grammar: g };
    for (const k of node.children) {
      const kEnv = this.env(k, env);
      if (k.local === 'start') {
        if (!overridden.has('#start')) g.start.push({ node: k, env: kEnv, combine: k.attrs['combine'] });
      } else if (k.local === 'define') {
        const name = k.attrs['name'] ?? '';
        if (overridden.has(name)) continue;
        const parts = g.defines.get(name) ?? [];
        parts.push({ node: k, env: kEnv, combine: k.attrs['combine'] });
        g.defines.set(name, parts);
      } else if (k.local === 'div') this.collect(g, k, env, overridden);
      else if (k.local === 'include') {
        const names = new Set(overridden);
        const gather = (n: RngNode) => {
          for (const c of n.children)
            if (c.local === 'start') names.add('#start');
            else if (c.local === 'define') names.add(c.attrs['name'] ?? '');
            else if (c.local === 'div') gather(c);
        };
        gather(k);
        const included = this.read(resolve(dirname(k.file), k.attrs['href'] ?? ''));
        if (included.local !== 'grammar')
          throw new SchemaLoadError(`${included.file}: an included schema must be a grammar`);
        this.collect(g, included, { ...kEnv, dtLib: '' }, names);
        this.collect(g, k, env, overridden);
      }
    }
  }

  private combine(parts: Part[], name: string): Pattern {
    const how = parts.find((x) => x.combine)?.combine === 'interleave' ? 'interleave' : 'choice';
    if (how === 'choice' && parts.length > 0)
      return this.p.choices(parts.map((part) => this.group(part.node.children, part.env)));
    let r: Pattern | null = null;
    for (const part of parts) {
      const q = this.group(part.node.children, part.env);
      r = r === null ? q : this.p[how](r, q);
    }
    if (r === null) throw new SchemaLoadError(`pattern ${name} is empty`);
    return r;
  }

  private qname(node: RngNode, name: string, ns: string): NameClass {
    const colon = name.indexOf(':');
    if (colon === -1) return { kind: 'name', ns, local: name };
    const uri = resolvePrefix(node, name.slice(0, colon));
    if (uri === undefined) throw new SchemaLoadError(`${node.file}:${node.line}: undeclared prefix in ${name}`);
    return { kind: 'name', ns: uri, local: name.slice(colon + 1) };
  }

  private nameClass(node: RngNode, outer: Env): NameClass {
    const env = this.env(node, outer);
    const except = () => {
      const e = node.children.find((c) => c.local === 'except');
      return e ? this.choiceOfClasses(e.children, env) : null;
    };
    switch (node.local) {
      case 'name':
        return this.qname(node, node.text.trim(), env.ns);
      case 'anyName':
        return { kind: 'anyName', except: except() };
      case 'nsName':
        return { kind: 'nsName', ns: env.ns, except: except() };
      case 'choice':
        return this.choiceOfClasses(node.children, env)!;
      default:
        throw new SchemaLoadError(`${node.file}:${node.line}: <${node.local}> is not a name class`);
    }
  }

  private choiceOfClasses(nodes: readonly RngNode[], env: Env): NameClass | null {
    let r: NameClass | null = null;
    for (const n of nodes) {
      const c = this.nameClass(n, env);
      r = r === null ? c : { kind: 'choice', a: r, b: c };
    }
    return r;
  }

  private datatype(node: RngNode, lib: string, name: string, params: [string, string][]): Datatype {
    const key = `${lib}#${name}#${JSON.stringify(params)}`;
    let dt = this.datatypes.get(key);
    if (!dt) {
      try {
        dt = datatype(lib, name, params);
      } catch (e) {
        throw new SchemaLoadError(`${node.file}:${node.line}: ${(e as Error).message}`);
      }
      this.datatypes.set(key, dt);
    }
    return dt;
  }
}

function ncKey(nc: NameClass): string {
  switch (nc.kind) {
    case 'name':
      return `{${nc.ns}}${nc.local}`;
    case 'anyName':
      return `*-(${nc.except ? ncKey(nc.except) : ''})`;
    case 'nsName':
      return `{${nc.ns}}*-(${nc.except ? ncKey(nc.except) : ''})`;
    case 'choice':
      return `(${ncKey(nc.a)}|${ncKey(nc.b)})`;
  }
}
