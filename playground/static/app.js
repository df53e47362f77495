// runwhere playground: the page's state and what changes it. Every event
// updates the state through one store, which renders it (render.js); the
// bridge is called here, never while rendering. The form is built from
// the library's schema (runwhere.schema()), so this file names no
// scenario field, platform or snapshot.

import { $, el } from './dom.js';
import { loadBridge, call, callExact, version } from './bridge.js';
import { jsonText, Typed } from './numbers.js';
import { fieldFinder, cleanError, pinSnapshot, isChecklist, getPath, leftOut, snapshotField, FIELD } from './fields.js';
import { buildForm, readForm, fillForm, idOf, showKind, openSections } from './form.js';
import { createStore } from './store.js';
import { render, useShapeView } from './render.js';
import { buildShape } from './shapeview.js';
import { shapeOf, hourlyText } from './shape.js';
import { money, csv, altFields } from './report.js';
import { scenarioFromHash, linkForOthers } from './share.js';
import { pickPlatform, whatIfFor } from './whatif.js';
import { heldIn } from './compare.js';
import { syncToday, wireToday, renderToday } from './todayview.js';
import { leftOutToday } from './today.js';
import { wireImport, clearImportMarks } from './importview.js';

const store = createStore({
  schema: null, presets: [], version: '',
  text: '', yaml: '', report: null, curves: null, // the last scenario that computed, and its answers
  fieldErrors: [], stale: false, // errors of the scenario in the form, when it does not compute
  yamlError: '', linkError: '', linkErrorUntilComputed: false, platformNote: '',
  wiPlatform: '', events: [], whatIf: { result: null, error: '' },
  chartWidth: 0, nodesWidth: 0, status: 'Loading the calculator…',
  profiles: [], shape: null, // runwhere.profiles(), and the load shape the form describes (null for a job)
  alts: null, // {text, platforms: {id: {list, searched}}}: the cheaper configurations of the scenario text
  instanceTypes: null, // {key, region, list}: runwhere.instanceTypes of the report's snapshot and region
  cmp: null, cmpView: '', // the compare view's comparisons (comparisonsFor) and the snapshot shown ('' = the report's)
}, (s, p) => { render(s, p); renderToday(s, p); });
const S = () => store.state;
let fieldOf = () => null;
let firstResult = false; // for the page's own timing (playground/measure.sh)


const STALE = 'The results below are for the last valid scenario: fix the field marked in red.';
const NONE_YET = 'Nothing has computed yet: fix the field marked in red.';
// staleStatus is what the status bar says when the form does not
// compute: it speaks of results below only when there are some.
const staleStatus = () => (S().report ? STALE : NONE_YET);

function statusFor(r) {
  const id = r.recommendation && r.recommendation.platform;
  const p = (r.platforms || []).find((x) => x.platform === id);
  return p ? `Recommended: ${p.name || id} at ${money(p.monthly_cost_rounded)} a month.` : 'Computed: no platform is recommended.';
}

// recompute evaluates the form: on success the state takes the new
// report, curves, YAML and what-if answer; otherwise the errors, and the
// results on screen are marked stale. It returns whether it computed.
function recompute() {
  const t0 = performance.now();
  const s = S();
  const kind = showKind(s.schema);
  const shape = shapeNow(kind, s.shape);
  syncToday(s.schema); // before the form is read: it says which of today's fields are sent
  const { scenario, errors } = readForm(s.schema);
  if (errors.length) {
    store.set({ shape, fieldErrors: errors.map(([path, msg]) => [path, cleanError(msg)]), stale: true, status: staleStatus() });
    return false;
  }
  const text = jsonText(pinSnapshot(s.schema, scenario)); // a link keeps its catalogue
  // Lean: without the comparison, which comparisonsFor asks for when the
  // snapshot or the platforms change, not on every keystroke.
  const report = call('evaluate', text, 'lean');
  if (report.error) {
    const msg = cleanError(report.error);
    const path = s.schema.fields.some((f) => f.path === report.field) ? report.field : fieldOf(msg);
    store.set({ shape, fieldErrors: [[path, msg]], stale: true, status: staleStatus() });
    return false;
  }
  const curves = call('curves', text);
  const tBridge = performance.now();
  const ownAlts = getPath(scenario, ALTERNATIVES) !== undefined;
  const y = call('yaml', text);
  const wiPlatform = pickPlatform(report, s.wiPlatform);
  const ticked = tickedPlatforms(s.schema, scenario);
  store.set({
    platformNote: leftOut(s.schema.platforms, ticked, report.snapshot),
    cmp: comparisonsFor(s.schema, ticked, report, s.cmp),
    // The switch starts at the scenario's catalogue, and follows it when it changes.
    ...(s.report && s.report.snapshot !== report.snapshot ? { cmpView: '' } : {}),
    text, report, shape, yaml: y.error ? s.yaml : y.yaml,
    curves: Array.isArray(curves) ? curves : null,
    fieldErrors: [], stale: false,
    linkError: s.linkErrorUntilComputed ? '' : s.linkError,
    linkErrorUntilComputed: false,
    wiPlatform, ...whatIfFor(call, text, wiPlatform, s.events, s.whatIf.result),
    status: Array.isArray(curves) ? statusFor(report) : `The chart is unavailable: ${curves.error}`,
    // The scenario's own cheaper configurations, when it asks for them.
    ...(ownAlts ? { alts: altsOf(text, report) } : {}),
  });
  suggestTypes(report);
  if (!ownAlts) findCheaper(text, scenario);
  const t1 = performance.now();
  performance.measure('runwhere:recompute', { start: t0, end: t1, detail: { bridge: tBridge - t0 } });
  if (!firstResult) {
    firstResult = true;
    performance.mark('runwhere:first-result');
  }
  return true;
}

