// The form's reading of the schema: values by kind, defaults, paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Typed, jsonText } from '../static/numbers.js';
import {
  isChecklist, parseValue, fieldText, shown, defaultText, placeholder, getPath, setPath, approx,
  unknownFields, fieldFinder, cleanError, listWords, groupHint, platformName, isWide,
} from '../static/fields.js';

// A schema in the shape runwhere.schema() answers, with a field of every
// kind, including ones the library may add (a list of numbers).
const platforms = [
  { id: 'swarm', name: 'Docker Swarm', short: 'Swarm' }, { id: 'eks', name: 'Amazon EKS', short: 'EKS' },
  { id: 'lambda', name: 'AWS Lambda', short: 'Lambda' },
];
const F = {
  name: { path: 'name', group: '', kind: 'string', label: 'Name', example: 'my-service' },
  platforms: { path: 'platforms', group: '', kind: 'list', items: 'enum', label: 'Platforms', enum: ['swarm', 'eks', 'lambda'], default: ['swarm', 'eks', 'lambda'] },
  rate: { path: 'workload.requests_per_second', group: 'workload', kind: 'decimal', label: 'Requests per second', unit: 'mean' },
  memory: { path: 'workload.memory_mb', group: 'workload', kind: 'integer', label: 'Memory', unit: 'MB' },
  peak: { path: 'workload.peak_requests_per_second', group: 'workload', kind: 'decimal', label: 'Peak requests/s', default_note: 'mean' },
  hourly: { path: 'workload.hourly', group: 'workload', kind: 'list', items: 'decimal', label: 'Hourly loads' },
  arch: { path: 'workload.arch', group: 'workload', kind: 'enum', label: 'Architecture', enum: ['x86_64', 'arm64'], default: 'x86_64' },
  price: { path: 'servers.hourly_price', group: 'servers', kind: 'money', label: 'Hourly price', unit: 'USD', default_note: 'catalogue' },
  zones: { path: 'servers.zones', group: 'servers', kind: 'integer', label: 'Zones', default: 3 },
  mode: { path: 'servers.ecs_network_mode', group: 'servers', kind: 'enum', label: 'ECS network mode', enum: ['awsvpc', 'bridge', 'host'],
    default: 'awsvpc', default_by_snapshot: { '2017-12': 'bridge' } },
  survive: { path: 'servers.survive_zone_loss', group: 'servers', kind: 'bool', label: 'Size to survive a zone loss', default: false },
  node: { path: 'ha.node_availability', group: 'ha', kind: 'number', label: 'One node', unit: '0–1', default: 0.995 },
  util: { path: 'servers.target_utilization', group: 'servers', kind: 'decimal', label: 'Target utilisation', unit: '0–1', default: '0.7' },
};
const fields = Object.values(F);

test('parseValue by kind', () => {
  const typed = (f, raw) => jsonText(parseValue(f, raw).value);
  assert.deepEqual(parseValue(F.rate, '  '), {}, 'empty: left out');
  assert.equal(typed(F.rate, '12.3456789012345678901'), '12.3456789012345678901');
  assert.equal(typed(F.memory, '512.0'), '512.0', 'the library judges whole numbers');
  assert.equal(typed(F.node, '.5'), '0.5');
  assert.equal(parseValue(F.price, '0.096').value, '0.096', 'money is a decimal string');
  assert.deepEqual(parseValue(F.rate, '12,5'), { error: 'workload.requests_per_second: "12,5" is not a number' });
  assert.deepEqual(parseValue(F.price, 'cheap'), { error: 'servers.hourly_price: "cheap" is not a number' });
  assert.equal(parseValue(F.survive, 'true').value, true);
  assert.equal(parseValue(F.survive, 'false').value, false);
  assert.equal(parseValue(F.arch, 'arm64').value, 'arm64');
  assert.equal(parseValue(F.name, ' my api ').value, 'my api');
  assert.equal(jsonText(parseValue(F.hourly, '0.2, .2 1.8,').value), '[0.2,0.2,1.8]', 'a list of numbers');
  assert.deepEqual(parseValue(F.hourly, '0.2, x'), { error: 'workload.hourly: "x" is not a number' });
  assert.ok(parseValue(F.rate, '5').value instanceof Typed);
});

