// Numbers as typed. No DOM: the Node tests in ../jstest cover this file.

// NUMBER is what the form takes as a number: JSON's syntax, plus a sign,
// a leading or trailing point and leading zeros.
export const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

// Typed is a number as the person typed it. It goes to the bridge as
// that text: a JavaScript number would turn 100.1234567890123456789 into
// 100.12345678901235, 2^53 + 1 into 2^53, 1e-400 into 0 and 1e309 into
// Infinity, which JSON writes as null, so the field read as missing.
// The library judges the value (512.0 is no whole number, 1e309 no rate).
export class Typed {
  constructor(text) { this.text = jsonNumber(text); }
}

// jsonNumber writes a number that NUMBER accepts in JSON's syntax, with
// the same digits and value: "+5" → "5", ".5" → "0.5", "5." → "5",
// "007" → "7". The form has always taken these; JSON has not.
export function jsonNumber(raw) {
  const [, sign, whole, frac, exp] = /^([-+]?)(\d*)(?:\.(\d*))?([eE][-+]?\d+)?$/.exec(raw);
  return (sign === '-' ? '-' : '') + (whole.replace(/^0+(?=\d)/, '') || '0') + (frac ? '.' + frac : '') + (exp || '');
}

// jsonText is JSON.stringify that writes a Typed value as its digits.
export function jsonText(v) {
  if (v instanceof Typed) return v.text;
  if (Array.isArray(v)) return '[' + v.map(jsonText).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    return '{' + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ':' + jsonText(x)).join(',') + '}';
  }
  return JSON.stringify(v);
}

// parseExact is JSON.parse that keeps every number as the string of its
// digits, so a number in a link or the YAML box reaches the form as
// written. Strings are matched whole first, so digits inside them stay.
export function parseExact(json) {
  return JSON.parse(json.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (m) => (m[0] === '"' ? m : `"${m}"`)));
}