// ---- the load shape ---------------------------------------------------

// shapeNow is the load shape the form describes, for the picker: the
// hourly list, else the profile chosen or assumed; null for a job, which
// has none. It returns prev when nothing changed, so the picture is
// redrawn only when the shape is.
function shapeNow(kind, prev) {
  const s = S();
  const profile = $(idOf(FIELD.profile));
  const hourly = $(idOf(FIELD.hourly));
  if (kind !== 'service' || !profile || !hourly) return null;
  const f = s.schema.fields.find((x) => x.path === FIELD.profile);
  const now = shapeOf(s.profiles, profile.value, hourly.value, f && f.default);
  const same = now && prev && now.name === prev.name && now.custom === prev.custom &&
    now.values.length === prev.values.length && now.values.every((v, i) => v === prev.values[i]);
  return same ? prev : now;
}

// setShape puts an edited shape into the form as typed: the hourly list
// with every hour, and no profile (the library takes one or the other).
function setShape(values) {
  $(idOf(FIELD.profile)).value = '';
  const hourly = $(idOf(FIELD.hourly));
  hourly.value = hourlyText(values);
  hourly.dispatchEvent(new Event('input', { bubbles: true }));
}

// builtInShape drops the hourly list, so the profile menu (or its
// default) shapes the load again.
function builtInShape() {
  const hourly = $(idOf(FIELD.hourly));
  hourly.value = '';
  hourly.dispatchEvent(new Event('input', { bubbles: true }));
  $(idOf(FIELD.profile)).focus();
}

// addShapePicker puts the picker under the profile menu, when the schema
// has both shape fields and the library lists its profiles.
function addShapePicker(schema, profiles) {
  const profile = $(idOf(FIELD.profile));
  if (!profile || !$(idOf(FIELD.hourly)) || !profiles.length) return;
  const labelOf = (name) => (profiles.find((p) => p.name === name) || { label: name }).label;
  const view = buildShape(setShape, builtInShape, labelOf);
  profile.closest('.field').after(view.box);
  useShapeView(view);
}

// ---- cheaper configurations ---------------------------------------------

// ALTERNATIVES is the scenario field that asks the library for cheaper
// configurations; the page asks for ALT_COUNT of them after each result.
const ALTERNATIVES = FIELD.alternatives;
const ALT_COUNT = '3';

// altsOf keeps each platform's cheaper configurations of a report.
function altsOf(text, report) {
  const platforms = {};
  for (const p of report.platforms || []) {
    if (p.alternatives_searched !== undefined || p.alternatives) {
      platforms[p.platform] = { list: p.alternatives || [], searched: p.alternatives_searched || 0 };
    }
  }
  return { text, platforms };
}

// findCheaper asks, after the result is on screen, for the scenario's
// cheaper configurations: the same scenario plus alternatives, a search
// some hundred times slower than the evaluation, so it never delays the
// answer to an edit. An answer for a scenario the form no longer holds is
// dropped.
let altTimer = 0;
function findCheaper(text, scenario) {
  clearTimeout(altTimer);
  const run = () => {
    altTimer = 0;
    if (S().text !== text || S().stale) return;
    const t0 = performance.now();
    const withAlts = jsonText(pinSnapshot(S().schema, { ...scenario, [ALTERNATIVES]: new Typed(ALT_COUNT) }));
    const r = call('evaluate', withAlts);
    if (r.error || S().text !== text) return;
    store.set({ alts: altsOf(text, r) });
    performance.measure('runwhere:alternatives', { start: t0, end: performance.now() });
  };
  // After the next frame is painted, so the result shows first, and after
  // a pause in typing (ALT_PAUSE_MS), so that a search does not hold up
  // the next keystroke's answer: an edit within the pause restarts it.
  requestAnimationFrame(() => {
    clearTimeout(altTimer);
    altTimer = setTimeout(run, ALT_PAUSE_MS);
  });
}

