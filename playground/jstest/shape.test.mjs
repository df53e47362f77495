// The shape picker's maths, the hours' labels and which fields a kind uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hourLabel, hourTicks, shortDecimal, snap, topOf, valueAtY, barAtX, withBar, keyStep, parseHourly,
  shapeOf, hourlyText, kindOf, usedBy, nodeSeries, stepPath, niceMax,
} from '../static/shape.js';

test('hourLabel names hours of a day and of a week starting Monday', () => {
  assert.equal(hourLabel(0, 24), '00:00');
  assert.equal(hourLabel(13, 24), '13:00');
  assert.equal(hourLabel(0, 168), 'Mon 00:00');
  assert.equal(hourLabel(32, 168), 'Tue 08:00');
  assert.equal(hourLabel(167, 168), 'Sun 23:00');
  assert.equal(hourLabel(167, 168, true), 'Sunday 23:00');
});

test('hourTicks: the days of a week, every six hours of a day', () => {
  assert.deepEqual(hourTicks(168).map((t) => [t.hour, t.label]),
    [[0, 'Mon'], [24, 'Tue'], [48, 'Wed'], [72, 'Thu'], [96, 'Fri'], [120, 'Sat'], [144, 'Sun']]);
  assert.deepEqual(hourTicks(24).map((t) => t.label), ['00:00', '06:00', '12:00', '18:00']);
});

test('shortDecimal keeps two places at most and no trailing zeros', () => {
  for (const [v, want] of [[0.35, '0.35'], [1, '1'], [0.1 + 0.2, '0.3'], [0.999, '1'], [0, '0'], [-1, '0'], [NaN, '0'], [2.5, '2.5']]) {
    assert.equal(shortDecimal(v), want, `shortDecimal(${v})`);
  }
});

test('snap rounds to the 0.05 grain and never below zero', () => {
  for (const [v, want] of [[0.33, 0.35], [0.32, 0.3], [0.024, 0], [-3, 0], [1.01, 1], [0.075, 0.1]]) {
    assert.equal(snap(v), want, `snap(${v})`);
  }
});

test('topOf is 1 unless a value is higher', () => {
  assert.equal(topOf([0.1, 1, 0.5]), 1);
  assert.equal(topOf([0.1, 0.2]), 1);
  assert.equal(topOf([3, 0.2]), 3);
});

test('valueAtY maps a drag to a load, clamped to the picture', () => {
  assert.equal(valueAtY(0, 100, 1), 1);
  assert.equal(valueAtY(100, 100, 1), 0);
  assert.equal(valueAtY(65, 100, 1), 0.35);
  assert.equal(valueAtY(-20, 100, 1), 1, 'above the top');
  assert.equal(valueAtY(150, 100, 1), 0, 'below the bottom');
  assert.equal(valueAtY(50, 100, 2), 1);
  assert.equal(valueAtY(10, 0, 1), 0, 'no height');
});

test('barAtX finds the bar under the pointer, clamped', () => {
  assert.equal(barAtX(0, 240, 24), 0);
  assert.equal(barAtX(239, 240, 24), 23);
  assert.equal(barAtX(125, 240, 24), 12);
  assert.equal(barAtX(-5, 240, 24), 0);
  assert.equal(barAtX(999, 240, 24), 23);
  assert.equal(barAtX(100, 168, 168), 100);
});

test('withBar changes one bar of a copy', () => {
  const v = [0.1, 0.2, 0.3];
  assert.deepEqual(withBar(v, 1, 0.73), [0.1, 0.75, 0.3]);
  assert.deepEqual(v, [0.1, 0.2, 0.3], 'the original is untouched');
});

test('keyStep moves between bars and changes the focused one', () => {
  assert.deepEqual(keyStep('ArrowRight', 3, 24, 0.5, 1), { bar: 4 });
  assert.deepEqual(keyStep('ArrowRight', 23, 24, 0.5, 1), { bar: 23 });
  assert.deepEqual(keyStep('ArrowLeft', 0, 24, 0.5, 1), { bar: 0 });
  assert.deepEqual(keyStep('Home', 9, 168, 0.5, 1), { bar: 0 });
  assert.deepEqual(keyStep('End', 9, 168, 0.5, 1), { bar: 167 });
  assert.deepEqual(keyStep('ArrowUp', 0, 24, 0.5, 1), { value: 0.55 });
  assert.deepEqual(keyStep('ArrowUp', 0, 24, 1, 1), { value: 1 }, 'not past the top');
  assert.deepEqual(keyStep('ArrowDown', 0, 24, 0.02, 1), { value: 0 });
  assert.deepEqual(keyStep('PageUp', 0, 24, 0.5, 1), { value: 0.75 });
  assert.deepEqual(keyStep('PageDown', 0, 24, 0.1, 1), { value: 0 });
  assert.equal(keyStep('a', 0, 24, 0.1, 1), null);
});

