// Formatting and exporting a runwhere report (the JSON of DESIGN.md, in the repository root).
// Pure functions of the report: no DOM; the Node tests in ../jstest cover
// this file.

import { ceilWhole, compareDecimal, grouped } from './numbers.js';
import { FIELD } from './fields.js';

// money formats a decimal string as dollars with thousands separators,
// without ever turning it into a float.
export function money(s) {
  if (typeof s !== 'string' || !/^-?\d+(\.\d+)?$/.test(s)) return s === undefined || s === null ? '—' : String(s);
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  const int = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // The library trims trailing zeros ("262.8"); a bill shows cents.
  return (neg ? '−$' : '$') + int + '.' + (f || '').padEnd(2, '0');
}

// cents shows a rounded decimal string with two places ("91.1" -> "91.10").
export function cents(s) {
  if (typeof s !== 'string' || !/^-?\d+(\.\d+)?$/.test(s)) return s === undefined || s === null ? '' : String(s);
  const [i, f] = s.split('.');
  return i + '.' + (f || '').padEnd(2, '0');
}

const LABELS = {
  bound_by: 'A replica is bound by',
  concurrency: 'Lambda concurrency (mean)', nodes: 'Worker nodes', tasks: 'Replicas', replicas: 'Replicas',
  task_vcpu: 'vCPU per replica', task_memory_mb: 'Memory per replica (MB)',
  managers: 'Managers', quorum: 'Quorum', manager_failures_tolerated: 'Manager failures tolerated',
  survives_zone_loss: 'Survives losing a zone', control_plane_availability: 'Control plane availability',
  control_plane_downtime_minutes_per_month: 'Control plane downtime (min/month)', worker_availability: 'Enough workers up',
  workers_after_zone_loss: 'Workers after losing a zone', peak_fits_after_zone_loss: 'Peak fits after losing a zone',
  peak_concurrency: 'Peak concurrency', ramp_seconds: 'Ramp-up to the peak (s)', instance_type: 'Instance type',
  requests_per_replica: 'Requests/s per replica', replicas_per_node: 'Replicas per node', unused_vcpu: 'Idle vCPU',
  node_hours: 'Node-hours a month', task_hours: 'Task-hours a month', nodes_per_run: 'Nodes per run', job_fleet: 'Nodes of a job',
  peak_hour_concurrency: 'Concurrency, busiest hour', step_up_seconds: 'Step-up to the busiest hour (s)',
  node_bound_by: 'Replicas per node limited by',
};
// NODE_BOUND says the report's node_bound_by in words.
const NODE_BOUND = { cpu: 'CPU', memory: 'memory', pods: 'max pods per node', tasks: 'awsvpc tasks per instance (ENIs)' };
// JOB_FLEET says the report's job_fleet in words.
const JOB_FLEET = { 'per-run': 'launched per run', 'always-on': 'kept all month' };
// BOUND_BY says what bounds the requests a replica serves (capacity.bound_by).
const BOUND_BY = { cpu: 'CPU', in_flight: 'workers (requests at once)', memory: 'memory' };
const label = (k) => LABELS[k] || (k.charAt(0).toUpperCase() + k.slice(1)).replace(/_/g, ' ');

function scalar(v) {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return null;
  return String(v);
}

