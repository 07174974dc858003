/** Faults found by the JavaScript engine as located findings with jing-like messages. */
import type { Position } from '../../core/diagnostic.js';
import { badValue, listOf } from './messages.js';
import type { Fault } from './validate-tree.js';

export interface Finding {
  at: Position;
  end?: Position;
  message: string;
}

const el = (n: string) => `<${n}>`;

export function describeFault(f: Fault): Finding {
  const tag = { at: f.el.start, end: f.el.tagEnd };
  switch (f.kind) {
    case 'element': {
      const alternatives = [...f.expected.map(el)];
      const none = f.parent
        ? f.canEnd
          ? `the end of <${f.parent.name}>`
          : f.text
            ? 'text'
            : 'no element'
        : 'no element';
      const where = f.parent ? ` in <${f.parent.name}>` : '';
      if (f.namespace !== undefined && f.expected.includes(f.el.local))
        return {
          ...tag,
          message: `Unexpected element <${f.el.name}> in ${f.el.ns ? `namespace ${f.el.ns}` : 'no namespace'}${where}, expected it in ${f.namespace ? `namespace ${f.namespace}` : 'no namespace'}`,
        };
      return {
        ...tag,
        message: `Unexpected element <${f.el.name}>${where}, expected ${listOf(alternatives, (n) => n, none)}`,
      };
    }
    case 'attribute':
      return {
        at: attributeAt(f.el, f.name),
        end: f.el.tagEnd,
        message: `Unexpected attribute ${f.name} on <${f.el.name}>, expected ${listOf(f.expected, (n) => n, 'no attributes')}`,
      };
    case 'value':
      return {
        at: attributeAt(f.el, f.name),
        end: f.el.tagEnd,
        message: badValue(f.name, f.el.name, f.value, {
          values: f.values,
          types: f.types.filter((t) => t !== 'text'),
          anyText: f.types.includes('text'),
        }),
      };
    case 'missing-attribute':
      return {
        ...tag,
        message: `Unexpected <${f.el.name}> without attribute ${listOf(f.names, (n) => n, '?')}, expected it`,
      };
    case 'incomplete': {
      // jing reports at the end tag: where the missing content should have been.
      const close = `</${f.el.name}>`;
      const at =
        f.el.end.column > close.length ? { line: f.el.end.line, column: f.el.end.column - close.length } : f.el.start;
      return {
        at,
        message: `Unexpected end of <${f.el.name}>, expected ${listOf(f.expected.map(el), (n) => n, 'more content')}`,
      };
    }
    case 'duplicate-id':
      return {
        at: attributeAt(f.el, f.name),
        end: f.el.tagEnd,
        message: f.again
          ? `Unexpected ID "${f.value}" of attribute ${f.name} on <${f.el.name}>: <${f.first.name}> at ${f.first.start.line}:${f.first.start.column} has it already, expected a value used once`
          : `Unexpected ID "${f.value}" of attribute ${f.name} on <${f.el.name}>: used again later, expected a value used once`,
      };
    case 'text':
      return {
        at: f.at,
        message: `Unexpected text in <${f.el.name}>, expected ${listOf(f.expected.map(el), (n) => n, 'no text')}`,
      };
  }
}

function attributeAt(e: { attributes: { name: string; start: Position }[]; start: Position }, name: string): Position {
  return e.attributes.find((a) => a.name === name)?.start ?? e.start;
}
