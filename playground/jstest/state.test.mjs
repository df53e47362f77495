// The store's render loop and the what-if panel's choices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from '../static/store.js';
import { pickPlatform, whatIfFor, stepTitle, stateLine, buttons } from '../static/whatif.js';

test('every set renders the new state against the last', () => {
  const calls = [];
  const store = createStore({ a: 1, b: [] }, (next, prev) => calls.push([next, prev]));
  const first = store.state;
  const next = store.set({ a: 2 });
  assert.equal(store.state, next);
  assert.deepEqual(calls, [[{ a: 2, b: [] }, { a: 1, b: [] }]]);
  assert.equal(calls[0][1], first);
  assert.equal(next.b, first.b, 'what did not change is the same value');
  assert.ok(Object.isFrozen(next));
  assert.throws(() => { 'use strict'; next.a = 3; });
});

test('pickPlatform keeps the one shown, else the first with managers', () => {
  const report = { platforms: [{ platform: 'lambda' }, { platform: 'eks', ha: {} }, { platform: 'swarm', ha: { managers: 3 } }] };
  assert.equal(pickPlatform(report, 'eks'), 'eks');
  assert.equal(pickPlatform(report, 'nomad'), 'swarm');
  assert.equal(pickPlatform({ platforms: [{ platform: 'lambda' }] }, ''), 'lambda');
  assert.equal(pickPlatform(null, 'x'), '');
});

test('whatIfFor drops an event the bridge refuses and keeps its error', () => {
  const asked = [];
  const call = (fn, text, events, platform) => {
    asked.push(events);
    return JSON.parse(events).includes('bad') ? { error: 'whatIf: bad event' } : { platform, events: JSON.parse(events) };
  };
  assert.deepEqual(whatIfFor(call, 't', 'swarm', ['manager:1'], null),
    { events: ['manager:1'], whatIf: { result: { platform: 'swarm', events: ['manager:1'] }, error: '' } });
  assert.deepEqual(whatIfFor(call, 't', 'swarm', ['manager:1', 'bad'], null),
    { events: ['manager:1'], whatIf: { result: { platform: 'swarm', events: ['manager:1'] }, error: 'whatIf: bad event' } });
  const prev = { kept: true };
  assert.deepEqual(whatIfFor(() => ({ error: 'no' }), 't', 'swarm', [], prev), { events: [], whatIf: { result: prev, error: 'no' } });
});

test('steps and states in words', () => {
  assert.equal(stepTitle('manager:2'), 'Manager 2 lost');
  assert.equal(stepTitle('worker'), 'A worker lost');
  assert.equal(stepTitle('worker:3'), 'Worker 3 lost');
  assert.equal(stepTitle('zone:b'), 'Zone b lost');
  assert.equal(stepTitle('control-plane'), 'Control plane lost');
  assert.equal(stateLine({ managers_up: 1, managers: 3, quorum: 2, quorum_kept: false, control_plane_up: false, workers_up: 1, peak_fits: false, zones_down: ['a', 'b'] }),
    '1 of 3 managers up, quorum (2) lost · control plane down · 1 worker up, the peak does not fit · zones a, b down');
  assert.equal(stateLine({ control_plane_up: true }), 'control plane up');
});

test('buttons offer the next manager, zones a to f, and nothing already lost', () => {
  const got = buttons({ managers: 3, workers: 4, zones: 8 }, [{}, { workers_up: 0, zones_down: ['b'], control_plane_up: false }], ['manager:1', 'manager:3']);
  assert.deepEqual(got, [
    ['manager:2', 'Lose a manager', false], ['worker', 'Lose a worker', true],
    ['zone:a', 'Lose zone a', false], ['zone:b', 'Lose zone b', true], ['zone:c', 'Lose zone c', false],
    ['zone:d', 'Lose zone d', false], ['zone:e', 'Lose zone e', false], ['zone:f', 'Lose zone f', false],
    ['control-plane', 'Lose the control plane', true],
  ]);
  assert.deepEqual(buttons({ managers: 1 }, [], ['manager:1']), [['manager:2', 'Lose a manager', true], ['control-plane', 'Lose the control plane', false]]);
});
