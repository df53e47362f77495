// The page's part of issue 23, drawn: the "What runs today" fieldset
// kept to the platform chosen there, today's bill near the answer, each
// platform against it, and the panel of the assumptions the answer rests
// on, each row leading to its field. The words are today.js's.

import { $, el, linkify } from './dom.js';
import { idOf } from './form.js';
import { snapshotField } from './fields.js';
import { arithmetic } from './render.js';
import {
  TODAY_PLATFORM, todayFields, offFields, todayHelp, notInSnapshot, vsText, vsShort, todayText, measured,
  ASSUMED, isAssumedReason, orderAssumptions, assumptionTarget, summaryText, splitFields, calibratedFrom,
} from './today.js';

// ---- the form ---------------------------------------------------------------

// syncToday keeps the fields of What runs today to the platform chosen
// there, before the form is read: with none, every other field is greyed
// out and not sent (the library takes no current block without a
// platform); with one, the unit fields of the other families are. What
// they hold stays, so choosing the platform again brings it back. The
// menu greys the platforms the form's snapshot lacks.
export function syncToday(schema) {
  const select = $(idOf(TODAY_PLATFORM));
  if (!select) return;
  const id = select.value;
  const off = offFields(schema, id);
  for (const f of todayFields(schema)) {
    const input = $(idOf(f.path));
    const wrap = input && input.closest('.field');
    if (!wrap) continue;
    const why = off.get(f.path) || '';
    if (input.disabled !== Boolean(why)) input.disabled = Boolean(why);
    wrap.classList.toggle('off', Boolean(why));
    // Greyed for want of a platform needs no word on every field: the
    // line under the menu says it once.
    let note = wrap.querySelector('.off-note');
    if (id && why && !note) {
      note = el('span', { class: 'off-note' });
      wrap.querySelector('label').append(note);
    }
    if (note) note.textContent = id && why ? why : '';
  }
  let help = $('today-help');
  if (!help) {
    help = el('p', { class: 'hint today-help', id: 'today-help', 'aria-live': 'polite' });
    select.after(help);
    select.setAttribute('aria-describedby', `${select.getAttribute('aria-describedby') || ''} today-help`.trim());
  }
  const text = todayHelp(schema, id);
  if (help.textContent !== text) help.textContent = text;

  const sf = snapshotField(schema);
  const snapInput = sf && $(idOf(sf.path));
  const snap = (snapInput && snapInput.value) || (sf && sf.default) || '';
  const gone = new Set(notInSnapshot(schema.platforms, snap));
  for (const o of select.options) {
    if (!o.value) continue;
    const out = gone.has(o.value) && o.value !== id; // the chosen one stays: the library says why it cannot be
    if (o.disabled !== out) o.disabled = out;
  }
  // A job has no current block: the fieldset goes with its fields.
  const fs = select.closest('fieldset');
  if (fs) fs.hidden = [...fs.querySelectorAll('.field')].every((w) => w.hidden);
}

// goToField brings a field of the form into view and puts the cursor in
// it, unfolding its section; a field greyed out leads to what switches
// it on, the platform menu.
export function goToField(path) {
  let input = $(idOf(path));
  if (!input) return;
  if (input.tagName === 'FIELDSET') input = input.querySelector('input') || input;
  if (input.disabled) input = $(idOf(TODAY_PLATFORM)) || input;
  const box = input.closest('details');
  if (box) box.open = true;
  input.scrollIntoView({ block: 'center' });
  input.focus({ preventScroll: true });
}

// goToCard brings a platform's card into view, with the warning of code
// (a quota) marked.
function goToCard(platform, code) {
  const card = document.querySelector(`#cards .card[data-platform="${CSS.escape(platform)}"]`);
  if (!card) return;
  for (const li of document.querySelectorAll('#cards li.pointed')) li.classList.remove('pointed');
  const li = [...card.querySelectorAll('.warnings li')].find((x) => {
    const s = x.querySelector('strong');
    return s && s.title === code;
  });
  if (li) li.classList.add('pointed');
  card.tabIndex = -1;
  card.scrollIntoView({ block: 'start' });
  card.focus({ preventScroll: true });
}

