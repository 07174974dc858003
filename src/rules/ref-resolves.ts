import { posix } from 'node:path';
import { TEI_NS, elements } from '../core/xml-tree.js';
import { idMap } from '../tei/project-index.js';
import { POINTER_ATTRIBUTES, prefixDefsOf, resolvePointer } from '../tei/pointers.js';
import type { Rule, RuleContext } from './rule.js';
import { exampleTei, PREFIX_DEFS } from './example-tei.js';
import { quote } from '../core/quote.js';

// Examples are whole documents; the header declares the edition's prefixes. The body starts on line 12.
const example = (body: string) => exampleTei(body, { afterFileDesc: PREFIX_DEFS });

export const refResolves: Rule = {
  id: 'tei/ref-resolves',
  severity: 'error',
  docs: 'Every pointer in @ref @who @corresp @target @decls @sameAs @source leads to an xml:id in the edition (absolute URIs are not followed).',
  examples: {
    ok: [
      {
        name: 'prefixed, relative and local pointers',
        xml: example(
          '<p xml:id="p1"><persName ref="per:brezhnev">Brezhnev</persName> wrote to <persName ref="register/persons.xml#carter per:carter">Carter</persName> from <placeName ref="pla:moscow">Moscow</placeName>.</p>\n<p corresp="#p1">See <ref target="https://history.state.gov/ mailto:editor@example.org">the original</ref>.</p>',
        ),
      },
      {
        name: 'pointer schemes through ids that exist',
        xml: example(
          '<p xml:id="a">One</p>\n<p xml:id="b"><ref target="#range(a,b) #string-range(a,0,3) #left(b) #right(a)">both</ref></p>',
        ),
      },
      {
        name: 'a whole file and a pointer that climbs back into the edition',
        xml: example(
          '<p><ref target="register/orgs.xml">Organisations</ref>: <orgName ref="../tei/register/orgs.xml#nato">NATO</orgName></p>',
        ),
      },
    ],
    notOk: [
      {
        name: 'dangling pointer into a register',
        xml: example('<p><persName ref="per:brezhnew">Brezhnev</persName></p>'),
        line: 12,
        column: 14,
        message: 'Unexpected pointer "per:brezhnew" in @ref: no xml:id "brezhnew" in register/persons.xml',
      },
      {
        name: 'a range() whose end names no id',
        xml: example('<p xml:id="a"><ref target="#range(a,zz)">x</ref></p>'),
        line: 12,
        column: 20,
        message: 'Unexpected pointer "#range(a,zz)" in @target: no xml:id "zz" in this document',
      },
      {
        name: 'undeclared prefix',
        xml: example('<p><persName ref="pers:brezhnev">Brezhnev</persName></p>'),
        line: 12,
        column: 14,
        message:
          'Unexpected pointer "pers:brezhnev" in @ref: undeclared prefix "pers", expected one declared in listPrefixDef or an absolute URI',
      },
      {
        name: 'no such file',
        xml: example('<p><persName ref="register/people.xml#brezhnev">Brezhnev</persName></p>'),
        line: 12,
        column: 14,
        message:
          'Unexpected pointer "register/people.xml#brezhnev" in @ref: no such file register/people.xml (or it is not well-formed)',
      },
      {
        name: 'no such local id, second of a list',
        xml: example('<p xml:id="p1" corresp="#p1 #p2">Text</p>'),
        line: 12,
        column: 16,
        message: 'Unexpected pointer "#p2" in @corresp: no xml:id "p2" in this document',
      },
      {
        name: 'a pointer escaping the edition',
        xml: example('<p><ref target="../../etc/passwd#x">secret</ref></p>'),
        line: 12,
        column: 9,
        message: 'Unexpected pointer "../../etc/passwd#x" in @target: the path leads outside tei/',
      },
      {
        name: 'javascript: URI',
        xml: example('<p><ref target="javascript:alert(1)">click</ref></p>'),
        line: 12,
        column: 9,
        message: 'Unexpected javascript: URI in @target: not allowed in the edition',
      },
      {
        name: 'a prefix value its matchPattern refuses',
        xml: example('<p><persName ref="per:Brezhnev">Brezhnev</persName></p>'),
        line: 12,
        column: 14,
        message:
          'Unexpected pointer "per:Brezhnev" in @ref: "Brezhnev" does not match @matchPattern "([a-z0-9\\\\-]+)" of prefix "per"',
      },
    ],
  },
  check(ctx) {
    const prefixDefs = prefixDefsOf(ctx.tree);
    const localIds = idMap(ctx.tree);
    for (const el of elements(ctx.tree.root)) {
      if (el.ns !== TEI_NS) continue;
      for (const a of el.attributes) {
        if (a.ns !== '' || !POINTER_ATTRIBUTES.has(a.local)) continue;
        const pointers = a.value.split(/\s+/).filter((p) => p !== '');
        if (pointers.length === 0)
          ctx.report(a, `Unexpected empty @${a.name} on <${el.name}>, expected one or more pointers`);
        for (const pointer of pointers) {
          const target = resolvePointer(pointer, ctx.doc.file, prefixDefs, ctx.project.teiDir);
          if ('external' in target) continue;
          if ('file' in target && target.scheme !== undefined) {
            // A pointer scheme: each id it names must exist; one that names none is said, not judged.
            if (target.ids!.length === 0)
              ctx.report(
                a,
                `Unexpected ${target.scheme}() pointer ${quote(pointer)} in @${a.name}: it names no xml:id, so it is not followed`,
                'info',
              );
            for (const id of target.ids!) {
              const why = missing(ctx, localIds, target.file, id);
              if (why !== undefined) ctx.report(a, `Unexpected pointer ${quote(pointer)} in @${a.name}: ${why}`);
            }
            continue;
          }
          const why = 'error' in target ? target.error : missing(ctx, localIds, target.file, target.id);
          if (why === undefined) continue;
          const what = 'error' in target && target.what !== undefined ? target.what : `pointer ${quote(pointer)}`;
          ctx.report(a, `Unexpected ${what} in @${a.name}: ${why}`);
        }
      }
    }
  },
};

/** Why a resolved pointer leads nowhere, or undefined when it leads somewhere. */
function missing(
  ctx: RuleContext,
  localIds: ReadonlyMap<string, string>,
  file: string,
  id: string | null,
): string | undefined {
  if (file === ctx.doc.file)
    return id === null || localIds.has(id) ? undefined : `no xml:id ${JSON.stringify(id)} in this document`;
  const shown = posix.relative(ctx.project.teiDir, file);
  if (!ctx.project.has(file)) return `no such file ${shown} (or it is not well-formed)`;
  if (id !== null && ctx.project.elementOf(file, id) === undefined)
    return `no xml:id ${JSON.stringify(id)} in ${shown}`;
  return undefined;
}
