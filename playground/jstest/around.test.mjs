// Around the service (issue 14): the cost lines of a front door, NAT
// gateways and discounts as their arithmetic, the notice of a missing
// front door, the form's section of several groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  lineFormula, priceText, quantityText, unitWords, percentOf, signedAmount, isCredit, lcuDimension,
  findingText, needsDoor, derivation, money, DOOR_NOTICE,
} from '../static/report.js';
import { sections, appliesText, isWide } from '../static/fields.js';

// Lines as the library reports http-api-whole-bill (us-east-1, 2026-11).
const L = {
  apigw: { item: 'api gateway http api requests (tier 1)', quantity: '262800000', unit: 'request', unit_price: '0.000001', amount: '262.8', amount_rounded: '262.80' },
  lambdaReq: { item: 'lambda requests (x86_64)', quantity: '262800000', unit: 'request', unit_price: '0.0000002', amount: '52.56', amount_rounded: '52.56' },
  albHours: { item: 'alb hours', quantity: '730', unit: 'ALB-hour', unit_price: '0.0225', amount: '16.425', amount_rounded: '16.43' },
  lcu: { item: 'alb LCUs (processed bytes)', quantity: '2506.256103515625', unit: 'LCU-hour', unit_price: '0.008', amount: '20.050048828125', amount_rounded: '20.05' },
  lcuConn: { item: 'alb LCUs (new connections)', quantity: '2920', unit: 'LCU-hour', unit_price: '0.008', amount: '23.36', amount_rounded: '23.36' },
  natHours: { item: 'nat gateway hours', quantity: '2190', unit: 'gateway-hour', unit_price: '0.045', amount: '98.55', amount_rounded: '98.55' },
  natGB: { item: 'nat gateway data processed', quantity: '500', unit: 'GB', unit_price: '0.045', amount: '22.5', amount_rounded: '22.50' },
  ec2Off: { item: 'ec2 discount', quantity: '840.96', unit: 'USD of on-demand compute', unit_price: '-0.2', amount: '-168.192', amount_rounded: '-168.19' },
  spotOff: { item: 'fargate spot discount', quantity: '630.70175', unit: 'USD of on-demand compute', unit_price: '-0.125', amount: '-78.83771875', amount_rounded: '-78.84' },
  workers: { item: 'eks workers (m5.large)', quantity: '8760', unit: 'instance-hour', unit_price: '0.096', amount: '840.96', amount_rounded: '840.96' },
  control: { item: 'ecs control plane', quantity: '730', unit: 'cluster-hour', unit_price: '0', amount: '0', amount_rounded: '0.00' },
};

test('lineFormula: every unit kind as quantity × price', () => {
  for (const [l, want] of [
    [L.apigw, '262,800,000 requests × $1.00 per million'],
    [L.lambdaReq, '262,800,000 requests × $0.20 per million'],
    [L.albHours, '730 ALB-hours × $0.0225'],
    [L.lcu, '2,506.3 LCU-hours × $0.008 (processed bytes decide)'],
    [L.lcuConn, '2,920 LCU-hours × $0.008 (new connections decide)'],
    [L.natHours, '2,190 gateway-hours × $0.045'],
    [L.natGB, '500 GB × $0.045'],
    [L.ec2Off, '−20 % of $840.96 on-demand compute'],
    [L.spotOff, '−12.5 % of $630.70175 on-demand compute'],
    [L.workers, '8,760 instance-hours × $0.096'],
    [L.control, '730 cluster-hours × $0'],
    [null, ''], [{ unit: 'USD of on-demand compute', unit_price: 'x' }, ''],
  ]) {
    assert.equal(lineFormula(l), want, JSON.stringify(l));
  }
});

test('priceText: per million only when tiny', () => {
  for (const [p, want] of [
    ['0.000001', '$1.00 per million'], ['0.0000035', '$3.50 per million'], ['0.0000166667', '$16.6667 per million'],
    ['0.0001', '$0.0001'], ['0.0225', '$0.0225'], ['0', '$0'], ['1.5', '$1.5'], [undefined, ''], ['-1', '-1'],
  ]) {
    assert.equal(priceText(p), want, String(p));
  }
});