// capacityRows lists every capacity figure the report gives, whatever
// its name, so a field added to the library shows up without a change here.
export function capacityRows(c) {
  if (!c || typeof c !== 'object') return [];
  // An autoscaled fleet's smallest and largest size are one row, in
  // nodes, or tasks on Fargate (which reports task-hours).
  const unit = c.task_hours !== undefined ? 'tasks' : 'nodes';
  const fleet = c.min_nodes !== undefined && c.max_nodes !== undefined
    ? (c.min_nodes === c.max_nodes ? `${c.max_nodes} ${unit}` : `${c.min_nodes}–${c.max_nodes} ${unit}`) : null;
  return Object.entries(c).map(([k, v]) => {
    if (k === 'bound_by') return [label(k), Object.hasOwn(BOUND_BY, v) ? BOUND_BY[v] : scalar(v)];
    if (k === 'min_nodes') return ['Fleet, fewest to most', fleet];
    if (k === 'max_nodes') return [k, null];
    if (k === 'job_fleet') return [label(k), Object.hasOwn(JOB_FLEET, v) ? JOB_FLEET[v] : scalar(v)];
    if (k === 'node_bound_by') return [label(k), Object.hasOwn(NODE_BOUND, v) ? NODE_BOUND[v] : scalar(v)];
    // A sentence, shown under the card's capacity (render.js), not in a cell.
    if (k === 'node_bound_note') return [k, null];
    // Hours a month and seconds read to a tenth ("3,504.4"), not to 21 places.
    if (k.endsWith('_hours') || k === 'step_up_seconds') return [label(k), grouped(roundTo(v, 1))];
    // Concurrent executions are whole: the exact mean ("0.0273972602739726")
    // rounds up, as the table shows it.
    return [label(k), (k.endsWith('concurrency') && ceilWhole(v)) || scalar(v)];
  }).filter(([, v]) => v !== null);
}

