// An SVG chart of monthly cost against request rate (log axes), one line
// per platform, the current load marked and the break-even points
// numbered. Drawn from scratch: no chart library. The scales are in
// scale.js.

import { svg as s, swatch } from './dom.js';
import { fmtMoney, fmtRate, costRange, rateRange, costTicks, rateTicks, project, valueAt, styleOf, sameAs } from './scale.js';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
}

// draw renders the curves (runwhere.curves) of a report into box, its
// legend and its text caption. current is the scenario's mean rate (a
// job's runs a month); width the box's width in pixels; order the
// platform ids in the order that gives each its style; blockedNote, when
// given, the element that names the platforms not drawn because they
// cannot run the load. For a job the x axis is runs a month (each
// point's runs_per_month).
export function draw(box, legend, caption, curves, report, current, width, order, blockedNote) {
  const job = Boolean(report.inputs && report.inputs.workload && report.inputs.workload.kind === 'job');
  const xOf = (p) => Number(job ? p.runs_per_month : p.requests_per_second);
  const unit = job ? 'runs a month' : 'requests per second';
  const per = job ? ' runs' : '/s';
  box.replaceChildren();
  legend.replaceChildren();
  if (blockedNote) {
    blockedNote.hidden = true;
    blockedNote.textContent = '';
  }
  if (!curves || !curves.length) {
    caption.textContent = 'No cost curves for this scenario.';
    return;
  }
  const names = new Map((report.platforms || []).map((p) => [p.platform, p.name || p.platform]));
  // A platform that cannot run the load has no price to draw: it is named
  // under the legend and never drawn, whatever points it carries.
  const blocked = curves.filter((c) => c.feasible === false).map((c) => c.platform);
  const notDrawn = blocked.length
    ? `Not drawn, since they cannot run this load: ${blocked.map((id) => names.get(id) || id).join(', ')}.` : '';
  if (blockedNote && notDrawn) {
    blockedNote.textContent = notDrawn;
    blockedNote.hidden = false;
  }
  const lines = curves.filter((c) => c.feasible !== false).map((c) => ({
    id: c.platform,
    pts: (c.points || []).map((p) => [xOf(p), Number(p.monthly_cost)])
      .filter(([x, y]) => x > 0 && isFinite(x) && isFinite(y)),
  })).filter((l) => l.pts.length > 1);
  if (!lines.length) {
    caption.textContent = 'No cost curves for this scenario.';
    return;
  }

  const W = Math.max(300, Math.round(width || 640));
  const narrow = W < 480;
  const H = narrow ? 280 : 360;
  const m = { l: narrow ? 44 : 56, r: 12, t: 28, b: 40 };
  // Costs span orders of magnitude (a free-tier Lambda against a fleet),
  // so the cost axis is logarithmic too; zero sits on the floor.
  const xr = rateRange(lines.flatMap((l) => l.pts.map((p) => p[0])));
  const yr = costRange(lines.flatMap((l) => l.pts.map((p) => p[1])));
  const { lx0, lx1 } = xr;
  const { X, Y } = project(W, H, m, xr, yr);

  const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart-svg' });
  const summary = [`Monthly cost from ${fmtRate(10 ** lx0)} to ${fmtRate(10 ** lx1)} ${unit} for ${lines.length} platforms.`];
  svg.append(s('title', {}, job ? 'Monthly cost against runs a month' : 'Monthly cost against request rate'));

  // grid and axes
  const g = s('g', { class: 'axis' });
  for (const t of costTicks(yr)) {
    g.append(s('line', { x1: m.l, x2: W - m.r, y1: Y(t.value), y2: Y(t.value), class: t.major ? 'grid' : 'grid minor' }));
    if (t.label) g.append(s('text', { x: m.l - 6, y: Y(t.value) + 4, 'text-anchor': 'end' }, t.label));
  }
  for (const t of rateTicks(xr)) {
    g.append(s('line', { x1: X(t.value), x2: X(t.value), y1: m.t, y2: H - m.b, class: t.major ? 'grid' : 'grid minor' }));
    if (t.label) g.append(s('text', { x: X(t.value), y: H - m.b + 16, 'text-anchor': 'middle' }, t.label));
  }
  g.append(s('text', { x: (m.l + W - m.r) / 2, y: H - 6, 'text-anchor': 'middle', class: 'label' }, job ? 'runs a month (log scale)' : 'mean requests per second (log scale)'));
  g.append(s('text', { x: m.l, y: 14, 'text-anchor': 'start', class: 'label' }, 'USD a month (log scale)'));
  svg.append(g);

  // current load
  if (current && current > 0) {
    const cx = Math.min(Math.max(current, 10 ** lx0), 10 ** lx1);
    const gx = s('g', { class: 'current' });
    gx.append(s('line', { x1: X(cx), x2: X(cx), y1: m.t, y2: H - m.b }));
    const right = X(cx) > W * 0.7;
    gx.append(s('text', { x: X(cx) + (right ? -4 : 4), y: m.t + 10, 'text-anchor': right ? 'end' : 'start' }, `now: ${fmtRate(current)}${per}`));
    svg.append(gx);
    summary.push(`The current load, ${fmtRate(current)} ${unit}, is marked.`);
  }

  // the lines; a line that another hides is named in the legend as the
  // same, and each says its cost at the current load, for a reader who
  // cannot hover (a phone) as well as one who can.
  const same = sameAs(lines);
  for (const l of lines) {
    const [color, dash] = styleOf((order || []).indexOf(l.id));
    const d = l.pts.map(([x, y], i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join('');
    const attrs = { d, fill: 'none', stroke: color, 'stroke-width': 2.25, 'stroke-linejoin': 'round', class: 'curve', 'data-platform': l.id };
    if (dash) attrs['stroke-dasharray'] = dash;
    const path = s('path', attrs);
    const now = current && current > 0 ? valueAt(l.pts, current) : null;
    const name = names.get(l.id) || l.id;
    path.append(s('title', {}, now === null ? name : `${name}: ${fmtMoney(now)} a month at ${fmtRate(current)}${job ? ' runs a month' : ' requests/s'}`));
    svg.append(path);
    const item = document.createElement('li');
    const sw = swatch(color, dash);
    item.append(sw, ' ', name);
    if (same.has(l.id)) item.append(el('span', 'same', ` (same as ${names.get(same.get(l.id)) || same.get(l.id)})`));
    if (now !== null) item.append(el('span', 'value', ` · ${fmtMoney(now)} at ${fmtRate(current)}${per}`));
    legend.append(item);
  }
  if (notDrawn) summary.push(notDrawn);

  // break-even points: a numbered marker each; the list under the chart
  // carries the same numbers and the words (long labels inside the plot
  // collide with each other and with the lines).
  const byId = new Map(lines.map((l) => [l.id, l]));
  const crossings = (report.break_even || []).filter((b) => Number(job ? b.runs_per_month : b.requests_per_second) > 0);
  crossings.forEach((b, i) => {
    const x = Number(job ? b.runs_per_month : b.requests_per_second);
    const line = byId.get(b.server) || byId.get(b.serverless);
    const lx = Math.log10(x);
    if (!line || lx < lx0 || lx > lx1) return;
    const y = valueAt(line.pts, x);
    if (y === null) return;
    const gb = s('g', { class: 'breakeven' });
    gb.append(s('circle', { cx: X(x), cy: Y(y), r: narrow ? 6.5 : 8 }));
    gb.append(s('text', { x: X(x), y: Y(y) + (narrow ? 3 : 3.5), 'text-anchor': 'middle', class: narrow ? 'small' : '' }, String(i + 1)));
    svg.append(gb);
    summary.push(`Break-even ${i + 1}: ${names.get(b.serverless) || b.serverless} ${b.crossings > 1 ? 'first ' : ''}costs the same as ${names.get(b.server) || b.server} at ${fmtRate(x)} ${unit}${b.reason ? ': ' + b.reason.replace(/[.!]$/, '') : ''}.`);
  });
  svg.setAttribute('aria-label', summary.join(' '));
  box.append(svg);
  caption.textContent = summary.join(' ');
}
