// The "Compare platforms" view's data: which of the chosen platforms a
// snapshot holds, and what changed between two snapshots' comparisons
// (runwhere.compare, or a report's comparison). No DOM: the Node tests
// in ../jstest cover this file.

// heldIn is the ids of ticked that the snapshot holds, in the order of
// the schema's platforms (a platform without snapshots is in every one).
export function heldIn(platforms, ticked, snapshot) {
  return platforms
    .filter((p) => ticked.includes(p.id) && (!Array.isArray(p.snapshots) || p.snapshots.includes(snapshot)))
    .map((p) => p.id);
}

// otherSnapshot is the snapshot a view is compared with: the next older
// one, else the next newer one ('' when there is only one). Snapshots
// are "YYYY-MM", so they sort as text.
export function otherSnapshot(snapshots, view) {
  const sorted = [...snapshots].sort();
  const i = sorted.indexOf(view);
  if (i < 0 || sorted.length < 2) return '';
  return i > 0 ? sorted[i - 1] : sorted[i + 1];
}

// rowLabel drops the " limit" or " feature" the library's labels end
// with: the table groups its rows under those words.
export const rowLabel = (row) => String(row.label || row.key).replace(/ (limit|feature)$/, '');

// rowGroups splits a comparison's rows by kind, the groups in the order
// their kinds first come (the library lists limits, then features) and
// each titled by its kind: a kind the library adds (a platform's arrival)
// gets a group of its own where its rows are, titled by the kind itself
// until the page has words for it. [{kind, title, rows}].
export function rowGroups(rows) {
  const groups = new Map();
  for (const r of rows || []) {
    const kind = r.kind || '';
    if (!groups.has(kind)) groups.set(kind, { kind, title: kindTitle(kind), rows: [] });
    groups.get(kind).rows.push(r);
  }
  return [...groups.values()];
}

const KIND_TITLES = { limit: 'Limits', feature: 'Features' };

function kindTitle(kind) {
  if (Object.hasOwn(KIND_TITLES, kind)) return KIND_TITLES[kind];
  const k = kind || 'other';
  return k.charAt(0).toUpperCase() + k.slice(1);
}

const same = (a, b) => String(a.value) === String(b.value) && (a.unit || '') === (b.unit || '');

// diff says how the comparison cur differs from other. cells maps a
// row key to the platforms whose cell differs: {status: 'changed', was}
// (the other snapshot's words for it) or {status: 'new'} (no such cell
// there, or the platform is not in other at all). newPlatforms are cur's
// platforms other lacks; gone are other's cells of cur's platforms that
// cur has no cell for ({key, label, kind, platform, text}).
export function diff(cur, other) {
  const out = { cells: {}, newPlatforms: [], gone: [] };
  if (!cur || !other) return out;
  const otherRows = new Map((other.rows || []).map((r) => [r.key, r]));
  const otherHas = new Set(other.platforms || []);
  out.newPlatforms = (cur.platforms || []).filter((p) => !otherHas.has(p));
  const curRows = new Map();
  for (const row of cur.rows || []) {
    curRows.set(row.key, row);
    const o = otherRows.get(row.key);
    for (const [p, c] of Object.entries(row.cells || {})) {
      const oc = o && o.cells && o.cells[p];
      if (!oc) out.cells[row.key] = { ...out.cells[row.key], [p]: { status: 'new' } };
      else if (!same(c, oc)) out.cells[row.key] = { ...out.cells[row.key], [p]: { status: 'changed', was: oc.text } };
    }
  }
  const curHas = new Set(cur.platforms || []);
  for (const row of other.rows || []) {
    const c = curRows.get(row.key);
    for (const [p, oc] of Object.entries(row.cells || {})) {
      if (curHas.has(p) && !(c && c.cells && c.cells[p])) {
        out.gone.push({ key: row.key, label: rowLabel(row), kind: row.kind, platform: p, text: oc.text });
      }
    }
  }
  return out;
}

// changeText is a changed cell's words, seen from view against other:
// "was 300 s in 2017-12" or "new since 2017-12" looking back, "2026-11:
// 900 s" or "not in 2026-11" looking forward.
export function changeText(ch, view, other) {
  if (!ch) return '';
  const back = other < view;
  if (ch.status === 'changed') return back ? `was ${ch.was} in ${other}` : `${other}: ${ch.was}`;
  return back ? `new since ${other}` : `not in ${other}`;
}

// claimText is a cell's deck claim in words, or '' when it has none.
export function claimText(c) {
  if (!c || !c.deck_claim) return '';
  const how = c.claim_holds ? 'holds' : 'corrected';
  return `2017 deck: “${c.deck_claim}” — ${how}${c.verdict ? `: ${c.verdict}` : ''}${/[.!]$/.test(c.verdict || '') ? '' : '.'}`;
}

// cellTitle is a cell's tooltip: its date and note.
export const cellTitle = (c) => [c.as_of && `as of ${c.as_of}`, c.note].filter(Boolean).join('; ');