// wireToday makes the links of the panel, today's box and the reasons
// lead to their fields and cards.
export function wireToday() {
  const onClick = (e) => {
    const b = e.target.closest('button[data-path], button[data-card]');
    if (!b) return;
    if (b.dataset.card) goToCard(b.dataset.card, b.dataset.code || '');
    else goToField(b.dataset.path);
  };
  for (const id of ['assumptions', 'today', 'rec-reasons']) $(id).addEventListener('click', onClick);
}

// fieldButton is a link to a field of the form, as a button: it moves
// the focus, it does not navigate.
const fieldButton = (path, text, title) => el('button', { type: 'button', class: 'field-link', 'data-path': path, title: title || null }, text);

// withFieldLinks is a text with the field paths it names as links, and
// its web addresses as links too.
function withFieldLinks(text, schema) {
  const paths = schema.fields.map((f) => f.path);
  return splitFields(text, paths).flatMap((part) => {
    if (typeof part === 'string') return linkify(part);
    const f = schema.fields.find((x) => x.path === part.path);
    return [fieldButton(part.path, part.path, f ? f.label : null)];
  });
}

// ---- the report -------------------------------------------------------------

// renderToday draws what a new report says of today and of its guesses;
// it runs after render, whose cards and table it adds to.
export function renderToday(s, p) {
  if (!s.report || s.report === p.report) return;
  const r = s.report;
  renderBaseline(r, s.schema);
  renderVs(r);
  renderAssumedReasons(r, s.schema);
  renderAssumptions(r, s.schema);
}

const nameOf = (r, id) => ((r.platforms || []).find((x) => x.platform === id) || { name: id }).name || id;

// renderBaseline is the box above the recommendation: what runs today and
// its month, what the recommended platform saves or costs against it,
// what today's fleet measured, and today's bill line by line.
function renderBaseline(r, schema) {
  const box = $('today');
  const t = todayText(r.baseline);
  if (!t) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const b = r.baseline;
  const kids = [el('p', { class: 'today-line' }, el('strong', { text: 'Today: ' }), `${t.runs} — `,
    el('strong', { class: 'today-cost', text: t.cost }), ' a month.')];
  const rec = r.recommendation && r.recommendation.platform;
  const rp = rec && (r.platforms || []).find((x) => x.platform === rec);
  const vs = rp && vsText(rp.vs_current);
  if (vs) {
    kids.push(el('p', { class: 'today-rec' }, `${nameOf(r, rec)}, recommended, `,
      el('strong', { class: `vs ${vs.kind}`, text: vs.text }), vs.kind === 'same' ? '.' : ' a month.'));
  }
  const m = measured(r.calibration);
  if (m.length) kids.push(el('p', { class: 'hint' }, `Measured on today's fleet: ${m.join('; ')}.`));
  if (b.warnings && b.warnings.length) {
    kids.push(el('ul', { class: 'findings warnings', 'aria-label': 'About today\'s fleet' },
      ...b.warnings.map((w) => el('li', null, ...withFieldLinks(w.message || '', schema)))));
  }
  const arith = arithmetic(b, r.inputs);
  arith.querySelector('summary').textContent = 'Show today\'s bill';
  kids.push(arith);
  box.replaceChildren(...kids);
  box.hidden = false;
}

