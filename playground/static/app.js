// runwhere playground: the form, the bridge calls and the rendering.
// Plain JavaScript, no framework. User text is only ever set with
// textContent, .value or attributes: never as HTML markup.
'use strict';

(function () {
  const PLATFORMS = [
    ['lambda', 'Lambda'], ['ecs-fargate', 'ECS Fargate'], ['ecs-ec2', 'ECS on EC2'],
    ['eks', 'EKS'], ['kubernetes', 'Kubernetes'], ['swarm', 'Swarm'], ['nomad', 'Nomad'],
  ];
  const BOOL = [['', 'default'], ['true', 'yes'], ['false', 'no']];

  // Every scenario field of the contract (shared/DESIGN.md), in its order.
  // kind: text | number (JSON number, as typed) | decimal (JSON string) | select | bool | platforms
  const SECTIONS = [
    { legend: 'Scenario', fields: [
      { path: 'name', label: 'Name', kind: 'text', placeholder: 'my-service', wide: true },
      { path: 'snapshot', label: 'Price snapshot', kind: 'select', wide: true,
        options: [['', 'default (newest)'], ['2026-11', '2026-11'], ['2017-12', '2017-12']] },
      { path: 'region', label: 'Region', kind: 'text', placeholder: 'us-east-1', wide: true },
      { path: 'platforms', label: 'Platforms', kind: 'platforms', wide: true },
    ] },
    { legend: 'Workload', fields: [
      { path: 'workload.requests_per_second', label: 'Requests per second', unit: 'mean', kind: 'number', other: 'workload.requests_per_month' },
      { path: 'workload.requests_per_month', label: '…or per month', kind: 'number', other: 'workload.requests_per_second' },
      { path: 'workload.peak_requests_per_second', label: 'Peak requests/s', kind: 'number', placeholder: 'mean' },
      { path: 'workload.duration_ms', label: 'Duration', unit: 'ms', kind: 'number' },
      { path: 'workload.memory_mb', label: 'Memory', unit: 'MB', kind: 'number' },
      { path: 'workload.arch', label: 'Architecture', kind: 'select', options: [['', 'default'], ['x86_64', 'x86_64'], ['arm64', 'arm64']] },
      { path: 'workload.max_duration_s', label: 'Longest job', unit: 's', kind: 'number' },
      { path: 'workload.cpu_fraction', label: 'CPU share', unit: '0–1', kind: 'number', placeholder: '1' },
    ] },
    { legend: 'AWS Lambda', fields: [
      { path: 'lambda.free_tier', label: 'Free tier', kind: 'bool' },
      { path: 'lambda.ephemeral_storage_mb', label: 'Ephemeral storage', unit: 'MB', kind: 'number', placeholder: '512' },
      { path: 'lambda.provisioned_concurrency', label: 'Provisioned concurrency', kind: 'number', placeholder: '0' },
      { path: 'lambda.cpu_share_scaling', label: 'Slow CPU-bound work by Lambda’s vCPU share', kind: 'bool', wide: true },
    ] },
    { legend: 'Servers', hint: 'ECS on EC2, EKS, Kubernetes, Swarm and Nomad', fields: [
      { path: 'servers.instance_type', label: 'Instance type', kind: 'text', placeholder: 'm5.large' },
      { path: 'servers.hourly_price', label: 'Hourly price', unit: 'USD', kind: 'decimal', placeholder: 'catalogue' },
      { path: 'servers.count', label: 'Workers', unit: '0 = size it', kind: 'number', placeholder: '0' },
      { path: 'servers.target_utilization', label: 'Target utilisation', unit: '0–1', kind: 'number', placeholder: '0.7' },
      { path: 'servers.zones', label: 'Zones', kind: 'number', placeholder: '3' },
      { path: 'servers.managers', label: 'Managers', kind: 'number', placeholder: '3' },
      { path: 'servers.survive_zone_loss', label: 'Size to survive a zone loss', kind: 'bool', wide: true },
      { path: 'servers.ecs_network_mode', label: 'ECS network mode', kind: 'select', wide: true,
        options: [['', 'default (awsvpc; bridge in 2017-12)'], ['awsvpc', 'awsvpc'], ['bridge', 'bridge'], ['host', 'host']] },
    ] },
    { legend: 'Container (one replica)', fields: [
      { path: 'container.vcpu', label: 'vCPU', kind: 'number', placeholder: '0.5' },
      { path: 'container.memory_mb', label: 'Memory', unit: 'MB', kind: 'number', placeholder: '1024' },
    ] },
    { legend: 'Availability', fields: [
      { path: 'ha.node_availability', label: 'One node', unit: '0–1', kind: 'number', placeholder: '0.995' },
      { path: 'ha.zone_availability', label: 'One zone', unit: '0–1', kind: 'number', placeholder: '0.9999' },
    ] },
    { legend: 'Recommendation weights', hint: 'How much each criterion counts; they need not sum to one.', fields: [
      { path: 'weights.cost', label: 'Cost', kind: 'number' },
      { path: 'weights.headroom', label: 'Headroom', kind: 'number' },
      { path: 'weights.resilience', label: 'Resilience', kind: 'number' },
      { path: 'weights.operations', label: 'Operations', kind: 'number' },
      { path: 'weights.portability', label: 'Portability', kind: 'number' },
    ] },
  ];
  const FIELDS = SECTIONS.flatMap((s) => s.fields);
  const BY_PATH = new Map(FIELDS.map((f) => [f.path, f]));
  // Longest first, so "workload.peak_requests_per_second" wins over shorter names.
  const PATHS_LONGEST = FIELDS.map((f) => f.path).sort((a, b) => b.length - a.length);

  const $ = (id) => document.getElementById(id);
  const el = (tag, props, ...kids) => {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') e.textContent = v;
        else if (k === 'class') e.className = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  };
  const idOf = (path) => 'f-' + path.replace(/\./g, '-');

  let rw = null; // the bridge, once loaded
  const state = { text: '', report: null, curves: null, scenario: null, events: [], loading: false };

  // ---- the form ------------------------------------------------------

  function buildForm() {
    const form = $('form');
    for (const sec of SECTIONS) {
      const fs = el('fieldset', null, el('legend', { text: sec.legend }));
      if (sec.hint) fs.append(el('p', { class: 'hint legend-hint', text: sec.hint }));
      const grid = el('div', { class: 'grid' });
      for (const f of sec.fields) grid.append(fieldEl(f));
      fs.append(grid);
      form.append(fs);
    }
  }

  function fieldEl(f) {
    const id = idOf(f.path);
    const errId = 'e-' + id.slice(2);
    const wrap = el('div', { class: 'field' + (f.wide ? ' wide' : ''), 'data-path': f.path });
    if (f.kind === 'platforms') {
      const group = el('fieldset', { class: 'checks', id, 'aria-describedby': errId });
      group.append(el('legend', { text: f.label }));
      for (const [pid, name] of PLATFORMS) {
        const cid = id + '-' + pid;
        const cb = el('input', { type: 'checkbox', id: cid, value: pid, checked: true });
        group.append(el('span', { class: 'check' }, cb, el('label', { for: cid, text: name })));
      }
      wrap.append(group);
    } else {
      const label = el('label', { for: id }, f.label);
      if (f.unit) label.append(' ', el('span', { class: 'unit', text: f.unit }));
      wrap.append(label);
      let input;
      if (f.kind === 'select' || f.kind === 'bool') {
        input = el('select', { id, name: f.path });
        for (const [v, t] of (f.kind === 'bool' ? BOOL : f.options)) input.append(el('option', { value: v, text: t }));
      } else {
        input = el('input', {
          id, name: f.path, type: 'text', placeholder: f.placeholder,
          inputmode: f.kind === 'number' || f.kind === 'decimal' ? 'decimal' : null,
          spellcheck: 'false', autocapitalize: 'off',
        });
      }
      input.setAttribute('aria-describedby', errId);
      wrap.append(input);
    }
    wrap.append(el('p', { class: 'error', id: errId, hidden: true }));
    return wrap;
  }

  const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

  // Typed is a number as the person typed it. It goes to the bridge as
  // that text: a JavaScript number would turn 100.1234567890123456789 into
  // 100.12345678901235, 2^53 + 1 into 2^53, 1e-400 into 0 and 1e309 into
  // Infinity, which JSON writes as null, so the field read as missing.
  // The library judges the value (512.0 is no whole number, 1e309 no rate).
  class Typed {
    constructor(text) { this.text = jsonNumber(text); }
  }

  // jsonNumber writes a number that NUMBER accepts in JSON's syntax, with
  // the same digits and value: "+5" → "5", ".5" → "0.5", "5." → "5",
  // "007" → "7". The form has always taken these; JSON has not.
  function jsonNumber(raw) {
    const [, sign, whole, frac, exp] = /^([-+]?)(\d*)(?:\.(\d*))?([eE][-+]?\d+)?$/.exec(raw);
    return (sign === '-' ? '-' : '') + (whole.replace(/^0+(?=\d)/, '') || '0') + (frac ? '.' + frac : '') + (exp || '');
  }

  // jsonText is JSON.stringify that writes a Typed value as its digits.
  function jsonText(v) {
    if (v instanceof Typed) return v.text;
    if (Array.isArray(v)) return '[' + v.map(jsonText).join(',') + ']';
    if (v !== null && typeof v === 'object') {
      return '{' + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ':' + jsonText(x)).join(',') + '}';
    }
    return JSON.stringify(v);
  }

  // parseExact is JSON.parse that keeps every number as the string of its
  // digits, so a number in a link or the YAML box reaches the form as
  // written. Strings are matched whole first, so digits inside them stay.
  function parseExact(json) {
    return JSON.parse(json.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (m) => (m[0] === '"' ? m : `"${m}"`)));
  }

  // readForm returns the scenario object the form describes (empty fields
  // left out, so the library applies its documented defaults) and the
  // errors found before asking the library.
  function readForm() {
    const sc = {};
    const errors = [];
    const put = (path, v) => {
      const parts = path.split('.');
      let o = sc;
      for (let i = 0; i < parts.length - 1; i++) o = o[parts[i]] || (o[parts[i]] = {});
      o[parts[parts.length - 1]] = v;
    };
    for (const f of FIELDS) {
      if (f.kind === 'platforms') {
        const picked = PLATFORMS.map(([p]) => p).filter((p) => $(idOf(f.path) + '-' + p).checked);
        if (picked.length === 0) errors.push([f.path, 'platforms: pick at least one platform']);
        else if (picked.length < PLATFORMS.length) put(f.path, picked);
        continue;
      }
      const raw = $(idOf(f.path)).value.trim();
      if (raw === '') continue;
      switch (f.kind) {
        case 'number':
          if (!NUMBER.test(raw)) errors.push([f.path, `${f.path}: "${raw}" is not a number`]);
          else put(f.path, new Typed(raw));
          break;
        case 'decimal':
          if (!NUMBER.test(raw)) errors.push([f.path, `${f.path}: "${raw}" is not a number`]);
          else put(f.path, raw);
          break;
        case 'bool':
          put(f.path, raw === 'true');
          break;
        default:
          put(f.path, raw);
      }
    }
    return { scenario: sc, errors };
  }

  // fillForm sets every field from a scenario object (as runwhere.scenario
  // returns it) and returns the problems that the form cannot hold.
  function fillForm(sc) {
    const problems = [];
    for (const f of FIELDS) {
      if (f.kind === 'platforms') {
        const want = sc.platforms;
        for (const [p] of PLATFORMS) $(idOf(f.path) + '-' + p).checked = !Array.isArray(want) || want.includes(p);
        if (want !== undefined && !Array.isArray(want)) problems.push('platforms: want a list such as [lambda, swarm]');
        if (Array.isArray(want)) for (const p of want) if (!PLATFORMS.some(([id]) => id === p)) problems.push(`platforms: ${String(p)} is not a platform this page knows`);
        continue;
      }
      const v = get(sc, f.path);
      const input = $(idOf(f.path));
      if (v === undefined || v === null) { input.value = ''; continue; }
      if (typeof v === 'object') { problems.push(`${f.path}: want a single value`); input.value = ''; continue; }
      const s = String(v);
      if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === s)) {
        input.append(el('option', { value: s, text: s })); // keep what the scenario says; the library judges it
      }
      input.value = s;
    }
    for (const k of Object.keys(sc)) {
      if (!FIELDS.some((f) => f.path === k || f.path.startsWith(k + '.'))) problems.push(`${k}: unknown field`);
      else if (sc[k] && typeof sc[k] === 'object' && !Array.isArray(sc[k])) {
        for (const k2 of Object.keys(sc[k])) if (!BY_PATH.has(k + '.' + k2)) problems.push(`${k}.${k2}: unknown field`);
      }
    }
    return problems;
  }

  function get(o, path) {
    for (const p of path.split('.')) {
      if (o === null || typeof o !== 'object') return undefined;
      o = o[p];
    }
    return o;
  }

  // ---- errors next to fields ------------------------------------------

  // shownErrors holds the [message, input] pairs on screen, so clearing
  // them touches only those (a recompute runs on every key).
  const shownErrors = [];
  function clearErrors() {
    for (const [err, input] of shownErrors.splice(0)) {
      err.hidden = true;
      err.textContent = '';
      if (input) input.removeAttribute('aria-invalid');
    }
    $('scenario-error').hidden = true;
  }

  // fieldOf finds the scenario field an error message names.
  function fieldOf(msg) {
    for (const p of PATHS_LONGEST) {
      const i = msg.indexOf(p);
      if (i >= 0 && (i === 0 || /[\s:("'`]/.test(msg[i - 1])) && !/[a-z_]/.test(msg[i + p.length] || '')) return p;
    }
    return null;
  }

  // The form goes to the library as one line of JSON, so "line 1:57" says
  // nothing here; the field's name does.
  const cleanError = (msg) => String(msg).replace(/^runwhere: /, '').replace(/^line 1(:\d+)?: /, '');

  function showError(msg, field) {
    msg = cleanError(msg);
    const path = field && BY_PATH.has(field) ? field : fieldOf(msg);
    if (path) {
      const id = idOf(path);
      const err = $('e-' + id.slice(2));
      err.textContent = msg;
      err.hidden = false;
      const input = $(id);
      input.setAttribute('aria-invalid', 'true');
      shownErrors.push([err, input]);
    } else {
      const b = $('scenario-error');
      b.textContent = msg;
      b.hidden = false;
    }
  }

  function setStale(stale) {
    $('results').classList.toggle('stale', stale);
    if (stale) status('The results below are for the last valid scenario: fix the field marked in red.');
  }

  function status(msg) { $('status').textContent = msg; }

  // ---- the bridge -------------------------------------------------------

  function call(fn, ...args) { return invoke(JSON.parse, fn, args); }
  // callExact is call for an answer whose numbers must keep their digits.
  function callExact(fn, ...args) { return invoke(parseExact, fn, args); }

  function invoke(parse, fn, args) {
    let out;
    try {
      out = parse(rw[fn](...args));
    } catch (e) {
      out = { error: `${fn}: ${e && e.message ? e.message : e}` };
    }
    return out;
  }

  // recompute evaluates the form and redraws everything.
  function recompute() {
    const t0 = performance.now();
    clearErrors();
    const { scenario, errors } = readForm();
    if (errors.length) {
      for (const [, msg] of errors) showError(msg);
      state.error = cleanError(errors[0][1]);
      setStale(true);
      return false;
    }
    const text = jsonText(scenario);
    const report = call('evaluate', text);
    if (report.error) {
      showError(report.error, report.field);
      state.error = cleanError(report.error);
      setStale(true);
      return false;
    }
    if (state.linkErrorUntilComputed) showLinkError('');
    let curves = call('curves', text);
    const tBridge = performance.now();
    state.text = text;
    state.scenario = scenario;
    state.report = report;
    state.curves = Array.isArray(curves) ? curves : null;
    if (!state.curves) status(`The chart is unavailable: ${curves.error}`);
    setStale(false);
    showDefaults(report.inputs);
    render();
    updateShare(text);
    if (document.activeElement !== $('yaml')) showYAML(text);
    const t1 = performance.now();
    performance.measure('runwhere:recompute', { start: t0, end: t1, detail: { bridge: tBridge - t0 } });
    if (!state.first) {
      state.first = true;
      performance.mark('runwhere:first-result');
    }
    return true;
  }

  // showDefaults puts the value the library assumed for each empty field
  // in its placeholder, so every assumption is visible.
  function showDefaults(inputs) {
    for (const f of FIELDS) {
      const input = $(idOf(f.path));
      const v = inputs ? get(inputs, f.path) : undefined;
      if (input && input.tagName === 'SELECT' && input.options[0] && input.options[0].value === '') {
        const base = f.kind === 'bool' ? 'default' : input.options[0].dataset.base || (input.options[0].dataset.base = input.options[0].textContent);
        const shown = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
        const t = shown === undefined || shown === null || shown === '' || typeof shown === 'object' ? base : `default (${shown})`;
        if (input.options[0].textContent !== t) input.options[0].textContent = t;
        continue;
      }
      if (!input || input.tagName !== 'INPUT') continue;
      const def = v === undefined || v === null || typeof v === 'object' || v === '' ? (f.placeholder || '') : String(v);
      if (input.placeholder !== def) input.placeholder = def;
    }
  }

  function showYAML(text) {
    const y = call('yaml', text);
    if (!y.error) $('yaml').value = y.yaml;
  }

  // loadText fills the form from a YAML or JSON scenario and recomputes.
  // origin names where the text came from, for the error message. It
  // returns whether the form now holds the text (filled), what of it the
  // form could not hold (problems), and the error that kept it from being
  // computed (error); '' for none.
  function loadText(text, origin) {
    const yerr = $('yaml-error');
    yerr.hidden = true;
    $('yaml').removeAttribute('aria-invalid');
    const sc = callExact('scenario', text);
    if (sc.error) {
      yerr.textContent = (origin ? origin + ': ' : '') + sc.error;
      yerr.hidden = false;
      $('yaml').setAttribute('aria-invalid', 'true');
      if (origin) { $('yaml-details').open = true; }
      return { filled: false, problems: sc.error, error: '' };
    }
    const problems = fillForm(sc);
    if (problems.length) {
      yerr.textContent = (origin ? origin + ': ' : '') + problems.join('; ');
      yerr.hidden = false;
      $('yaml').setAttribute('aria-invalid', 'true');
    }
    state.events = [];
    const computed = recompute();
    return { filled: true, problems: problems.join('; '), error: computed ? '' : state.error };
  }

  // ---- share link -------------------------------------------------------

  function b64urlEncode(s) {
    const bytes = new TextEncoder().encode(s);
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function b64urlDecode(s) {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  }

  // updateShare shows the link at once and puts it in the address bar a
  // moment later: browsers throttle history.replaceState when typing
  // calls it on every key.
  let shareTimer = 0;
  function updateShare(text) {
    const url = new URL(location.href);
    url.hash = 's=' + b64urlEncode(text);
    $('share-link').value = url.href;
    clearTimeout(shareTimer);
    shareTimer = setTimeout(() => { if (location.href !== url.href) history.replaceState(null, '', url.href); }, 300);
  }

  // scenarioFromHash reads a share link: "#s=" and the scenario text in
  // base64. It returns null for any other fragment (#results is an
  // anchor of the page), the text, or {error} saying why the link cannot
  // be used. The page writes the URL-safe alphabet without padding; the
  // standard alphabet, padding and a percent-encoded "=" are read too,
  // since mail clients and people produce them and they mean the same
  // bytes. Anything else is refused with a reason, never passed over.
  function scenarioFromHash() {
    const h = location.hash;
    if (!h.startsWith('#s=')) return null;
    let data;
    try {
      data = decodeURIComponent(h.slice(3));
    } catch (e) {
      return { error: 'its percent-encoding (%…) is broken' };
    }
    if (data === '') return { error: 'nothing follows #s=, where the scenario belongs' };
    const m = /^([A-Za-z0-9_+/-]*)(={0,2})$/.exec(data);
    if (!m) return { error: 'the text after #s= is not base64, which uses only letters, digits, - _ + / and = for padding' };
    const [, body, pad] = m;
    if (body.length % 4 === 1 || (pad && (body.length + pad.length) % 4 !== 0)) {
      return { error: 'its base64 has the wrong length (it may be cut short)' };
    }
    try {
      return b64urlDecode(body);
    } catch (e) {
      return { error: 'it does not hold text (it may be cut short)' };
    }
  }

  // sentence drops an error's prefix and final stop so it reads inside a
  // sentence of the page.
  const sentence = (msg) => cleanError(msg).replace(/^scenario: /, '').replace(/[.\s]+$/, '');

  // showLinkError sets the message at the top of the results about the
  // link the page was opened with; untilComputed clears it once the
  // scenario computes (the person fixed what was wrong). On a phone the
  // results are below the whole form, so the status bar, always in
  // sight, points to it until the next result replaces it.
  function showLinkError(msg, untilComputed) {
    const b = $('link-error');
    b.textContent = msg;
    b.hidden = !msg;
    state.linkErrorUntilComputed = Boolean(msg && untilComputed);
    if (msg) pointToLinkError();
  }

  function pointToLinkError() {
    const msg = $('link-error').textContent;
    status(`${msg.slice(0, msg.indexOf(':'))}: see the message at the top of the results.`);
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
      why = r.problems;
    } else {
      why = link.error;
    }
    showLinkError(`This link cannot be used: ${sentence(why)}. ` +
      (atStart ? 'Showing the first reference scenario instead.' : 'The scenario on screen is unchanged.'));
    return false;
  }

  // ---- rendering ------------------------------------------------------

  function render() {
    const r = state.report;
    $('scenario-name').textContent = r.scenario || 'it';
    $('report-meta').textContent = [r.snapshot && `prices as of ${r.snapshot}`, r.region, r.currency].filter(Boolean).join(' · ');
    renderRecommendation(r);
    renderSummary(r);
    drawChart();
    renderBreakEven(r);
    renderCards(r);
    renderWhatIf();
    const recID = r.recommendation && r.recommendation.platform;
    const recP = (r.platforms || []).find((p) => p.platform === recID);
    status(recP ? `Recommended: ${recP.name || recID} at ${RunwhereReport.money(recP.monthly_cost_rounded)} a month.` : 'Computed: no platform is recommended.');
  }

  function drawChart() {
    RunwhereChart.draw($('chart'), $('legend'), $('chart-caption'), state.curves, state.report, currentRPS(state.scenario), state.chartWidth);
  }

  // currentRPS places the chart's marker, for which a double is plenty.
  function currentRPS(sc) {
    const w = sc.workload || {};
    const n = (v) => (v instanceof Typed && Number.isFinite(Number(v.text)) ? Number(v.text) : null);
    if (n(w.requests_per_second) !== null) return n(w.requests_per_second);
    if (n(w.requests_per_month) !== null) return n(w.requests_per_month) / (730 * 3600);
    return null;
  }

  function platformName(id) {
    const p = (state.report.platforms || []).find((x) => x.platform === id);
    return p ? p.name : id;
  }

  function renderRecommendation(r) {
    const box = $('recommendation');
    const rec = r.recommendation;
    if (!rec || !rec.platform) { box.hidden = true; return; }
    box.hidden = false;
    $('rec-name').textContent = platformName(rec.platform);
    $('rec-reasons').replaceChildren(...(rec.reasons || []).map((t) => el('li', null, ...linkify(t))));
    renderRanking(rec);
  }

  function renderBreakEven(r) {
    const items = [];
    const never = new Map(); // reason -> the platforms it applies to
    let n = 0;
    for (const b of r.break_even || []) {
      const a = platformName(b.serverless);
      const z = platformName(b.server);
      if (Number(b.requests_per_second) > 0) {
        n++; // the number of its marker on the chart
        items.push(el('li', null, el('span', { class: 'be-n', 'aria-hidden': 'true', text: String(n) }),
          `${a} and ${z} cost the same at `, el('strong', { text: `${b.requests_per_second} requests/s` }),
          b.requests_per_hour ? ` (${b.requests_per_hour} an hour)` : '',
          b.cheaper_below ? `; ${platformName(b.cheaper_below)} is cheaper below it` : '',
          b.crossings > 1 ? ` (the lines cross ${b.crossings} times)` : '', '.'));
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

  function renderRanking(rec) {
    const rows = (rec.ranking || []).map((x) => el('tr', null,
      el('th', { scope: 'row', text: platformName(x.platform) }),
      el('td', { class: 'num', text: typeof x.score === 'number' ? x.score.toFixed(2) : '' }),
      ...['cost', 'headroom', 'resilience', 'operations', 'portability'].map((k) =>
        el('td', { class: 'num', text: x.criteria && typeof x.criteria[k] === 'number' ? x.criteria[k].toFixed(2) : '' }))));
    const det = $('ranking');
    det.hidden = rows.length === 0;
    det.querySelector('tbody').replaceChildren(...rows);
  }

  function renderSummary(r) {
    const rec = r.recommendation && r.recommendation.platform;
    const rows = (r.platforms || []).map((p) => {
      const tr = el('tr', { 'data-platform': p.platform, class: p.platform === rec ? 'recommended' : (p.feasible ? '' : 'blocked') });
      const name = el('th', { scope: 'row' }, p.name || p.platform);
      if (p.platform === rec) name.append(' ', el('span', { class: 'badge rec', text: 'recommended' }));
      tr.append(name);
      tr.append(el('td', null, badge(p)));
      tr.append(el('td', { class: 'num cost', 'data-value': p.monthly_cost_rounded,
        text: p.feasible ? RunwhereReport.money(p.monthly_cost_rounded) : '—' }));
      tr.append(el('td', { class: 'num cap', text: p.feasible ? RunwhereReport.capacitySummary(p) : firstBlocker(p) }));
      return tr;
    });
    $('summary').tBodies[0].replaceChildren(...rows);
  }

  function firstBlocker(p) {
    const b = (p.blockers || [])[0];
    return b ? b.code : '—';
  }

  function badge(p) {
    return p.feasible
      ? el('span', { class: 'badge ok', text: 'feasible' })
      : el('span', { class: 'badge no', text: 'blocked' });
  }

  function safeLink(href, text) {
    if (typeof href === 'string' && /^https?:\/\//.test(href)) {
      return el('a', { href, rel: 'noopener noreferrer', target: '_blank', text });
    }
    return href ? el('span', { text: `${text}: ${href}` }) : null;
  }

  // linkify turns the http(s) addresses in a text into links named by
  // their host, and leaves the rest as text.
  function linkify(text) {
    const out = [];
    const re = /\(?(https?:\/\/[^\s()]+[^\s().,;])\)?/g;
    let last = 0;
    let m;
    const str = String(text);
    while ((m = re.exec(str))) {
      if (m.index > last) out.push(str.slice(last, m.index));
      let host = m[1];
      try { host = new URL(m[1]).host; } catch (e) { /* keep the address */ }
      const a = safeLink(m[1], host);
      out.push(m[0].startsWith('(') ? '(' : '', a, m[0].endsWith(')') ? ')' : '');
      last = m.index + m[0].length;
    }
    if (last < str.length) out.push(str.slice(last));
    return out;
  }

  function renderCards(r) {
    const cards = (r.platforms || []).map((p) => {
      const card = el('article', { class: 'card' + (p.feasible ? '' : ' blocked'), 'data-platform': p.platform, 'aria-labelledby': 'card-' + p.platform });
      card.append(el('header', null, el('h4', { id: 'card-' + p.platform, text: p.name || p.platform }), badge(p)));
      card.append(p.feasible
        ? el('p', { class: 'cost' },
          el('span', { class: 'big', text: RunwhereReport.money(p.monthly_cost_rounded) }), ' a month',
          el('span', { class: 'exact', text: `exact ${p.monthly_cost}` }))
        : el('p', { class: 'cost' }, el('span', { class: 'big muted', text: 'Not feasible' })));
      if (p.blockers && p.blockers.length) {
        card.append(el('ul', { class: 'findings blockers', 'aria-label': 'Blockers' },
          ...p.blockers.map((b) => el('li', null,
            el('strong', { text: b.code }), ': ', ...linkify(b.message),
            b.limit ? ` (limit ${b.limit})` : '',
            b.source ? ' ' : '', safeLink(b.source, 'source')))));
      }
      if (p.warnings && p.warnings.length) {
        card.append(el('ul', { class: 'findings warnings', 'aria-label': 'Warnings' },
          ...p.warnings.map((w) => el('li', null, el('strong', { text: w.code }), ': ', ...linkify(w.message),
            w.source ? ' ' : '', safeLink(w.source, 'source')))));
      }
      const cap = RunwhereReport.capacityRows(p.capacity);
      if (cap.length) card.append(el('h5', { text: 'Capacity' }), dl(cap));
      const ha = RunwhereReport.haRows(p.ha);
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
      card.append(arithmetic(p));
      return card;
    });
    $('cards').replaceChildren(...cards);
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

  function arithmetic(p) {
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
      tb.append(el('tr', null,
        el('th', { scope: 'row' }, l.item, el('span', { class: 'calc', text: `${l.quantity} ${l.unit || ''} × ${l.unit_price} = ${l.amount}` })),
        el('td', { class: 'num', text: RunwhereReport.cents(l.amount_rounded || l.amount) })));
    }
    t.append(tb);
    t.append(el('tfoot', null, el('tr', null,
      el('th', { scope: 'row' }, 'Monthly total', el('span', { class: 'calc', text: `exact ${p.monthly_cost}` })),
      el('td', { class: 'num', text: RunwhereReport.cents(p.monthly_cost_rounded) }))));
    wrap.append(t);
    det.append(wrap, el('p', { class: 'hint', text: 'Each line is rounded to the cent, half up, then summed, as AWS bills it; a month is 730 hours.' }));
    return det;
  }

  // ---- what-if ----------------------------------------------------------

  // The what-if panel asks runwhere.whatIf for the platform's topology and
  // its state after each failure picked so far (state.events).
  function renderWhatIf() {
    const sel = $('wi-platform');
    const ps = state.report.platforms || [];
    const ids = ps.map((p) => p.platform);
    if (sel.options.length !== ps.length || [...sel.options].some((o, i) => o.value !== ids[i])) {
      const prev = sel.value;
      sel.replaceChildren(...ps.map((p) => el('option', { value: p.platform, text: p.name || p.platform })));
      const managed = ps.find((p) => p.ha && p.ha.managers);
      const pick = ids.includes(prev) ? prev : (managed ? managed.platform : ids[0]);
      if (pick) sel.value = pick;
    }
    runWhatIf();
  }

  const CELLS = [['running_workloads_continue', 'Running workloads'], ['rescheduling', 'Rescheduling'], ['deployments', 'Deployments'],
    ['autoscaling', 'Autoscaling'], ['service_discovery', 'Service discovery']];
  const MARK = { yes: '✓', no: '✗', partial: '◐', 'n/a': '–', unknown: '?' };

  function stepTitle(step) {
    let m;
    if ((m = /^manager:(\d+)$/.exec(step))) return `Manager ${m[1]} lost`;
    if ((m = /^worker(?::(\d+))?$/.exec(step))) return m[1] ? `Worker ${m[1]} lost` : 'A worker lost';
    if ((m = /^zone:(\w+)$/.exec(step))) return `Zone ${m[1]} lost`;
    if (step === 'control-plane') return 'Control plane lost';
    return `${step}`;
  }

  function stateLine(st) {
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

  function whatIfButtons(topo, states) {
    const last = states[states.length - 1] || {};
    const btns = [];
    if (topo.managers) {
      const lost = new Set(state.events.filter((e) => /^manager:\d+$/.test(e)).map((e) => Number(e.slice(8))));
      let next = 1;
      while (lost.has(next)) next++;
      btns.push([`manager:${next}`, 'Lose a manager', next > topo.managers]);
    }
    if (topo.workers) btns.push(['worker', 'Lose a worker', last.workers_up === 0]);
    const zones = Math.min(topo.zones || 1, 6);
    const down = new Set(last.zones_down || []);
    if (zones > 1) for (let i = 0; i < zones; i++) { const z = String.fromCharCode(97 + i); btns.push([`zone:${z}`, `Lose zone ${z}`, down.has(z)]); }
    btns.push(['control-plane', 'Lose the control plane', last.control_plane_up === false]);
    const box = $('wi-buttons');
    const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.textContent : null;
    box.replaceChildren(
      ...btns.map(([ev, t, off]) => el('button', { type: 'button', 'data-event': ev, disabled: off, text: t })),
      el('button', { type: 'button', 'data-event': '-undo', class: 'secondary', disabled: !state.events.length, text: 'Undo' }),
      el('button', { type: 'button', 'data-event': '-reset', class: 'secondary', disabled: !state.events.length, text: 'Reset' }));
    if (focused) { // keep the keyboard where it was
      const again = [...box.querySelectorAll('button')].find((b) => b.textContent === focused && !b.disabled) || box.querySelector('button:not([disabled])');
      if (again) again.focus();
    }
  }

  function runWhatIf() {
    const err = $('wi-error');
    err.hidden = true;
    const list = $('wi-steps');
    const res = call('whatIf', state.text, JSON.stringify(state.events), $('wi-platform').value);
    if (res.error) {
      err.textContent = res.error;
      err.hidden = false;
      if (state.events.length) { state.events.pop(); runWhatIf(); err.textContent = res.error; err.hidden = false; }
      return;
    }
    const topo = res.topology || {};
    const states = res.states || [];
    const parts = [];
    if (topo.managers) parts.push(`${topo.managers} managers`);
    else parts.push('a managed control plane');
    if (topo.workers) parts.push(`${topo.workers} workers (${topo.workers_needed || topo.workers} needed at the peak)`);
    parts.push(`${topo.zones || 1} zone${topo.zones === 1 ? '' : 's'}`);
    $('wi-topology').textContent = `As the scenario sizes it: ${parts.join(', ')}. Change managers and zones under Servers.`;
    whatIfButtons(topo, states);

    list.replaceChildren(...states.map((st, i) => {
      const li = el('li', { class: i === 0 ? 'initial' : '' });
      li.append(el('p', { class: 'step-h' }, el('strong', { text: i === 0 ? 'Before any failure' : stepTitle(st.step || state.events[i - 1]) })));
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
    const n = (state.report && state.report.scenario) || 'scenario';
    return 'runwhere-' + (n.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario');
  }

  // ---- wiring -----------------------------------------------------------

  function wire() {
    const form = $('form');
    const onEdit = (e) => {
      const f = e.target.name && BY_PATH.get(e.target.name);
      if (f && f.other && e.target.value.trim() !== '') $(idOf(f.other)).value = ''; // exactly one of the two rates
      recompute();
    };
    form.addEventListener('input', onEdit);
    form.addEventListener('change', (e) => { if (e.target.tagName !== 'INPUT' || e.target.type === 'checkbox') onEdit(e); });
    form.addEventListener('submit', (e) => e.preventDefault());

    $('preset').addEventListener('change', (e) => {
      const p = state.presets[Number(e.target.value)];
      if (!p) return;
      showLinkError(''); // a scenario picked here replaces the link's
      loadText(p.yaml, `preset ${p.name}`);
    });
    $('yaml').addEventListener('input', (e) => loadText(e.target.value, ''));
    $('yaml').addEventListener('blur', () => { if ($('yaml-error').hidden && state.text) showYAML(state.text); });

    $('wi-platform').addEventListener('change', () => { state.events = []; renderWhatIf(); });
    $('wi-buttons').addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      const ev = b.dataset.event;
      if (ev === '-undo') state.events.pop();
      else if (ev === '-reset') state.events = [];
      else state.events.push(ev);
      runWhatIf();
    });

    $('copy-link').addEventListener('click', async () => {
      const input = $('share-link');
      try {
        await navigator.clipboard.writeText(input.value);
        status('Link copied.');
      } catch (e) {
        input.focus();
        input.select();
        status('Select the link and copy it (the browser did not allow copying).');
      }
    });
    $('export-md').addEventListener('click', () => {
      if (!state.report) return;
      const md = call('markdown', state.text);
      if (md.error) { status(`Markdown export failed: ${md.error}`); return; }
      download(fileBase() + '.md', 'text/markdown', md.markdown + `\n[Open this scenario in the runwhere playground](${$('share-link').value})\n`);
    });
    $('export-csv').addEventListener('click', () => {
      if (state.report) download(fileBase() + '.csv', 'text/csv', RunwhereReport.csv(state.report));
    });
    $('export-json').addEventListener('click', () => {
      if (state.report) download(fileBase() + '.json', 'application/json', JSON.stringify(state.report, null, 2) + '\n');
    });
    window.addEventListener('hashchange', () => {
      const link = scenarioFromHash();
      if (link !== null && link !== state.text) openLink(link, false);
    });
    // The chart's width is read only when it changes, never during a
    // recompute, which would force a layout in the middle of one.
    new ResizeObserver((entries) => {
      const w = Math.round(entries[entries.length - 1].contentRect.width);
      if (w > 0 && w !== state.chartWidth) {
        state.chartWidth = w;
        if (state.report) drawChart();
      }
    }).observe($('chart'));
  }

  async function start() {
    buildForm();
    wire();
    try {
      rw = await loadBridge();
    } catch (e) {
      status(`The calculator did not load: ${e && e.message ? e.message : e}`);
      return;
    }
    $('version').textContent = `runwhere ${rw.version()}.`;
    const presets = call('presets');
    state.presets = Array.isArray(presets) ? presets : [];
    $('preset').append(...state.presets.map((p, i) => el('option', { value: String(i), text: p.name })));

    const fromLink = scenarioFromHash();
    if (fromLink !== null && openLink(fromLink, true)) return;
    // No link, or one that holds no scenario: start from the first preset;
    // openLink said why at the top of the results, and the YAML box says
    // it too, beside the text it is about.
    const linkError = fromLink === null ? '' : (typeof fromLink === 'string' ? $('yaml-error').textContent : `link: ${fromLink.error}`);
    if (state.presets.length) {
      $('preset').value = '0';
      loadText(state.presets[0].yaml, `preset ${state.presets[0].name}`);
    } else {
      recompute();
    }
    if (linkError) {
      $('yaml-error').textContent = `${linkError} (showing the first reference scenario instead)`;
      $('yaml-error').hidden = false;
      $('yaml-details').open = true;
      pointToLinkError(); // the preset's result replaced it
    }
  }

  // loadBridge starts the Go program and waits for window.runwhere.
  async function loadBridge() {
    let resolve;
    const ready = new Promise((r) => { resolve = r; });
    ready.resolve = resolve;
    window.runwhereReady = ready;
    const go = new Go();
    const src = fetch('runwhere.wasm');
    let inst;
    if (WebAssembly.instantiateStreaming) {
      inst = (await WebAssembly.instantiateStreaming(src, go.importObject)).instance;
    } else {
      const buf = await (await src).arrayBuffer();
      inst = (await WebAssembly.instantiate(buf, go.importObject)).instance;
    }
    go.run(inst).then(() => status('The calculator stopped; reload the page.')); // not awaited: main blocks for ever
    return ready;
  }

  start();
})();
