// The what-if panel: a platform's topology and its state after each
// failure picked so far (runwhere.whatIf).

import { $, el, safeLink, linkify } from './dom.js';

// pickPlatform is the platform the panel shows for a report: the one
// shown before if the report still has it, else the first with managers
// to lose, else the first.
export function pickPlatform(report, prev) {
  const ps = (report && report.platforms) || [];
  const ids = ps.map((p) => p.platform);
  if (ids.includes(prev)) return prev;
  const managed = ps.find((p) => p.ha && p.ha.managers);
  return managed ? managed.platform : ids[0] || '';
}

// whatIfFor asks the bridge (call) for the platform's states after the
// events, and returns the state's {events, whatIf: {result, error}}. An
// event the bridge refuses is dropped, and its error kept to show; prev
// is the last answer, kept when there is no new one.
export function whatIfFor(call, text, platform, events, prev) {
  const res = call('whatIf', text, JSON.stringify(events), platform);
  if (!res.error) return { events, whatIf: { result: res, error: '' } };
  if (events.length) {
    const kept = whatIfFor(call, text, platform, events.slice(0, -1), prev);
    return { events: kept.events, whatIf: { result: kept.whatIf.result, error: res.error } };
  }
  return { events, whatIf: { result: prev, error: res.error } };
}

export function stepTitle(step) {
  let m;
  if ((m = /^manager:(\d+)$/.exec(step))) return `Manager ${m[1]} lost`;
  if ((m = /^worker(?::(\d+))?$/.exec(step))) return m[1] ? `Worker ${m[1]} lost` : 'A worker lost';
  if ((m = /^zone:(\w+)$/.exec(step))) return `Zone ${m[1]} lost`;
  if (step === 'control-plane') return 'Control plane lost';
  return `${step}`;
}

export function stateLine(st) {
  const parts = [];
  if (typeof st.managers_up === 'number') {
    parts.push(`${st.managers_up} of ${st.managers} managers up` + (typeof st.quorum_kept === 'boolean' ? (st.quorum_kept ? `, quorum (${st.quorum}) kept` : `, quorum (${st.quorum}) lost`) : ''));
  }
  parts.push(st.control_plane_up ? 'control plane up' : 'control plane down');
  if (typeof st.workers_up === 'number') {
    parts.push(`${st.workers_up} worker${st.workers_up === 1 ? '' : 's'} up` + (typeof st.peak_fits === 'boolean' ? (st.peak_fits ? ', the peak fits' : ', the peak does not fit') : ''));
  }
  if (st.zones_down && st.zones_down.length) parts.push(`zone${st.zones_down.length > 1 ? 's' : ''} ${st.zones_down.join(', ')} down`);
  return parts.join(' · ');
}

// buttons lists the knock-outs on offer: [event, text, disabled].
export function buttons(topo, states, events) {
  const last = states[states.length - 1] || {};
  const out = [];
  if (topo.managers) {
    const lost = new Set(events.filter((e) => /^manager:\d+$/.test(e)).map((e) => Number(e.slice(8))));
    let next = 1;
    while (lost.has(next)) next++;
    out.push([`manager:${next}`, 'Lose a manager', next > topo.managers]);
  }
  if (topo.workers) out.push(['worker', 'Lose a worker', last.workers_up === 0]);
  const zones = Math.min(topo.zones || 1, 6);
  const down = new Set(last.zones_down || []);
  if (zones > 1) for (let i = 0; i < zones; i++) { const z = String.fromCharCode(97 + i); out.push([`zone:${z}`, `Lose zone ${z}`, down.has(z)]); }
  out.push(['control-plane', 'Lose the control plane', last.control_plane_up === false]);
  return out;
}

const CELLS = [['running_workloads_continue', 'Running workloads'], ['rescheduling', 'Rescheduling'], ['deployments', 'Deployments'],
  ['autoscaling', 'Autoscaling'], ['service_discovery', 'Service discovery']];
const MARK = { yes: '✓', no: '✗', partial: '◐', 'n/a': '–', unknown: '?' };

