// An SVG chart of monthly cost against request rate (log axis), one line per
// platform, the current load marked and the break-even points labelled.
// Drawn from scratch: no chart library.
'use strict';

window.RunwhereChart = (function () {
  const NS = 'http://www.w3.org/2000/svg';
  // Colours that stay apart for the common colour-vision deficiencies
  // (Okabe–Ito), plus a dash pattern each so the lines differ without colour.
  const STYLE = {
    'lambda': ['#E69F00', ''],
    'ecs-fargate': ['#0072B2', '8 4'],
    'ecs-ec2': ['#009E73', '2 3'],
    'eks': ['#CC79A7', '10 3 2 3'],
    'kubernetes': ['#D55E00', '5 5'],
    'swarm': ['#56B4E9', '1 2'],
    'nomad': ['#000000', '12 4 3 4'],
  };
  const FALLBACK = ['#666666', '3 3'];
  const styleOf = (id) => STYLE[id] || FALLBACK;

  function s(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function niceStep(range, n) {
    const raw = range / n;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const m of [1, 2, 2.5, 5, 10]) if (raw <= m * mag) return m * mag;
    return 10 * mag;
  }

  function fmtMoney(v) {
    if (v >= 1e6) return '$' + +(v / 1e6).toFixed(1) + 'M';
    if (v >= 1e4) return '$' + +(v / 1e3).toFixed(0) + 'k';
    if (v >= 1e3) return '$' + +(v / 1e3).toFixed(1) + 'k';
    return '$' + +v.toFixed(v < 1 ? 2 : 0);
  }

  function fmtRate(v) {
    if (v >= 1e6) return +(v / 1e6).toPrecision(3) + 'M';
    if (v >= 1e3) return +(v / 1e3).toPrecision(3) + 'k';
    if (v >= 1) return String(+v.toPrecision(3));
    return String(+v.toPrecision(2));
  }

  // valueAt interpolates a curve at x on the log axis.
  function valueAt(pts, x) {
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

  function draw(box, legend, caption, curves, report, current, width) {
    box.replaceChildren();
    legend.replaceChildren();
    if (!curves || !curves.length) {
      caption.textContent = 'No cost curves for this scenario.';
      return;
    }
    const names = new Map((report.platforms || []).map((p) => [p.platform, p.name || p.platform]));
    const lines = curves.map((c) => ({
      id: c.platform,
      pts: (c.points || []).map((p) => [Number(p.requests_per_second), Number(p.monthly_cost)])
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
    const xs = lines.flatMap((l) => l.pts.map((p) => p[0]));
    // Costs span orders of magnitude (a free-tier Lambda against a fleet),
    // so the cost axis is logarithmic too; zero sits on the floor.
    const pos = lines.flatMap((l) => l.pts.map((p) => p[1])).filter((y) => y > 0);
    // The top is the first 1, 2 or 5 × 10^k above the highest cost, so
    // the lines use the height; the bottom a whole decade.
    const maxY = Math.max(...pos, 10);
    let top = 10 ** Math.floor(Math.log10(maxY));
    for (const k of [1, 2, 5, 10]) if (k * top >= maxY * 0.9999) { top *= k; break; }
    const ly1 = Math.log10(top);
    const ly0 = Math.min(Math.floor(Math.log10(Math.min(...pos, top / 10))), Math.floor(ly1) - 1);
    const floor = 10 ** ly0;
    const lx0 = Math.log10(Math.min(...xs));
    const lx1 = Math.log10(Math.max(...xs));
    const X = (x) => m.l + (Math.log10(x) - lx0) / (lx1 - lx0 || 1) * (W - m.l - m.r);
    const Y = (y) => H - m.b - (Math.log10(Math.max(y, floor)) - ly0) / (ly1 - ly0) * (H - m.t - m.b);

    const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart-svg' });
    const summary = [`Monthly cost from ${fmtRate(10 ** lx0)} to ${fmtRate(10 ** lx1)} requests per second for ${lines.length} platforms.`];
    svg.append(s('title', {}, 'Monthly cost against request rate'));

    // grid and axes
    const g = s('g', { class: 'axis' });
    const yDecades = ly1 - ly0;
    for (let e = ly0; e <= Math.ceil(ly1); e++) {
      for (const k of [1, 2, 5]) {
        const y = k * 10 ** e;
        if (y > top * 1.0001) continue;
        if (k > 1 && yDecades > 4) continue;
        g.append(s('line', { x1: m.l, x2: W - m.r, y1: Y(y), y2: Y(y), class: k === 1 ? 'grid' : 'grid minor' }));
        if (k === 1 || yDecades <= 2 || y === top) g.append(s('text', { x: m.l - 6, y: Y(y) + 4, 'text-anchor': 'end' }, fmtMoney(y)));
      }
    }
    for (let e = Math.floor(lx0); e <= Math.ceil(lx1); e++) {
      for (const k of [1, 2, 5]) {
        const x = k * 10 ** e;
        const lx = Math.log10(x);
        if (lx < lx0 - 1e-9 || lx > lx1 + 1e-9) continue;
        const major = k === 1;
        if (!major && lx1 - lx0 > 3) continue;
        g.append(s('line', { x1: X(x), x2: X(x), y1: m.t, y2: H - m.b, class: major ? 'grid' : 'grid minor' }));
        if (major || lx1 - lx0 <= 2) g.append(s('text', { x: X(x), y: H - m.b + 16, 'text-anchor': 'middle' }, fmtRate(x)));
      }
    }
    g.append(s('text', { x: (m.l + W - m.r) / 2, y: H - 6, 'text-anchor': 'middle', class: 'label' }, 'requests per second (log scale)'));
    g.append(s('text', { x: m.l, y: 14, 'text-anchor': 'start', class: 'label' }, 'USD a month (log scale)'));
    svg.append(g);

    // current load
    if (current && current > 0) {
      const cx = Math.min(Math.max(current, 10 ** lx0), 10 ** lx1);
      const gx = s('g', { class: 'current' });
      gx.append(s('line', { x1: X(cx), x2: X(cx), y1: m.t, y2: H - m.b }));
      const right = X(cx) > W * 0.7;
      gx.append(s('text', { x: X(cx) + (right ? -4 : 4), y: m.t + 10, 'text-anchor': right ? 'end' : 'start' }, `now: ${fmtRate(current)}/s`));
      svg.append(gx);
      summary.push(`The current load, ${fmtRate(current)} requests per second, is marked.`);
    }

    // the lines
    for (const l of lines) {
      const [color, dash] = styleOf(l.id);
      const d = l.pts.map(([x, y], i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join('');
      const attrs = { d, fill: 'none', stroke: color, 'stroke-width': 2.25, 'stroke-linejoin': 'round', class: 'curve', 'data-platform': l.id };
      if (dash) attrs['stroke-dasharray'] = dash;
      svg.append(s('path', attrs));
      const item = document.createElement('li');
      const sw = s('svg', { width: 28, height: 10, 'aria-hidden': 'true' });
      const sl = { x1: 1, x2: 27, y1: 5, y2: 5, stroke: color, 'stroke-width': 2.5 };
      if (dash) sl['stroke-dasharray'] = dash;
      sw.append(s('line', sl));
      item.append(sw, ' ', names.get(l.id) || l.id);
      legend.append(item);
    }

    // break-even points: a numbered marker each; the list under the chart
    // carries the same numbers and the words (long labels inside the plot
    // collide with each other and with the lines).
    const byId = new Map(lines.map((l) => [l.id, l]));
    const crossings = (report.break_even || []).filter((b) => Number(b.requests_per_second) > 0);
    crossings.forEach((b, i) => {
      const x = Number(b.requests_per_second);
      const line = byId.get(b.server) || byId.get(b.serverless);
      const lx = Math.log10(x);
      if (!line || lx < lx0 || lx > lx1) return;
      const y = valueAt(line.pts, x);
      if (y === null) return;
      const gb = s('g', { class: 'breakeven' });
      gb.append(s('circle', { cx: X(x), cy: Y(y), r: narrow ? 6.5 : 8 }));
      gb.append(s('text', { x: X(x), y: Y(y) + (narrow ? 3 : 3.5), 'text-anchor': 'middle', class: narrow ? 'small' : '' }, String(i + 1)));
      svg.append(gb);
      summary.push(`Break-even ${i + 1}: ${names.get(b.serverless) || b.serverless} costs the same as ${names.get(b.server) || b.server} at ${fmtRate(x)} requests per second.`);
    });
    svg.setAttribute('aria-label', summary.join(' '));
    box.append(svg);
    caption.textContent = summary.join(' ');
  }

  return { draw };
})();
