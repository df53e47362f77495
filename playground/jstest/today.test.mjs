// What runs today and the assumptions, in words: which of today's fields
// apply, each platform against today's bill, the panel's rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  todayFields, offFields, todayHelp, notInSnapshot, leftOutToday, vsText, vsShort, todayText, measured,
  isAssumedReason, orderAssumptions, quotaPlatform, assumptionTarget, fieldLabel, summaryText, splitFields, calibratedFrom,
} from '../static/today.js';

// A schema in the shape runwhere.schema() answers: the current group and
// a platform of each family, and one of a family the page does not know.
const schema = {
  platforms: [
    { id: 'ecs-ec2', name: 'Amazon ECS on EC2', short: 'ECS on EC2', family: 'nodes', snapshots: ['2026-11', '2017-12'] },
    { id: 'ecs-fargate', name: 'Amazon ECS on Fargate', short: 'ECS on Fargate', family: 'tasks', snapshots: ['2026-11', '2017-12'] },
    { id: 'lambda', name: 'AWS Lambda', short: 'Lambda', family: 'functions', snapshots: ['2026-11', '2017-12'] },
    { id: 'eks', name: 'Amazon EKS', short: 'EKS', family: 'nodes', snapshots: ['2026-11'] },
    { id: 'lmi', name: 'AWS Lambda Managed Instances', short: 'Lambda Managed Instances', family: 'function-instances', snapshots: ['2026-11'] },
    { id: 'new', name: 'Something new', family: 'pods' },
  ],
  fields: [
    { path: 'workload.cpu_ms', group: 'workload', kind: 'decimal', label: 'CPU a request', unit: 'ms' },
    { path: 'workload.cpu_fraction', group: 'workload', kind: 'decimal', label: 'CPU share' },
    { path: 'current.platform', group: 'current', kind: 'enum', label: 'Runs today on', enum: ['ecs-ec2', 'ecs-fargate', 'lambda'] },
    { path: 'current.instance_type', group: 'current', kind: 'string', label: 'Instance type' },
    { path: 'current.task_vcpu', group: 'current', kind: 'decimal', label: 'Task vCPU' },
    { path: 'current.task_memory_mb', group: 'current', kind: 'integer', label: 'Task memory' },
    { path: 'current.memory_mb', group: 'current', kind: 'integer', label: 'Function memory' },
    { path: 'current.count', group: 'current', kind: 'decimal', label: 'Running' },
    { path: 'current.cpu_utilization', group: 'current', kind: 'decimal', label: 'CPU' },
    { path: 'current.requests_per_second', group: 'current', kind: 'decimal', label: 'At requests/s' },
  ],
};

test('todayFields: the group of the platform field, but it', () => {
  assert.deepEqual(todayFields(schema).map((f) => f.path), schema.fields.slice(3).map((f) => f.path));
  assert.deepEqual(todayFields({ fields: schema.fields.slice(0, 2) }), [], 'a schema without the field');
});

test('offFields: nothing without a platform, the other families\' units with one', () => {
  for (const { name, id, off } of [
    { name: 'not given', id: '', off: schema.fields.slice(3).map((f) => f.path) },
    { name: 'nodes', id: 'ecs-ec2', off: ['current.task_vcpu', 'current.task_memory_mb', 'current.memory_mb'] },
    { name: 'function instances', id: 'lmi', off: ['current.task_vcpu', 'current.task_memory_mb', 'current.memory_mb'] },
    { name: 'tasks', id: 'ecs-fargate', off: ['current.instance_type', 'current.memory_mb'] },
    { name: 'functions', id: 'lambda', off: ['current.instance_type', 'current.task_vcpu', 'current.task_memory_mb'] },
    { name: 'a family the page does not know: the library judges', id: 'new', off: [] },
    { name: 'a platform the schema does not list', id: 'gone', off: [] },
  ]) {
    assert.deepEqual([...offFields(schema, id).keys()], off, name);
  }
  assert.equal(offFields(schema, 'ecs-fargate').get('current.instance_type'), 'not on ECS on Fargate');
});

test('todayHelp says what to give', () => {
  assert.match(todayHelp(schema, ''), /^Not given: no baseline\./);
  assert.equal(todayHelp(schema, 'ecs-fargate'),
    'On ECS on Fargate: give its task vCPU and task memory, how many run and what CloudWatch measures; the fields that do not apply are greyed out.');
  assert.equal(todayHelp(schema, 'new'), 'On Something new: give how many run and what CloudWatch measures.', 'nothing greyed, nothing said of it');
});

test('notInSnapshot: the platforms a catalogue lacks', () => {
  assert.deepEqual(notInSnapshot(schema.platforms, '2017-12'), ['eks', 'lmi']);
  assert.deepEqual(notInSnapshot(schema.platforms, ''), []);
});

test('leftOutToday: a current block without a platform is left out, and said', () => {
  for (const [sc, want] of [
    [{ current: { count: '4' } }, 'current: left out, as it does not say current.platform'],
    [{ current: { platform: 'ecs-ec2', count: '4' } }, ''],
    [{ current: {} }, ''],
    [{}, ''],
    [{ current: 'x' }, ''],
  ]) {
    assert.equal(leftOutToday(schema, sc), want, JSON.stringify(sc));
  }
});