// renderVs puts each platform against today: under its cost on the card,
// and in a column of the table beside the monthly cost. The card of
// today's own platform says what runs there today, which the model
// sizes anew for the peak.
function renderVs(r) {
  const b = r.baseline;
  const table = $('summary');
  const head = table.tHead.rows[0];
  let th = head.querySelector('th.vs');
  if (b && !th) {
    th = el('th', { scope: 'col', class: 'num vs', title: 'Each platform\'s month against today\'s bill', text: 'vs today' });
    head.querySelector('th.num').after(th);
  } else if (!b && th) {
    th.remove();
  }
  table.classList.toggle('has-vs', Boolean(b));
  if (!b) return;
  const t = todayText(b);
  for (const tr of table.tBodies[0].rows) {
    const p = (r.platforms || []).find((x) => x.platform === tr.dataset.platform);
    const vs = p && vsText(p.vs_current);
    tr.querySelector('td.cost').after(el('td', { class: `num vs ${vs ? vs.kind : ''}`, title: vs ? vs.text : null, text: vs ? vsShort(p.vs_current) : '—' }));
  }
  for (const p of r.platforms || []) {
    const card = document.querySelector(`#cards .card[data-platform="${CSS.escape(p.platform)}"]`);
    if (!card) continue;
    const cost = card.querySelector('p.cost');
    const vs = vsText(p.vs_current);
    if (vs && cost) cost.append(el('span', { class: `vs ${vs.kind}` }, `Against today's ${t.cost}: `, el('strong', { text: vs.text })));
    if (p.platform === b.platform && cost) {
      cost.append(el('span', { class: 'runs-today', text: `Runs here today: ${b.runs}, ${t.cost} a month; this card is the fleet sized for the scenario's peak.` }));
    }
  }
}

// renderAssumedReasons marks the reasons that name an assumption which
// changes the recommendation, with the fields they name as links.
function renderAssumedReasons(r, schema) {
  const reasons = (r.recommendation && r.recommendation.reasons) || [];
  const items = $('rec-reasons').children;
  reasons.forEach((t, i) => {
    const li = items[i];
    if (!li || !isAssumedReason(t)) return;
    li.classList.add('assumed');
    li.replaceChildren(el('strong', { text: ASSUMED }), ...withFieldLinks(t.slice(ASSUMED.length), schema));
  });
}

// renderAssumptions fills the panel: each assumption a row, those that
// change the recommendation first, each leading to its field (a quota to
// its platform's card), a calibrated one with what it was measured from.
function renderAssumptions(r, schema) {
  const list = orderAssumptions(r.assumptions);
  const section = $('assumptions');
  section.hidden = list.length === 0;
  $('assumptions-count').textContent = list.length ? summaryText(list) : '';
  // A job has no current block to point to.
  const today = $(idOf(TODAY_PLATFORM));
  $('assumptions-today').hidden = !today || Boolean(today.closest('.field').hidden);
  const from = calibratedFrom(schema, r);
  $('assumptions-list').replaceChildren(...list.map((a) => {
    const to = assumptionTarget(schema, r, a.field);
    let name;
    if (to.path) name = fieldButton(to.path, to.label, a.field);
    else if (to.platform) {
      name = el('button', { type: 'button', class: 'field-link', 'data-card': to.platform, 'data-code': a.field.replace(/^quota\./, ''), title: `The warning on ${nameOf(r, to.platform)}'s card` }, to.label);
    } else name = el('span', { class: 'as-name', text: to.label });
    // The value carries its unit ("16 ms"); the badges come before it,
    // which may be long ("400 requests/s (the busiest hour's mean: …)").
    const head = el('p', { class: 'as-head' }, name, ' ',
      el('span', { class: `badge src ${a.source}`, text: a.source }),
      a.flips ? el('span', { class: 'badge flips', text: 'changes the recommendation' }) : '', ' ',
      el('span', { class: 'as-value', text: a.value }));
    const li = el('li', { class: 'assumption' + (a.flips ? ' flips' : ''), 'data-field': a.field, 'data-source': a.source }, head);
    if (a.effect) li.append(el('p', { class: 'as-effect' }, ...withFieldLinks(a.effect, schema)));
    if (a.source === 'calibrated' && from.length) {
      li.append(el('p', { class: 'as-from' }, 'From what runs today: ',
        ...from.flatMap((x, i) => [i ? ', ' : '', fieldButton(x.path, x.label, x.path), x.value ? ` ${x.value}` : ''])));
    }
    return li;
  }));
}
