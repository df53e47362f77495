// Issue 24: compare-view rows of a kind the page has no words for yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowGroups } from '../static/compare.js';

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
