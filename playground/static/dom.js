// Building DOM nodes. User text is only ever set with textContent, .value
// or attributes: never as HTML markup.

export const $ = (id) => document.getElementById(id);

// el creates an element: props are attributes, except text (textContent)
// and class; undefined, null and false props are left out; kids are nodes
// or strings.
export function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

const NS = 'http://www.w3.org/2000/svg';

// svg creates an SVG element with attributes and, if given, its text.
export function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// swatch is a legend's sample of a line: its colour and, if any, dashes.
export function swatch(color, dash) {
  const sw = svg('svg', { width: 28, height: 10, 'aria-hidden': 'true' });
  const line = { x1: 1, x2: 27, y1: 5, y2: 5, stroke: color, 'stroke-width': 2.5 };
  if (dash) line['stroke-dasharray'] = dash;
  sw.append(svg('line', line));
  return sw;
}

// safeLink is a link for an http(s) address, else the text and the value.
export function safeLink(href, text) {
  if (typeof href === 'string' && /^https?:\/\//.test(href)) {
    return el('a', { href, rel: 'noopener noreferrer', target: '_blank', text });
  }
  return href ? el('span', { text: `${text}: ${href}` }) : null;
}

// linkify turns the http(s) addresses in a text into links named by
// their host, and leaves the rest as text.
export function linkify(text) {
  const out = [];
  const re = /\(?(https?:\/\/[^\s()]+[^\s().,;])\)?/g;
  let last = 0;
  let m;
  const str = String(text);
  while ((m = re.exec(str))) {
    if (m.index > last) out.push(str.slice(last, m.index));
    let host = m[1];
    try { host = new URL(m[1]).host; } catch (e) { /* keep the address */ }
    const a = safeLink(m[1], host);
    out.push(m[0].startsWith('(') ? '(' : '', a, m[0].endsWith(')') ? ')' : '');
    last = m.index + m[0].length;
  }
  if (last < str.length) out.push(str.slice(last));
  return out;
}
