// The chart's scales: log axes, ticks and their labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmtMoney, fmtRate, costRange, rateRange, costTicks, rateTicks, project, valueAt, styleOf, sameAs, STYLES } from '../static/scale.js';

test('fmtMoney', () => {
  for (const [v, want] of [[0.5, '$0.5'], [0.25, '$0.25'], [1, '$1'], [1.98, '$1.98'], [2.161, '$2.16'], [9.5, '$9.5'], [20, '$20'], [20.4, '$20'], [999, '$999'], [1000, '$1k'], [1500, '$1.5k'],
    [10000, '$10k'], [15499, '$15k'], [1e6, '$1M'], [1.25e6, '$1.3M'], [2e9, '$2000M']]) {
    assert.equal(fmtMoney(v), want, String(v));
  }
});

test('fmtRate', () => {
  for (const [v, want] of [[0.0123, '0.012'], [0.5, '0.5'], [1, '1'], [12.345, '12.3'], [999, '999'], [1000, '1k'], [1234, '1.23k'],
    [2e6, '2M'], [123456789, '123M']]) {
    assert.equal(fmtRate(v), want, String(v));
  }
});

test('costRange: top at 1, 2 or 5 × 10^k, bottom a whole decade', () => {
  for (const { ys, top, ly0 } of [
    { ys: [30, 180], top: 200, ly0: 1 },
    { ys: [0.4, 180], top: 200, ly0: -1 },
    { ys: [400, 5000], top: 5000, ly0: 2 },
    { ys: [5001], top: 10000, ly0: 3 },
    { ys: [0, 0], top: 10, ly0: 0 }, // nothing above zero: at least $10, a decade tall
    { ys: [1e6], top: 1e6, ly0: 5 },
  ]) {
    const r = costRange(ys);
    assert.ok(Math.abs(r.top - top) < 1e-9 * top, `top of ${ys}: ${r.top}, want ${top}`);
    assert.equal(r.ly0, ly0, `bottom of ${ys}`);
    assert.equal(r.floor, 10 ** ly0);
    assert.ok(r.ly1 - r.ly0 >= 1, 'at least a decade');
  }
});

test('costTicks: minor lines only on short axes, labels at decades and the top', () => {
  const short = costTicks(costRange([30, 180])); // $10 to $200
  assert.deepEqual(short.map((t) => t.value), [10, 20, 50, 100, 200]);
  assert.deepEqual(short.map((t) => t.label), ['$10', '$20', '$50', '$100', '$200']);
  assert.deepEqual(short.map((t) => t.major), [true, false, false, true, false]);
  const long = costTicks(costRange([0.01, 5e4])); // six decades
  assert.ok(long.every((t) => t.major), 'no minor lines over more than four decades');
  assert.deepEqual(long.filter((t) => t.label).map((t) => t.label), ['$0.01', '$0.1', '$1', '$10', '$100', '$1k', '$10k']);
  const mid = costTicks(costRange([5, 1500])); // $1 to $2k: three decades, minor lines unlabelled
  assert.ok(mid.some((t) => !t.major && t.label === ''));
  assert.equal(mid[mid.length - 1].label, '$2k', 'the top is labelled');
});

test('rateRange and rateTicks', () => {
  const r = rateRange([0.4, 4, 40]);
  assert.ok(Math.abs(r.lx0 - Math.log10(0.4)) < 1e-12 && Math.abs(r.lx1 - Math.log10(40)) < 1e-12);
  assert.deepEqual(rateTicks(r).map((t) => [t.value, t.label]), [
    [0.5, '0.5'], [1, '1'], [2, '2'], [5, '5'], [10, '10'], [20, '20'],
  ]);
  const wide = rateTicks(rateRange([0.04, 4000])); // five decades: decades only
  assert.deepEqual(wide.map((t) => t.value), [0.1, 1, 10, 100, 1000]);
  assert.ok(wide.every((t) => t.major && t.label));
});

test('project maps the corners of the plot', () => {
  const m = { l: 56, r: 12, t: 28, b: 40 };
  const xr = rateRange([1, 100]);
  const yr = costRange([1, 100]); // $1 to $100
  const { X, Y } = project(640, 360, m, xr, yr);
  assert.equal(X(1), 56);
  assert.equal(X(100), 640 - 12);
  assert.equal(X(10), 56 + (640 - 68) / 2);
  assert.equal(Y(yr.top), 28);
  assert.equal(Y(yr.floor), 360 - 40);
  assert.equal(Y(0), 360 - 40, 'zero sits on the floor');
  const one = project(640, 360, m, rateRange([5, 5]), yr); // a single rate does not divide by zero
  assert.ok(Number.isFinite(one.X(5)));
});

test('valueAt interpolates on the log axis', () => {
  const pts = [[1, 10], [100, 30]];
  assert.equal(valueAt(pts, 10), 20);
  assert.equal(valueAt(pts, 0.5), 10);
  assert.equal(valueAt(pts, 1000), 30);
  assert.equal(valueAt([], 1), null);
});

test('every platform of the schema has its own style; others share a fallback', () => {
  const seen = new Set();
  assert.ok(STYLES >= 11, 'the eleven platforms of 2026-11 each have one');
  for (let i = 0; i < STYLES; i++) {
    const [colour, dash] = styleOf(i);
    assert.match(colour, /^#[0-9A-F]{6}$/);
    assert.ok(!seen.has(colour + dash));
    seen.add(colour + dash);
  }
  assert.deepEqual(styleOf(STYLES), styleOf(-1));
});

test('sameAs names the first earlier line with the same points', () => {
  const a = [[1, 10], [10, 100]];
  const got = sameAs([
    { id: 'swarm', pts: a },
    { id: 'lambda', pts: [[1, 1], [10, 5]] },
    { id: 'kubernetes', pts: a.map((p) => [...p]) },
    { id: 'nomad', pts: a.map((p) => [...p]) },
  ]);
  assert.deepEqual([...got.entries()], [['kubernetes', 'swarm'], ['nomad', 'swarm']]);
  assert.equal(sameAs([{ id: 'x', pts: [[1, 2]] }]).size, 0);
});