test('parseHourly reads 24 or 168 non-negative numbers, else null', () => {
  assert.equal(parseHourly(Array(24).fill('0.5').join(', ')).length, 24);
  assert.equal(parseHourly(Array(168).fill('1').join(' ')).length, 168);
  assert.equal(parseHourly(Array(23).fill('1').join(',')), null);
  assert.equal(parseHourly(Array(24).fill('-1').join(',')), null);
  assert.equal(parseHourly(Array(24).fill('x').join(',')), null);
  assert.equal(parseHourly(''), null);
});

const profiles = [
  { name: 'flat', hourly: Array(24).fill('1') },
  { name: 'diurnal', hourly: Array.from({ length: 24 }, (_, i) => String(i / 23)) },
];

test('shapeOf: the hourly list wins, then the profile, then the default', () => {
  const own = shapeOf(profiles, 'diurnal', Array(24).fill('0.25').join(', '), 'flat');
  assert.equal(own.custom, true);
  assert.equal(own.values[0], 0.25);
  const d = shapeOf(profiles, 'diurnal', '', 'flat');
  assert.equal(d.name, 'diurnal');
  assert.equal(d.custom, false);
  assert.equal(d.values[23], 1);
  assert.equal(shapeOf(profiles, '', '', 'flat').name, 'flat');
  assert.equal(shapeOf(profiles, '', '1, 2', 'flat').name, 'flat', 'an unusable list draws the profile');
  assert.equal(shapeOf([], 'flat', '', 'flat'), null);
  assert.equal(shapeOf(profiles, 'weekly-spike', '', 'flat'), null, 'an unknown profile');
});

test('hourlyText writes short decimals joined by commas', () => {
  assert.equal(hourlyText([0.1, 1, 0.35000001, 0]), '0.1, 1, 0.35, 0');
});

const schema = { fields: [
  { path: 'workload.kind', kind: 'enum', enum: ['service', 'job'], default: 'service' },
  { path: 'workload.memory_mb' },
  { path: 'workload.duration_ms', workload_kind: 'service' },
  { path: 'workload.runs_per_month', workload_kind: 'job' },
] };

test('kindOf reads the form, else the default', () => {
  assert.equal(kindOf(schema, 'job'), 'job');
  assert.equal(kindOf(schema, ''), 'service');
  assert.equal(kindOf({ fields: [] }, ''), 'service');
});

test('usedBy: a field of one kind is used only by that kind', () => {
  const used = (kind) => schema.fields.filter((f) => usedBy(f, kind)).map((f) => f.path);
  assert.deepEqual(used('service'), ['workload.kind', 'workload.memory_mb', 'workload.duration_ms']);
  assert.deepEqual(used('job'), ['workload.kind', 'workload.memory_mb', 'workload.runs_per_month']);
});

test('nodeSeries keeps the feasible platforms with nodes by hour, tasks on Fargate', () => {
  const r = { platforms: [
    { platform: 'swarm', name: 'Docker Swarm', feasible: true, capacity: { node_hours: '10', nodes_by_hour: [3, 9] } },
    { platform: 'ecs-fargate', name: 'Fargate', feasible: true, capacity: { task_hours: '5', nodes_by_hour: [1, 4] } },
    { platform: 'lambda', feasible: true, capacity: { concurrency: '1' } },
    { platform: 'eks', feasible: false, capacity: { nodes_by_hour: [1, 1] } },
  ] };
  assert.deepEqual(nodeSeries(r), [
    { id: 'swarm', name: 'Docker Swarm', unit: 'nodes', values: [3, 9] },
    { id: 'ecs-fargate', name: 'Fargate', unit: 'tasks', values: [1, 4] },
  ]);
  assert.deepEqual(nodeSeries({ platforms: [] }), []);
  assert.deepEqual(nodeSeries(null), []);
});

test('stepPath draws a flat segment per hour', () => {
  assert.equal(stepPath([1, 2], (i) => i * 10, (v) => 100 - v * 10), 'M0.0,90.0L10.0,90.0L10.0,80.0L20.0,80.0');
});

test('niceMax rounds a count axis up to 1, 2 or 5 × 10^k', () => {
  for (const [v, want] of [[0, 1], [1, 1], [3, 5], [9, 10], [15, 20], [28, 50], [108, 200], [429, 500], [1000, 1000]]) {
    assert.equal(niceMax(v), want, `niceMax(${v})`);
  }
});
