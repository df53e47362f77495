// Formatting a report: money never goes through a float.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money, cents, percent, roundTo, capacityRows, haRows, capacitySummary, byCost, codeWords, csvCell, csv, decMul, derivation, yearly } from '../static/report.js';

test('money', () => {
  for (const [in_, want] of [
    ['0', '$0.00'], ['18.34', '$18.34'], ['262.8', '$262.80'], ['1234567.891', '$1,234,567.891'],
    ['-5.5', '−$5.50'], ['100', '$100.00'], ['99999999999999999999.99', '$99,999,999,999,999,999,999.99'],
    [undefined, '—'], [null, '—'], ['n/a', 'n/a'], [12, '12'],
  ]) {
    assert.equal(money(in_), want, String(in_));
  }
});

test('cents', () => {
  for (const [in_, want] of [['91.1', '91.10'], ['0', '0.00'], ['-3', '-3.00'], ['0.005', '0.005'], [undefined, ''], ['x', 'x']]) {
    assert.equal(cents(in_), want, String(in_));
  }
});

test('percent', () => {
  assert.equal(percent(0.999702), '99.9702 %');
  assert.equal(percent(1), '100 %');
  assert.equal(percent(0.5), '50 %');
  assert.equal(percent(0.99999999), '100 %');
  assert.equal(percent(true), 'yes');
});

test('capacity rows label every figure, known or new', () => {
  assert.deepEqual(capacityRows({ nodes: 3, task_vcpu: '0.5', survives: true, node_hours: 2190, by_hour: [1, 2] }), [
    ['Worker nodes', '3'], ['vCPU per replica', '0.5'], ['Survives', 'yes'], ['Node-hours a month', '2,190'],
  ]);
  // A fleet that follows the load: hours to a tenth, its range in one row.
  assert.deepEqual(capacityRows({ nodes: 9, node_hours: '3504.434523809523809524', nodes_by_hour: [3, 9], min_nodes: 3, max_nodes: 9 }), [
    ['Worker nodes', '9'], ['Node-hours a month', '3,504.4'], ['Fleet, fewest to most', '3–9 nodes'],
  ]);
  assert.deepEqual(capacityRows({ replicas: 28, task_hours: '7666.810515873015873016', min_nodes: 3, max_nodes: 28 }), [
    ['Replicas', '28'], ['Task-hours a month', '7,666.8'], ['Fleet, fewest to most', '3–28 tasks'],
  ]);
  // A job: launched per run or kept all month, and the nodes per run.
  assert.deepEqual(capacityRows({ node_hours: '22.5', job_fleet: 'per-run', nodes_per_run: 1 }), [
    ['Node-hours a month', '22.5'], ['Nodes of a job', 'launched per run'], ['Nodes per run', '1'],
  ]);
  assert.deepEqual(capacityRows({ job_fleet: 'always-on' }), [['Nodes of a job', 'kept all month']]);
  // What limits the replicas a node holds, in words; the note why is a
  // paragraph of its own, not a row.
  assert.deepEqual(capacityRows({ replicas_per_node: 3, node_bound_by: 'cpu', node_bound_note: 'one m5.large holds 3 replicas on Amazon EKS' }), [
    ['Replicas per node', '3'], ['Replicas per node limited by', 'CPU'],
  ]);
  assert.deepEqual(capacityRows({ node_bound_by: 'pods' }), [['Replicas per node limited by', 'max pods per node']]);
  assert.deepEqual(capacityRows({ node_bound_by: 'tasks' }), [['Replicas per node limited by', 'awsvpc tasks per instance (ENIs)']]);
  assert.deepEqual(capacityRows({ node_bound_by: 'gpu' }), [['Replicas per node limited by', 'gpu']]);
  // Lambda under a shape.
  assert.deepEqual(capacityRows({ peak_hour_concurrency: '13.0485', step_up_seconds: '2.25' }), [
    ['Concurrency, busiest hour', '14'], ['Step-up to the busiest hour (s)', '2.3'],
  ]);
  assert.deepEqual(capacityRows(null), []);
  assert.deepEqual(capacityRows({ concurrency: '0.0273972602739726', peak_concurrency: '345.5078125', duration_ms: '0.5' }), [
    ['Lambda concurrency (mean)', '1'], ['Peak concurrency', '346'], ['Duration ms', '0.5'],
  ]);
});

test('HA rows', () => {
  assert.deepEqual(haRows({ managers: 3, control_plane_availability: 0.999702, control_plane_downtime_minutes_per_month: 13.0556,
    sla: { percent: '99.95' }, on_control_plane_loss: {}, control_plane_availability_source: 'https://x' }), [
    ['Managers', '3'], ['Control plane availability', '99.9702 %'], ['Control plane downtime (min/month)', '13.1'], ['SLA', '99.95 %'],
  ]);
});