test('quantityText: grouped, long fractions shortened', () => {
  for (const [q, want] of [
    ['2506.256103515625', '2,506.3'], ['262800000', '262,800,000'], ['12.3456789', '12.3457'], ['0.5', '0.5'],
    ['100.25', '100.3'], ['99.99999', '100'], [undefined, ''], ['x', 'x'],
  ]) {
    assert.equal(quantityText(q), want, String(q));
  }
});

test('unitWords: plurals of words, symbols as they are', () => {
  for (const [u, q, want] of [
    ['request', '2', 'requests'], ['ALB-hour', '730', 'ALB-hours'], ['GB-second', '5', 'GB-seconds'],
    ['gateway-hour', '1', 'gateway-hour'], ['GB', '500', 'GB'], ['vCPU-hour', '3', 'vCPU-hours'], ['', '3', ''], [undefined, '3', ''],
  ]) {
    assert.equal(unitWords(u, q), want, `${u} ${q}`);
  }
});

test('percentOf: exact, no sign', () => {
  for (const [s, want] of [['-0.2', '20'], ['0.2', '20'], ['-0.125', '12.5'], ['0.05', '5'], ['-0.999', '99.9'], ['0', '0'], ['x', null], [undefined, null]]) {
    assert.equal(percentOf(s), want, String(s));
  }
});

test('negative money: a credit reads with a true minus', () => {
  assert.equal(signedAmount('-168.19'), '−168.19');
  assert.equal(signedAmount('-1261.4'), '−1,261.40');
  assert.equal(signedAmount('16.43'), '16.43');
  assert.equal(signedAmount('-0.00'), '0.00', 'no minus on nothing');
  assert.equal(signedAmount(undefined), '');
  assert.equal(money('-168.192'), '−$168.192');
  assert.ok(isCredit(L.ec2Off));
  assert.ok(!isCredit(L.natGB));
  assert.ok(!isCredit({ amount: '-0' }));
  assert.ok(!isCredit(null));
});

test('lcuDimension names what decides', () => {
  assert.equal(lcuDimension(L.lcu), 'processed bytes');
  assert.equal(lcuDimension({ ...L.lcu, item: 'alb LCUs (rule evaluations)' }), 'rule evaluations');
  assert.equal(lcuDimension(L.albHours), '', 'not an LCU line');
  assert.equal(lcuDimension({ ...L.lcu, item: 'alb LCUs' }), '');
});

test('derivation of hourly lines around the service', () => {
  assert.equal(derivation(L.albHours, {}, {}), '1 load balancer × 730 h');
  assert.equal(derivation(L.natHours, {}, {}), '3 gateways × 730 h');
  const inputs = { workload: { requests_per_second: '100', requests_per_month: '262800000' } };
  assert.equal(derivation(L.apigw, {}, inputs), '100 requests/s × 2,628,000 s a month');
});

test('findingText: an unpriced ALB or NAT gateway says what to change', () => {
  const tail = ' (no sourced figure; runwhere does not guess one)';
  assert.equal(findingText({ message: 'alb: 2026-11 eu-west-1 is not priced in this catalogue' + tail }),
    'An Application Load Balancer has no sourced price in eu-west-1 in the 2026-11 catalogue, and runwhere does not guess one: ' +
    'choose another region, or set the front door to none under Around the service.');
  assert.match(findingText({ message: 'nat_gateway: 2026-11 ap-southeast-2 is not priced in this catalogue' + tail }),
    /^A NAT gateway has no sourced price in ap-southeast-2 in the 2026-11 catalogue.*set NAT gateways to none/);
  assert.match(findingText({ message: 'api_gateway: 2017-12 is not priced in this catalogue' + tail }), /^API Gateway has no sourced price in the 2017-12 catalogue/);
  const other = 'fargate: 2017-12 is not priced in this catalogue' + tail;
  assert.equal(findingText({ message: other }), other, 'compute prices keep their message');
  assert.equal(findingText({ message: 'something else' }), 'something else');
  assert.equal(findingText(null), '');
});

