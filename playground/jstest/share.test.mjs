// Share links: what the page writes, and every link it must read or refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { b64urlEncode, b64urlDecode, scenarioFromHash, shareURL, linkForOthers } from '../static/share.js';

const text = 'name: linked ??>>~~ ünï → test\nworkload: {requests_per_second: 5}\n';

test('round trip, URL-safe and unpadded', () => {
  const enc = b64urlEncode(text);
  assert.match(enc, /^[A-Za-z0-9_-]+$/);
  assert.equal(b64urlDecode(enc), text);
  assert.equal(scenarioFromHash('#s=' + enc), text);
  const url = shareURL('http://127.0.0.1:8080/?x=1#old', text);
  assert.equal(url, 'http://127.0.0.1:8080/?x=1#s=' + enc);
});

test('the standard alphabet, padding and a percent-encoded "=" mean the same', () => {
  const std = Buffer.from(text).toString('base64');
  assert.equal(scenarioFromHash('#s=' + std), text);
  assert.equal(scenarioFromHash('#s=' + std.replace(/=+$/, '')), text);
  assert.equal(scenarioFromHash('#s=' + std.replace(/=/g, '%3D')), text);
});

test('fragments that are no share link', () => {
  assert.equal(scenarioFromHash(''), null);
  assert.equal(scenarioFromHash('#results'), null);
});

test('links that cannot be used say why', () => {
  for (const [hash, why] of [
    ['#s=', 'nothing follows'],
    ['#s=!!!!', 'not base64'],
    ['#s=QUJDR', 'wrong length'],
    ['#s=' + b64urlEncode(text) + '===', 'not base64'],
    ['#s=%E0%A4%A', 'percent-encoding'],
    ['#s=_-_-_-', 'does not hold text'],
  ]) {
    const got = scenarioFromHash(hash);
    assert.equal(typeof got, 'object', hash);
    assert.ok(got.error.includes(why), `${hash}: ${got.error}`);
  }
});

test('linkForOthers leaves out links to this machine', () => {
  for (const h of ['http://127.0.0.1:8080/#s=abc', 'http://localhost:8080/#s=abc', 'http://app.localhost/#s=a',
    'http://[::1]:8080/#s=abc', 'http://127.1.2.3/', 'http://0.0.0.0:9000/', 'file:///tmp/index.html#s=abc', 'not a url']) {
    assert.equal(linkForOthers(h), '', h);
  }
  for (const h of ['https://runwhere.example/#s=abc', 'http://10.0.0.5:8080/#s=abc', 'https://127.example.com/']) {
    assert.equal(linkForOthers(h), h, h);
  }
});
