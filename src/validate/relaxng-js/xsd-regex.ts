/**
 * XML Schema regular expressions as JavaScript ones: anchored (XSD patterns match the whole value),
 * with the XML name classes \i \c and their negations, Unicode categories \p{..} (u flag), and ^ $
 * literal as XSD has them. Block escapes (\p{IsBasicLatin}) have no JavaScript form: they match any
 * character, the lenient side.
 */
const NAME_START =
  'A-Z_a-z:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

export function xsdRegex(source: string): RegExp {
  let out = '';
  let inClass = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      i++;
      if (n === 'i' || n === 'c')
        out += inClass ? (n === 'i' ? NAME_START : NAME_CHAR) : `[${n === 'i' ? NAME_START : NAME_CHAR}]`;
      else if (n === 'I' || n === 'C') out += `[^${n === 'I' ? NAME_START : NAME_CHAR}]`;
      else if ((n === 'p' || n === 'P') && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        const name = source.slice(i + 2, close);
        i = close;
        out += /^Is/.test(name) ? (n === 'p' ? (inClass ? '\\s\\S' : '[\\s\\S]') : '[^\\s\\S]') : `\\${n}{${name}}`;
      } else if (n === 'd' || n === 'D') out += `\\${n === 'd' ? 'p' : 'P'}{Nd}`;
      else if (n === '-' && !inClass) out += '-';
      else if ((n === 'w' || n === 'W') && !inClass)
        out += n === 'w' ? '[^\\p{P}\\p{Z}\\p{C}]' : '[\\p{P}\\p{Z}\\p{C}]';
      else out += `\\${n}`;
    } else if (c === '[') {
      // XSD class subtraction [a-z-[aeiou]]: approximated by the outer class (lenient).
      if (inClass && out.endsWith('-')) {
        out = out.slice(0, -1);
        let depth = 1;
        while (depth > 0 && ++i < source.length) {
          if (source[i] === '\\') i++;
          else if (source[i] === '[') depth++;
          else if (source[i] === ']') depth--;
        }
        continue;
      }
      inClass++;
      out += c;
    } else if (c === ']') {
      inClass = Math.max(0, inClass - 1);
      out += c;
    } else if (!inClass && (c === '^' || c === '$')) out += `\\${c}`;
    else out += c;
  }
  return new RegExp(`^(?:${out})$`, 'u');
}
