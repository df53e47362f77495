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

// DECIMAL is a decimal string as the report writes one ("41040", "0.027").
const DECIMAL = /^-?\d+(\.\d+)?$/;

// grouped puts thousands separators into the whole part of a decimal
// string ("1234567.25" → "1,234,567.25"), never through a float. Anything
// else comes back as its text.
export function grouped(s) {
  if (typeof s === 'number' && Number.isFinite(s)) s = String(s);
  if (typeof s !== 'string' || !DECIMAL.test(s)) return s === undefined || s === null ? '' : String(s);
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  return (neg ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
}

// ceilWhole rounds a non-negative decimal string up to a whole number
// ("276.40625" → "277", "0.0273972602739726" → "1", "18" → "18"), with
// BigInt so no digit is lost. Anything else comes back as null.
export function ceilWhole(s) {
  if (typeof s === 'number' && Number.isFinite(s)) s = String(s);
  if (typeof s !== 'string' || !/^\d+(\.\d+)?$/.test(s)) return null;
  const [i, f] = s.split('.');
  return String(BigInt(i) + (f && /[1-9]/.test(f) ? 1n : 0n));
}

// compareDecimal orders two decimal strings by value (-1, 0, 1) without a
// float, so "1000.01" and "999.99" sort as amounts.
export function compareDecimal(a, b) {
  const split = (s) => {
    const neg = s.startsWith('-');
    const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
    return [neg, i.replace(/^0+(?=\d)/, ''), f.replace(/0+$/, '')];
  };
  const [na, ia, fa] = split(a);
  const [nb, ib, fb] = split(b);
  const zero = (i, f) => i === '0' && f === '';
  if (zero(ia, fa) && zero(ib, fb)) return 0;
  if (na !== nb) return na ? -1 : 1;
  const sign = na ? -1 : 1;
  if (ia.length !== ib.length) return sign * (ia.length < ib.length ? -1 : 1);
  if (ia !== ib) return sign * (ia < ib ? -1 : 1);
  const n = Math.max(fa.length, fb.length);
  const pa = fa.padEnd(n, '0');
  const pb = fb.padEnd(n, '0');
  return pa === pb ? 0 : sign * (pa < pb ? -1 : 1);
}
