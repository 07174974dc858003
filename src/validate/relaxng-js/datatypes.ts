/**
 * The datatypes TEI uses: RELAX NG's built-in string and token, and the XML Schema built-ins with the
 * facets a schema can give as <param>. A value is checked after the type's white-space rule.
 */
import { xsdRegex } from './xsd-regex.js';

export interface Datatype {
  /** Identity for hash-consing: library, name and params. */
  key: string;
  /** What it was made of (datatype(library, name, params)): a learned engine state names it so (engine-state.ts). */
  library: string;
  name: string;
  params: readonly [string, string][];
  allows(value: string): boolean;
  equal(a: string, b: string): boolean;
}

export const XSD = 'http://www.w3.org/2001/XMLSchema-datatypes';

const collapse = (s: string) => s.replace(/[\t\n\r ]+/g, ' ').trim();
const replaceWs = (s: string) => s.replace(/[\t\n\r]/g, ' ');

const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}._\-\u00B7\u203F\u2040]*$/u;
const NAME = /^[\p{L}_:][\p{L}\p{N}\p{M}._:\-\u00B7\u203F\u2040]*$/u;
const NMTOKEN = /^[\p{L}\p{N}\p{M}._:\-\u00B7\u203F\u2040]+$/u;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const TZ = '(Z|[+-]((0\\d|1[0-3]):[0-5]\\d|14:00))?';
const YEAR = '-?([1-9]\\d{3,}|0\\d{3})';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[12]\\d|3[01])';
const TIME = '(([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?|24:00:00(\\.0+)?)';
const re = (s: string) => new RegExp(`^${s}${TZ}$`);
const DATE = re(`${YEAR}-${MONTH}-${DAY}`);

function dayFits(v: string): boolean {
  const m = /^(-?\d+)-(\d\d)-(\d\d)/.exec(v);
  if (!m) return true;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return Number(m[3]) <= days;
}

type Lexical = { ws: 'preserve' | 'replace' | 'collapse'; ok: (v: string) => boolean; num?: boolean; list?: boolean };

const integerIn = (min?: bigint, max?: bigint) => (v: string) => {
  if (!INTEGER.test(v)) return false;
  const n = BigInt(v);
  return (min === undefined || n >= min) && (max === undefined || n <= max);
};

const XSD_TYPES: Record<string, Lexical> = {
  string: { ws: 'preserve', ok: () => true },
  normalizedString: { ws: 'replace', ok: () => true },
  token: { ws: 'collapse', ok: () => true },
  anyURI: { ws: 'collapse', ok: () => true },
  language: { ws: 'collapse', ok: (v) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(v) },
  Name: { ws: 'collapse', ok: (v) => NAME.test(v) },
  NCName: { ws: 'collapse', ok: (v) => NCNAME.test(v) },
  ID: { ws: 'collapse', ok: (v) => NCNAME.test(v) },
  IDREF: { ws: 'collapse', ok: (v) => NCNAME.test(v) },
  ENTITY: { ws: 'collapse', ok: (v) => NCNAME.test(v) },
  IDREFS: { ws: 'collapse', ok: (v) => v !== '' && v.split(' ').every((x) => NCNAME.test(x)), list: true },
  ENTITIES: { ws: 'collapse', ok: (v) => v !== '' && v.split(' ').every((x) => NCNAME.test(x)), list: true },
  NMTOKEN: { ws: 'collapse', ok: (v) => NMTOKEN.test(v) },
  NMTOKENS: { ws: 'collapse', ok: (v) => v !== '' && v.split(' ').every((x) => NMTOKEN.test(x)), list: true },
  QName: { ws: 'collapse', ok: (v) => /^([^:]+:)?[^:]+$/.test(v) && v.split(':').every((x) => NCNAME.test(x)) },
  boolean: { ws: 'collapse', ok: (v) => /^(true|false|1|0)$/.test(v) },
  decimal: { ws: 'collapse', ok: (v) => DECIMAL.test(v), num: true },
  integer: { ws: 'collapse', ok: integerIn(), num: true },
  nonNegativeInteger: { ws: 'collapse', ok: integerIn(0n), num: true },
  positiveInteger: { ws: 'collapse', ok: integerIn(1n), num: true },
  nonPositiveInteger: { ws: 'collapse', ok: integerIn(undefined, 0n), num: true },
  negativeInteger: { ws: 'collapse', ok: integerIn(undefined, -1n), num: true },
  long: { ws: 'collapse', ok: integerIn(-(2n ** 63n), 2n ** 63n - 1n), num: true },
  int: { ws: 'collapse', ok: integerIn(-(2n ** 31n), 2n ** 31n - 1n), num: true },
  short: { ws: 'collapse', ok: integerIn(-32768n, 32767n), num: true },
  byte: { ws: 'collapse', ok: integerIn(-128n, 127n), num: true },
  unsignedLong: { ws: 'collapse', ok: integerIn(0n, 2n ** 64n - 1n), num: true },
  unsignedInt: { ws: 'collapse', ok: integerIn(0n, 2n ** 32n - 1n), num: true },
  unsignedShort: { ws: 'collapse', ok: integerIn(0n, 65535n), num: true },
  unsignedByte: { ws: 'collapse', ok: integerIn(0n, 255n), num: true },
  double: { ws: 'collapse', ok: (v) => DOUBLE.test(v), num: true },
  float: { ws: 'collapse', ok: (v) => DOUBLE.test(v), num: true },
  date: { ws: 'collapse', ok: (v) => DATE.test(v) && dayFits(v) },
  dateTime: { ws: 'collapse', ok: (v) => re(`${YEAR}-${MONTH}-${DAY}T${TIME}`).test(v) && dayFits(v) },
  time: { ws: 'collapse', ok: (v) => re(TIME).test(v) },
  gYear: { ws: 'collapse', ok: (v) => re(YEAR).test(v) },
  gYearMonth: { ws: 'collapse', ok: (v) => re(`${YEAR}-${MONTH}`).test(v) },
  gMonth: { ws: 'collapse', ok: (v) => re(`--${MONTH}`).test(v) },
  gDay: { ws: 'collapse', ok: (v) => re(`---${DAY}`).test(v) },
  gMonthDay: { ws: 'collapse', ok: (v) => re(`--${MONTH}-${DAY}`).test(v) && dayFits(`2000-${v.slice(2)}`) },
  duration: {
    ws: 'collapse',
    ok: (v) => /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v),
  },
  base64Binary: { ws: 'collapse', ok: (v) => /^[A-Za-z0-9+/= ]*$/.test(v) },
  hexBinary: { ws: 'collapse', ok: (v) => /^([0-9a-fA-F]{2})*$/.test(v) },
};