test('an SLA not yet published says so, not "undefined %"', () => {
  // 2017-12: Lambda's SLA came in 2018-10; the report leaves the percent out.
  const sla = { source: 'https://aws.amazon.com/lambda/sla/', as_of: '2018-10-16', note: 'no SLA before 2018-10' };
  assert.deepEqual(haRows({ sla }, '2017-12'), [['SLA', 'none published in 2017-12']]);
  assert.deepEqual(haRows({ sla }), [['SLA', 'none published']]);
});

test('capacity summary', () => {
  assert.equal(capacitySummary({ capacity: { nodes: 1 } }), '1 node');
  assert.equal(capacitySummary({ capacity: { nodes: 9 } }), '9 nodes');
  assert.equal(capacitySummary({ capacity: { tasks: 4 } }), '4 tasks');
  assert.equal(capacitySummary({ capacity: { concurrency: '20' } }), '20 concurrent (mean)');
  assert.equal(capacitySummary({ capacity: { concurrency: '5.2', peak_concurrency: '17.01' } }), '18 at peak (6 mean)');
  assert.equal(capacitySummary({ capacity: { concurrency: '0.0273972602739726', peak_concurrency: '276.40625' } }), '277 at peak (1 mean)');
  assert.equal(capacitySummary({ capacity: { concurrency: '3', peak_concurrency: '3' } }), '3 at peak');
  assert.equal(capacitySummary({}), '—');
  assert.equal(capacitySummary({ capacity: { nodes: 9, min_nodes: 3, max_nodes: 9 } }), '3–9 nodes');
  assert.equal(capacitySummary({ capacity: { replicas: 28, task_hours: '1', min_nodes: 3, max_nodes: 28 } }), '3–28 tasks');
  assert.equal(capacitySummary({ capacity: { nodes: 4, min_nodes: 4, max_nodes: 4 } }), '4 nodes');
});

test('CSV cells are quoted and defused', () => {
  for (const [in_, want] of [
    ['plain', 'plain'], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['=1+1', "'=1+1"], ['+x', "'+x"], ['@x', "'@x"],
    ['-5', '-5'], ['-5.25', '-5.25'], ['-x', "'-x"], ['line\nbreak', '"line\nbreak"'], [undefined, ''], [true, 'true'],
  ]) {
    assert.equal(csvCell(in_), want, String(in_));
  }
});

test('CSV of a report: a row per cost line', () => {
  const out = csv({ scenario: 'x', platforms: [
    { platform: 'lambda', name: 'AWS Lambda', feasible: true, monthly_cost: '1.5', monthly_cost_rounded: '1.50',
      cost_lines: [{ item: 'requests', quantity: '3', unit: 'request', unit_price: '0.5', amount: '1.5', amount_rounded: '1.50' }] },
    { platform: 'eks', name: 'Amazon EKS', feasible: false },
    // The library writes 0 for a blocked platform; the export leaves it empty.
    { platform: 'fargate', name: 'Fargate', feasible: false, monthly_cost: '0', monthly_cost_rounded: '0.00', cost_lines: [] },
    // A blocked fleet's lines are not exported as if it could run.
    { platform: 'ecs-ec2', name: 'ECS', feasible: false, monthly_cost: '312.44', monthly_cost_rounded: '312.44',
      cost_lines: [{ item: 'workers', quantity: '2920', unit: 'instance-hour', unit_price: '0.107', amount: '312.44', amount_rounded: '312.44' }] },
  ] });
  assert.equal(out, 'scenario,platform,name,feasible,item,quantity,unit,unit_price,amount,amount_rounded,monthly_cost,monthly_cost_rounded\r\n' +
    'x,lambda,AWS Lambda,true,requests,3,request,0.5,1.5,1.50,1.5,1.50\r\n' +
    'x,eks,Amazon EKS,false,,,,,,,,\r\n' +
    'x,fargate,Fargate,false,,,,,,,,\r\n' +
    'x,ecs-ec2,ECS,false,,,,,,,,\r\n');
});