test('isChecklist', () => {
  assert.ok(isChecklist(F.platforms));
  assert.ok(!isChecklist(F.hourly));
  assert.ok(!isChecklist(F.arch));
});

test('fieldText and shown', () => {
  assert.equal(fieldText(['0.2', '1.8']), '0.2, 1.8');
  assert.equal(fieldText('12.5'), '12.5');
  assert.equal(fieldText(null), '');
  assert.equal(shown(true), 'yes');
  assert.equal(shown(false), 'no');
  assert.equal(shown(0), '0');
  assert.equal(shown(''), null);
  assert.equal(shown({ a: 1 }), null);
  assert.equal(shown(['a', 'b']), 'a, b');
});

test('defaultText: the menu entry for a field left out', () => {
  assert.equal(defaultText(F.mode), 'default (awsvpc; bridge in 2017-12)');
  assert.equal(defaultText(F.mode, 'bridge'), 'default (bridge)', 'what the library assumed wins');
  assert.equal(defaultText(F.arch), 'default (x86_64)');
  assert.equal(defaultText(F.survive), 'default (no)');
  assert.equal(defaultText({ path: 'x', kind: 'enum', enum: ['a'] }), 'not given', 'no default at all: nothing is assumed');
  assert.equal(defaultText({ path: 'x', kind: 'enum', enum: ['a'] }, 'a'), 'not given', 'the value of the inputs is the one chosen');
});

test('placeholder: assumed, default, note, example', () => {
  assert.equal(placeholder(F.zones), '3');
  assert.equal(placeholder(F.zones, 5), '5');
  assert.equal(placeholder(F.util), '0.7');
  assert.equal(placeholder(F.node), '0.995');
  assert.equal(placeholder(F.peak), 'mean');
  assert.equal(placeholder(F.peak, '40'), '40');
  assert.equal(placeholder(F.price), 'catalogue');
  assert.equal(placeholder(F.name, ''), 'my-service');
  assert.equal(placeholder(F.rate), '');
});

test('getPath and setPath', () => {
  const o = {};
  setPath(o, 'workload.requests_per_second', 5);
  setPath(o, 'workload.memory_mb', 128);
  setPath(o, 'name', 'x');
  assert.deepEqual(o, { workload: { requests_per_second: 5, memory_mb: 128 }, name: 'x' });
  assert.equal(getPath(o, 'workload.memory_mb'), 128);
  assert.equal(getPath(o, 'workload.memory_mb.x'), undefined);
  assert.equal(getPath(o, 'servers.zones'), undefined);
});

test('unknownFields names keys the schema does not have, at any depth', () => {
  assert.deepEqual(unknownFields({ name: 'a', workload: { requests_per_second: 5, hourly: [1] }, platforms: ['eks'] }, fields), []);
  assert.deepEqual(unknownFields({ evil: 1, workload: { nope: 2, memory_mb: 1 }, servers: 'x', ha: { node_availability: { deep: 1 } } }, fields),
    ['evil: unknown field', 'workload.nope: unknown field']);
  assert.deepEqual(unknownFields(null, fields), []);
});

test('fieldFinder finds the field an error names, longest first', () => {
  const find = fieldFinder(fields);
  assert.equal(find('workload.peak_requests_per_second: 3 is below the mean'), 'workload.peak_requests_per_second');
  assert.equal(find('runwhere: workload.requests_per_second: is missing'), 'workload.requests_per_second');
  assert.equal(find('contradicts (servers.zones)'), 'servers.zones');
  assert.equal(find('xworkload.memory_mb: no'), null, 'not inside another word');
  assert.equal(find('workload.memory_mbs: no'), null);
  assert.equal(find('something else'), null);
});

test('cleanError drops the package and the position in the one-line form', () => {
  assert.equal(cleanError('runwhere: line 1:57: workload.memory_mb: -5 is negative'), 'workload.memory_mb: -5 is negative');
  assert.equal(cleanError('runwhere: line 1: workload.memory_mb: -5 is negative'), 'workload.memory_mb: -5 is negative');
  assert.equal(cleanError('runwhere: line 12:3: x'), 'line 12:3: x', 'a line of a pasted text stays');
  assert.equal(cleanError('scenario: empty'), 'scenario: empty');
});

