// The scenario form, built from the library's schema: one control per
// field, in the schema's order, grouped in its sections. Reading and
// filling the form, and showing the defaults the library assumed.

import { $, el } from './dom.js';
import {
  isChecklist, parseValue, fieldText, defaultText, placeholder, getPath, setPath,
  unknownFields, groupHint, platformName, optionText, isWide, sections, appliesText,
  familyGroups, arrivedAfterDeck,
} from './fields.js';
import { KIND_FIELD, kindOf, usedBy } from './shape.js';

export const idOf = (path) => 'f-' + path.replace(/\./g, '-');
export const errorIdOf = (path) => 'e-' + path.replace(/\./g, '-');

// buildForm puts a fieldset for each of the schema's sections into form:
// a group of its own, or groups that share a title ("Around the service:
// front door", "…: network", "…: discounts"), which become one fieldset
// with a fieldset for each, folded until the scenario sets one of their
// fields (openSections) or someone opens it.
export function buildForm(form, schema) {
  const part = (g, tag, title) => {
    const fs = el('fieldset', { 'data-group': g.path, class: tag }, el('legend', { text: title }));
    const hint = groupHint(g, schema.platforms);
    if (hint) fs.append(el('p', { class: 'hint legend-hint', text: hint }));
    const grid = el('div', { class: 'grid' });
    for (const f of schema.fields) if (f.group === g.path) grid.append(fieldEl(f, schema, g));
    fs.append(grid);
    return fs;
  };
  const out = sections(schema.groups).map((s) => {
    if (s.parts.length === 1 && !s.parts[0].label) return part(s.parts[0].group, null, s.label);
    const box = el('details', { class: 'section-box', id: 'section-' + s.key });
    const names = s.parts.map((p) => p.label);
    box.append(el('summary', { text: names.slice(0, 1).concat(names.slice(1).map((n) => n.toLowerCase())).join(', ') }));
    box.append(...s.parts.map((p) => part(p.group, 'sub', p.label)));
    return el('fieldset', { class: 'section', 'data-section': s.key }, el('legend', { text: s.label }), box);
  });
  form.replaceChildren(...out);
}

// openSections opens each folded section of the form that holds a field
// the scenario sets, so what a preset or a link says is in sight.
export function openSections(schema, sc) {
  for (const box of document.querySelectorAll('#form details.section-box')) {
    const groups = [...box.querySelectorAll('fieldset.sub')].map((f) => f.dataset.group);
    if (schema.fields.some((f) => groups.includes(f.group) && getPath(sc, f.path) !== undefined)) box.open = true;
  }
}

function fieldEl(f, schema, g) {
  const platforms = schema.platforms;
  const id = idOf(f.path);
  const errId = errorIdOf(f.path);
  const wrap = el('div', { class: 'field' + (isWide(f) ? ' wide' : ''), 'data-path': f.path, 'data-kind': f.kind });
  if (isChecklist(f)) {
    wrap.append(checklist(f, schema, id, errId));
  } else {
    const label = el('label', { for: id }, f.label);
    if (f.unit) label.append(' ', el('span', { class: 'unit', text: f.unit }));
    // Which platforms it is for, when its section does not say it already.
    const applies = appliesText(f, platforms);
    if (applies && applies !== appliesText(g, platforms)) label.append(' ', el('span', { class: 'applies', text: applies }));
    wrap.append(label);
    let input;
    if (f.kind === 'enum' || f.kind === 'bool') {
      input = el('select', { id, name: f.path, title: f.help });
      const options = f.kind === 'bool' ? [['true', 'yes'], ['false', 'no']] : f.enum.map((v) => [v, optionText(platforms, v)]);
      input.append(el('option', { value: '', text: defaultText(f) }), ...options.map(([v, t]) => el('option', { value: v, text: t })));
    } else {
      const numeric = ['decimal', 'number', 'integer', 'money'].includes(f.kind === 'list' ? f.items : f.kind);
      input = el('input', {
        id, name: f.path, type: 'text', title: f.help, placeholder: placeholder(f),
        inputmode: numeric ? 'decimal' : null, spellcheck: 'false', autocapitalize: 'off',
        'aria-required': f.required ? 'true' : null,
      });
    }
    input.setAttribute('aria-describedby', errId);
    wrap.append(input);
  }
  wrap.append(el('p', { class: 'error', id: errId, hidden: true }));
  return wrap;
}

