// Known answers for what AWS does and the model must too (issue #7): registered memory on ECS container instances,
// NAT data only for egress, architectures AWS refuses, tenant isolation, and slow requests named as slow.
import {describe, expect, it} from 'vitest';
import {instanceType, registeredMemoryMiB} from '../../src/engine/catalog.js';
import {checkSolution, runStory, simulate} from '../../src/engine/index.js';
import type {Level, Result, Tier, WebWorkload} from '../../src/engine/types.js';
import {FEATURES} from '../../src/engine/vocab.js';
import {makeLevel, solution, web, withDefaults} from './fixtures.js';

const open = (partial: Partial<Level> = {}): Level => makeLevel({allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features: [...FEATURES]}, ...partial});
const run = (level: Level, tier: Tier): Result => simulate(level, solution(tier));
const finding = (result: Result, id: string) => result.findings.find((f) => f.id === id);

describe('ECS on EC2 places tasks against registered memory', () => {
  it('a c5.large (4 GiB) registers 3,992 MiB; an m5.large (8 GiB) about 7,985 MiB, as AWS documents for 8 GiB', () => {
    const c5 = instanceType('c5.large');
    const m5 = instanceType('m5.large');
    expect(c5 && registeredMemoryMiB(c5)).toBe(3992);
    expect(m5 && Math.abs(registeredMemoryMiB(m5) - 7985)).toBeLessThanOrEqual(1);
  });

  it.each([
    {name: 'four 1 GB tasks do not fit a 4 GiB instance: three run, one pends', instance: 'c5.large', tasks: 4, pending: 1},
    {name: 'three 1 GB tasks fit a 4 GiB instance', instance: 'c5.large', tasks: 3, pending: 0},
    {name: 'four 1 GB tasks fit an 8 GiB m5.large (CPU allows four 0.5 vCPU tasks)', instance: 'm5.large', tasks: 4, pending: 0},
  ])('$name', ({instance, tasks, pending}) => {
    const level = open({workloads: [web({baseRps: 20, cpuMsPerRequest: 10, noise: 0})]});
    const tier = withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', task: {vcpu: 0.5, memoryGb: 1}, tasks, cluster: {instanceType: instance, count: 1, purchase: 'on-demand'}, loadBalancer: 'alb', azs: ['a']});
    const result = run(level, tier);
    const pendingFinding = finding(result, 'tasks-pending');
    if (pending === 0) expect(pendingFinding).toBeUndefined();
    else expect(pendingFinding?.message).toMatch(new RegExp(`up to ${pending} tasks`));
  });

  it('a task larger than the registered memory is refused, naming the registered MiB', () => {
    const level = open();
    const tier = withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', task: {vcpu: 1, memoryGb: 4}, tasks: 1, cluster: {instanceType: 'c5.large', count: 1, purchase: 'on-demand'}});
    const problems = checkSolution(level, solution(tier));
    expect(problems.map((p) => p.path)).toContainEqual(['tiers', 0, 'task']);
    expect(problems.map((p) => p.message).join('\n')).toContain('ECS registers 3,992 MiB');
  });
});

