// The compare view's helpers: which platforms a snapshot holds, and what
// changed between the 2017-12 and 2026-11 comparisons (cut from
// runwhere.Compare's output to a few rows and platforms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { heldIn, otherSnapshot, rowLabel, diff, changeText, claimText, cellTitle } from '../static/compare.js';

const load = (s) => JSON.parse(readFileSync(new URL(`testdata/compare-${s}.json`, import.meta.url), 'utf8'));
const old = load('2017-12');
const now = load('2026-11');

test('heldIn keeps the ticked platforms a snapshot has, in the schema order', () => {
  const platforms = [{ id: 'swarm', snapshots: ['2026-11', '2017-12'] }, { id: 'eks', snapshots: ['2026-11'] }, { id: 'lambda' }];
  assert.deepEqual(heldIn(platforms, ['lambda', 'eks', 'swarm'], '2017-12'), ['swarm', 'lambda']);
  assert.deepEqual(heldIn(platforms, ['lambda', 'eks'], '2026-11'), ['eks', 'lambda']);
  assert.deepEqual(heldIn(platforms, ['eks'], '2017-12'), []);
});

test('otherSnapshot is the next older one, else the next newer one', () => {
  assert.equal(otherSnapshot(['2026-11', '2017-12'], '2026-11'), '2017-12');
  assert.equal(otherSnapshot(['2026-11', '2017-12'], '2017-12'), '2026-11');
  assert.equal(otherSnapshot(['2026-11', '2021-01', '2017-12'], '2026-11'), '2021-01');
  assert.equal(otherSnapshot(['2026-11'], '2026-11'), '');
  assert.equal(otherSnapshot(['2026-11', '2017-12'], '1999-01'), '');
});

test('rowLabel drops the trailing limit or feature', () => {
  assert.equal(rowLabel({ key: 'limits.timeout', label: 'Function timeout limit' }), 'Function timeout');
  assert.equal(rowLabel({ key: 'features.secrets', label: 'Secrets feature' }), 'Secrets');
  assert.equal(rowLabel({ key: 'x' }), 'x');
});

test('2026-11 against 2017-12: the changed limits, EKS and the rows that came and went', () => {
  const d = diff(now, old);
  assert.deepEqual(d.cells['limits.timeout'], { lambda: { status: 'changed', was: '300 s' } });
  assert.deepEqual(d.cells['limits.memory_max'], { lambda: { status: 'changed', was: '3,008 MB' } });
  assert.deepEqual(d.cells['limits.nodes_per_cluster'], {
    'ecs-ec2': { status: 'changed', was: '1,000 container instances' },
    eks: { status: 'new' },
  });
  assert.deepEqual(d.cells['limits.vcpu_per_region'], { 'ecs-fargate': { status: 'new' } });
  assert.equal(d.cells['limits.memory_min'], undefined, '128 MB both times');
  // Swarm's claim-only cell says "none published" both times: no change.
  assert.equal(d.cells['limits.nodes_per_cluster'].swarm, undefined);
  assert.deepEqual(d.cells['features.secrets'], { 'ecs-ec2': { status: 'changed', was: 'limited' }, 'ecs-fargate': { status: 'changed', was: 'limited' }, eks: { status: 'new' } });
  assert.deepEqual(d.newPlatforms, ['eks']);
  assert.deepEqual(d.gone, [{ key: 'limits.tasks_per_region', label: 'Fargate tasks per region', kind: 'limit', platform: 'ecs-fargate', text: '20 tasks' }]);
});

test('2017-12 against 2026-11: the same changes, looking forward', () => {
  const d = diff(old, now);
  assert.deepEqual(d.cells['limits.timeout'], { lambda: { status: 'changed', was: '900 s' } });
  assert.deepEqual(d.cells['limits.tasks_per_region'], { 'ecs-fargate': { status: 'new' } });
  assert.deepEqual(d.newPlatforms, []);
  // EKS is not among 2017-12's platforms: its cells are not "gone".
  assert.deepEqual(d.gone.map((g) => `${g.key} ${g.platform}`), ['limits.vcpu_per_region ecs-fargate']);
});

test('changeText speaks from the snapshot on screen', () => {
  assert.equal(changeText({ status: 'changed', was: '300 s' }, '2026-11', '2017-12'), 'was 300 s in 2017-12');
  assert.equal(changeText({ status: 'new' }, '2026-11', '2017-12'), 'new since 2017-12');
  assert.equal(changeText({ status: 'changed', was: '900 s' }, '2017-12', '2026-11'), '2026-11: 900 s');
  assert.equal(changeText({ status: 'new' }, '2017-12', '2026-11'), 'not in 2026-11');
  assert.equal(changeText(undefined, '2017-12', '2026-11'), '');
});

test('diff of nothing is empty', () => {
  assert.deepEqual(diff(now, null), { cells: {}, newPlatforms: [], gone: [] });
  assert.deepEqual(diff(now, now).cells, {});
});

test('claimText marks a claim as holding or corrected', () => {
  const swarm = now.rows.find((r) => r.key === 'limits.nodes_per_cluster').cells.swarm;
  assert.match(claimText(swarm), /^2017 deck: “Supports 2000\+ nodes” — corrected: a community experiment/);
  const ecs = old.rows.find((r) => r.key === 'limits.nodes_per_cluster').cells['ecs-ec2'];
  assert.match(claimText(ecs), /^2017 deck: “Supports up to 1000 nodes” — holds: correct/);
  assert.equal(claimText({ text: 'yes' }), '');
  assert.equal(claimText({ deck_claim: 'x', claim_holds: true, verdict: 'right.' }), '2017 deck: “x” — holds: right.');
});

test('cellTitle gives the date and the note', () => {
  assert.equal(cellTitle({ as_of: '2026-11-25', note: '900 s since 2018-10-11' }), 'as of 2026-11-25; 900 s since 2018-10-11');
  assert.equal(cellTitle({ as_of: '2017-12-12' }), 'as of 2017-12-12');
});
