/** The wording of schema diagnostics ("Unexpected X, expected Y"), shared by both RELAX NG engines. */
import { quote } from '../../core/quote.js';

export interface AllowedValues {
  values: string[];
  types: string[];
  /** The attribute takes text of any kind (no value or datatype restriction). */
  anyText: boolean;
}

export function badValue(attribute: string, element: string, value: string, spec: AllowedValues): string {
  const wants: string[] = [];
  if (spec.values.length > 0)
    wants.push(
      `one of ${[...spec.values]
        .sort()
        .map((v) => `"${v}"`)
        .join(', ')}`,
    );
  for (const t of spec.types) wants.push(t === 'list' ? 'a list of values' : `a value of type ${t}`);
  if (spec.anyText) wants.push('text');
  return `Unexpected value ${quote(value)} of attribute ${attribute} on <${element}>, expected ${wants.join(' or ') || 'no value'}`;
}

const LIST_MAX = 12;

export function listOf(names: readonly string[], show: (n: string) => string, none: string): string {
  if (names.length === 0) return none;
  const shown = names.slice(0, LIST_MAX).map(show).join(', ');
  return names.length > LIST_MAX
    ? `one of ${shown} (and ${names.length - LIST_MAX} more)`
    : names.length === 1
      ? shown
      : `one of ${shown}`;
}