describe('NAT gateway data is the workload’s egress only', () => {
  const natData = (result: Result) => result.cost.find((c) => c.item === 'NAT gateway data processed');
  const privateWeb = (egress?: number): {level: Level; tier: Tier} => {
    const workload: WebWorkload = web({baseRps: 50, noise: 0, ...(egress === undefined ? {} : {egressKbPerRequest: egress})});
    return {
      level: open({workloads: [workload]}),
      tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2, azs: ['a', 'b'], network: 'private', loadBalancer: 'alb'}),
    };
  };

  it('a web tier behind an ALB with no egress bills no NAT data (the NAT-hours still bill)', () => {
    const {level, tier} = privateWeb();
    const result = run(level, tier);
    expect(natData(result)).toBeUndefined();
    expect(result.cost.find((c) => c.item === 'NAT gateway')?.quantity).toBeCloseTo(1460, 2);
  });

  it('10 KB of egress per request bills requests × 10 KB through NAT: 50 req/s for a month = 1,253.2 GB', () => {
    const {level, tier} = privateWeb(10);
    const line = natData(run(level, tier));
    const gb = (50 * 730 * 3600 * 10) / (1024 * 1024);
    expect(line?.quantity).toBeCloseTo(gb, 0);
    expect(line?.usd).toBeCloseTo(gb * 0.045, 0);
  });

  it('Fargate tasks in private subnets: the same rule', () => {
    const level = open({workloads: [web({baseRps: 50, noise: 0})]});
    const result = run(level, withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}, tasks: 2, network: 'private', loadBalancer: 'alb', azs: ['a', 'b']}));
    expect(natData(result)).toBeUndefined();
  });
});

describe('architectures AWS refuses', () => {
  const container = (partial: Record<string, unknown>): Tier => withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 0.5, memoryGb: 1}, tasks: 1, ...partial} as Parameters<typeof withDefaults>[0]);
  it.each([
    {name: 'an arm task on a c5 cluster instance is refused', tier: container({launchType: 'ec2', architecture: 'arm', cluster: {instanceType: 'c5.large', count: 1, purchase: 'on-demand'}}), path: ['tiers', 0, 'architecture'], says: 'cannot run on a c5.large'},
    {name: 'an x86 task on a Graviton m6g cluster instance is refused', tier: container({launchType: 'ec2', architecture: 'x86', cluster: {instanceType: 'm6g.large', count: 1, purchase: 'on-demand'}}), path: ['tiers', 0, 'architecture'], says: 'set architecture: arm'},
    {name: 'EKS on Fargate runs x86_64 pods only', tier: container({compute: 'eks', launchType: 'fargate', architecture: 'arm'}), path: ['tiers', 0, 'architecture'], says: 'x86_64 only'},
    {name: 'EKS has no Fargate Spot', tier: container({compute: 'eks', launchType: 'fargate', spot: true}), path: ['tiers', 0, 'spot'], says: 'no Fargate Spot'},
  ])('$name', ({tier, path, says}) => {
    const problems = checkSolution(open(), solution(tier));
    const problem = problems.find((p) => JSON.stringify(p.path) === JSON.stringify(path));
    expect(problem?.message).toContain(says);
  });

  it.each([
    {name: 'an arm task on a Graviton m6g cluster instance runs', tier: container({launchType: 'ec2', architecture: 'arm', cluster: {instanceType: 'm6g.large', count: 1, purchase: 'on-demand'}})},
    {name: 'ECS Fargate Spot on arm64 runs (supported since 2024-09-06)', tier: container({launchType: 'fargate', architecture: 'arm', spot: true})},
  ])('$name', ({tier}) => {
    expect(checkSolution(open(), solution(tier))).toEqual([]);
  });
});

