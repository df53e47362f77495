// render draws the page from the state, touching only what changed since
// the last state. It calls nothing in the bridge: every answer is in the
// state already.

import { $, el, safeLink, linkify } from './dom.js';
import {
  money, cents, capacityRows, haRows, capacitySummary, byCost, codeWords, derivation, yearly, altLine, altFields, useText, instanceLabel,
  lineFormula, signedAmount, isCredit, findingText, needsDoor, DOOR_NOTICE,
} from './report.js';
import { draw } from './chart.js';
import { drawNodes } from './nodeschart.js';
import { showDefaults, idOf, errorIdOf } from './form.js';
import { getPath, FIELD } from './fields.js';
import { grouped } from './numbers.js';
import { renderWhatIf } from './whatif.js';
import { renderCompare } from './compareview.js';
import { shareURL } from './share.js';

// shapeView is the load-shape picker of the form (shapeview.js), which
// app.js builds with the form and hands over here.
let shapeView = null;
export function useShapeView(v) { shapeView = v; }

export function render(s, p) {
  if (shapeView && s.shape !== p.shape) shapeView.draw(s.shape);
  if (s.fieldErrors !== p.fieldErrors) renderFieldErrors(s);
  if (s.stale !== p.stale) $('results').classList.toggle('stale', s.stale);
  if (s.report && s.report !== p.report) renderReport(s);
  if (s.report && (s.report !== p.report || s.alts !== p.alts)) renderAlternatives(s);
  if (s.instanceTypes !== p.instanceTypes) renderInstanceTypes(s);
  if (s.report && (s.report !== p.report || s.curves !== p.curves || s.chartWidth !== p.chartWidth)) drawChart(s);
  if (s.report && (s.report !== p.report || s.nodesWidth !== p.nodesWidth)) drawNodesChart(s);
  if (s.report && (s.cmp !== p.cmp || s.cmpView !== p.cmpView)) renderCompare(s);
  if (s.report && (s.whatIf !== p.whatIf || s.report !== p.report)) renderWhatIf(s);
  if (s.text !== p.text) updateShare(s.text);
  if (s.yaml !== p.yaml && document.activeElement !== $('yaml')) $('yaml').value = s.yaml;
  if (s.linkError !== p.linkError) {
    $('link-error').textContent = s.linkError;
    $('link-error').hidden = !s.linkError;
  }
  if (s.platformNote !== p.platformNote) {
    $('platform-note').textContent = s.platformNote;
    $('platform-note').hidden = !s.platformNote;
  }
  if (s.yamlError !== p.yamlError) {
    $('yaml-error').textContent = s.yamlError;
    $('yaml-error').hidden = !s.yamlError;
    if (s.yamlError) $('yaml').setAttribute('aria-invalid', 'true');
    else $('yaml').removeAttribute('aria-invalid');
  }
  if (s.version !== p.version) $('version').textContent = s.version ? `runwhere ${s.version}.` : '';
  if (s.status !== p.status) $('status').textContent = s.status;
}

// ---- errors next to fields ------------------------------------------

// shown holds the [message, input] pairs on screen, so clearing them
// touches only those (a recompute runs on every key).
const shown = [];

function renderFieldErrors(s) {
  for (const [err, input] of shown.splice(0)) {
    err.hidden = true;
    err.textContent = '';
    if (input) input.removeAttribute('aria-invalid');
  }
  const banner = [];
  for (const [path, msg] of s.fieldErrors) {
    const err = path && $(errorIdOf(path));
    if (!err) {
      banner.push(msg);
      continue;
    }
    err.textContent = msg;
    err.hidden = false;
    const input = $(idOf(path));
    input.setAttribute('aria-invalid', 'true');
    // A field in a folded section: unfold it, or the error is out of sight.
    const box = input.closest('details');
    if (box) box.open = true;
    shown.push([err, input]);
  }
  $('scenario-error').textContent = banner.join(' ');
  $('scenario-error').hidden = banner.length === 0;
}

// ---- the report -----------------------------------------------------

function renderReport(s) {
  const r = s.report;
  $('scenario-name').textContent = r.scenario || 'it';
  $('report-meta').textContent = [r.snapshot && `prices as of ${r.snapshot}`, r.region, r.currency].filter(Boolean).join(' · ');
  const name = platformNamer(r);
  renderRecommendation(r, name);
  renderSummary(r);
  renderBreakEven(r, name);
  renderCards(r);
  renderDoorNote(r);
  showDefaults(s.schema, r.inputs);
}

