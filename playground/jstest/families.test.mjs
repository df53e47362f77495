// Issue 24: the platform checklist grouped by family, the badge of a
// platform that arrived after the 2017 deck, and compare-view rows of a
// kind the page has no words for yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familyGroups, familyLabel, arrivedAfterDeck } from '../static/fields.js';
import { rowGroups } from '../static/compare.js';

// Families interleaved as the catalogue lists them, one the page does
// not know, and a platform of no family.
const platforms = [
  { id: 'swarm', family: 'nodes' }, { id: 'ecs-fargate', family: 'tasks' }, { id: 'lambda', family: 'functions' },
  { id: 'nomad', family: 'nodes' }, { id: 'lmi', family: 'function-instances', arrived: '2025-11' },
  { id: 'apprunner', family: 'services' }, { id: 'odd' },
];

test('familyGroups: one group per family, in first-seen order, ids in their order', () => {
  for (const tc of [
    {
      name: 'every platform', ids: ['swarm', 'ecs-fargate', 'lambda', 'nomad', 'lmi', 'apprunner', 'odd'],
      want: [['nodes', ['swarm', 'nomad']], ['tasks', ['ecs-fargate']], ['functions', ['lambda']],
        ['function-instances', ['lmi']], ['services', ['apprunner']], ['', ['odd']]],
    },
    { name: 'the order of ids rules', ids: ['nomad', 'lambda', 'swarm'], want: [['nodes', ['nomad', 'swarm']], ['functions', ['lambda']]] },
    { name: 'none', ids: [], want: [] },
  ]) {
    const got = familyGroups(platforms, tc.ids).map((g) => [g.family, g.ids]);
    assert.deepEqual(got, tc.want, tc.name);
  }
  assert.equal(familyGroups(platforms, ['swarm', 'not-a-platform']), null, 'a checklist of something else stays one list');
  assert.equal(familyGroups(undefined, ['swarm']), null);
});

test('familyLabel: words for known families, the id for a new one', () => {
  for (const [family, want] of [
    ['nodes', 'On servers you run (EC2 instances)'],
    ['tasks', 'Containers on AWS Fargate'],
    ['functions', 'Functions (per request)'],
    ['function-instances', 'Functions on managed instances'],
    ['services', 'services'],
    ['toString', 'toString'],
    ['', 'Other platforms'],
    [undefined, 'Other platforms'],
  ]) {
    assert.equal(familyLabel(family), want, String(family));
  }
  assert.equal(familyGroups(platforms, ['apprunner'])[0].label, 'services');
});

test('arrivedAfterDeck: a month after the oldest snapshot, else nothing', () => {
  const snaps = ['2026-11', '2017-12'];
  for (const tc of [
    { name: 'after the deck', p: { arrived: '2024-12' }, want: '2024-12' },
    { name: 'the deck month', p: { arrived: '2017-12' }, want: '' },
    { name: 'before the deck', p: { arrived: '2014-11' }, want: '' },
    { name: 'not recorded', p: {}, want: '' },
    { name: 'no platform', p: undefined, want: '' },
  ]) {
    assert.equal(arrivedAfterDeck(tc.p, snaps), tc.want, tc.name);
  }
  assert.equal(arrivedAfterDeck({ arrived: '2024-12' }, ['2026-11']), '', 'the only snapshot is newer: nothing before it to be after');
  assert.equal(arrivedAfterDeck({ arrived: '2024-12' }, []), '', 'no snapshots');
});

test('rowGroups: any kind of row gets a group, in the order kinds come', () => {
  const rows = [
    { key: 'limits.timeout', kind: 'limit' }, { key: 'limits.memory_max', kind: 'limit' },
    { key: 'features.secrets', kind: 'feature' }, { key: 'arrived', kind: 'arrival' }, { key: 'x', kind: '' },
  ];
  assert.deepEqual(rowGroups(rows).map((g) => [g.title, g.rows.map((r) => r.key)]), [
    ['Limits', ['limits.timeout', 'limits.memory_max']], ['Features', ['features.secrets']], ['Arrival', ['arrived']], ['Other', ['x']],
  ]);
  assert.deepEqual(rowGroups(undefined), []);
});