export class DatatypeError extends Error {}

/** A datatype by library and name, with its params (facets). */
export function datatype(library: string, name: string, params: readonly [string, string][]): Datatype {
  const key = `${library}#${name}${params.map(([k, v]) => `;${k}=${v}`).join('')}`;
  if (library === '') {
    if (name !== 'string' && name !== 'token') throw new DatatypeError(`Unknown datatype ${name}`);
    const norm = name === 'token' ? collapse : (s: string) => s;
    return { key, library, name, params, allows: () => true, equal: (a, b) => norm(a) === norm(b) };
  }
  if (library !== XSD) throw new DatatypeError(`Unknown datatype library ${library}`);
  const lex = XSD_TYPES[name];
  if (!lex) throw new DatatypeError(`Unknown datatype xsd:${name}`);
  const norm = lex.ws === 'collapse' ? collapse : lex.ws === 'replace' ? replaceWs : (s: string) => s;
  const checks: ((v: string) => boolean)[] = [];
  for (const [facet, raw] of params) checks.push(facetCheck(facet, raw, lex));
  const allows = (value: string) => {
    const v = norm(value);
    return lex.ok(v) && checks.every((c) => c(v));
  };
  const canon = lex.num ? (s: string) => (DOUBLE.test(s) ? String(Number(s)) : s) : (s: string) => s;
  return { key, library, name, params, allows, equal: (a, b) => canon(norm(a)) === canon(norm(b)) };
}

function facetCheck(facet: string, raw: string, lex: Lexical): (v: string) => boolean {
  const length = (v: string) => (lex.list ? v.split(' ').length : [...v].length);
  switch (facet) {
    case 'pattern': {
      const r = xsdRegex(raw);
      return (v) => r.test(v);
    }
    case 'length':
      return (v) => length(v) === Number(raw);
    case 'minLength':
      return (v) => length(v) >= Number(raw);
    case 'maxLength':
      return (v) => length(v) <= Number(raw);
    case 'minInclusive':
      return (v) => Number(v) >= Number(raw);
    case 'maxInclusive':
      return (v) => Number(v) <= Number(raw);
    case 'minExclusive':
      return (v) => Number(v) > Number(raw);
    case 'maxExclusive':
      return (v) => Number(v) < Number(raw);
    case 'totalDigits':
      return (v) => v.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= Number(raw);
    case 'fractionDigits':
      return (v) => (v.split('.')[1] ?? '').replace(/0+$/, '').length <= Number(raw);
    default:
      throw new DatatypeError(`Unknown facet ${facet}`);
  }
}
