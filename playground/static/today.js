// What runs today and every guess on show (issue 23): the words the page
// says about a report's baseline (today's bill), each platform against it,
// and the assumptions an answer rests on; and which fields of the
// "What runs today" part of the form apply to the platform chosen there.
// No DOM: the Node tests in ../jstest cover this file; todayview.js draws.

import { money, roundTo } from './report.js';
import { grouped } from './numbers.js';
import { getPath, platformName, listWords } from './fields.js';

// TODAY_PLATFORM is the field that says where the service runs today. The
// other fields of its group describe that platform's units and what
// CloudWatch measures of them; without it, none of them is sent (the
// library takes no current block without a platform).
export const TODAY_PLATFORM = 'current.platform';

// UNIT_FAMILIES says which families of platforms each of the unit fields
// describes: an instance type for the platforms on instances, a task size
// for Fargate, a function's memory for Lambda. A field not named here
// (the count, the utilisations) applies to every platform, and so does a
// unit field on a platform of a family not named here: the library then
// judges what is given.
const UNIT_FAMILIES = {
  'current.instance_type': ['nodes', 'function-instances'],
  'current.task_vcpu': ['tasks'],
  'current.task_memory_mb': ['tasks'],
  'current.memory_mb': ['functions'],
};

// todayFields is the fields of the platform field's group but itself:
// [] when the schema has no such field.
export function todayFields(schema) {
  const pf = schema.fields.find((f) => f.path === TODAY_PLATFORM);
  return pf ? schema.fields.filter((f) => f.group === pf.group && f !== pf) : [];
}

// offFields says, for the platform chosen (an id, '' for none), which
// fields of the group are not sent and why: a Map of path to a short
// reason. With no platform every field is off; with one, the unit fields
// of the other families.
export function offFields(schema, id) {
  const off = new Map();
  const fields = todayFields(schema);
  if (!id) {
    for (const f of fields) off.set(f.path, 'pick where it runs today first');
    return off;
  }
  const p = (schema.platforms || []).find((x) => x.id === id);
  const family = p && p.family;
  const known = Object.values(UNIT_FAMILIES).some((fams) => fams.includes(family));
  if (!known) return off;
  for (const f of fields) {
    const fams = UNIT_FAMILIES[f.path];
    if (fams && !fams.includes(family)) off.set(f.path, `not on ${platformName(schema.platforms, id)}`);
  }
  return off;
}

// todayHelp is the line under the platform menu: what to give for the
// platform chosen, or what giving one does.
export function todayHelp(schema, id) {
  if (!id) return 'Not given: no baseline. Pick where the service runs today to set every platform against today\'s bill, and let its CPU measure the CPU a request uses.';
  const off = offFields(schema, id);
  const units = todayFields(schema).filter((f) => UNIT_FAMILIES[f.path] && !off.has(f.path))
    .map((f) => f.label.charAt(0).toLowerCase() + f.label.slice(1));
  const what = units.length && off.size ? `its ${listWords(units)}, ` : '';
  return `On ${platformName(schema.platforms, id)}: give ${what}how many run and what CloudWatch measures${off.size ? '; the fields that do not apply are greyed out' : ''}.`;
}

// notInSnapshot is the platform ids the snapshot's catalogue lacks (EKS
// in 2017-12): the menu of today's platform offers them greyed.
export function notInSnapshot(platforms, snapshot) {
  if (!snapshot) return [];
  return (platforms || []).filter((p) => Array.isArray(p.snapshots) && !p.snapshots.includes(snapshot)).map((p) => p.id);
}

// leftOutToday says what of a scenario's current block the form leaves
// out: all of it when it names no platform. '' when nothing.
export function leftOutToday(schema, sc) {
  const c = getPath(sc, TODAY_PLATFORM.split('.')[0]);
  if (!c || typeof c !== 'object' || Array.isArray(c) || Object.keys(c).length === 0) return '';
  const id = getPath(sc, TODAY_PLATFORM);
  if (id !== undefined && id !== null && id !== '') return '';
  return `${TODAY_PLATFORM.split('.')[0]}: left out, as it does not say ${TODAY_PLATFORM}`;
}

// ---- against today --------------------------------------------------------

// cents rounds a non-negative decimal string half up to the cent, for a
// saving shown in dollars ("154.7597372" → "154.76").
const toCents = (s) => roundTo(s, 2);

// vsText says a platform's month against today's, from its vs_current:
// {kind: 'saves' | 'costs' | 'same', text}, e.g. "saves $154.76 (49.5 %)"
// or "costs $29.94 (9.6 %) more"; null without one.
export function vsText(vs) {
  if (!vs) return null;
  // The difference of the two bills as shown (saving_rounded), so that it
  // agrees with the totals beside it; the exact saving when it is absent.
  const saving = typeof vs.saving_rounded === 'string' ? vs.saving_rounded : vs.saving;
  if (typeof saving !== 'string' || !/^-?\d+(\.\d+)?$/.test(saving)) return null;
  const more = saving.startsWith('-');
  const amount = toCents(saving.replace(/^-/, ''));
  const pct = typeof vs.saving_percent === 'string' ? vs.saving_percent.replace(/^-/, '') : '';
  if (amount === '0') return { kind: 'same', text: 'costs what today costs' };
  const share = pct ? ` (${pct} %)` : '';
  return more
    ? { kind: 'costs', text: `costs ${money(amount)}${share} more` }
    : { kind: 'saves', text: `saves ${money(amount)}${share}` };
}