// ALT_PAUSE_MS is the pause in typing before the search: short enough
// that the cheaper configurations follow an edit within 300 ms.
const ALT_PAUSE_MS = 120;

// useCheapest fills the form with a platform's best alternative, as if
// typed: the share link, the YAML and the results follow.
function useCheapest(platform) {
  const s = S();
  const alts = s.alts && s.alts.text === s.text && s.alts.platforms[platform];
  const p = s.report && (s.report.platforms || []).find((x) => x.platform === platform);
  const pairs = alts && p ? altFields(alts.list[0], p.capacity) : null;
  if (!pairs || !pairs.every(([path]) => s.schema.fields.some((f) => f.path === path))) return;
  let input = null;
  for (const [path, v] of pairs) {
    input = $(idOf(path));
    if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === v)) input.append(el('option', { value: v, text: v }));
    input.value = v;
  }
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

// suggestTypes gives the instance-type field the suggestions of a
// report's snapshot and region (asked of the library once per pair),
// after the result is painted: some 1,400 of them take a few tens of
// milliseconds to put in the page.
const typesCache = new Map();
let typesTimer = 0;
function suggestTypes(report) {
  const key = `${report.snapshot}\u0000${report.region}`;
  clearTimeout(typesTimer);
  if (S().instanceTypes && S().instanceTypes.key === key) return;
  requestAnimationFrame(() => {
    clearTimeout(typesTimer);
    typesTimer = setTimeout(() => {
      const r = S().report;
      if (!r || `${r.snapshot}\u0000${r.region}` !== key) return; // a newer result asks for its own
      if (!typesCache.has(key)) {
        const t = call('instanceTypes', r.snapshot || '', r.region || '');
        typesCache.set(key, Array.isArray(t && t.instance_types) ? t.instance_types : []);
      }
      // A type without a price says where: the region, and the snapshot
      // when it is not the newest (2017-12 prices few of today's types).
      const snap = snapshotField(S().schema);
      const where = r.region + (snap && r.snapshot && r.snapshot !== snap.default ? ` in ${r.snapshot}` : '');
      store.set({ instanceTypes: { key, where, list: typesCache.get(key) } });
    }, 0);
  });
}

// tickedPlatforms is the platforms the scenario chooses; a checklist
// left out of the scenario has every box ticked.
function tickedPlatforms(schema, scenario) {
  const ids = new Set(schema.platforms.map((p) => p.id));
  return schema.fields.filter((f) => isChecklist(f) && f.enum.every((v) => ids.has(v)))
    .flatMap((f) => getPath(scenario, f.path) || f.enum);
}

// comparisonsFor is the compare view's data: for every snapshot, the
// limits and features of the ticked platforms it holds (the report's
// own comparison for its snapshot, runwhere.compare for the others, asked
// once per snapshot and platforms), and the ticked ones it lacks. A
// comparison depends on nothing else, so it returns prev when the ticked
// platforms and the snapshot are the same: the view is not redrawn on
// every keystroke.
const cmpCache = new Map();
function comparisonsFor(schema, ticked, report, prev) {
  const key = ticked.join(',') + '\u0000' + report.snapshot;
  if (prev && prev.key === key) return prev;
  const data = {};
  const missing = {};
  for (const snap of schema.snapshots || []) {
    const ids = heldIn(schema.platforms, ticked, snap);
    missing[snap] = schema.platforms.filter((p) => ticked.includes(p.id) && !ids.includes(p.id)).map((p) => p.name || p.id);
    if (!ids.length) continue; // compare('', ...) would mean all of them
    if (snap === report.snapshot && report.comparison) {
      data[snap] = report.comparison;
      continue;
    }
    const k = `${snap}\u0000${ids.join(',')}`;
    if (!cmpCache.has(k)) cmpCache.set(k, call('compare', snap, ids.join(',')));
    data[snap] = cmpCache.get(k);
  }
  return { key, snapshots: schema.snapshots || [], ticked, data, missing };
}