// renderDoorNote says once, above the platforms, that a service's bill
// leaves out its front door when the scenario sets none.
function renderDoorNote(r) {
  const show = needsDoor(r.inputs);
  $('door-note-text').textContent = show ? DOOR_NOTICE : '';
  $('door-note').hidden = !show;
}

// isJob says whether a report is of a job (its x axis is runs a month).
const isJob = (r) => getPath(r.inputs, 'workload.kind') === 'job';

function drawChart(s) {
  // The marker of the current load: a double is plenty for a position.
  const job = isJob(s.report);
  const rate = Number(getPath(s.report.inputs, job ? 'workload.runs_per_month' : 'workload.requests_per_second'));
  $('chart-h').textContent = job ? 'Monthly cost against runs a month' : 'Monthly cost against request rate';
  draw($('chart'), $('legend'), $('chart-caption'), s.curves, s.report, Number.isFinite(rate) ? rate : null,
    s.chartWidth, s.schema.platforms.map((p) => p.id), $('chart-blocked'));
}

// drawNodesChart draws the fleets that follow the load hour by hour,
// beside the cost chart, and hides the section when no fleet does.
function drawNodesChart(s) {
  const any = drawNodes($('nodes-chart'), $('nodes-legend'), $('nodes-caption'), s.report, s.nodesWidth,
    s.schema.platforms.map((p) => p.id));
  $('nodes-col').hidden = !any;
  $('charts').classList.toggle('two', any);
}

function platformNamer(r) {
  const names = new Map((r.platforms || []).map((p) => [p.platform, p.name]));
  return (id) => names.get(id) || id;
}

function renderRecommendation(r, name) {
  const box = $('recommendation');
  const rec = r.recommendation;
  if (!rec || !rec.platform) { box.hidden = true; return; }
  box.hidden = false;
  $('rec-name').textContent = name(rec.platform);
  $('rec-reasons').replaceChildren(...(rec.reasons || []).map((t) => el('li', null, ...linkify(t))));
  const rows = (rec.ranking || []).map((x) => el('tr', null,
    el('th', { scope: 'row', text: name(x.platform) }),
    el('td', { class: 'num', text: typeof x.score === 'number' ? x.score.toFixed(2) : '' }),
    ...['cost', 'headroom', 'resilience', 'operations', 'portability'].map((k) =>
      el('td', { class: 'num', text: x.criteria && typeof x.criteria[k] === 'number' ? x.criteria[k].toFixed(2) : '' }))));
  const det = $('ranking');
  det.hidden = rows.length === 0;
  det.querySelector('tbody').replaceChildren(...rows);
}

function renderBreakEven(r, name) {
  const items = [];
  const never = new Map(); // reason -> the platforms it applies to
  let n = 0;
  for (const b of r.break_even || []) {
    const a = name(b.serverless);
    const z = name(b.server);
    const runs = b.runs_per_month !== undefined && b.runs_per_month !== null;
    if (Number(runs ? b.runs_per_month : b.requests_per_second) > 0) {
      n++; // the number of its marker on the chart
      // With several crossings the cheaper side alternates above the
      // first one: the report's reason says so, and is shown whole.
      const reason = b.reason ? ' ' + sentence(b.reason) : (b.crossings > 1 ? ` The lines cross ${b.crossings} times.` : '');
      items.push(el('li', null, el('span', { class: 'be-n', 'aria-hidden': 'true', text: String(n) }),
        `${a} and ${z} ${b.crossings > 1 ? 'first ' : ''}cost the same at `,
        el('strong', { text: runs ? `${grouped(String(b.runs_per_month))} runs a month` : `${grouped(b.requests_per_second)} requests/s` }),
        !runs && b.requests_per_hour ? ` (${grouped(b.requests_per_hour)} an hour)` : '',
        b.cheaper_below ? `; ${name(b.cheaper_below)} is cheaper below it` : '', '.',
        el('span', { class: 'be-reason', text: reason })));
    } else {
      const k = `${a}\u0000${b.reason || 'no break-even point'}`;
      if (!never.has(k)) never.set(k, []);
      never.get(k).push(z);
    }
  }
  for (const [k, zs] of never) {
    const [a, reason] = k.split('\u0000');
    const list = zs.length > 1 ? zs.slice(0, -1).join(', ') + ' and ' + zs[zs.length - 1] : zs[0];
    items.push(el('li', { class: 'never' }, `${a} against ${list}: ${reason}${/[.!]$/.test(reason) ? '' : '.'}`));
  }
  $('breakeven').replaceChildren(...items);
  $('breakeven').hidden = items.length === 0;
}