// vsShort is the same in a table's few characters: "49.5 % less",
// "9.6 % more", "same"; '' without one.
export function vsShort(vs) {
  const t = vsText(vs);
  if (!t) return '';
  if (t.kind === 'same') return 'same';
  const pct = String(vs.saving_percent).replace(/^-/, '');
  return `${pct} % ${t.kind === 'saves' ? 'less' : 'more'}`;
}

// todayText is the baseline in one sentence's parts: what runs and where
// ("4 × m5.large nodes on Amazon ECS on EC2") and its month ("$312.44").
export function todayText(b) {
  if (!b || typeof b !== 'object') return null;
  return { runs: `${b.runs || 'what runs today'} on ${b.name || b.platform}`, cost: money(b.monthly_cost_rounded) };
}

// measured lists what the calibration measured of the service, in words:
// ["16 ms of CPU a request", "400 requests/s in the busiest hour", …].
export function measured(cal) {
  if (!cal || typeof cal !== 'object') return [];
  const out = [];
  if (cal.cpu_ms !== undefined) out.push(`${grouped(String(cal.cpu_ms))} ms of CPU a request`);
  if (cal.peak_hour_requests_per_second !== undefined) out.push(`${grouped(roundTo(String(cal.peak_hour_requests_per_second), 2))} requests/s in the busiest hour`);
  if (cal.memory_mb !== undefined) out.push(`${grouped(String(cal.memory_mb))} MB in use a unit`);
  return out;
}

// ---- the assumptions --------------------------------------------------------

// ASSUMED starts a recommendation reason that names an assumption which,
// at its alternative, changes the recommendation.
export const ASSUMED = 'Assumed: ';

export const isAssumedReason = (t) => typeof t === 'string' && t.startsWith(ASSUMED);

// QUOTA starts the field of an assumption that is an adjustable quota of a
// platform ("quota.max-vcpu-per-region"): no field of the form, a warning
// on that platform's card.
export const QUOTA = 'quota.';

// orderAssumptions puts the assumptions that flip the recommendation
// first, the rest in the report's order (the form's).
export function orderAssumptions(list) {
  const all = Array.isArray(list) ? list : [];
  return [...all.filter((a) => a && a.flips), ...all.filter((a) => a && !a.flips)];
}

// quotaPlatform is the platform of a report whose warning is the quota an
// assumption names; '' when none is.
export function quotaPlatform(report, field) {
  if (typeof field !== 'string' || !field.startsWith(QUOTA)) return '';
  const code = field.slice(QUOTA.length);
  const p = ((report && report.platforms) || []).find((x) => (x.warnings || []).some((w) => w.code === code));
  return p ? p.platform : '';
}

// assumptionTarget says what an assumption's row leads to: a field of the
// form ({path, label, unit}), a platform's card ({platform, label}), or
// nothing the page holds ({label}: the field as the report names it).
export function assumptionTarget(schema, report, field) {
  const f = schema.fields.find((x) => x.path === field);
  if (f) return { path: f.path, label: f.label, unit: f.unit || '' };
  const platform = quotaPlatform(report, field);
  if (platform) {
    const words = field.slice(QUOTA.length).replace(/^max-/, '').replace(/-/g, ' ').replace(/\bvcpu\b/g, 'vCPU');
    return { platform, label: `Quota: ${words}` };
  }
  return { label: field };
}

// fieldLabel is a field's label in the schema, for a list of fields the
// calibration came from; its path when the schema has no such field.
export function fieldLabel(schema, path) {
  const f = schema.fields.find((x) => x.path === path);
  return f ? f.label : path;
}

// summaryText counts a report's assumptions for the panel's title:
// "9 defaults, 1 calibrated; 1 changes the recommendation".
export function summaryText(list) {
  const all = Array.isArray(list) ? list : [];
  const by = new Map();
  for (const a of all) by.set(a.source, (by.get(a.source) || 0) + 1);
  const names = { default: ['default', 'defaults'], calibrated: ['calibrated', 'calibrated'], imported: ['imported', 'imported'] };
  const parts = [...by].map(([src, n]) => `${n} ${(names[src] || [src, src])[n === 1 ? 0 : 1]}`);
  const flips = all.filter((a) => a.flips).length;
  const tail = flips ? `; ${flips} ${flips === 1 ? 'changes' : 'change'} the recommendation` : '';
  return parts.join(', ') + tail;
}

// splitFields cuts a text at the field paths it names, for links to
// them: strings and {path} parts, in order. A path counts where it stands
// as a word of its own ("give workload.cpu_ms as measured"), longest
// first, so current.requests_per_second is not read as a shorter path.
export function splitFields(text, paths) {
  const str = String(text);
  const alts = [...paths].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!alts.length) return [str];
  const re = new RegExp(`(?<![\\w.])(?:${alts.join('|')})(?![\\w])(?!\\.\\w)`, 'g');
  const out = [];
  let last = 0;
  for (const m of str.matchAll(re)) {
    if (m.index > last) out.push(str.slice(last, m.index));
    out.push({ path: m[0] });
    last = m.index + m[0].length;
  }
  if (last < str.length) out.push(str.slice(last));
  return out;
}

// calibratedFrom is what a calibrated assumption was measured from: the
// calibration's fields with the values the scenario gave them,
// [{path, label, value}] (value '' where the report's inputs lack it).
export function calibratedFrom(schema, report) {
  const cal = report && report.calibration;
  if (!cal || !Array.isArray(cal.from)) return [];
  return cal.from.map((path) => {
    const v = getPath(report.inputs, path);
    return { path, label: fieldLabel(schema, path), value: v === undefined || v === null || typeof v === 'object' ? '' : String(v) };
  });
}
