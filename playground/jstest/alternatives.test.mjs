// The instance-type suggestions and the cards' cheaper configurations:
// labels from the library's decimal strings, as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gib, instanceLabel, altWhat, altLine, altFields, useText } from '../static/report.js';
import { optionText } from '../static/fields.js';

test('gib', () => {
  for (const [in_, want] of [[8192, '8'], [512, '0.5'], [3840, '3.75'], [0, '0'], [1536, '1.5'], [2097152, '2048'], [1, '0.0009765625'], ['x', 'x'], [1.5, '1.5']]) {
    assert.equal(gib(in_), want, String(in_));
  }
});

test('instanceLabel', () => {
  assert.equal(instanceLabel({ type: 'm7g.large', vcpu: 2, memory_mib: 8192, arch: 'arm64', hourly: '0.0816' }, 'us-east-1'),
    '2 vCPU · 8 GiB · arm64 · $0.0816/h');
  assert.equal(instanceLabel({ type: 't2.micro', vcpu: 1, memory_mib: 1024, arch: 'x86_64', previous_generation: true }, 'eu-west-1'),
    '1 vCPU · 1 GiB · x86_64 · no price in eu-west-1 · previous generation');
  assert.equal(instanceLabel({ type: 'm1.small', vcpu: 1, memory_mib: 1740, arch: 'x86_64', hourly: '0.044', previous_generation: true }),
    '1 vCPU · 1.69921875 GiB · x86_64 · $0.044/h · previous generation');
  assert.equal(instanceLabel({ vcpu: 4, memory_mib: 16384, arch: 'x86_64', hourly: '' }), '4 vCPU · 16 GiB · x86_64 · no price in this region');
});

test('altWhat and altLine', () => {
  const ec2 = { instance_type: 'c6g.medium', arch: 'arm64', monthly_cost: '319.74', monthly_cost_rounded: '319.75', saving: '479.172', saving_percent: '60' };
  assert.equal(altWhat(ec2), 'c6g.medium (arm64)');
  assert.equal(altLine(ec2), 'c6g.medium (arm64) — $319.75/month, 60 % less');
  const task = { task_vcpu: '0.5', task_memory_mb: 1024, arch: 'arm64', monthly_cost_rounded: '259.52', saving_percent: '20' };
  assert.equal(altLine(task), '0.5 vCPU, 1024 MB (arm64) — $259.52/month, 20 % less');
  const fn = { memory_mb: 512, arch: 'arm64', monthly_cost_rounded: '1096.4', saving_percent: '15.4' };
  assert.equal(altLine(fn), '512 MB (arm64) — $1,096.40/month, 15.4 % less');
  assert.equal(altLine({ monthly_cost_rounded: '5' }), 'another configuration — $5.00/month');
});

test('altFields', () => {
  assert.equal(altFields(undefined), null);
  assert.deepEqual(altFields({ instance_type: 'c6g.large', arch: 'arm64' }), [['servers.instance_type', 'c6g.large']]);
  const cap = { task_vcpu: '0.5', task_memory_mb: 1024 };
  assert.deepEqual(altFields({ task_vcpu: '0.50', task_memory_mb: 1024, arch: 'arm64' }, cap), [['workload.arch', 'arm64']]);
  assert.equal(altFields({ task_vcpu: '0.25', task_memory_mb: 1024, arch: 'arm64' }, cap), null, 'another task size');
  assert.equal(altFields({ task_vcpu: '0.5', task_memory_mb: 2048, arch: 'arm64' }, cap), null, 'another task memory');
  assert.equal(altFields({ task_vcpu: '0.5', task_memory_mb: 1024, arch: 'arm64' }, {}), null, 'no task size known');
  assert.deepEqual(altFields({ memory_mb: 576, arch: 'arm64' }), [['workload.arch', 'arm64'], ['workload.memory_mb', '576']]);
});

test('optionText', () => {
  const platforms = [{ id: 'ecs-ec2', name: 'Amazon ECS on EC2', short: 'ECS on EC2' }];
  assert.equal(optionText(platforms, 'eu-west-1'), 'eu-west-1 (Ireland)');
  assert.equal(optionText(platforms, 'ap-northeast-1'), 'ap-northeast-1 (Tokyo)');
  assert.equal(optionText(platforms, 'xx-nowhere-9'), 'xx-nowhere-9');
  assert.equal(optionText(platforms, 'ecs-ec2'), 'ECS on EC2');
  assert.equal(optionText(platforms, 'toString'), 'toString');
});

test('useText', () => {
  const ec2 = { instance_type: 'c6g.large', arch: 'arm64' };
  assert.equal(useText(ec2, altFields(ec2)), 'Use the cheapest: c6g.large (arm64)');
  const task = { task_vcpu: '0.5', task_memory_mb: 1024, arch: 'arm64' };
  assert.equal(useText(task, altFields(task, { task_vcpu: '0.5', task_memory_mb: 1024 })), 'Use the cheapest: arm64, same task size');
  const fn = { memory_mb: 512, arch: 'arm64' };
  assert.equal(useText(fn, altFields(fn)), 'Use the cheapest: 512 MB (arm64)');
});
