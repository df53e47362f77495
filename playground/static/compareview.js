// The "Compare platforms" view: the limits and features of the chosen
// platforms in one snapshot's catalogue, a switch between snapshots, and
// what changed against the other one. The comparisons are in the state
// (app.js asks the bridge); this file only draws them.

import { $, el, safeLink } from './dom.js';
import { diff, otherSnapshot, rowLabel, rowGroups, changeText, claimText, cellTitle } from './compare.js';

// renderCompare draws s.cmp: {snapshots, ticked, data: {snapshot:
// comparison, or {error}}, missing: {snapshot: [names]}} in the snapshot
// s.cmpView (else the report's).
export function renderCompare(s) {
  const c = s.cmp;
  if (!c) return;
  const view = c.data[s.cmpView] ? s.cmpView : s.report.snapshot;
  const other = otherSnapshot(c.snapshots, view);
  const cur = c.data[view];
  const old = other ? c.data[other] : null;
  const name = platformNamer(s.schema);

  $('cmp-switch').replaceChildren(...[...c.snapshots].sort().map((snap) => el('button', {
    type: 'button', class: 'secondary', 'data-snapshot': snap,
    'aria-pressed': snap === view ? 'true' : 'false',
  }, snap, snap === s.report.snapshot ? el('span', { class: 'visually-hidden', text: ' (the scenario’s catalogue)' }) : '')));

  if (!cur || cur.error) {
    $('cmp-note').textContent = cur && cur.error ? `The comparison is unavailable: ${cur.error}` : `None of the chosen platforms is in ${view}.`;
    $('cmp-wrap').replaceChildren();
    $('cmp-gone').replaceChildren();
    return;
  }
  const d = old && !old.error ? diff(cur, old) : diff(null, null);
  const missing = c.missing[view] || [];
  const notes = [];
  if (other && old && !old.error) notes.push(`Marked ◆: what differs from ${other} (“new since” or “not in”: that catalogue has no such figure).`);
  if (missing.length) notes.push(`${words(missing)} ${missing.length > 1 ? 'are' : 'is'} not available in ${view}, so ${missing.length > 1 ? 'they are' : 'it is'} left out.`);
  if (d.newPlatforms.length) notes.push(`${words(d.newPlatforms.map(name))} ${other < view ? 'came after' : 'is not in'} ${other}.`);
  $('cmp-note').textContent = notes.join(' ');

  const table = el('table', { class: 'cmp', 'data-snapshot': view });
  // Columns of at least COL_REM; a narrower box scrolls the table.
  table.style.minWidth = `${LABEL_REM + cur.platforms.length * COL_REM}rem`;
  table.append(el('caption', { class: 'visually-hidden', text: `Limits and features in ${view}` }));
  table.append(el('thead', null, el('tr', null, el('th', { scope: 'col', text: view }),
    ...cur.platforms.map((p) => el('th', { scope: 'col', 'data-platform': p, class: d.newPlatforms.includes(p) ? 'changed' : null },
      name(p), d.newPlatforms.includes(p) ? el('span', { class: 'change', text: `◆ ${changeText({ status: 'new' }, view, other)}` }) : '')))));
  for (const { title, rows } of rowGroups(cur.rows)) {
    const tb = el('tbody', null, el('tr', { class: 'group' }, el('th', { scope: 'colgroup', colspan: String(cur.platforms.length + 1), text: title })));
    for (const row of rows) {
      tb.append(el('tr', { 'data-key': row.key }, el('th', { scope: 'row', text: rowLabel(row) }),
        ...cur.platforms.map((p) => cell(row.cells[p], d.cells[row.key] && d.cells[row.key][p], view, other, p, name(p)))));
    }
    table.append(tb);
  }
  $('cmp-wrap').replaceChildren(table);

  const gone = d.gone.map((g) => el('li', null, `${name(g.platform)}, ${rowLabel(g)}: ${g.text} in ${other}; `,
    el('span', { class: 'change', text: `◆ ${changeText({ status: 'new' }, other, view)}` })));
  $('cmp-gone').replaceChildren(...(gone.length
    ? [el('p', { class: 'hint', text: `Only in ${other}:` }), el('ul', { class: 'cmp-gone' }, ...gone)]
    : []));
}

// cell is one platform's figure: its words linked to the source (with
// the date and note as its title), the enforcement of a limit, what
// changed, and the deck's claim with its verdict. data-name labels it
// on a phone, where the table is a list of rows.
function cell(c, ch, view, other, platform, name) {
  if (!c) return el('td', { class: 'none', 'data-platform': platform, title: 'Nothing published for this row, or it does not apply', text: '—' });
  const td = el('td', { 'data-platform': platform, 'data-name': name, class: ch ? 'changed' : null });
  const link = safeLink(c.source, c.text) || el('span', { text: c.text });
  link.title = cellTitle(c);
  td.append(link);
  if (c.enforcement) td.append(' ', el('span', { class: `tag ${c.enforcement}`, title: ENFORCEMENT[c.enforcement] || '', text: c.enforcement }));
  if (ch) td.append(el('span', { class: 'change', text: `◆ ${changeText(ch, view, other)}` }));
  const claim = claimText(c);
  if (claim) td.append(el('span', { class: `claim ${c.claim_holds ? 'holds' : 'corrected'}`, text: claim }));
  return td;
}

const COL_REM = 6.5;
const LABEL_REM = 8.5; // the row labels' column, as in style.css

const ENFORCEMENT = {
  hard: 'a hard limit: it cannot be raised',
  quota: 'a default quota: it can be raised on request',
  envelope: 'a tested envelope: beyond it is unsupported, not refused',
};

function platformNamer(schema) {
  const names = new Map((schema.platforms || []).map((p) => [p.id, p.name]));
  return (id) => names.get(id) || id;
}

function words(list) {
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0] || '';
}
