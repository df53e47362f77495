// The chart's scales, ticks and axis labels: both axes are logarithmic.
// No DOM: the Node tests in ../jstest cover this file.

// fmtMoney labels the cost axis: $0.50, $20, $1.5k, $15k, $1.2M.
export function fmtMoney(v) {
  if (v >= 1e6) return '$' + +(v / 1e6).toFixed(1) + 'M';
  if (v >= 1e4) return '$' + +(v / 1e3).toFixed(0) + 'k';
  if (v >= 1e3) return '$' + +(v / 1e3).toFixed(1) + 'k';
  // Cents below $10: a job's $1.98 and $2.16 a month are not both "$2".
  return '$' + +v.toFixed(v < 10 ? 2 : 0);
}

// fmtRate labels a request rate with three significant digits: 0.05,
// 12.5, 1.5k, 2M.
export function fmtRate(v) {
  if (v >= 1e6) return +(v / 1e6).toPrecision(3) + 'M';
  if (v >= 1e3) return +(v / 1e3).toPrecision(3) + 'k';
  if (v >= 1) return String(+v.toPrecision(3));
  return String(+v.toPrecision(2));
}

// costRange is the cost axis for the positive costs ys, in decades
// (log10): the top is the first 1, 2 or 5 × 10^k at or above the highest
// cost (at least $10), so the lines use the height; the bottom a whole
// decade at or below the lowest cost, at least one decade below the top.
// Zero costs sit on the floor, 10^ly0.
export function costRange(ys) {
  const pos = ys.filter((y) => y > 0);
  const maxY = Math.max(...pos, 10);
  let top = 10 ** Math.floor(Math.log10(maxY));
  for (const k of [1, 2, 5, 10]) if (k * top >= maxY * 0.9999) { top *= k; break; }
  const ly1 = Math.log10(top);
  const ly0 = Math.min(Math.floor(Math.log10(Math.min(...pos, top / 10))), Math.floor(ly1) - 1);
  return { top, ly0, ly1, floor: 10 ** ly0 };
}

// rateRange is the rate axis: from the lowest to the highest rate, in
// decades.
export function rateRange(xs) {
  return { lx0: Math.log10(Math.min(...xs)), lx1: Math.log10(Math.max(...xs)) };
}

// costTicks are the cost axis's grid lines: every decade, and 2 and 5 ×
// each decade while the axis spans at most four; labelled at decades, at
// every line when it spans at most two, and at the top.
export function costTicks({ top, ly0, ly1 }) {
  const out = [];
  const decades = ly1 - ly0;
  for (let e = ly0; e <= Math.ceil(ly1); e++) {
    for (const k of [1, 2, 5]) {
      const y = k * 10 ** e;
      if (y > top * 1.0001) continue;
      if (k > 1 && decades > 4) continue;
      out.push({ value: y, major: k === 1, label: k === 1 || decades <= 2 || y === top ? fmtMoney(y) : '' });
    }
  }
  return out;
}

// rateTicks are the rate axis's grid lines inside [lx0, lx1]: every
// decade, and 2 and 5 × each while it spans at most three; labelled at
// decades, and at every line when it spans at most two.
export function rateTicks({ lx0, lx1 }) {
  const out = [];
  for (let e = Math.floor(lx0); e <= Math.ceil(lx1); e++) {
    for (const k of [1, 2, 5]) {
      const x = k * 10 ** e;
      const lx = Math.log10(x);
      if (lx < lx0 - 1e-9 || lx > lx1 + 1e-9) continue;
      const major = k === 1;
      if (!major && lx1 - lx0 > 3) continue;
      out.push({ value: x, major, label: major || lx1 - lx0 <= 2 ? fmtRate(x) : '' });
    }
  }
  return out;
}

// project maps a rate and a cost to pixels in a box of width W and
// height H with margins m ({l, r, t, b}).
export function project(W, H, m, { lx0, lx1 }, { ly0, ly1, floor }) {
  return {
    X: (x) => m.l + (Math.log10(x) - lx0) / (lx1 - lx0 || 1) * (W - m.l - m.r),
    Y: (y) => H - m.b - (Math.log10(Math.max(y, floor)) - ly0) / (ly1 - ly0) * (H - m.t - m.b),
  };
}

// valueAt interpolates a curve ([[x, y], …], x rising) at x on the log
// axis; the ends hold outside it; null for no points.
export function valueAt(pts, x) {
  if (!pts.length) return null;
  if (x <= pts[0][0]) return pts[0][1];
  for (let i = 1; i < pts.length; i++) {
    if (x <= pts[i][0]) {
      const [x0, y0] = pts[i - 1];
      const [x1, y1] = pts[i];
      const t = (Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0));
      return y0 + t * (y1 - y0);
    }
  }
  return pts[pts.length - 1][1];
}

// Colours that stay apart for the common colour-vision deficiencies
// (Okabe–Ito), plus a dash pattern each so the lines differ without
// colour. A platform takes the style of its place in the schema's list,
// so each keeps its look whatever the scenario compares.
// The schema lists eleven platforms since the 2026 ones arrived: past
// the seven colours, each comes back with a dash pattern of its own.
const PALETTE = [
  ['#56B4E9', '1 2'], ['#D55E00', '5 5'], ['#CC79A7', '10 3 2 3'], ['#009E73', '2 3'],
  ['#0072B2', '8 4'], ['#E69F00', ''], ['#000000', '12 4 3 4'],
  ['#E69F00', '2 2 8 2'], ['#0072B2', '1 5'], ['#009E73', '12 3'], ['#D55E00', '1 2 1 6'],
  ['#CC79A7', '4 2'], ['#56B4E9', '10 2 2 2 2 2'],
];

// STYLES is how many platforms have a style of their own.
export const STYLES = PALETTE.length;
const FALLBACK = ['#666666', '3 3'];

// styleOf is [colour, dash] of the platform at index i; past the palette
// (or for a platform the schema does not list) a grey dashed line.
export function styleOf(i) {
  return i >= 0 && i < PALETTE.length ? PALETTE[i] : FALLBACK;
}

// sameAs maps each line to the first earlier line with exactly the same
// points, so the legend can say "same as …" when one line hides another
// (Swarm, Kubernetes and Nomad often cost the same). lines are
// {id, pts: [[x, y], …]}; the result maps id → the earlier id.
export function sameAs(lines) {
  const seen = new Map();
  const out = new Map();
  for (const l of lines) {
    const key = JSON.stringify(l.pts);
    if (seen.has(key)) out.set(l.id, seen.get(key));
    else seen.set(key, l.id);
  }
  return out;
}