// sentence makes a reason a sentence of its own: a capital and a stop.
function sentence(t) {
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!]$/.test(t) ? '' : '.');
}

function renderSummary(r) {
  const rec = r.recommendation && r.recommendation.platform;
  const rows = byCost(r.platforms).map((p) => {
    const tr = el('tr', { 'data-platform': p.platform, class: p.platform === rec ? 'recommended' : (p.feasible ? '' : 'blocked') });
    const name = el('th', { scope: 'row' }, p.name || p.platform);
    if (p.platform === rec) name.append(' ', el('span', { class: 'badge rec', text: 'recommended' }));
    tr.append(name);
    tr.append(el('td', null, badge(p)));
    tr.append(el('td', { class: 'num cost', 'data-value': p.monthly_cost_rounded,
      text: p.feasible ? money(p.monthly_cost_rounded) : '—' }));
    const b = p.feasible ? null : (p.blockers || [])[0];
    tr.append(b
      ? el('td', { class: 'num cap', title: b.code, text: codeWords(b.code) })
      : el('td', { class: 'num cap', text: p.feasible ? capacitySummary(p) : '—' }));
    return tr;
  });
  $('summary').tBodies[0].replaceChildren(...rows);
}

function badge(p) {
  return p.feasible
    ? el('span', { class: 'badge ok', text: 'feasible' })
    : el('span', { class: 'badge no', text: 'blocked' });
}

function renderCards(r) {
  const cards = (r.platforms || []).map((p) => {
    const card = el('article', { class: 'card' + (p.feasible ? '' : ' blocked'), 'data-platform': p.platform, 'aria-labelledby': 'card-' + p.platform });
    card.append(el('header', null, el('h4', { id: 'card-' + p.platform, text: p.name || p.platform }), badge(p)));
    card.append(p.feasible
      ? el('p', { class: 'cost' },
        el('span', { class: 'big', text: money(p.monthly_cost_rounded) }), ' a month',
        el('span', { class: 'exact', text: `exact ${p.monthly_cost}` }))
      : el('p', { class: 'cost' }, el('span', { class: 'big muted', text: 'Not feasible' })));
    if (p.blockers && p.blockers.length) {
      card.append(el('ul', { class: 'findings blockers', 'aria-label': 'Blockers' },
        ...p.blockers.map((b) => el('li', null,
          el('strong', { title: b.code, text: codeWords(b.code) }), ': ', ...linkify(findingText(b)),
          b.limit ? ` (limit ${b.limit})` : '',
          b.source ? ' ' : '', safeLink(b.source, 'source')))));
    }
    if (p.warnings && p.warnings.length) {
      card.append(el('ul', { class: 'findings warnings', 'aria-label': 'Warnings' },
        ...p.warnings.map((w) => el('li', null, el('strong', { title: w.code, text: codeWords(w.code) }), ': ', ...linkify(w.message),
          w.source ? ' ' : '', safeLink(w.source, 'source')))));
    }
    const cap = capacityRows(p.capacity);
    if (cap.length) card.append(el('h5', { text: 'Capacity' }), dl(cap));
    // Why a node holds fewer replicas than its vCPUs and memory would
    // (EKS's kube-reserved and ENI-based max pods, ECS's awsvpc ENIs).
    const bound = p.capacity && p.capacity.node_bound_note;
    if (typeof bound === 'string' && bound) card.append(el('p', { class: 'hint node-bound', text: `Per node: ${bound}.` }));
    const ha = haRows(p.ha, r.snapshot);
    if (ha.length) card.append(el('h5', { text: 'High availability' }), dl(ha));
    const haSrc = [p.ha && p.ha.sla && p.ha.sla.source && safeLink(p.ha.sla.source, p.ha.sla.scope ? `SLA (${p.ha.sla.scope})` : 'SLA'),
      p.ha && p.ha.control_plane_availability_source && safeLink(p.ha.control_plane_availability_source, 'availability model')].filter(Boolean);
    if (haSrc.length) card.append(el('p', { class: 'hint' }, 'Sources: ', ...haSrc.flatMap((a, i) => (i ? [', ', a] : [a]))));
    const haw = (p.ha && p.ha.warnings) || [];
    if (haw.length) {
      card.append(el('ul', { class: 'findings warnings', 'aria-label': 'Availability warnings' },
        ...haw.map((w) => el('li', null, w.message, w.source ? ' ' : '', safeLink(w.source, 'source')))));
    }
    const loss = p.ha && p.ha.on_control_plane_loss;
    if (loss && typeof loss === 'object') {
      card.append(el('h5', { text: 'If the control plane is lost' }));
      card.append(worksList(loss));
      if (loss.source) card.append(el('p', { class: 'hint' }, safeLink(loss.source, 'source')));
      if (loss.deck_claim) card.append(el('p', { class: 'hint' }, `The 2017 deck said “${loss.deck_claim}”`, loss.deck_verdict ? ` — ${loss.deck_verdict}.` : '.'));
    }
    card.append(arithmetic(p, r.inputs));
    return card;
  });
  $('cards').replaceChildren(...cards);
}