// roundTo rounds a non-negative decimal string half up to places
// decimals and drops trailing zeros ("3504.4345" → "3504.4", "22.5" →
// "22.5", "7.96" → "8"), with BigInt so no digit is lost. Anything else
// comes back as its text.
export function roundTo(s, places) {
  if (typeof s === 'number' && Number.isFinite(s)) s = String(s);
  if (typeof s !== 'string' || !/^\d+(\.\d+)?$/.test(s)) return scalar(s);
  const [i, f = ''] = s.split('.');
  const scaled = BigInt(i + f.slice(0, places).padEnd(places, '0')) + (f.charAt(places) >= '5' ? 1n : 0n);
  const t = scaled.toString().padStart(places + 1, '0');
  const whole = t.slice(0, t.length - places);
  const frac = t.slice(t.length - places).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

export function percent(p) {
  if (typeof p !== 'number') return scalar(p);
  const s = (p * 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return s + ' %';
}

// haRows lists the HA figures of a card; snapshot is the report's, which
// an SLA that was not yet published is dated by.
export function haRows(h, snapshot) {
  if (!h || typeof h !== 'object') return [];
  const rows = [];
  for (const [k, v] of Object.entries(h)) {
    if (k === 'on_control_plane_loss' || k.endsWith('_source')) continue; // shown as lists and links
    if (k === 'sla' && v && typeof v === 'object') {
      // An SLA with no percent records that none was published (Lambda's
      // and ECS's in 2017-12): the library leaves the percent out.
      const none = snapshot ? `none published in ${snapshot}` : 'none published';
      rows.push(['SLA', v.percent ? `${v.percent} %` : none]);
      continue;
    }
    if (k.endsWith('availability')) { rows.push([label(k), percent(v)]); continue; }
    if (typeof v === 'number' && !Number.isInteger(v)) { rows.push([label(k), String(+v.toFixed(1))]); continue; }
    const s = scalar(v);
    if (s !== null) rows.push([label(k), s]);
  }
  return rows;
}

export function capacitySummary(p) {
  const c = p.capacity || {};
  // A fleet that follows the load: its range, in nodes or Fargate tasks.
  if (c.min_nodes !== undefined && c.max_nodes !== undefined && c.min_nodes !== c.max_nodes) {
    return `${c.min_nodes}–${c.max_nodes} ${c.task_hours !== undefined ? 'tasks' : 'nodes'}`;
  }
  if (c.nodes) return `${c.nodes} node${c.nodes === 1 ? '' : 's'}`;
  if (c.replicas) return `${c.replicas} replica${c.replicas === 1 ? '' : 's'}`;
  if (c.tasks) return `${c.tasks} task${c.tasks === 1 ? '' : 's'}`;
  // Concurrent executions come as exact means ("276.40625"); a function
  // needs whole ones, so both figures round up, the peak first.
  const peak = ceilWhole(c.peak_concurrency);
  const mean = ceilWhole(c.concurrency);
  if (peak !== null && mean !== null && peak !== mean) return `${peak} at peak (${mean} mean)`;
  if (peak !== null) return `${peak} at peak`;
  if (mean !== null) return `${mean} concurrent (mean)`;
  return '—';
}

// codeWords says a finding's stable code in words, for people ("max-duration"
// → "Duration over the limit", "missing-figure" → "Missing figure"); the
// code itself stays in the page as a tooltip. It reads the code's own
// shape, so a code added to the library needs no change here.
export function codeWords(code) {
  if (typeof code !== 'string' || !code) return '';
  const words = (t) => t.replace(/-/g, ' ');
  let w;
  if (code.startsWith('max-')) w = `${words(code.slice(4))} over the limit`;
  else if (code.startsWith('min-')) w = `${words(code.slice(4))} under the minimum`;
  else w = words(code);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

// byCost orders platforms for the table: the feasible ones by monthly
// cost, cheapest first, then the blocked ones; ties and the blocked keep
// the report's (catalogue) order, so unticking one platform moves no other.
export function byCost(platforms) {
  const cost = (p) => (typeof p.monthly_cost_rounded === 'string' && /^-?\d+(\.\d+)?$/.test(p.monthly_cost_rounded) ? p.monthly_cost_rounded : null);
  return (platforms || []).map((p, i) => [p, i]).sort(([a, i], [b, j]) => {
    if (!a.feasible !== !b.feasible) return a.feasible ? -1 : 1;
    if (a.feasible) {
      const ca = cost(a);
      const cb = cost(b);
      if (ca !== null && cb !== null) {
        const c = compareDecimal(ca, cb);
        if (c !== 0) return c;
      } else if (ca !== cb) return ca === null ? 1 : -1;
    }
    return i - j;
  }).map(([p]) => p);
}

// csvCell quotes as RFC 4180 asks and defuses spreadsheet formulas.
export function csvCell(v) {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+@\t\r]/.test(s) || (/^-/.test(s) && !/^-\d+(\.\d+)?$/.test(s))) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csv(r) {
  const rows = [['scenario', 'platform', 'name', 'feasible', 'item', 'quantity', 'unit', 'unit_price', 'amount', 'amount_rounded', 'monthly_cost', 'monthly_cost_rounded']];
  for (const p of r.platforms || []) {
    // A blocked platform has no bill: one row, its cost cells empty, not 0
    // and not the lines of a fleet that cannot carry the load.
    const lines = p.feasible && p.cost_lines && p.cost_lines.length ? p.cost_lines : [{}];
    for (const l of lines) {
      const [m, mr] = p.feasible ? [p.monthly_cost, p.monthly_cost_rounded] : [];
      rows.push([r.scenario, p.platform, p.name, p.feasible, l.item, l.quantity, l.unit, l.unit_price, l.amount, l.amount_rounded, m, mr]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---- the arithmetic of a bill ------------------------------------------

// decMul multiplies two non-negative decimal strings exactly ("0.5" ×
// "730" = "365"), with BigInt; anything else gives null.
export function decMul(a, b) {
  const parse = (x) => {
    if (typeof x === 'number' && Number.isInteger(x) && x >= 0) x = String(x);
    if (typeof x !== 'string' || !/^\d+(\.\d+)?$/.test(x)) return null;
    const [i, f = ''] = x.split('.');
    return [BigInt(i + f), f.length];
  };
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return null;
  const scale = pa[1] + pb[1];
  let digits = String(pa[0] * pb[0]).padStart(scale + 1, '0');
  if (scale === 0) return digits;
  let int = digits.slice(0, digits.length - scale);
  let frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

const same = (a, b) => typeof a === 'string' && typeof b === 'string' && compareDecimal(a, b) === 0;

// derivation says how a cost line's quantity arises from the scenario and
// the sizing ("52,560,000 requests × 0.06 s × 1 GB"), or '' when it cannot
// show it exactly: every product is computed with decimals and shown only
// when it equals the quantity the bill uses.
export function derivation(line, p, inputs) {
  const q = line && line.quantity;
  const c = (p && p.capacity) || {};
  const w = (inputs && inputs.workload) || {};
  const hours = (what) => {
    if (typeof q !== 'string' || !/^\d+$/.test(q) || BigInt(q) % 730n !== 0n) return '';
    const n = BigInt(q) / 730n;
    return `${grouped(String(n))} ${what}${n === 1n ? '' : 's'} × 730 h`;
  };
  switch (line && line.unit) {
    case 'request':
      if (same(q, w.requests_per_month)) {
        return typeof w.requests_per_second === 'string' && same(decMul(w.requests_per_second, '2628000'), q)
          ? `${grouped(w.requests_per_second)} requests/s × 2,628,000 s a month`
          : `${grouped(q)} requests a month`;
      }
      return '';
    case 'GB-second': {
      const req = w.requests_per_month;
      const gb = decMul(String(w.memory_mb), '0.0009765625'); // MB ÷ 1024, exactly
      const ms = c.duration_ms;
      if (!req || !gb || typeof ms !== 'string') return '';
      for (const step of ['1', '100']) { // Lambda bills 1 ms steps (100 ms in 2017)
        const billedMs = step === '1' ? ceilWhole(ms) : decMul(ceilWhole(decMul(ms, '0.01')), '100');
        const s = decMul(billedMs, '0.001');
        if (s && same(decMul(decMul(req, s), gb), q)) return `${grouped(req)} requests × ${s} s × ${gb} GB`;
      }
      return '';
    }
    case 'instance-hour':
      return hours('instance');
    case 'cluster-hour':
      return hours('cluster');
    case 'ALB-hour':
      return hours('load balancer');
    case 'gateway-hour':
      return hours('gateway');
    case 'vCPU-hour': {
      const t = String(c.replicas || '');
      if (c.task_vcpu && same(decMul(decMul(t, c.task_vcpu), '730'), q)) return `${grouped(t)} tasks × ${c.task_vcpu} vCPU × 730 h`;
      return '';
    }
    case 'GB-hour': {
      const t = String(c.replicas || '');
      const gb = decMul(String(c.task_memory_mb || ''), '0.0009765625');
      if (gb && same(decMul(decMul(t, gb), '730'), q)) return `${grouped(t)} tasks × ${gb} GB × 730 h`;
      return '';
    }
  }
  return '';
}

// yearly is twelve of a month's exact total.
export function yearly(monthly) {
  return decMul(monthly, '12');
}

// ---- instance types and cheaper configurations -------------------------

// gib writes a size in MiB as GiB, without a float's tail: 8192 → "8",
// 512 → "0.5", 3840 → "3.75".
export function gib(mib) {
  const n = Number(mib);
  if (!Number.isInteger(n) || n < 0) return String(mib);
  const whole = Math.floor(n / 1024);
  const rest = n % 1024; // a fraction of 1024 ends within ten decimals
  return rest ? (whole + rest / 1024).toFixed(10).replace(/0+$/, '') : String(whole);
}

// instanceLabel is what the instance-type suggestions show beside a type
// of runwhere.instanceTypes: "2 vCPU · 8 GiB · arm64 · $0.0816/h", or "no
// price in eu-west-1" where the region has none, and "previous
// generation" where it is one. The price is the catalogue's decimal
// string, as written; region names where the prices are from.
export function instanceLabel(t, region) {
  const parts = [`${t.vcpu} vCPU`, `${gib(t.memory_mib)} GiB`, t.arch];
  parts.push(typeof t.hourly === 'string' && t.hourly !== '' ? `$${t.hourly}/h` : `no price in ${region || 'this region'}`);
  if (t.previous_generation) parts.push('previous generation');
  return parts.join(' · ');
}

// altWhat names a cheaper configuration of the report: an instance type,
// a Fargate task size or a Lambda memory size, with its architecture:
// "c6g.medium (arm64)", "0.5 vCPU, 1024 MB (arm64)", "512 MB (arm64)".
export function altWhat(a) {
  let what;
  if (a.instance_type) what = a.instance_type;
  else if (a.task_vcpu !== undefined) what = `${a.task_vcpu} vCPU, ${a.task_memory_mb} MB`;
  else if (a.memory_mb !== undefined) what = `${a.memory_mb} MB`;
  else what = 'another configuration';
  return a.arch ? `${what} (${a.arch})` : what;
}

// altLine is one cheaper configuration as the cards list it:
// "c6g.medium (arm64) — $319.75/month, 60 % less".
export function altLine(a) {
  const less = a.saving_percent !== undefined && a.saving_percent !== null ? `, ${a.saving_percent} % less` : '';
  return `${altWhat(a)} — ${money(a.monthly_cost_rounded)}/month${less}`;
}

// altFields is what "use the cheapest" writes into the form for a
// platform's best alternative: [field path, text] pairs, or null when
// the form cannot ask for it. An instance type goes to the instance-type
// field; a Lambda memory size to the workload's memory with its
// architecture; a Fargate task only when its size is the one the
// scenario already runs (capacity.task_vcpu, task_memory_mb), since the
// form sets the architecture but not the task size.
export function altFields(a, capacity) {
  if (!a) return null;
  if (a.instance_type) return [[FIELD.instanceType, a.instance_type]];
  if (a.task_vcpu !== undefined) {
    const c = capacity || {};
    const same = c.task_vcpu !== undefined && compareDecimal(String(a.task_vcpu), String(c.task_vcpu)) === 0 &&
      String(a.task_memory_mb) === String(c.task_memory_mb);
    return same && a.arch ? [[FIELD.arch, a.arch]] : null;
  }
  if (a.memory_mb !== undefined && a.arch) return [[FIELD.arch, a.arch], [FIELD.memory, String(a.memory_mb)]];
  return null;
}

// useText is the label of the "use the cheapest" button for an
// alternative and what altFields writes for it: a Fargate task of the
// same size only changes the architecture, and says so.
export function useText(a, pairs) {
  if (pairs && pairs.length === 1 && pairs[0][0] === FIELD.arch) return `Use the cheapest: ${pairs[0][1]}, same task size`;
  return `Use the cheapest: ${altWhat(a)}`;
}

// ---- line formulas: a cost line as quantity × price -------------------

// DISCOUNT_UNIT is the unit of a discount line: its quantity is the
// on-demand compute it takes a share of, its unit price minus that share.
export const DISCOUNT_UNIT = 'USD of on-demand compute';

const DEC = /^-?\d+(\.\d+)?$/;

// isCredit says whether a cost line takes money off the bill (a
// discount): a negative amount.
export const isCredit = (l) => !!l && typeof l.amount === 'string' && DEC.test(l.amount) && l.amount.startsWith('-') && /[1-9]/.test(l.amount);

// signedMoney is money with a true minus sign for a credit ("−$168.19"),
// for the USD column of the arithmetic: no dollar sign, cents, thousands.
export function signedAmount(s) {
  if (typeof s !== 'string' || !DEC.test(s)) return s === undefined || s === null ? '' : String(s);
  const neg = s.startsWith('-') && /[1-9]/.test(s);
  const t = grouped(cents(s.replace(/^-/, '')));
  return neg ? '−' + t : t;
}

// percentOf writes a fraction given as a decimal string as a percentage,
// exactly and without a sign: "0.2" → "20", "-0.125" → "12.5", "0.05" → "5".
export function percentOf(s) {
  if (typeof s !== 'string' || !DEC.test(s)) return null;
  return decMul(s.replace(/^-/, ''), '100');
}

// unitWords pluralises a cost line's unit for a quantity: "instance-hour"
// → "instance-hours", "request" → "requests"; symbols ("GB") stay as they
// are, and so does one of anything.
export function unitWords(unit, quantity) {
  if (typeof unit !== 'string' || !unit) return '';
  if (typeof quantity === 'string' && DEC.test(quantity) && compareDecimal(quantity, '1') === 0) return unit;
  return /(^|-)[a-z]{3,}$/.test(unit) ? unit + 's' : unit;
}

// quantityText shows a line's quantity readably: thousands grouped, and a
// long fraction ("2506.256103515625") to a tenth at 100 and over, else to
// four places; the exact figure stays in the line's tooltip.
export function quantityText(q) {
  if (typeof q !== 'string' || !/^\d+(\.\d+)?$/.test(q)) return q === undefined || q === null ? '' : String(q);
  const places = compareDecimal(q, '100') >= 0 ? 1 : 4;
  return grouped((q.split('.')[1] || '').length > places ? roundTo(q, places) : q);
}

// priceText shows a unit price in dollars as the catalogue writes it
// ("$0.0225"), or per million units when it is tiny ("$1.00 per
// million"), as AWS quotes request prices.
export function priceText(price) {
  if (typeof price !== 'string' || !/^\d+(\.\d+)?$/.test(price)) return price === undefined || price === null ? '' : String(price);
  if (price !== '0' && compareDecimal(price, '0.0001') < 0) return `${money(decMul(price, '1000000'))} per million`;
  return '$' + price;
}

// lcuDimension is the dimension that decides an ALB's LCUs, as the
// line's item names it in parentheses ("alb LCUs (processed bytes)").
export function lcuDimension(l) {
  if (!l || l.unit !== 'LCU-hour' || typeof l.item !== 'string') return '';
  const m = /\(([^()]+)\)\s*$/.exec(l.item);
  return m ? m[1] : '';
}

// lineFormula says a cost line as its arithmetic, in words a bill uses:
// "262,800,000 requests × $1.00 per million", "730 ALB-hours × $0.0225",
// "2,506.3 LCU-hours × $0.008 (processed bytes decide)", "500 GB ×
// $0.045"; a discount as "−20 % of $840.96 on-demand compute".
export function lineFormula(l) {
  if (!l || typeof l !== 'object') return '';
  if (l.unit === DISCOUNT_UNIT) {
    const pct = percentOf(l.unit_price);
    return pct === null ? '' : `−${pct} % of ${money(l.quantity)} on-demand compute`;
  }
  const dim = lcuDimension(l);
  return `${quantityText(l.quantity)} ${unitWords(l.unit, l.quantity)} × ${priceText(l.unit_price)}` + (dim ? ` (${dim} decide)` : '');
}

// findingText says a finding's message so it reads well on the page. A
// front door or NAT gateway the catalogue prices in no region but
// us-east-1 ("alb: 2026-11 eu-west-1 is not priced in this catalogue (no
// sourced figure; runwhere does not guess one)") names what is missing
// and what to change; any other message comes back as it is.
const AROUND = {
  alb: ['An Application Load Balancer', 'the front door'],
  nat_gateway: ['A NAT gateway', 'NAT gateways'],
  api_gateway: ['API Gateway', 'the front door'],
};
export function findingText(f) {
  const msg = f && typeof f.message === 'string' ? f.message : '';
  const m = /^([a-z_]+): (\d{4}-\d{2})(?: ([a-z]{2}(?:-[a-z]+)+-\d+))? is not priced in this catalogue/.exec(msg);
  if (!m || !Object.hasOwn(AROUND, m[1])) return msg;
  const [what, field] = AROUND[m[1]];
  const where = m[3] ? ` in ${m[3]}` : '';
  return `${what} has no sourced price${where} in the ${m[2]} catalogue, and runwhere does not guess one: ` +
    `choose another region, or set ${field} to none under Around the service.`;
}

// ---- the front-door notice ---------------------------------------------

export const DOOR_NOTICE = 'The bill leaves out what routes requests to the service: set a front door under Around the service.';

// needsDoor says whether the page should say that the bill leaves out
// the front door: a service (not a job) whose report's inputs set no
// door, or set both to none.
export function needsDoor(inputs) {
  if (!inputs || typeof inputs !== 'object') return false;
  const w = inputs.workload || {};
  if (w.kind === 'job') return false;
  const i = inputs.ingress;
  if (!i || typeof i !== 'object') return true;
  const none = (v) => v === undefined || v === null || v === '' || v === 'none';
  return none(i.lambda) && none(i.servers);
}