describe('tenant isolation', () => {
  const tenants = open({workloads: [web({baseRps: 20, noise: 0, tenants: 5})]});
  it.each([
    {name: 'tenants sharing EC2 container instances raise the isolation finding', tier: withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', task: {vcpu: 0.5, memoryGb: 1}, tasks: 2, cluster: {instanceType: 'm5.large', count: 1, purchase: 'on-demand'}, loadBalancer: 'alb'}), raised: true},
    {name: 'tenants on plain EC2 instances raise it', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2, azs: ['a', 'b'], loadBalancer: 'alb'}), raised: true},
    {name: 'tenants on Fargate (a micro-VM per task) do not', tier: withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 0.5, memoryGb: 1}, tasks: 2, loadBalancer: 'alb'}), raised: false},
    {name: 'tenants on Lambda do not', tier: withDefaults({workload: 'web', compute: 'lambda', memoryMb: 1024, timeoutSeconds: 10}), raised: false},
  ])('$name', ({tier, raised}) => {
    const f = finding(run(tenants, tier), 'tenants-share-hosts');
    expect(f !== undefined).toBe(raised);
    if (f) expect(f.concept).toBe('tenant-isolation');
  });

  it('a single-tenant workload on EC2 hosts raises nothing', () => {
    const one = open({workloads: [web({baseRps: 20, noise: 0})]});
    expect(finding(run(one, withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large'})), 'tenants-share-hosts')).toBeUndefined();
  });
});

describe('a request served slower than the SLO fails as slow, and the finding says why', () => {
  // 10 ms of one vCPU per request, SLO 100 ms. 128 MB is 128 / 1,769 = 7.24% of a vCPU: 138 ms per request.
  const api = open({workloads: [web({baseRps: 20, cpuMsPerRequest: 10, sloMs: 100, noise: 0})]});
  const fn = (memoryMb: number): Tier => withDefaults({workload: 'web', compute: 'lambda', memoryMb, timeoutSeconds: 10, trigger: 'api'});

  it('a 128 MB Lambda API fails its SLO with reason slow and a finding naming the vCPU share', () => {
    const result = run(api, fn(128));
    expect(result.failures.slow).toBeCloseTo(result.metrics.requestsOffered, -1);
    expect(result.failures.overload ?? 0).toBe(0);
    const f = finding(result, 'lambda-memory-cpu');
    expect(f?.message).toContain('7.24% of a vCPU');
    expect(f?.message).toContain('138 ms against an SLO of 100 ms');
    expect(finding(result, 'overloaded')).toBeUndefined();
    expect(result.passed).toBe(false);
    expect(result.objectives[0]?.lostTo).toBe('lambda-memory-cpu');
  });

  it('the same API at 1,024 MB passes', () => {
    const result = run(api, fn(1024));
    expect(result.failures.slow ?? 0).toBe(0);
    expect(finding(result, 'lambda-memory-cpu')).toBeUndefined();
    expect(result.passed).toBe(true);
  });

  it('a fleet run hot serves late requests as slow, with a finding that names the utilisation', () => {
    // One m5.large (2 vCPU) at 95 req/s × 20 ms = 1.9 vCPU: 95% busy, queueing past a tight 40 ms SLO.
    const hot = open({workloads: [web({baseRps: 95, cpuMsPerRequest: 20, sloMs: 40, noise: 0})]});
    const result = run(hot, withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large'}));
    expect(result.failures.slow ?? 0).toBeGreaterThan(0);
    expect(finding(result, 'slower-than-slo')?.message).toMatch(/ran at 9\d(\.\d+)?% of capacity/);
  });
});

describe('the story of the player’s run', () => {
  const incidents: Level['incidents'] = [{kind: 'instance-failure', workload: 'web', at: 'sat 19:00', units: 1}];
  const level = open({workloads: [web({baseRps: 20, noise: 0})], incidents});

  it('tasks on Fargate: the story names the instance failure with the count its reason holds', () => {
    const tier = withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 0.5, memoryGb: 1}, tasks: 2, loadBalancer: 'alb', azs: ['a', 'b']});
    const result = run(level, tier);
    const story = runStory(result, [tier]).join('\n');
    const count = Math.round(result.failures['instance-failure'] ?? 0);
    expect(story).toContain('1 instance failed Sat 19:00:');
    if (count > 0) expect(story).toContain(`(${count.toLocaleString('en-US')} in the run)`);
    else expect(story).toContain('no server of yours to strike');
  });

  it('one EC2 instance: the story quotes the finding that blames the failure, once', () => {
    const tier = withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large'});
    const result = run(level, tier);
    const story = runStory(result, [tier]);
    const quoted = story.filter((line) => line.includes('nothing replaced it'));
    expect(quoted).toHaveLength(1);
    expect(story[0]).toMatch(/^[\d,]+ of [\d,]+ requests to your build succeeded within the SLO; [\d,]+ failed\.$/);
  });
});
