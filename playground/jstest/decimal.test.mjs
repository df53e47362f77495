// Report figures formatted and ordered without a float: node --test playground/jstest/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grouped, ceilWhole, compareDecimal } from '../static/numbers.js';

test('grouped puts thousands separators into the whole part only', () => {
  for (const [in_, want] of [
    ['0', '0'], ['999', '999'], ['1000', '1,000'], ['41040', '41,040'], ['1234567.891234', '1,234,567.891234'],
    ['-1234.5', '-1,234.5'], ['99999999999999999999', '99,999,999,999,999,999,999'], [1234, '1,234'],
    [undefined, ''], [null, ''], ['n/a', 'n/a'],
  ]) {
    assert.equal(grouped(in_), want, String(in_));
  }
});

test('ceilWhole rounds up to a whole number', () => {
  for (const [in_, want] of [
    ['276.40625', '277'], ['0.0273972602739726', '1'], ['18', '18'], ['18.000', '18'], ['0', '0'],
    ['12345678901234567890.1', '12345678901234567891'], [6, '6'], ['-1', null], ['x', null], [undefined, null],
  ]) {
    assert.equal(ceilWhole(in_), want, String(in_));
  }
});

test('compareDecimal orders amounts by value', () => {
  for (const [a, b, want] of [
    ['999.99', '1000.01', -1], ['1000.01', '999.99', 1], ['18.30', '18.3', 0], ['0.00', '0', 0], ['-0', '0', 0],
    ['-5', '3', -1], ['-5', '-3', -1], ['007', '7', 0], ['2.5', '2.45', 1], ['12345678901234567890.01', '12345678901234567890.1', -1],
  ]) {
    assert.equal(compareDecimal(a, b), want, `${a} vs ${b}`);
  }
  const sorted = ['461.36', '714.81', '18.30', '1000', '99.5'].sort(compareDecimal);
  assert.deepEqual(sorted, ['18.30', '99.5', '461.36', '714.81', '1000']);
});