test('vsText and vsShort: a platform against today', () => {
  for (const [vs, text, short] of [
    [{ saving: '154.7597372', saving_percent: '49.5' }, 'saves $154.76 (49.5 %)', '49.5 % less'],
    [{ saving: '-29.94095', saving_percent: '-9.6' }, 'costs $29.94 (9.6 %) more', '9.6 % more'],
    [{ saving: '-468.66', saving_percent: '-150' }, 'costs $468.66 (150 %) more', '150 % more'],
    [{ saving: '1234.005', saving_percent: '80' }, 'saves $1,234.01 (80 %)', '80 % less'],
    [{ saving: '0', saving_percent: '0' }, 'costs what today costs', 'same'],
    [{ saving: '0.004', saving_percent: '0' }, 'costs what today costs', 'same'],
  ]) {
    assert.equal(vsText(vs).text, text, JSON.stringify(vs));
    assert.equal(vsShort(vs), short, JSON.stringify(vs));
  }
  assert.equal(vsText(undefined), null);
  assert.equal(vsText({ saving: 'n/a' }), null);
  assert.equal(vsShort(null), '');
});

test('todayText and measured', () => {
  assert.deepEqual(todayText({ platform: 'ecs-ec2', name: 'Amazon ECS on EC2', runs: '4 × m5.large nodes', monthly_cost_rounded: '312.44' }),
    { runs: '4 × m5.large nodes on Amazon ECS on EC2', cost: '$312.44' });
  assert.equal(todayText(undefined), null);
  assert.deepEqual(measured({ cpu_ms: '16', peak_hour_requests_per_second: '400.004', memory_mb: 1536, from: [], sets: [] }),
    ['16 ms of CPU a request', '400 requests/s in the busiest hour', '1,536 MB in use a unit']);
  assert.deepEqual(measured(null), []);
});

test('the assumptions: flipping ones first, each with what it leads to', () => {
  const list = [
    { field: 'workload.cpu_ms', value: '16 ms', source: 'calibrated' },
    { field: 'servers.zones', value: '3', source: 'default' },
    { field: 'workload.cpu_fraction', value: '1', source: 'default', flips: true },
    { field: 'quota.max-vcpu-per-region', value: '6 vCPU (Amazon ECS on Fargate)', source: 'default' },
  ];
  assert.deepEqual(orderAssumptions(list).map((a) => a.field), ['workload.cpu_fraction', 'workload.cpu_ms', 'servers.zones', 'quota.max-vcpu-per-region']);
  assert.deepEqual(orderAssumptions(undefined), []);
  assert.equal(summaryText(list), '1 calibrated, 3 defaults; 1 changes the recommendation');
  assert.equal(summaryText([list[1]]), '1 default');

  const report = { platforms: [{ platform: 'ecs-ec2', warnings: [] }, { platform: 'ecs-fargate', warnings: [{ code: 'max-vcpu-per-region' }] }] };
  assert.equal(quotaPlatform(report, 'quota.max-vcpu-per-region'), 'ecs-fargate');
  assert.equal(quotaPlatform(report, 'quota.max-other'), '');
  assert.equal(quotaPlatform(report, 'servers.zones'), '');
  assert.deepEqual(assumptionTarget(schema, report, 'workload.cpu_ms'), { path: 'workload.cpu_ms', label: 'CPU a request', unit: 'ms' });
  assert.deepEqual(assumptionTarget(schema, report, 'quota.max-vcpu-per-region'), { platform: 'ecs-fargate', label: 'Quota: vCPU per region' });
  assert.deepEqual(assumptionTarget(schema, report, 'servers.zones'), { label: 'servers.zones' }, 'no field of this schema');
  assert.equal(fieldLabel(schema, 'current.count'), 'Running');
  assert.equal(fieldLabel(schema, 'nope'), 'nope');
  assert.equal(isAssumedReason('Assumed: workload.cpu_fraction 1 (default); …'), true);
  assert.equal(isAssumedReason('AWS Lambda ranks first'), false);
});

test('splitFields: the paths a text names, longest first, as words of their own', () => {
  const paths = ['current.requests_per_second', 'workload.requests_per_second', 'current.count', 'workload.cpu_ms'];
  assert.deepEqual(splitFields('Measured from (current.count, current.requests_per_second): give workload.cpu_ms.', paths),
    ['Measured from (', { path: 'current.count' }, ', ', { path: 'current.requests_per_second' }, '): give ', { path: 'workload.cpu_ms' }, '.']);
  assert.deepEqual(splitFields('workload.cpu_msx and xcurrent.count and current.count.more', paths),
    ['workload.cpu_msx and xcurrent.count and current.count.more'], 'not inside a longer word');
  assert.deepEqual(splitFields('nothing', []), ['nothing']);
});

test('calibratedFrom: the fields measured from, with the values given', () => {
  const report = {
    calibration: { cpu_ms: '16', from: ['current.instance_type', 'current.count', 'workload.duration_ms'], sets: [] },
    inputs: { current: { instance_type: 'm5.large', count: '4' }, workload: {} },
  };
  assert.deepEqual(calibratedFrom(schema, report), [
    { path: 'current.instance_type', label: 'Instance type', value: 'm5.large' },
    { path: 'current.count', label: 'Running', value: '4' },
    { path: 'workload.duration_ms', label: 'workload.duration_ms', value: '' },
  ]);
  assert.deepEqual(calibratedFrom(schema, {}), []);
});