// ---- cheaper configurations -------------------------------------------

// renderAlternatives puts under each feasible card's cost the cheaper
// configurations found for the scenario on screen, with a button that
// asks the form for the best of them; nothing while they are sought.
function renderAlternatives(s) {
  const alts = s.alts && s.alts.text === s.text ? s.alts.platforms : {};
  for (const p of s.report.platforms || []) {
    const card = document.querySelector(`#cards .card[data-platform="${CSS.escape(p.platform)}"]`);
    if (!card) continue;
    const old = card.querySelector('.alts');
    const a = p.feasible && alts[p.platform];
    if (!a) { if (old) old.remove(); continue; }
    const box = el('section', { class: 'alts', 'aria-label': 'Cheaper configurations' });
    if (a.list.length === 0) {
      box.append(el('p', { class: 'hint none', text: `No cheaper configuration among ${grouped(String(a.searched))} considered.` }));
    } else {
      box.append(el('h5', { text: `Cheaper configurations (of ${grouped(String(a.searched))} considered)` }),
        el('ol', { class: 'alt-list' }, ...a.list.map((x) => el('li', { 'data-cost': x.monthly_cost_rounded, text: altLine(x) }))));
      const best = a.list[0];
      const pairs = altFields(best, p.capacity);
      if (pairs) {
        const shared = pairs.some(([path]) => path === FIELD.instanceType);
        box.append(el('button', {
          type: 'button', class: 'secondary use-cheapest', 'data-platform': p.platform,
          title: shared
            ? `Sets the instance type to ${best.instance_type}: every EC2-based platform (Swarm, Kubernetes, EKS, ECS on EC2, Nomad) shares it.`
            : `Sets ${pairs.map(([path, v]) => `${path} to ${v}`).join(' and ')}.`,
        }, useText(best, pairs)));
        if (shared) box.append(el('p', { class: 'hint', text: 'The instance type is shared by every EC2-based platform.' }));
      }
    }
    if (old) old.replaceWith(box);
    else card.querySelector('.cost').after(box);
  }
}

// renderInstanceTypes fills the suggestions of the instance-type field
// (a free-text field with a datalist) for the report's snapshot and region.
function renderInstanceTypes(s) {
  const input = $(idOf(FIELD.instanceType));
  if (!input || !s.instanceTypes) return;
  let list = $('instance-types');
  if (!list) {
    list = el('datalist', { id: 'instance-types' });
    input.after(list);
    input.setAttribute('list', 'instance-types');
    input.setAttribute('autocomplete', 'off');
  }
  const where = s.instanceTypes.where;
  list.replaceChildren(...s.instanceTypes.list.map((t) => el('option', { value: t.type, label: instanceLabel(t, where) })));
}

const FEATURES = [['running_workloads_continue', 'running workloads'], ['rescheduling', 'rescheduling'], ['deployments', 'deployments'], ['autoscaling', 'autoscaling']];

