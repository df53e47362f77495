// The scenario's fields as the library's schema describes them
// (runwhere.schema(): path, kind, unit, default, enum, label, help). The
// page keeps no list of its own: these helpers read the schema. No DOM:
// the Node tests in ../jstest cover this file.

import { NUMBER, Typed } from './numbers.js';

// FIELD names the few scenario fields the page fills itself: the
// instance type it suggests values for, what "use the cheapest" sets
// from a cheaper configuration of the report, and the load shape.
export const FIELD = Object.freeze({
  instanceType: 'servers.instance_type', arch: 'workload.arch', memory: 'workload.memory_mb', alternatives: 'alternatives',
  // The load shape: the shape picker draws the profile or the hourly
  // list, and an edited bar turns the profile into an hourly list.
  profile: 'workload.profile', hourly: 'workload.hourly',
  // The front door: the notice that the bill leaves it out leads here.
  door: 'ingress.lambda',
});

// Kinds whose value is a number sent as typed (a JSON number).
const TYPED = new Set(['decimal', 'number', 'integer']);

export const isChecklist = (f) => f.kind === 'list' && Array.isArray(f.enum) && f.enum.length > 0;

// parseValue reads the text of a field. It returns {} for an empty field
// (left out, so the library applies its default), {value}, or {error}.
// A list that is not a checklist is written as its items separated by
// commas or spaces.
export function parseValue(f, raw) {
  const text = String(raw).trim();
  if (text === '') return {};
  if (f.kind === 'list') {
    const items = text.split(/[\s,]+/).filter(Boolean);
    const out = [];
    for (const item of items) {
      const r = scalar(f.path, f.items, item);
      if (r.error) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  return scalar(f.path, f.kind, text);
}

function scalar(path, kind, text) {
  if (TYPED.has(kind) || kind === 'money') {
    if (!NUMBER.test(text)) return { error: `${path}: "${text}" is not a number` };
    // Money is a decimal string in the contract; other numbers go as typed.
    return { value: kind === 'money' ? text : new Typed(text) };
  }
  if (kind === 'bool') return { value: text === 'true' };
  return { value: text };
}

// fieldText is the text a field shows for a value of a scenario.
export function fieldText(v) {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(String).join(', ');
  return String(v);
}

// shown is how a default or an assumed value reads: yes/no for booleans,
// a list joined with commas; null for what has no short form.
export function shown(v) {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? v.join(', ') : null;
  if (v === undefined || v === null || v === '' || typeof v === 'object') return null;
  return String(v);
}

// defaultText is the first entry of a menu: "default", with the default
// and the snapshots' own when they differ ("default (awsvpc; bridge in
// 2017-12)"), or the value the library assumed when given. A field with
// no default at all (where the service runs today) is "not given": the
// library assumes nothing for it, and the value in the report's inputs
// is the one chosen.
export function defaultText(f, assumed) {
  if (f.default === undefined && !f.default_by_snapshot && !f.default_note) return 'not given';
  const now = shown(assumed);
  if (now !== null) return `default (${now})`;
  const parts = [];
  const d = shown(f.default);
  if (d !== null) parts.push(d);
  for (const [snap, v] of Object.entries(f.default_by_snapshot || {})) {
    const s = shown(v);
    if (s !== null) parts.push(`${s} in ${snap}`);
  }
  if (!parts.length && f.default_note) parts.push(f.default_note);
  return parts.length ? `default (${parts.join('; ')})` : 'default';
}

// placeholder is what an empty text field shows: the value the library
// assumed for it, else its default, else what its default follows, else
// an example.
export function placeholder(f, assumed) {
  for (const v of [approx(shown(assumed)), shown(f.default), f.default_note, f.example]) {
    if (v) return v;
  }
  return '';
}

// approx shortens a long fraction the library derived ("0.13333333333333333333",
// a CPU share from CPU ms) to four places, marked "≈", so that a field's
// placeholder shows it whole; the exact figure is in the report. Anything
// else comes back as it is.
export function approx(s) {
  const m = typeof s === 'string' ? /^(\d+)\.(\d{7,})$/.exec(s) : null;
  if (!m) return s;
  // Half up at the fifth place, with BigInt: no float touches the digits.
  const scaled = BigInt(m[1] + m[2].slice(0, 4)) + (m[2].charAt(4) >= '5' ? 1n : 0n);
  const t = scaled.toString().padStart(5, '0');
  const frac = t.slice(-4).replace(/0+$/, '');
  return '≈ ' + t.slice(0, -4) + (frac ? '.' + frac : '');
}

// getPath reads a dotted path of an object; undefined when it is not there.
export function getPath(o, path) {
  for (const p of path.split('.')) {
    if (o === null || typeof o !== 'object') return undefined;
    o = o[p];
  }
  return o;
}

// setPath writes a dotted path, making the objects on the way.
export function setPath(o, path, v) {
  const parts = path.split('.');
  for (let i = 0; i < parts.length - 1; i++) o = o[parts[i]] || (o[parts[i]] = {});
  o[parts[parts.length - 1]] = v;
}

// unknownFields names every key of a scenario that is no field of the
// schema, at any depth.
export function unknownFields(sc, fields) {
  const problems = [];
  const walk = (o, prefix) => {
    for (const k of Object.keys(o)) {
      const path = prefix + k;
      if (fields.some((f) => f.path === path)) continue;
      if (!fields.some((f) => f.path.startsWith(path + '.'))) problems.push(`${path}: unknown field`);
      else if (o[k] && typeof o[k] === 'object' && !Array.isArray(o[k])) walk(o[k], path + '.');
    }
  };
  if (sc && typeof sc === 'object') walk(sc, '');
  return problems;
}

// cleanError drops what an error message of the library says that means
// nothing on the page: the form goes to it as one line of JSON, so
// "line 1:57" says nothing here; the field's name does.
export const cleanError = (msg) => String(msg).replace(/^runwhere: /, '').replace(/^line 1(:\d+)?: /, '');

// fieldFinder returns a function that finds the field an error message
// names. Longest paths first, so "workload.peak_requests_per_second"
// wins over shorter names.
export function fieldFinder(fields) {
  const paths = fields.map((f) => f.path).sort((a, b) => b.length - a.length);
  return (msg) => {
    for (const p of paths) {
      const i = msg.indexOf(p);
      if (i >= 0 && (i === 0 || /[\s:("'`]/.test(msg[i - 1])) && !/[a-z_]/.test(msg[i + p.length] || '')) return p;
    }
    return null;
  };
}

// listWords joins names as a sentence does: "a, b and c".
export function listWords(names) {
  return names.length > 1 ? names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1] : (names[0] || '');
}

// groupHint is the line under a section's title: its help, or the
// platforms it applies to when that is more than one and not all.
export function groupHint(g, platforms) {
  if (g.help) return g.help;
  const ids = g.applies_to || [];
  if (ids.length < 2 || ids.length >= platforms.length) return '';
  return listWords(ids.map((id) => platformName(platforms, id)));
}

// REGIONS are the places of AWS's regions, as its price lists name them,
// so a menu of region codes reads "eu-west-1 (Ireland)".
const REGIONS = {
  'us-east-1': 'N. Virginia', 'us-east-2': 'Ohio', 'us-west-1': 'N. California', 'us-west-2': 'Oregon',
  'ap-northeast-1': 'Tokyo', 'ap-northeast-2': 'Seoul', 'ap-southeast-1': 'Singapore', 'ap-southeast-2': 'Sydney',
  'ap-south-1': 'Mumbai', 'ca-central-1': 'Canada Central', 'eu-central-1': 'Frankfurt', 'eu-west-1': 'Ireland',
  'eu-west-2': 'London', 'eu-west-3': 'Paris', 'eu-north-1': 'Stockholm', 'sa-east-1': 'São Paulo',
};

// optionText is how a menu shows one of a field's values: a platform by
// its short name, a region with its place, anything else as it is.
export function optionText(platforms, v) {
  if (Object.hasOwn(REGIONS, v)) return `${v} (${REGIONS[v]})`;
  return platformName(platforms, v);
}

// platformName is a platform's short name in the schema, else its id.
export function platformName(platforms, id) {
  const p = platforms.find((x) => x.id === id);
  return p ? p.short || p.name : id;
}

// isWide says whether a field takes the whole row of its section: the
// scenario's own fields, lists, and fields whose label or menu entry would
// not fit half a phone's width.
export function isWide(f) {
  if (!f.path.includes('.') || f.kind === 'list') return true;
  const label = f.label + (f.unit ? ' ' + f.unit : '');
  if (label.length > 24) return true;
  if ((f.kind === 'enum' || f.kind === 'bool') && defaultText(f).length > 24) return true;
  // A menu whose values are long words ("api-gateway-http") would show
  // them cut off in half a phone's width.
  return f.kind === 'enum' && Array.isArray(f.enum) && f.enum.some((v) => String(v).length > 14);
}

// snapshotField is the field that picks the catalogue: the enum whose
// values are the schema's snapshots.
export function snapshotField(schema) {
  const snaps = schema.snapshots || [];
  return schema.fields.find((f) => f.kind === 'enum' && Array.isArray(f.enum) && snaps.length > 0 &&
    f.enum.length === snaps.length && snaps.every((s) => f.enum.includes(s))) || null;
}

// pinSnapshot writes the default snapshot into a scenario that leaves
// it out, so a share link keeps meaning the same catalogue when a newer
// one becomes the default. It returns sc, or a copy of it with the
// snapshot where the form puts it (in the schema's order), so a link
// reads back to the same text.
export function pinSnapshot(schema, sc) {
  const f = snapshotField(schema);
  if (!f || !f.default || getPath(sc, f.path) !== undefined) return sc;
  const out = {};
  for (const g of schema.fields) {
    const top = g.path.split('.')[0];
    if (top in sc && !(top in out)) out[top] = sc[top];
    if (g === f) setPath(out, f.path, f.default);
  }
  for (const k of Object.keys(sc)) if (!(k in out)) out[k] = sc[k];
  return out;
}

// leftOut says which ticked platforms the snapshot's catalogue lacks
// (EKS in 2017-12): the library drops them from a scenario that lists
// none, and the page says so rather than keep them ticked without a word.
// ticked holds platform ids; '' when none is left out.
export function leftOut(platforms, ticked, snapshot) {
  if (!snapshot) return '';
  const gone = platforms.filter((p) => ticked.includes(p.id) && Array.isArray(p.snapshots) && !p.snapshots.includes(snapshot));
  if (gone.length === 0) return '';
  const names = listWords(gone.map((p) => p.name || p.id));
  return gone.length === 1
    ? `${names} is not in snapshot ${snapshot}: the results leave it out.`
    : `${names} are not in snapshot ${snapshot}: the results leave them out.`;
}

// sections merges the schema's groups whose labels share a prefix before
// a colon ("Around the service: front door", "…: network") into one
// section, where the first of them stands, each group a part titled by
// the rest of its label ("Front door"). Other groups are sections of
// their own. It returns [{label, key, parts: [{group, label}]}].
export function sections(groups) {
  const out = [];
  const byLabel = new Map();
  for (const g of groups) {
    const m = /^([^:]+):\s+(.+)$/.exec(g.label || '');
    if (!m) { out.push({ label: g.label, key: g.path, parts: [{ group: g, label: '' }] }); continue; }
    const title = m[2].charAt(0).toUpperCase() + m[2].slice(1);
    let s = byLabel.get(m[1]);
    if (!s) {
      s = { label: m[1], key: m[1].toLowerCase().replace(/[^a-z0-9]+/g, '-'), parts: [] };
      byLabel.set(m[1], s);
      out.push(s);
    }
    s.parts.push({ group: g, label: title });
  }
  return out;
}

// appliesText says which platforms a field applies to when that is not
// all of them: "Lambda only", "all but Lambda", "all but ECS on Fargate
// and Lambda", or the names when they are the fewer ("Swarm and EKS");
// '' for a field of every platform.
export function appliesText(f, platforms) {
  const ids = (f && f.applies_to) || [];
  if (ids.length === 0 || ids.length >= platforms.length) return '';
  if (ids.length === 1) return `${platformName(platforms, ids[0])} only`;
  const rest = platforms.filter((p) => !ids.includes(p.id)).map((p) => platformName(platforms, p.id));
  if (rest.length < ids.length) return 'all but ' + listWords(rest);
  return listWords(ids.map((id) => platformName(platforms, id)));
}

// FAMILY_LABELS are the headings of the platform checklist's groups: how
// each family runs the service, in a user's words. A family the page does
// not know yet is headed by its own id (familyLabel), so a family added
// to the catalogue shows up with no change here.
const FAMILY_LABELS = {
  nodes: 'On servers you run (EC2 instances)',
  tasks: 'Containers on AWS Fargate',
  functions: 'Functions (per request)',
  'function-instances': 'Functions on managed instances',
};

// familyLabel is the heading of a family's group of platforms.
export function familyLabel(family) {
  if (Object.hasOwn(FAMILY_LABELS, family)) return FAMILY_LABELS[family];
  return family || 'Other platforms';
}

// familyGroups splits ids, the values of a checklist, by the family of
// their platform in the schema: one group per family, in the order the
// families first appear in ids, each with its ids in their order:
// [{family, label, ids}]. It returns null when a value is no platform of
// the schema (a checklist of something else), which stays one list.
export function familyGroups(platforms, ids) {
  const byId = new Map((platforms || []).map((p) => [p.id, p]));
  if (!ids.every((id) => byId.has(id))) return null;
  const groups = new Map();
  for (const id of ids) {
    const family = byId.get(id).family || '';
    if (!groups.has(family)) groups.set(family, { family, label: familyLabel(family), ids: [] });
    groups.get(family).ids.push(id);
  }
  return [...groups.values()];
}

// arrivedAfterDeck is the month a platform arrived (YYYY-MM) when that
// is after the oldest snapshot, the 2017 deck's catalogue; '' for a
// platform the deck could have covered or whose arrival is not recorded.
// Snapshots and months are "YYYY-MM", so they compare as text.
export function arrivedAfterDeck(p, snapshots) {
  const oldest = [...(snapshots || [])].sort()[0];
  return p && typeof p.arrived === 'string' && oldest && p.arrived > oldest ? p.arrived : '';
}
