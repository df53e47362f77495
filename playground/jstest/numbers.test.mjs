// Numbers as typed reach the bridge with their digits: node --test playground/jstest/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NUMBER, Typed, jsonNumber, jsonText, parseExact } from '../static/numbers.js';

test('NUMBER takes what the form calls a number', () => {
  for (const s of ['0', '5', '-5', '+5', '.5', '5.', '007', '1e309', '1E-400', '12.3456789012345678901']) {
    assert.ok(NUMBER.test(s), s);
  }
  for (const s of ['', '.', '-', '1,5', '0x1F', '1_000', 'NaN', 'Infinity', '1e', '5 5', '--5']) {
    assert.ok(!NUMBER.test(s), s);
  }
});

test('jsonNumber writes JSON syntax with the same digits', () => {
  for (const [raw, want] of [
    ['+5', '5'], ['.5', '0.5'], ['5.', '5'], ['007', '7'], ['-007.50', '-7.50'], ['0', '0'], ['-0', '-0'],
    ['9007199254740993', '9007199254740993'], ['1e309', '1e309'], ['.50000000000000000001', '0.50000000000000000001'],
    ['+100.1234567890123456789', '100.1234567890123456789'], ['-09007199254740993', '-9007199254740993'],
  ]) {
    assert.equal(jsonNumber(raw), want, raw);
  }
});

test('jsonText writes Typed values as their digits', () => {
  const sc = { name: 'a "b"', workload: { requests_per_second: new Typed('12.3456789012345678901'), memory_mb: new Typed('9007199254740993') },
    platforms: ['lambda', 'swarm'], lambda: { free_tier: false }, servers: { hourly_price: '0.096' }, hourly: [new Typed('.5'), new Typed('2')] };
  const text = jsonText(sc);
  assert.equal(text, '{"name":"a \\"b\\"","workload":{"requests_per_second":12.3456789012345678901,"memory_mb":9007199254740993},' +
    '"platforms":["lambda","swarm"],"lambda":{"free_tier":false},"servers":{"hourly_price":"0.096"},"hourly":[0.5,2]}');
  assert.doesNotThrow(() => JSON.parse(text));
});

test('parseExact keeps every number as its digits', () => {
  assert.deepEqual(parseExact('{"a":12.3456789012345678901,"b":[1e309,-2],"c":"x 1.5 y","d":true,"e":null,"f":"\\"3\\""}'),
    { a: '12.3456789012345678901', b: ['1e309', '-2'], c: 'x 1.5 y', d: true, e: null, f: '"3"' });
});