// worksList shows which features keep working, with a mark and words
// (the colour is not the only signal).
function worksList(o) {
  const ul = el('ul', { class: 'works' });
  for (const [k, t] of FEATURES) {
    if (typeof o[k] !== 'boolean') continue;
    ul.append(el('li', { class: o[k] ? 'yes' : 'no' },
      el('span', { class: 'mark', 'aria-hidden': 'true', text: o[k] ? '✓' : '✗' }), `${t}: ${o[k] ? 'yes' : 'no'}`));
  }
  return ul;
}

function dl(rows) {
  const d = el('dl', { class: 'figures' });
  for (const [k, v] of rows) d.append(el('dt', { text: k }), el('dd', { text: v }));
  return d;
}

// arithmetic is a bill's lines as a table (a platform's, or today's:
// todayview.js), folded under "Show the arithmetic".
export function arithmetic(p, inputs) {
  const lines = p.cost_lines || [];
  const det = el('details', { class: 'arith' });
  det.append(el('summary', { text: 'Show the arithmetic' }));
  if (!lines.length) {
    det.append(el('p', { class: 'hint', text: 'No line items.' }));
    return det;
  }
  const wrap = el('div', { class: 'table-wrap' });
  const t = el('table', { class: 'lines' });
  t.append(el('thead', null, el('tr', null,
    el('th', { scope: 'col', text: 'Line item' }), el('th', { scope: 'col', class: 'num', text: 'USD' }))));
  const tb = el('tbody');
  for (const l of lines) {
    const how = derivation(l, p, inputs);
    const credit = isCredit(l);
    tb.append(el('tr', { class: credit ? 'credit' : null },
      el('th', { scope: 'row' }, l.item,
        how ? el('span', { class: 'calc how', text: `${grouped(l.quantity)} ${l.unit || ''} = ${how}` }) : '',
        el('span', { class: 'calc formula', title: `${l.quantity} ${l.unit || ''} × ${l.unit_price} = ${l.amount}` },
          `${lineFormula(l)} = `, el('span', { class: 'amount', text: money(l.amount) })),
        // A unit price no source states (2017's Fargate prices): how it
        // was worked out.
        l.note ? el('span', { class: 'calc note', text: `Unit price ${l.unit_price}: ${l.note}` }) : ''),
      el('td', { class: 'num', text: signedAmount(l.amount_rounded || l.amount) },
        credit ? el('span', { class: 'visually-hidden', text: ' (credit)' }) : '')));
  }
  t.append(tb);
  const year = yearly(p.monthly_cost_rounded);
  t.append(el('tfoot', null,
    el('tr', null,
      el('th', { scope: 'row' }, 'Monthly total', el('span', { class: 'calc', text: `exact ${grouped(p.monthly_cost)}` })),
      el('td', { class: 'num', text: grouped(cents(p.monthly_cost_rounded)) })),
    onceRow(p),
    year ? el('tr', { class: 'yearly' },
      el('th', { scope: 'row' }, 'Yearly total', el('span', { class: 'calc', text: '12 × the monthly total' })),
      el('td', { class: 'num', text: grouped(cents(year)) })) : ''));
  wrap.append(t);
  det.append(wrap, el('p', { class: 'hint', text: 'Each line is rounded to the cent, half up, then summed, as AWS bills it; a month is 730 hours. The exact total rounded once, as most calculators show it, can differ by a cent or two.' }));
  return det;
}

// onceRow is the exact total rounded once (monthly_cost_total_rounded),
// shown under the monthly total only when it differs from it: the
// figure infracost and most calculators give.
function onceRow(p) {
  const once = p.monthly_cost_total_rounded;
  if (typeof once !== 'string' || once === p.monthly_cost_rounded) return '';
  return el('tr', { class: 'once' },
    el('th', { scope: 'row' }, 'Total rounded once', el('span', { class: 'calc', text: 'the exact total to the cent, as most calculators show it' })),
    el('td', { class: 'num', text: grouped(cents(once)) }));
}

// ---- share link -------------------------------------------------------

// updateShare shows the link at once and puts it in the address bar a
// moment later: browsers throttle history.replaceState when typing
// calls it on every key.
let shareTimer = 0;
function updateShare(text) {
  if (!text) return;
  const href = shareURL(location.href, text);
  $('share-link').value = href;
  clearTimeout(shareTimer);
  shareTimer = setTimeout(() => { if (location.href !== href) history.replaceState(null, '', href); }, 300);
}