// renderWhatIf draws the panel from the state: the platform menu, the
// topology, the buttons and the steps.
export function renderWhatIf(s) {
  const sel = $('wi-platform');
  const ps = (s.report && s.report.platforms) || [];
  const ids = ps.map((p) => p.platform);
  if (sel.options.length !== ps.length || [...sel.options].some((o, i) => o.value !== ids[i])) {
    sel.replaceChildren(...ps.map((p) => el('option', { value: p.platform, text: p.name || p.platform })));
  }
  if (s.wiPlatform && sel.value !== s.wiPlatform) sel.value = s.wiPlatform;
  const err = $('wi-error');
  err.textContent = s.whatIf.error;
  err.hidden = !s.whatIf.error;
  const res = s.whatIf.result;
  if (!res) return;
  const topo = res.topology || {};
  const states = res.states || [];
  const parts = [];
  if (topo.managers) parts.push(`${topo.managers} managers`);
  else parts.push('a managed control plane');
  if (topo.workers) parts.push(`${topo.workers} workers (${topo.workers_needed || topo.workers} needed at the peak)`);
  parts.push(`${topo.zones || 1} zone${topo.zones === 1 ? '' : 's'}`);
  $('wi-topology').textContent = `As the scenario sizes it: ${parts.join(', ')}. Change managers and zones under Servers.`;

  const box = $('wi-buttons');
  const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.textContent : null;
  box.replaceChildren(
    ...buttons(topo, states, s.events).map(([ev, t, off]) => el('button', { type: 'button', 'data-event': ev, disabled: off, text: t })),
    el('button', { type: 'button', 'data-event': '-undo', class: 'secondary', disabled: !s.events.length, text: 'Undo' }),
    el('button', { type: 'button', 'data-event': '-reset', class: 'secondary', disabled: !s.events.length, text: 'Reset' }));
  if (focused) { // keep the keyboard where it was
    const again = [...box.querySelectorAll('button')].find((b) => b.textContent === focused && !b.disabled) || box.querySelector('button:not([disabled])');
    if (again) again.focus();
  }

  $('wi-steps').replaceChildren(...states.map((st, i) => {
    const li = el('li', { class: i === 0 ? 'initial' : '' });
    li.append(el('p', { class: 'step-h' }, el('strong', { text: i === 0 ? 'Before any failure' : stepTitle(st.step || s.events[i - 1]) })));
    li.append(el('p', { class: 'state', text: stateLine(st) }));
    const b = st.behaviour;
    if (b && typeof b === 'object') {
      const ul = el('ul', { class: 'works cells' });
      for (const [k, t] of CELLS) {
        const c = b[k];
        if (!c || typeof c !== 'object') continue;
        const v = String(c.value);
        const item = el('li', { class: 'v-' + v.replace(/[^a-z]/g, '') },
          el('span', { class: 'mark', 'aria-hidden': 'true', text: MARK[v] || '?' }),
          el('strong', { text: t }), `: ${v}`);
        if (c.note) item.append(el('span', { class: 'note' }, ' — ', ...linkify(c.note)));
        if (c.inference) item.append(' ', el('span', { class: 'tag', title: 'the sources imply this rather than state it', text: 'inferred' }));
        if (c.source) item.append(' ', safeLink(c.source, 'source'));
        ul.append(item);
      }
      li.append(ul);
      if (b.recovery && b.recovery.text) {
        li.append(el('p', { class: 'recovery' }, el('strong', { text: 'Recovery: ' }), ...linkify(b.recovery.text), b.recovery.source ? ' ' : '', safeLink(b.recovery.source, 'source')));
      }
      if (b.deck && b.deck.claim) {
        li.append(el('p', { class: 'hint' }, `The 2017 deck said “${b.deck.claim}”`, b.deck.verdict ? ` — ${b.deck.verdict}` : '', '.'));
      }
    }
    for (const w of st.warnings || []) li.append(el('p', { class: 'warn' }, `⚠ ${w.message}`, w.source ? ' ' : '', safeLink(w.source, 'source')));
    return li;
  }));
}