test('listWords, groupHint and platformName', () => {
  assert.equal(listWords([]), '');
  assert.equal(listWords(['a']), 'a');
  assert.equal(listWords(['a', 'b', 'c']), 'a, b and c');
  assert.equal(groupHint({ help: 'Weights.' }, platforms), 'Weights.');
  assert.equal(groupHint({ applies_to: ['swarm', 'eks'] }, platforms), 'Swarm and EKS');
  assert.equal(groupHint({ applies_to: ['lambda'] }, platforms), '', 'one platform: the title says it');
  assert.equal(groupHint({ applies_to: ['swarm', 'eks', 'lambda'] }, platforms), '', 'all of them');
  assert.equal(groupHint({}, platforms), '');
  assert.equal(platformName(platforms, 'eks'), 'EKS');
  assert.equal(platformName(platforms, 'other'), 'other');
});

test('isWide', () => {
  assert.ok(isWide(F.name), 'a top-level field');
  assert.ok(isWide(F.platforms));
  assert.ok(isWide(F.hourly), 'a list');
  assert.ok(isWide(F.survive), 'a long label');
  assert.ok(isWide(F.mode), 'a long menu entry');
  assert.ok(!isWide(F.arch));
  assert.ok(!isWide(F.rate));
  assert.ok(!isWide(F.util));
});

test('pinSnapshot writes the default snapshot into a scenario that leaves it out', async () => {
  const { pinSnapshot, snapshotField } = await import('../static/fields.js');
  const schema = { snapshots: ['2030-01', '2020-01'], fields: [
    { path: 'region', kind: 'enum', enum: ['a', 'b'], default: 'a' },
    { path: 'catalogue', kind: 'enum', enum: ['2020-01', '2030-01'], default: '2030-01' },
  ] };
  assert.equal(snapshotField(schema).path, 'catalogue');
  assert.deepEqual(pinSnapshot(schema, { name: 'x' }), { name: 'x', catalogue: '2030-01' });
  // In the schema's order, as the form writes it: the link reads back to the same text.
  assert.equal(JSON.stringify(pinSnapshot(schema, { region: 'b', name: 'x' })), '{"region":"b","catalogue":"2030-01","name":"x"}');
  assert.deepEqual(pinSnapshot(schema, { catalogue: '2020-01' }), { catalogue: '2020-01' });
  assert.deepEqual(pinSnapshot({ snapshots: [], fields: schema.fields }, { name: 'x' }), { name: 'x' });
});

test('leftOut names the ticked platforms the snapshot lacks', async () => {
  const { leftOut } = await import('../static/fields.js');
  const platforms = [
    { id: 'a', name: 'Alpha', snapshots: ['2030-01', '2020-01'] },
    { id: 'b', name: 'Beta', snapshots: ['2030-01'] },
    { id: 'c', name: 'Gamma', snapshots: ['2030-01'] },
  ];
  assert.equal(leftOut(platforms, ['a', 'b'], '2020-01'), 'Beta is not in snapshot 2020-01: the results leave it out.');
  assert.equal(leftOut(platforms, ['a', 'b', 'c'], '2020-01'), 'Beta and Gamma are not in snapshot 2020-01: the results leave them out.');
  assert.equal(leftOut(platforms, ['a'], '2020-01'), '');
  assert.equal(leftOut(platforms, ['a', 'b', 'c'], '2030-01'), '');
});

test('approx: a long derived fraction in a placeholder, to four places', () => {
  for (const [in_, want] of [
    ['0.13333333333333333333', '≈ 0.1333'], ['0.16666666666666666667', '≈ 0.1667'], ['0.99999999', '≈ 1'],
    ['12.0000001', '≈ 12'], ['0.1333', '0.1333'], ['0.123456', '0.123456'], ['16', '16'], ['abc', 'abc'], [null, null],
  ]) {
    assert.equal(approx(in_), want, String(in_));
  }
  assert.equal(placeholder({ path: 'workload.cpu_fraction', kind: 'decimal', default: '1' }, '0.13333333333333333333'), '≈ 0.1333');
});