// loadText fills the form from a YAML or JSON scenario and recomputes.
// origin names where the text came from, for the error message. It
// returns whether the form now holds the text (filled), what of it the
// form could not hold (problems), and the error that kept it from being
// computed (error); '' for none.
function loadText(text, origin) {
  const prefix = origin ? origin + ': ' : '';
  const sc = callExact('scenario', text);
  if (sc.error) {
    store.set({ yamlError: prefix + sc.error });
    if (origin) $('yaml-details').open = true;
    return { filled: false, problems: sc.error, error: '' };
  }
  const problems = [...fillForm(S().schema, sc), leftOutToday(S().schema, sc)].filter(Boolean).join('; ');
  openSections(S().schema, sc);
  store.set({ yamlError: problems ? prefix + problems : '', events: [] });
  const computed = recompute();
  const err = S().fieldErrors[0];
  return { filled: true, problems, error: computed || !err ? '' : err[1] };
}

// ---- share links ------------------------------------------------------

// sentence drops an error's prefix and final stop so it reads inside a
// sentence of the page.
const sentence = (msg) => cleanError(msg).replace(/^scenario: /, '').replace(/[.\s]+$/, '');

// linkStatus points to the message at the top of the results: on a
// phone they are below the whole form, and the status bar is in sight.
const linkStatus = (msg) => `${msg.slice(0, msg.indexOf(':'))}: see the message at the top of the results.`;

// showLinkError sets the message at the top of the results about the
// link the page was opened with; untilComputed clears it once the
// scenario computes (the person fixed what was wrong).
function showLinkError(msg, untilComputed) {
  store.set({ linkError: msg, linkErrorUntilComputed: Boolean(msg && untilComputed), ...(msg ? { status: linkStatus(msg) } : {}) });
}

// openLink loads what scenarioFromHash returned and says at the top of
// the results when the link cannot be used, wholly or in part. It
// returns false when nothing of the link was loaded.
function openLink(link, atStart) {
  let why;
  if (typeof link === 'string') {
    const r = loadText(link, 'link');
    if (r.filled) {
      if (r.problems) showLinkError(`Part of this link was not used: ${sentence(r.problems)}.`);
      else if (r.error) showLinkError(`The scenario in this link does not compute: ${sentence(r.error)}. The field is marked in red.`, true);
      else showLinkError('');
      return true;
    }
    why = sentence(r.problems);
    // The page writes JSON: an object that never closes was cut short.
    if (/^\s*\{/.test(link) && !/\}\s*$/.test(link)) why += ' (the link was cut short)';
  } else {
    why = sentence(link.error);
  }
  showLinkError(`This link cannot be used: ${why}. ` +
    (atStart ? 'Showing the first reference scenario instead.' : 'The scenario on screen is unchanged.'));
  return false;
}

