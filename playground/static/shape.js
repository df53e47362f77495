// Load shapes and hours: the maths of the shape picker (the 24 or 168
// bars of workload.profile or workload.hourly) and of the nodes-by-hour
// chart, and which fields a workload kind uses. No DOM: the Node tests in
// ../jstest cover this file.

// STEP is what one arrow key adds to or takes from a bar, and the grain
// a dragged bar snaps to, so hourly values stay short ("0.35").
export const STEP = 0.05;

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const pad = (h) => String(h).padStart(2, '0') + ':00';

// hourLabel names hour i of a day (n = 24: "08:00") or of a week starting
// Monday 00:00 UTC (n = 168: "Mon 08:00"); long gives the day in full.
export function hourLabel(i, n, long) {
  if (n === 168) return `${(long ? DAY_NAMES : DAYS)[Math.floor(i / 24) % 7]} ${pad(i % 24)}`;
  return pad(i % 24);
}

// hourTicks are the labelled hours of an axis of n hours: every day's
// start for a week (labelled with the day), every six hours for a day.
export function hourTicks(n) {
  const out = [];
  if (n === 168) for (let d = 0; d < 7; d++) out.push({ hour: d * 24, label: DAYS[d] });
  else for (let h = 0; h < n; h += 6) out.push({ hour: h, label: pad(h) });
  return out;
}

// shortDecimal writes a relative load with at most two decimals and no
// trailing zeros (0.35, 1, 0.1): what the scenario's hourly list gets.
export function shortDecimal(v) {
  if (!Number.isFinite(v) || v <= 0) return '0';
  return String(+v.toFixed(2));
}

// snap rounds a load to the STEP grain, never below zero.
export function snap(v) {
  if (!Number.isFinite(v) || v <= 0) return 0;
  // Multiplying by the whole 1/STEP (20) keeps 0.075 from rounding down.
  return +(Math.round(v * (1 / STEP) + 1e-9) / (1 / STEP)).toFixed(2);
}

// topOf is the value at the top of the picture: 1 (the busiest hour of a
// built-in shape), or more when a value typed by hand is higher.
export function topOf(values) {
  return Math.max(1, ...values.filter(Number.isFinite));
}

// valueAtY is the load of a point dragged at y pixels from the top of a
// picture h pixels high whose top means top, snapped and kept in [0, top].
export function valueAtY(y, h, top) {
  if (!(h > 0)) return 0;
  const f = 1 - Math.min(Math.max(y / h, 0), 1);
  return Math.min(snap(f * top), top);
}

// barAtX is the bar under x pixels from the left of a picture w pixels
// wide with n bars, kept in [0, n-1].
export function barAtX(x, w, n) {
  if (!(w > 0) || n < 1) return 0;
  return Math.min(Math.max(Math.floor((x / w) * n), 0), n - 1);
}

// withBar returns a copy of values with bar i set to v (snapped).
export function withBar(values, i, v) {
  const out = values.slice();
  out[i] = snap(v);
  return out;
}

// keyStep is what a key does to the focused bar i of n with value v:
// {bar} to move, {value} to change it, or null for a key it ignores.
// Left/Right move; Up/Down change by STEP, PageUp/PageDown by 0.25 (a
// quarter of the busiest hour); Home/End go to the first and last hour.
export function keyStep(key, i, n, v, top) {
  switch (key) {
    case 'ArrowLeft': return { bar: Math.max(i - 1, 0) };
    case 'ArrowRight': return { bar: Math.min(i + 1, n - 1) };
    case 'Home': return { bar: 0 };
    case 'End': return { bar: n - 1 };
    case 'ArrowUp': return { value: Math.min(snap(v + STEP), Math.max(top, snap(v))) };
    case 'ArrowDown': return { value: snap(Math.max(v - STEP, 0)) };
    case 'PageUp': return { value: Math.min(snap(v + 0.25), Math.max(top, snap(v))) };
    case 'PageDown': return { value: snap(Math.max(v - 0.25, 0)) };
    default: return null;
  }
}

// parseHourly reads the hourly field's text ("0.1, 0.1, 1 …") as numbers
// for the picture: null unless it is 24 or 168 non-negative numbers (the
// library names what is wrong with anything else).
export function parseHourly(text) {
  const items = String(text || '').split(/[\s,]+/).filter(Boolean);
  if (items.length !== 24 && items.length !== 168) return null;
  const out = items.map(Number);
  return out.every((v) => Number.isFinite(v) && v >= 0) ? out : null;
}

// shapeOf is the shape the form describes: the hourly list when it holds
// one (custom), else the chosen profile, else the schema's default
// profile. It returns {values, name, custom} or null when there is no
// profile to draw (profiles did not load).
export function shapeOf(profiles, profile, hourlyText, fallback) {
  const own = parseHourly(hourlyText);
  if (own) return { values: own, name: '', custom: true };
  const name = profile || fallback || 'flat';
  const p = (profiles || []).find((x) => x.name === name);
  if (!p || !Array.isArray(p.hourly)) return null;
  return { values: p.hourly.map(Number), name, custom: false };
}

// hourlyText writes values as the hourly field holds them.
export const hourlyText = (values) => values.map(shortDecimal).join(', ');

// KIND_FIELD is the scenario field that says what the workload is; a
// field of the schema with workload_kind belongs to that kind only.
export const KIND_FIELD = 'workload.kind';

// kindOf is the workload kind the form's value means ('' is the default).
export function kindOf(schema, value) {
  if (value) return value;
  const f = schema.fields.find((x) => x.path === KIND_FIELD);
  return (f && f.default) || 'service';
}

// usedBy says whether a field is used by a workload of this kind: the
// form shows and sends only these (the library rejects the others).
export const usedBy = (f, kind) => !f.workload_kind || f.workload_kind === kind;

// nodeSeries lists, for every platform whose capacity has nodes_by_hour,
// {id, name, unit, values}, in the report's order; unit is "tasks" on
// Fargate (which has task_hours) and "nodes" elsewhere. All series have
// the same length (the report's shape), else the longest ones are kept.
export function nodeSeries(report) {
  const out = [];
  for (const p of (report && report.platforms) || []) {
    const c = p.capacity;
    if (!p.feasible || !c || !Array.isArray(c.nodes_by_hour) || c.nodes_by_hour.length === 0) continue;
    out.push({
      id: p.platform, name: p.name || p.platform, unit: c.task_hours !== undefined ? 'tasks' : 'nodes',
      values: c.nodes_by_hour.map(Number),
    });
  }
  const n = Math.max(0, ...out.map((s) => s.values.length));
  return out.filter((s) => s.values.length === n);
}

// stepPath is an SVG path of a step line through values: each hour a
// flat segment from X(i) to X(i+1) at Y(v).
export function stepPath(values, X, Y) {
  let d = '';
  values.forEach((v, i) => {
    const x0 = X(i).toFixed(1);
    const x1 = X(i + 1).toFixed(1);
    const y = Y(v).toFixed(1);
    d += (i ? `L${x0},${y}` : `M${x0},${y}`) + `L${x1},${y}`;
  });
  return d;
}

// niceMax is the top of a count axis: the highest value rounded up to 1,
// 2 or 5 × 10^k (at least 1).
export function niceMax(v) {
  if (!(v > 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