test('needsDoor: services without a front door only', () => {
  const svc = { workload: { kind: 'service' } };
  for (const [inputs, want, why] of [
    [svc, true, 'no ingress at all'],
    [{ workload: {} }, true, 'kind left out is a service'],
    [{ ...svc, ingress: { lambda: 'none', servers: 'none' } }, true, 'both doors none'],
    [{ ...svc, ingress: {} }, true, 'an empty ingress'],
    [{ ...svc, ingress: { lambda: 'api-gateway-http' } }, false, 'a Lambda door'],
    [{ ...svc, ingress: { servers: 'alb', lambda: 'none' } }, false, 'an ALB'],
    [{ ...svc, ingress: { lambda: 'function-url' } }, false, 'a function URL is a door'],
    [{ workload: { kind: 'job' } }, false, 'a job serves no requests'],
    [{ workload: { kind: 'job' }, ingress: { lambda: 'none' } }, false, 'a job, doors none'],
    [null, false, 'no report'],
  ]) {
    assert.equal(needsDoor(inputs), want, why);
  }
  assert.match(DOOR_NOTICE, /set a front door under Around the service\.$/);
});

const platforms = ['swarm', 'kubernetes', 'eks', 'ecs-ec2', 'ecs-fargate', 'lambda', 'nomad'].map((id) => ({
  id, short: { 'ecs-ec2': 'ECS on EC2', 'ecs-fargate': 'ECS on Fargate', eks: 'EKS', lambda: 'Lambda' }[id] || id.charAt(0).toUpperCase() + id.slice(1),
}));

test('sections: groups sharing a title become parts of one section', () => {
  const groups = [
    { path: '', label: 'Scenario' }, { path: 'workload', label: 'Workload' },
    { path: 'ingress', label: 'Around the service: front door' }, { path: 'discounts', label: 'Around the service: discounts' },
    { path: 'network', label: 'Around the service: network' }, { path: 'weights', label: 'Recommendation weights' },
  ];
  const s = sections(groups);
  assert.deepEqual(s.map((x) => x.label), ['Scenario', 'Workload', 'Around the service', 'Recommendation weights']);
  assert.equal(s[2].key, 'around-the-service');
  assert.deepEqual(s[2].parts.map((p) => [p.group.path, p.label]), [['ingress', 'Front door'], ['discounts', 'Discounts'], ['network', 'Network']]);
  assert.deepEqual(s[1].parts.map((p) => [p.group.path, p.label]), [['workload', '']]);
});

test('appliesText: for some platforms, said the short way', () => {
  const containers = ['swarm', 'kubernetes', 'eks', 'ecs-ec2', 'ecs-fargate', 'nomad'];
  for (const [ids, want] of [
    [['lambda'], 'Lambda only'],
    [['ecs-fargate'], 'ECS on Fargate only'],
    [containers, 'all but Lambda'],
    [['swarm', 'kubernetes', 'eks', 'ecs-ec2', 'nomad'], 'all but ECS on Fargate and Lambda'],
    [['swarm', 'eks'], 'Swarm and EKS'],
    [[...containers, 'lambda'], ''],
    [[], ''], [undefined, ''],
  ]) {
    assert.equal(appliesText({ applies_to: ids }, platforms), want, String(ids));
  }
});

test('isWide: a menu of long values takes the row', () => {
  const door = { path: 'ingress.lambda', kind: 'enum', label: 'In front of Lambda', enum: ['none', 'function-url', 'api-gateway-http', 'api-gateway-rest', 'alb'], default_note: 'none' };
  assert.ok(isWide(door), 'api-gateway-http would be cut off');
  assert.ok(!isWide({ ...door, path: 'network.nat_gateways', label: 'NAT gateways', enum: ['none', 'one', 'per-zone'] }), 'short values fit half a row');
});