// ---- export ---------------------------------------------------------

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileBase() {
  const n = (S().report && S().report.scenario) || 'scenario';
  return 'runwhere-' + (n.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario');
}

// ---- wiring -----------------------------------------------------------

function setWhatIf(wiPlatform, events) {
  const s = S();
  if (!s.report) return;
  store.set({ wiPlatform, ...whatIfFor(call, s.text, wiPlatform, events, s.whatIf.result) });
}

function wire() {
  const form = $('form');
  const onEdit = (e) => {
    const f = e.target.name && S().schema.fields.find((x) => x.path === e.target.name);
    if (f && f.one_of && e.target.value.trim() !== '') $(idOf(f.one_of)).value = ''; // exactly one of the two
    // A profile picked from the menu replaces a shape of one's own.
    if (f && f.path === FIELD.profile && e.target.value !== '') $(idOf(FIELD.hourly)).value = '';
    recompute();
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', (e) => { if (e.target.tagName !== 'INPUT' || e.target.type === 'checkbox') onEdit(e); });
  form.addEventListener('submit', (e) => e.preventDefault());
  wireToday();
  $('cards').addEventListener('click', (e) => {
    const b = e.target.closest('button.use-cheapest');
    if (b) useCheapest(b.dataset.platform);
  });

  // The front-door notice's button opens the form's part that sets one
  // and puts the cursor in its first field.
  $('door-go').addEventListener('click', () => {
    const input = $(idOf(FIELD.door));
    if (!input) return;
    const box = input.closest('details');
    if (box) box.open = true;
    input.scrollIntoView({ block: 'center' });
    input.focus();
  });

  $('preset').addEventListener('change', (e) => {
    const p = S().presets[Number(e.target.value)];
    if (!p) return;
    showLinkError(''); // a scenario picked here replaces the link's
    clearImportMarks();
    loadText(p.yaml, `preset ${p.name}`);
  });
  $('yaml').addEventListener('input', (e) => loadText(e.target.value, ''));
  wireImport(loadText);
  $('yaml').addEventListener('blur', () => { if (!S().yamlError && S().yaml) $('yaml').value = S().yaml; });

  $('cmp-switch').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-snapshot]');
    if (b) store.set({ cmpView: b.dataset.snapshot });
  });
  $('wi-platform').addEventListener('change', (e) => setWhatIf(e.target.value, []));
  $('wi-buttons').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const ev = b.dataset.event;
    const events = S().events;
    if (ev === '-undo') setWhatIf(S().wiPlatform, events.slice(0, -1));
    else if (ev === '-reset') setWhatIf(S().wiPlatform, []);
    else setWhatIf(S().wiPlatform, [...events, ev]);
  });

  $('copy-link').addEventListener('click', async () => {
    const input = $('share-link');
    try {
      await navigator.clipboard.writeText(input.value);
      store.set({ status: 'Link copied.' });
    } catch (e) {
      input.focus();
      input.select();
      store.set({ status: 'Select the link and copy it (the browser did not allow copying).' });
    }
  });
  $('export-md').addEventListener('click', () => {
    if (!S().report) return;
    const md = call('markdown', S().text);
    if (md.error) { store.set({ status: `Markdown export failed: ${md.error}` }); return; }
    // The closing link only when it leads somewhere for the reader.
    const link = linkForOthers($('share-link').value);
    download(fileBase() + '.md', 'text/markdown', md.markdown + (link ? `\n[Open this scenario in the runwhere playground](${link})\n` : ''));
  });
  $('export-csv').addEventListener('click', () => {
    if (S().report) download(fileBase() + '.csv', 'text/csv', csv(S().report));
  });
  $('export-json').addEventListener('click', () => {
    if (!S().report) return;
    // The whole report, comparison included, as a Go service gets it.
    const full = call('evaluate', S().text);
    if (full.error) { store.set({ status: `JSON export failed: ${full.error}` }); return; }
    download(fileBase() + '.json', 'application/json', JSON.stringify(full, null, 2) + '\n');
  });
  window.addEventListener('hashchange', () => {
    const link = scenarioFromHash(location.hash);
    if (link !== null && link !== S().text) openLink(link, false);
  });
  // The chart's width is read only when it changes, never during a
  // recompute, which would force a layout in the middle of one.
  new ResizeObserver((entries) => {
    const w = Math.round(entries[entries.length - 1].contentRect.width);
    if (w > 0 && w !== S().chartWidth) store.set({ chartWidth: w });
  }).observe($('chart'));
  new ResizeObserver((entries) => {
    const w = Math.round(entries[entries.length - 1].contentRect.width);
    if (w > 0 && w !== S().nodesWidth) store.set({ nodesWidth: w });
  }).observe($('nodes-chart'));
}

async function start() {
  let schema;
  try {
    await loadBridge(() => store.set({ status: 'The calculator stopped; reload the page.' }));
    schema = call('schema');
    if (schema.error) throw new Error(schema.error);
  } catch (e) {
    store.set({ status: `The calculator did not load: ${e && e.message ? e.message : e}` });
    return;
  }
  buildForm($('form'), schema);
  fieldOf = fieldFinder(schema.fields);
  const presets = call('presets');
  const profiles = call('profiles');
  store.set({ schema, version: version(), presets: Array.isArray(presets) ? presets : [], profiles: Array.isArray(profiles) ? profiles : [] });
  addShapePicker(schema, S().profiles);
  $('preset').append(...S().presets.map((p, i) => el('option', { value: String(i), text: p.name })));
  wire();

  const fromLink = scenarioFromHash(location.hash);
  if (fromLink !== null && openLink(fromLink, true)) return;
  // No link, or one that holds no scenario: start from the first preset;
  // openLink said why at the top of the results, and the YAML box says
  // it too, beside the text it is about.
  const linkError = fromLink === null ? '' : (typeof fromLink === 'string' ? S().yamlError : `link: ${fromLink.error}`);
  const first = S().presets[0];
  if (first) {
    $('preset').value = '0';
    loadText(first.yaml, `preset ${first.name}`);
  } else {
    recompute();
  }
  if (linkError) {
    $('yaml-details').open = true;
    // The preset's result replaced the pointer to the link's message.
    store.set({ yamlError: `${linkError} (showing the first reference scenario instead)`, status: linkStatus(S().linkError) });
  }
}

start();