// checklist is the boxes of a list field with values, one per value,
// ticked as the default says. Platforms come under a heading per family
// (familyGroups), with a badge on those that arrived after the 2017 deck.
//
// The boxes stay in the schema's order in the document, the order of the
// report's columns, which the Tab key follows and TestFormMatchesSchema
// checks; CSS order draws each family's heading and then its platforms.
// Each box names its family (aria-describedby), so a screen reader, which
// reads the document's order, says it too; the heading itself is hidden
// from it, or it would be read out of place.
function checklist(f, schema, id, errId) {
  const platforms = schema.platforms;
  const group = el('fieldset', { class: 'checks', id, title: f.help, 'aria-describedby': errId });
  group.append(el('legend', { text: f.label }));
  const on = Array.isArray(f.default) ? f.default : f.enum;
  const families = familyGroups(platforms, f.enum) || [];
  const place = new Map(); // value → its family's heading and its place under it
  const slot = f.enum.length + 1;
  families.forEach((fam, i) => {
    const head = el('p', { class: 'family-h', id: `fam-${i}-${id}`, 'data-family': fam.family, 'aria-hidden': 'true', text: fam.label });
    head.style.order = String(i * slot);
    fam.ids.forEach((v, j) => place.set(v, { head, order: i * slot + j + 1 }));
  });
  for (const v of f.enum) {
    const cid = id + '-' + v;
    const at = place.get(v);
    const cb = el('input', { type: 'checkbox', id: cid, value: v, checked: on.includes(v), 'aria-describedby': at ? at.head.id : null });
    const label = el('label', { for: cid, text: platformName(platforms, v) });
    const p = platforms.find((x) => x.id === v);
    const since = arrivedAfterDeck(p, schema.snapshots);
    if (since) label.append(' ', el('span', { class: 'badge since', title: `arrived ${since}, after the 2017 deck`, text: `since ${since}` }));
    const box = el('span', { class: 'check', 'data-family': at ? at.head.dataset.family : null }, cb, label);
    if (at) {
      if (!at.head.parentNode) group.append(at.head); // before its family's first box
      box.style.order = String(at.order);
    }
    group.append(box);
  }
  return group;
}

// formKind is the workload kind the form says (service, job).
export function formKind(schema) {
  const input = $(idOf(KIND_FIELD));
  return kindOf(schema, input ? input.value : '');
}

// showKind shows the fields of the form's workload kind and hides the
// fields of the other kind (the schema's workload_kind), keeping what
// they hold, so switching back brings it back. It returns the kind.
export function showKind(schema) {
  const kind = formKind(schema);
  for (const f of schema.fields) {
    if (!f.workload_kind) continue;
    const wrap = document.querySelector(`.field[data-path="${CSS.escape(f.path)}"]`);
    if (wrap) wrap.hidden = !usedBy(f, kind);
  }
  // A part of a section whose every field is of the other kind goes too.
  for (const sub of document.querySelectorAll('#form fieldset.sub')) {
    sub.hidden = [...sub.querySelectorAll('.field')].every((w) => w.hidden);
  }
  return kind;
}

// readForm returns the scenario object the form describes (empty fields
// left out, so the library applies its documented defaults) and the
// errors found before asking the library, as [path, message] pairs. The
// fields of the other workload kind are never read: the library rejects
// a job's runs on a service and a service's rate on a job.
export function readForm(schema) {
  const sc = {};
  const errors = [];
  const kind = formKind(schema);
  for (const f of schema.fields) {
    if (!usedBy(f, kind)) continue;
    if (isChecklist(f)) {
      const picked = f.enum.filter((v) => $(idOf(f.path) + '-' + v).checked);
      if (picked.length === 0) errors.push([f.path, `${f.path}: pick at least one`]);
      else if (picked.length < f.enum.length) setPath(sc, f.path, picked);
      continue;
    }
    const input = $(idOf(f.path));
    if (input.disabled) continue; // greyed out by the page (todayview.js): kept, not sent
    const r = parseValue(f, input.value);
    if (r.error) errors.push([f.path, r.error]);
    else if ('value' in r) setPath(sc, f.path, r.value);
  }
  return { scenario: sc, errors };
}

// fillForm sets every field from a scenario object (as runwhere.scenario
// returns it, numbers as their digits) and returns the problems that the
// form cannot hold.
export function fillForm(schema, sc) {
  const problems = [];
  for (const f of schema.fields) {
    const v = getPath(sc, f.path);
    if (isChecklist(f)) {
      for (const p of f.enum) $(idOf(f.path) + '-' + p).checked = !Array.isArray(v) || v.includes(p);
      if (v !== undefined && !Array.isArray(v)) problems.push(`${f.path}: want a list such as [${f.enum.slice(0, 2).join(', ')}]`);
      if (Array.isArray(v)) for (const p of v) if (!f.enum.includes(p)) problems.push(`${f.path}: ${String(p)} is not one of ${f.enum.join(', ')}`);
      continue;
    }
    const input = $(idOf(f.path));
    if (v === undefined || v === null) { input.value = ''; continue; }
    if (typeof v === 'object' && !(f.kind === 'list' && Array.isArray(v))) {
      problems.push(`${f.path}: want a single value`);
      input.value = '';
      continue;
    }
    const s = fieldText(v);
    if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === s)) {
      input.append(el('option', { value: s, text: s })); // keep what the scenario says; the library judges it
    }
    input.value = s;
  }
  problems.push(...unknownFields(sc, schema.fields));
  // A field of the other kind stays in its (hidden) box but is not sent:
  // say so, rather than drop it without a word.
  const kind = showKind(schema);
  for (const f of schema.fields) {
    const v = getPath(sc, f.path);
    if (!usedBy(f, kind) && v !== undefined && v !== null) problems.push(`${f.path}: a ${kind} does not use it (left out)`);
  }
  return problems;
}

// showDefaults puts the value the library assumed for each empty field
// (a report's inputs) in its placeholder or its menu's first entry, so
// every assumption is visible.
export function showDefaults(schema, inputs) {
  for (const f of schema.fields) {
    if (isChecklist(f)) continue;
    const input = $(idOf(f.path));
    const v = inputs ? getPath(inputs, f.path) : undefined;
    if (input.tagName === 'SELECT') {
      const t = defaultText(f, v);
      if (input.options[0].textContent !== t) input.options[0].textContent = t;
    } else {
      const t = placeholder(f, v);
      if (input.placeholder !== t) input.placeholder = t;
    }
  }
}
