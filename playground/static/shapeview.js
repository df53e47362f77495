// The load-shape picker: a small picture of the 24 or 168 hours of the
// shape the form describes (a built-in profile or the hourly list), which
// a person edits by clicking or dragging a bar, or with the keys on a
// focused bar. The maths is in shape.js; this file draws and listens.
// An edit is handed to onEdit(values), which puts the values in the form
// as typed, so the link, the YAML and the results follow.

import { el, svg as svgEl } from './dom.js';
import { hourLabel, hourTicks, shortDecimal, topOf, valueAtY, barAtX, withBar, keyStep } from './shape.js';

// buildShape makes the picker's elements; label names the built-in shape
// (a profile's label) for the line under the picture. It returns the
// element to put in the form and draw(shape) to show a shape (null hides
// the picker).
export function buildShape(onEdit, onBuiltIn, labelOf) {
  const svg = svgEl('svg', { class: 'shape-svg', viewBox: '0 0 24 100', preserveAspectRatio: 'none', role: 'group' });
  const ticks = el('div', { class: 'shape-ticks', 'aria-hidden': 'true' });
  const readout = el('span', { class: 'shape-readout' });
  const back = el('button', { type: 'button', class: 'secondary small shape-back', text: 'Back to a built-in shape', hidden: true });
  const title = el('span', { class: 'shape-title', id: 'shape-title' });
  const box = el('div', { class: 'field wide shape', id: 'shape' },
    el('div', { class: 'shape-head' }, title, back),
    svg, ticks,
    el('p', { class: 'hint', id: 'shape-help' }, readout,
      ' Drag a bar, or pick one with Tab and change it with the arrow keys (Page Up/Down by a quarter).'));
  svg.setAttribute('aria-labelledby', 'shape-title');
  svg.setAttribute('aria-describedby', 'shape-help');

  let values = [];
  let top = 1;
  let focus = 0; // the bar that takes Tab (a roving tabindex)
  let bars = [];

  const say = (i) => `${hourLabel(i, values.length, true)} UTC: ${shortDecimal(values[i])}`;
  const place = (i) => {
    const h = (values[i] / top) * 100;
    bars[i].setAttribute('y', String(100 - h));
    bars[i].setAttribute('height', String(Math.max(h, 0)));
    bars[i].setAttribute('aria-valuenow', shortDecimal(values[i]));
    bars[i].setAttribute('aria-valuemax', shortDecimal(top));
    bars[i].setAttribute('aria-label', say(i));
  };
  const setFocus = (i, move) => {
    if (bars[focus]) bars[focus].setAttribute('tabindex', '-1');
    focus = i;
    bars[i].setAttribute('tabindex', '0');
    if (move) bars[i].focus();
    readout.textContent = say(i) + '.';
  };
  const edit = (i, v) => {
    if (values[i] === v) return;
    values = withBar(values, i, v);
    place(i);
    readout.textContent = say(i) + '.';
    onEdit(values);
  };

  function draw(shape) {
    box.hidden = !shape;
    if (!shape) return;
    const n = shape.values.length;
    values = shape.values.slice();
    top = topOf(values);
    title.textContent = shape.custom ? 'Load shape: your own hours' : `Load shape: ${labelOf(shape.name)}`;
    back.hidden = !shape.custom;
    box.classList.toggle('week', n === 168);
    if (bars.length !== n) {
      svg.setAttribute('viewBox', `0 0 ${n} 100`);
      const gap = n === 168 ? 0.12 : 0.18;
      bars = values.map((_, i) => svgEl('rect', {
        class: 'bar', x: i + gap / 2, width: 1 - gap, role: 'slider', tabindex: '-1',
        'aria-valuemin': '0', 'aria-orientation': 'vertical', 'data-hour': i,
      }));
      svg.replaceChildren(svgEl('line', { class: 'base', x1: 0, x2: n, y1: 99.5, y2: 99.5 }), ...bars);
      ticks.replaceChildren(...hourTicks(n).map((t) => el('span', { text: t.label })));
      focus = Math.min(focus, n - 1);
    }
    bars.forEach((_, i) => place(i));
    setFocus(focus, false);
  }

  // Pointer: a click sets the bar under it; a drag paints across bars.
  const at = (e) => {
    const r = svg.getBoundingClientRect();
    const i = barAtX(e.clientX - r.left, r.width, values.length);
    return [i, valueAtY(e.clientY - r.top, r.height, top)];
  };
  svg.addEventListener('pointerdown', (e) => {
    if (!values.length || e.button !== 0) return;
    e.preventDefault();
    svg.setPointerCapture(e.pointerId);
    const [i, v] = at(e);
    setFocus(i, true);
    edit(i, v);
  });
  svg.addEventListener('pointermove', (e) => {
    if (!svg.hasPointerCapture(e.pointerId)) return;
    const [i, v] = at(e);
    if (i !== focus) setFocus(i, false);
    edit(i, v);
  });
  svg.addEventListener('keydown', (e) => {
    const i = bars.indexOf(e.target);
    if (i < 0) return;
    const step = keyStep(e.key, i, values.length, values[i], top);
    if (!step) return;
    e.preventDefault();
    if ('bar' in step) setFocus(step.bar, true);
    else edit(i, step.value);
  });
  svg.addEventListener('focusin', (e) => {
    const i = bars.indexOf(e.target);
    if (i >= 0 && i !== focus) setFocus(i, false);
  });
  back.addEventListener('click', onBuiltIn);
  return { box, draw };
}