test('the table is ordered by cost, blocked platforms last in catalogue order', () => {
  const ids = (ps) => byCost(ps).map((p) => p.platform);
  const ps = [
    { platform: 'a', feasible: true, monthly_cost_rounded: '714.81' },
    { platform: 'b', feasible: false, monthly_cost_rounded: '0.00' },
    { platform: 'c', feasible: true, monthly_cost_rounded: '1026.09' },
    { platform: 'd', feasible: true, monthly_cost_rounded: '714.81' },
    { platform: 'e', feasible: false, monthly_cost_rounded: '0.00' },
    { platform: 'f', feasible: true, monthly_cost_rounded: '262.80' },
    { platform: 'g', feasible: true, monthly_cost_rounded: '99.99' },
  ];
  assert.deepEqual(ids(ps), ['g', 'f', 'a', 'd', 'c', 'b', 'e']);
  // Removing one platform leaves the others in the same order.
  assert.deepEqual(ids(ps.filter((p) => p.platform !== 'f')), ['g', 'a', 'd', 'c', 'b', 'e']);
  assert.deepEqual(ids([ps[2], ps[0]]), ['a', 'c']);
  assert.deepEqual(byCost(undefined), []);
  assert.equal(ps[0].platform, 'a', 'the report is not reordered in place');
});

test('finding codes in words', () => {
  for (const [in_, want] of [
    ['max-duration', 'Duration over the limit'], ['max-task-size', 'Task size over the limit'],
    ['min-memory', 'Memory under the minimum'], ['missing-figure', 'Missing figure'],
    ['fleet-too-small', 'Fleet too small'], ['max-pods-per-node', 'Pods per node over the limit'],
    ['multiple-clusters', 'Multiple clusters'], ['a-code-added-later', 'A code added later'],
    ['', ''], [undefined, ''],
  ]) {
    assert.equal(codeWords(in_), want, String(in_));
  }
});

test('decMul multiplies decimal strings exactly', () => {
  assert.equal(decMul('0.5', '730'), '365');
  assert.equal(decMul('262800000', '0.06'), '15768000');
  assert.equal(decMul('1000', '0.0009765625'), '0.9765625');
  assert.equal(decMul('0.1', '0.2'), '0.02');
  assert.equal(decMul('0', '12'), '0');
  assert.equal(decMul('-1', '2'), null);
  assert.equal(decMul('1e3', '2'), null);
});

test('derivation shows how a quantity arises, only when exact', () => {
  const inputs = { workload: { requests_per_second: '100', requests_per_month: '262800000', memory_mb: 1024 } };
  const lambda = { capacity: { duration_ms: '60' } };
  assert.equal(derivation({ unit: 'request', quantity: '262800000' }, lambda, inputs), '100 requests/s × 2,628,000 s a month');
  assert.equal(derivation({ unit: 'GB-second', quantity: '15768000' }, lambda, inputs), '262,800,000 requests × 0.06 s × 1 GB');
  // 2017: 100 ms steps, 60 ms bills as 0.1 s.
  assert.equal(derivation({ unit: 'GB-second', quantity: '26280000' }, lambda, inputs), '262,800,000 requests × 0.1 s × 1 GB');
  assert.equal(derivation({ unit: 'GB-second', quantity: '15768001' }, lambda, inputs), '', 'no derivation that does not give the quantity');
  assert.equal(derivation({ unit: 'instance-hour', quantity: '6570' }, {}, inputs), '9 instances × 730 h');
  assert.equal(derivation({ unit: 'instance-hour', quantity: '6571' }, {}, inputs), '');
  assert.equal(derivation({ unit: 'cluster-hour', quantity: '730' }, {}, inputs), '1 cluster × 730 h');
  const fargate = { capacity: { replicas: 16, task_vcpu: '0.25', task_memory_mb: 512 } };
  assert.equal(derivation({ unit: 'vCPU-hour', quantity: '2920' }, fargate, inputs), '16 tasks × 0.25 vCPU × 730 h');
  assert.equal(derivation({ unit: 'GB-hour', quantity: '5840' }, fargate, inputs), '16 tasks × 0.5 GB × 730 h');
  assert.equal(derivation({ unit: 'request', quantity: '1' }, lambda, inputs), '');
});

test('yearly is twelve months exactly', () => {
  assert.equal(yearly('262.8'), '3153.6');
  assert.equal(yearly('1026.09'), '12313.08');
});

test('roundTo rounds half up to places and drops trailing zeros', () => {
  for (const [in_, places, want] of [
    ['3504.434523809523809524', 1, '3504.4'], ['22.5', 1, '22.5'], ['7.96', 1, '8'], ['0.05', 1, '0.1'], ['0.04', 1, '0'],
    ['99.95', 1, '100'], ['12', 1, '12'], [2190, 1, '2190'], ['123456789012345678901.25', 1, '123456789012345678901.3'], ['x', 1, 'x'],
  ]) {
    assert.equal(roundTo(in_, places), want, `roundTo(${in_}, ${places})`);
  }
});
