// The chart of nodes by hour: for every platform whose fleet follows the
// load shape (the report's capacity.nodes_by_hour), a step line over the
// 24 hours of a day or the 168 of a week (UTC), in the platform's colour
// of the cost chart. The maths is in shape.js, the colours in scale.js.

import { svg as s, swatch } from './dom.js';
import { styleOf } from './scale.js';
import { hourLabel, hourTicks, nodeSeries, niceMax, stepPath } from './shape.js';

// drawNodes draws the chart into box, its legend and caption, and
// returns whether there was anything to draw (the page hides the
// section otherwise). order gives each platform its style, as in the
// cost chart.
export function drawNodes(box, legend, caption, report, width, order) {
  box.replaceChildren();
  legend.replaceChildren();
  const series = nodeSeries(report);
  if (!series.length) {
    caption.textContent = '';
    return false;
  }
  const n = series[0].values.length;
  const W = Math.max(280, Math.round(width || 400));
  const H = W < 420 ? 200 : 240;
  const m = { l: 40, r: 10, t: 22, b: 36 };
  const top = niceMax(Math.max(...series.flatMap((x) => x.values)));
  const X = (h) => m.l + (h / n) * (W - m.l - m.r);
  const Y = (v) => H - m.b - (v / top) * (H - m.t - m.b);

  const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart-svg nodes-svg' });
  svg.append(s('title', {}, 'Nodes by hour'));
  const g = s('g', { class: 'axis' });
  for (const v of [0, top / 2, top]) {
    g.append(s('line', { x1: m.l, x2: W - m.r, y1: Y(v), y2: Y(v), class: 'grid' }));
    g.append(s('text', { x: m.l - 6, y: Y(v) + 4, 'text-anchor': 'end' }, String(+v.toFixed(1))));
  }
  for (const t of hourTicks(n)) {
    g.append(s('line', { x1: X(t.hour), x2: X(t.hour), y1: m.t, y2: H - m.b, class: 'grid minor' }));
    g.append(s('text', { x: X(t.hour) + (n === 168 ? (W - m.l - m.r) / 14 : 0), y: H - m.b + 16, 'text-anchor': n === 168 ? 'middle' : 'start' }, t.label));
  }
  g.append(s('text', { x: (m.l + W - m.r) / 2, y: H - 4, 'text-anchor': 'middle', class: 'label' }, n === 168 ? 'hour of the week (UTC)' : 'hour of the day (UTC)'));
  g.append(s('text', { x: m.l, y: 14, 'text-anchor': 'start', class: 'label' }, series.some((x) => x.unit === 'tasks') ? 'nodes (tasks on Fargate)' : 'nodes'));
  svg.append(g);

  const words = [];
  for (const x of series) {
    const [color, dash] = styleOf((order || []).indexOf(x.id));
    const attrs = { d: stepPath(x.values, X, Y), fill: 'none', stroke: color, 'stroke-width': 2, class: 'series', 'data-platform': x.id };
    if (dash) attrs['stroke-dasharray'] = dash;
    const lo = Math.min(...x.values);
    const hi = Math.max(...x.values);
    const busiest = x.values.indexOf(hi);
    const range = lo === hi ? `${hi} ${x.unit}` : `${lo}–${hi} ${x.unit}`;
    const path = s('path', attrs);
    path.append(s('title', {}, `${x.name}: ${range}, the most from ${hourLabel(busiest, n)} UTC`));
    svg.append(path);
    const item = document.createElement('li');
    const sw = swatch(color, dash);
    const v = document.createElement('span');
    v.className = 'value';
    v.textContent = ` · ${range}`;
    item.append(sw, ' ', x.name, v);
    legend.append(item);
    words.push(`${x.name} ${range}`);
  }
  const when = n === 168 ? 'each hour of a week (UTC, from Monday 00:00)' : 'each hour of a day (UTC)';
  svg.setAttribute('aria-label', `The fleets that follow the load, ${when}: ${words.join('; ')}.`);
  box.append(svg);
  // The legend has the ranges; the caption says what the lines are.
  caption.textContent = `Nodes (tasks on Fargate) running ${when} as the fleets follow the load.`;
  return true;
}
