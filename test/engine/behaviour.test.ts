// Behaviours the simulation must show, one named row each (docs/MODEL.md explains the model behind them).
import {describe, expect, it} from 'vitest';
import {CATALOG} from '../../src/engine/catalog.js';
import {simulate} from '../../src/engine/index.js';
import type {Incident, Level, Result, Tier} from '../../src/engine/types.js';
import type {FindingId} from '../../src/engine/vocab.js';
import {events, jobs, makeLevel, solution, web, withDefaults} from './fixtures.js';

const t = CATALOG.timings;
const minutes = (seconds: number): number => Math.ceil(seconds / 60);
const HEALTH_CHECK_MIN = minutes(t.albHealthCheckSeconds);
const STOCK_BOOT_MIN = minutes(t.ec2LaunchSeconds + t.stockAmiBootSeconds);
const GOLDEN_BOOT_MIN = minutes(t.ec2LaunchSeconds + t.goldenAmiBootSeconds);

function run(level: Level, tier: Tier, options: {seed?: number; incidents?: Incident[]} = {}): Result {
  return simulate(level, solution(tier), options);
}
const has = (result: Result, id: FindingId): boolean => result.findings.some((f) => f.id === id);
const failed = (result: Result, reason: keyof Result['failures']): number => result.failures[reason] ?? 0;

/** 10 req/s flat, 20 ms of CPU each: 600 requests a minute. */
const steady = web({baseRps: 10, noise: 0});
const PER_MINUTE = 600;
const outage: Incident = {kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 180};
const ec2 = (partial: Partial<Parameters<typeof withDefaults>[0]> & object = {}): Tier => withDefaults({workload: 'web', compute: 'ec2', instanceType: 'c5.large', ...partial} as Parameters<typeof withDefaults>[0]);

describe('AZ outage: one AZ vs two AZs behind an ALB', () => {
  const level = makeLevel({workloads: [steady], incidents: [outage]});
  it.each([
    {name: 'one AZ: every request during the outage fails with az-outage', tier: ec2({count: 2, azs: ['a'], loadBalancer: 'alb'}), azOutage: 180 * PER_MINUTE, finding: 'single-az' as FindingId},
    {name: 'two AZs + ALB: only the share sent to AZ a before the health checks noticed fails', tier: ec2({count: 2, azs: ['a', 'b'], loadBalancer: 'alb'}), azOutage: (HEALTH_CHECK_MIN * PER_MINUTE) / 2, finding: 'az-outage-survived' as FindingId},
  ])('$name', ({tier, azOutage, finding}) => {
    const result = run(level, tier);
    expect(failed(result, 'az-outage')).toBe(azOutage);
    expect(has(result, finding)).toBe(true);
  });

  const busy = makeLevel({workloads: [web({baseRps: 140, noise: 0})], incidents: [outage]});
  it('two AZs + ALB, survivors too small: the one instance left is overloaded for the whole outage', () => {
    const result = run(busy, ec2({count: 2, azs: ['a', 'b'], loadBalancer: 'alb'}));
    // A c5.large serves 2 vCPU × 1000 / 20 ms = 100 req/s; 140 arrive.
    expect(failed(result, 'overload')).toBeGreaterThan(0.9 * 180 * 60 * 40);
    expect(has(result, 'overloaded')).toBe(true);
  });

  it('two AZs + ALB + ASG: capacity is replaced in AZ b after health checks + launch + boot', () => {
    const asgTier = ec2({scaling: {min: 2, max: 4, targetCpu: 0.8}, azs: ['a', 'b'], loadBalancer: 'alb'});
    const fixed = run(busy, ec2({count: 2, azs: ['a', 'b'], loadBalancer: 'alb'}));
    const asg = run(busy, asgTier);
    // Without the outage an M/M/c queue at 70% still has a thin tail past the SLO: compare against that.
    const calm = run(busy, asgTier, {incidents: []});
    const lost = failed(asg, 'overload') - failed(calm, 'overload');
    const replacementMinutes = HEALTH_CHECK_MIN + STOCK_BOOT_MIN;
    expect(lost).toBeGreaterThan((replacementMinutes - 1) * 60 * 40 * 0.9);
    expect(lost).toBeLessThanOrEqual((replacementMinutes + 1) * 60 * 40);
    expect(failed(asg, 'overload')).toBeLessThan(failed(fixed, 'overload') / 10);
  });
});

describe('AZ outage with an ASG behind an ALB: capacity during the outage', () => {
  it('the survivor runs hot while the replacement boots, so target tracking adds a unit: capacity briefly tops the healthy fleet', () => {
    // Two c5.large (100 req/s each) at 65 req/s: 33 % busy each; alone, the AZ b instance runs at 65 %, above a 60 % target.
    const level = makeLevel({workloads: [web({baseRps: 65, noise: 0})], incidents: [outage]});
    const result = run(level, ec2({scaling: {min: 2, max: 4, targetCpu: 0.6}, azs: ['a', 'b'], loadBalancer: 'alb', image: 'golden'}));
    const start = 2 * 1440 + 14 * 60;
    const bucket = start / 15;
    const capacity = result.timeline.series[0]?.capacity ?? [];
    expect(capacity[bucket - 1]).toBe(200);
    // Minutes of the outage's first bucket: 1 health-check minute + boot on the survivor alone (100 req/s), then the
    // replacement (200), then the scale-out unit (300) — a real third unit, not units that are down counted as capacity.
    const scaleOut = result.timeline.marks.find((m) => m.kind === 'scale-out' && m.minute >= start && m.minute < start + 180);
    expect(scaleOut).toBeDefined();
    expect(capacity[bucket]).toBeGreaterThan(200);
    expect(Math.max(...capacity.slice(bucket, bucket + 12))).toBeLessThanOrEqual(300);
    const alone = HEALTH_CHECK_MIN + GOLDEN_BOOT_MIN;
    const third = (scaleOut?.minute ?? 0) + GOLDEN_BOOT_MIN - start;
    expect(capacity[bucket]).toBeCloseTo((alone * 100 + (third - alone) * 200 + (15 - third) * 300) / 15, 2);
  });
});

describe('failed instance: ASG replacement vs a lone instance', () => {
  const level = makeLevel({workloads: [steady], incidents: [{kind: 'instance-failure', at: 'wed 10:00', units: 1}]});
  it.each([
    {name: 'a lone fixed instance stays down until the operator restores it, then boots', tier: ec2({count: 1}), down: t.operatorRestoreMinutes, boot: STOCK_BOOT_MIN, finding: true},
    {name: 'an ASG behind an ALB replaces it after health checks + launch + boot', tier: ec2({scaling: {min: 1, max: 1, targetCpu: 0.6}, loadBalancer: 'alb'}), down: HEALTH_CHECK_MIN, boot: STOCK_BOOT_MIN, finding: false},
    {name: 'a golden AMI shortens the replacement', tier: ec2({scaling: {min: 1, max: 1, targetCpu: 0.6}, loadBalancer: 'alb', image: 'golden'}), down: HEALTH_CHECK_MIN, boot: GOLDEN_BOOT_MIN, finding: false},
  ])('$name', ({tier, down, boot, finding}) => {
    const result = run(level, tier);
    expect(failed(result, 'instance-failure')).toBe(down * PER_MINUTE);
    expect(failed(result, 'booting')).toBe(boot * PER_MINUTE);
    expect(has(result, 'instance-not-replaced')).toBe(finding);
  });
});

describe('load balancing', () => {
  const level = makeLevel({workloads: [web({baseRps: 150, noise: 0})]});
  it.each([
    {name: 'without an ALB all traffic goes to one instance and the others idle: overload', tier: ec2({count: 3, azs: ['a', 'b']}), overloaded: true},
    {name: 'with an ALB the three instances share it', tier: ec2({count: 3, azs: ['a', 'b'], loadBalancer: 'alb'}), overloaded: false},
  ])('$name', ({tier, overloaded}) => {
    const result = run(level, tier);
    expect(has(result, 'overloaded')).toBe(overloaded);
    expect(failed(result, 'overload') / result.metrics.requestsOffered > 0.001).toBe(overloaded);
    expect(has(result, 'no-load-balancer')).toBe(overloaded);
  });

  it('without an ALB an ASG replacement gets no traffic: requests fail with no-route until an operator re-points the address', () => {
    const failure = makeLevel({workloads: [steady], incidents: [{kind: 'instance-failure', at: 'wed 10:00', units: 1}]});
    const result = run(failure, ec2({scaling: {min: 2, max: 2, targetCpu: 0.6}, azs: ['a', 'b']}));
    expect(failed(result, 'instance-failure')).toBe(HEALTH_CHECK_MIN * PER_MINUTE);
    expect(failed(result, 'no-route')).toBe((t.operatorRestoreMinutes - HEALTH_CHECK_MIN) * PER_MINUTE);
  });

  it('without an ALB the idle instances show up as idle cost', () => {
    const alone = run(level, ec2({count: 3, azs: ['a', 'b']}));
    const shared = run(level, ec2({count: 3, azs: ['a', 'b'], loadBalancer: 'alb'}));
    expect(alone.metrics.idleCostShare).toBeGreaterThan(shared.metrics.idleCostShare);
  });
});

describe('a 40-minute job: the Lambda wall vs Fargate and EC2', () => {
  const level = makeLevel({workloads: [jobs({id: 'batch', vcpuMinutes: 40, memoryGb: 2, deadlineMinutes: 120})]});
  it.each([
    {name: 'Lambda at 10,240 MB and 900 s: every job times out at the 15-minute wall', tier: withDefaults({workload: 'batch', compute: 'lambda', memoryMb: 10240, timeoutSeconds: 900}), onTime: 0, timeout: true},
    {name: 'Fargate 1 vCPU / 4 GB: on time', tier: withDefaults({workload: 'batch', compute: 'ecs', task: {vcpu: 1, memoryGb: 4}}), onTime: 1, timeout: false},
    {name: 'EC2 m5.large: on time', tier: withDefaults({workload: 'batch', compute: 'ec2', instanceType: 'm5.large'}), onTime: 1, timeout: false},
  ])('$name', ({tier, onTime, timeout}) => {
    const result = run(level, tier);
    expect(result.metrics.jobsTotal).toBe(7);
    expect(result.metrics.jobsOnTime).toBe(onTime);
    expect(failed(result, 'timeout') > 0).toBe(timeout);
    expect(has(result, 'lambda-timeout-wall')).toBe(timeout);
  });

  it.each([
    {name: '885 MB (half a vCPU) takes twice the CPU time', memoryMb: 885, p95: 200},
    {name: '1,769 MB is one vCPU: the CPU time', memoryMb: 1769, p95: 100},
    {name: '3,538 MB: a single-threaded handler gains nothing beyond one vCPU', memoryMb: 3538, p95: 100},
  ])('Lambda duration: $name', ({memoryMb, p95}) => {
    const api = makeLevel({workloads: [web({baseRps: 50, cpuMsPerRequest: 100, sloMs: 1000, noise: 0})]});
    const result = run(api, withDefaults({workload: 'web', compute: 'lambda', memoryMb, provisionedConcurrency: 20}));
    expect(result.metrics.p95LatencyMs).toBeCloseTo(p95, -1);
  });
});

describe('burstable credits', () => {
  // t3.small: 2 vCPU, 20% baseline each (0.4 vCPU), earns 24 credits/h, banks 576. 40 req/s × 20 ms = 0.8 vCPU.
  const level = makeLevel({workloads: [web({baseRps: 40, noise: 0})]});
  it('standard mode: sustained load above baseline drains the bank, then the instance runs at baseline (overload)', () => {
    const result = run(level, ec2({instanceType: 't3.small', creditMode: 'standard'}));
    expect(failed(result, 'overload')).toBeGreaterThan(0);
    expect(has(result, 'burst-credits-exhausted')).toBe(true);
    const finding = result.findings.find((f) => f.id === 'burst-credits-exhausted');
    // T3 gets no launch credits: the bank starts empty, so the instance is held to its baseline from the start.
    expect(finding?.message).toMatch(/Mon 00:0\d/);
  });
  it('unlimited mode: keeps serving and the surplus credits are billed at $0.05 per vCPU-hour', () => {
    const result = run(level, ec2({instanceType: 't3.small', creditMode: 'unlimited'}));
    expect(failed(result, 'overload')).toBe(0);
    const surplus = result.cost.find((c) => c.item.startsWith('CPU credits'));
    // 0.4 vCPU above baseline every hour of a 730-hour month (the bank starts empty: T3 gets no launch credits).
    expect(surplus?.quantity).toBeCloseTo(0.4 * 730, 0);
    expect(surplus?.unitPriceUsd).toBeCloseTo(0.05, 6);
  });
});

describe('office-hours schedules: stop vs hibernate', () => {
  const level = makeLevel({workloads: [steady]});
  const stopTier = ec2({instanceType: 'm5.large', schedule: 'office-hours-stop'});
  const hibernateTier = ec2({instanceType: 'm5.large', schedule: 'office-hours-hibernate', encryptedRoot: true});
  const unsupported = ec2({instanceType: 'm5.large', schedule: 'office-hours-hibernate', encryptedRoot: false});
  const HIBERNATE_RESUME_MIN = minutes(t.hibernateResumeSeconds);
  it.each([
    {name: 'stop: each morning costs launch + boot', tier: stopTier, booting: 5 * STOCK_BOOT_MIN * PER_MINUTE, finding: false},
    {name: 'hibernate: resumes in seconds', tier: hibernateTier, booting: 5 * HIBERNATE_RESUME_MIN * PER_MINUTE, finding: false},
    {name: 'hibernate without an encrypted root: not supported, behaves like a stop', tier: unsupported, booting: 5 * STOCK_BOOT_MIN * PER_MINUTE, finding: true},
  ])('$name', ({tier, booting, finding}) => {
    const result = run(level, tier);
    expect(failed(result, 'booting')).toBe(booting);
    expect(has(result, 'hibernate-not-supported')).toBe(finding);
  });
  it('an Auto Scaling group on an office-hours schedule is scheduled scaling: each morning new instances launch and boot', () => {
    const result = run(level, ec2({instanceType: 'm5.large', schedule: 'office-hours-stop', scaling: {min: 1, max: 1, targetCpu: 0.6}, loadBalancer: 'alb'}));
    expect(failed(result, 'booting')).toBe(5 * STOCK_BOOT_MIN * PER_MINUTE);
    expect(has(result, 'hibernate-not-supported')).toBe(false);
  });
  it('requests while stopped fail with scheduled-stop (finding scheduled-stop-while-busy)', () => {
    const result = run(level, stopTier);
    expect(failed(result, 'scheduled-stop')).toBe((168 - 50) * 60 * PER_MINUTE);
    expect(has(result, 'scheduled-stop-while-busy')).toBe(true);
  });
  it('a plain start has a cold cache: the first minutes are slower than after hibernation', () => {
    const heavy = makeLevel({workloads: [web({baseRps: 60, noise: 0, cpuMsPerRequest: 25})]});
    const stopped = run(heavy, stopTier);
    const hibernated = run(heavy, hibernateTier);
    const morning = (r: Result): number => r.timeline.series[0]?.p95Ms[(8 * 60 + 15) / 15] ?? 0; // Mon 08:15–08:30
    expect(morning(stopped)).toBeGreaterThan(morning(hibernated));
  });
});

describe('dedicated hosts', () => {
  it('a dedicated-host tier bills hosts (ceil(instances / per host)), not instances', () => {
    const result = run(makeLevel({workloads: [steady]}), ec2({instanceType: 'm5.xlarge', count: 25, purchase: 'dedicated-host', loadBalancer: 'alb'}));
    expect(result.cost.find((c) => c.item === 'Dedicated host m5')?.quantity).toBeCloseTo(2 * 730, 4); // 24 m5.xlarge per host
    expect(result.cost.some((c) => c.item.startsWith('EC2 m5.xlarge'))).toBe(false);
  });
});

describe('Lambda cold starts, provisioned concurrency, throttling', () => {
  // A quiet API: about 11 requests an hour, with a burst at lunch on Wednesday.
  const spiky = makeLevel({workloads: [web({baseRps: 0.003, cpuMsPerRequest: 100, sloMs: 300, noise: 0, spikes: [{at: 'wed 12:00', minutes: 30, factor: 50}]})]});
  const fn = (provisionedConcurrency: number): Tier => withDefaults({workload: 'web', compute: 'lambda', memoryMb: 1769, runtime: 'nodejs', provisionedConcurrency});
  it.each([
    {name: 'on demand: cold starts (+250 ms) raise p95', pc: 0, p95: 100 + (t.lambdaColdStartMs.nodejs ?? 0), finding: true},
    {name: 'provisioned concurrency: no cold starts, p95 is the duration', pc: 1, p95: 100, finding: false},
  ])('$name', ({pc, p95, finding}) => {
    const result = run(spiky, fn(pc));
    expect(result.metrics.p95LatencyMs).toBeCloseTo(p95, -1);
    expect(has(result, 'cold-starts-hurt-latency')).toBe(finding);
    expect(result.cost.some((c) => c.item.startsWith('Lambda provisioned concurrency'))).toBe(pc > 0);
  });

  it('concurrency = rate × duration: above reserved concurrency requests throttle', () => {
    // 100 req/s × 1 s = 100 concurrent; 50 reserved → half are throttled.
    const level = makeLevel({workloads: [web({baseRps: 100, cpuMsPerRequest: 1000, sloMs: 3000, noise: 0})]});
    const result = run(level, withDefaults({workload: 'web', compute: 'lambda', memoryMb: 1769, timeoutSeconds: 10, reservedConcurrency: 50}));
    expect(failed(result, 'throttle') / result.metrics.requestsOffered).toBeCloseTo(0.5, 2);
    expect(has(result, 'lambda-throttled')).toBe(true);
  });
});

describe('containers', () => {
  it('an ECS-on-EC2 cluster that is too small leaves tasks pending (bin-packing by vCPU and memory)', () => {
    // 4 tasks of 1 vCPU / 2 GB on one c5.large (2 vCPU, 4 GiB): by vCPU two would fit, but the instance registers
    // 3,992 MiB for tasks (not 4,096), so only one 2,048 MiB task fits and three stay pending.
    const level = makeLevel({workloads: [web({baseRps: 150, noise: 0})]});
    const result = run(level, withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', task: {vcpu: 1, memoryGb: 2}, tasks: 4, cluster: {instanceType: 'c5.large', count: 1, purchase: 'on-demand'}, loadBalancer: 'alb'}));
    expect(has(result, 'tasks-pending')).toBe(true);
    expect(result.findings.find((f) => f.id === 'tasks-pending')?.message).toMatch(/up to 3 tasks/);
  });

  it('pending tasks are not ALB targets: the running tasks get all the traffic and the shortfall fails as overload on them', () => {
    // Two 1-vCPU tasks run (2 × 1000 / 20 ms = 100 req/s), two stay pending; 150 req/s arrive all week.
    const level = makeLevel({workloads: [web({baseRps: 150, noise: 0})]});
    const result = run(level, withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', task: {vcpu: 1, memoryGb: 2}, tasks: 4, cluster: {instanceType: 'c5.large', count: 1, purchase: 'on-demand'}, loadBalancer: 'alb'}));
    const minutesRun = result.horizonHours * 60;
    expect(failed(result, 'pending-task')).toBe(0);
    expect(failed(result, 'overload')).toBeGreaterThan(0.99 * 50 * 60 * minutesRun);
    expect(result.findings.find((f) => f.id === 'tasks-pending')?.message).toContain(`${Math.round(failed(result, 'overload')).toLocaleString('en-US')} requests failed`);
    expect(result.objectives.find((o) => o.metric === 'availability')?.lostTo).toBe('tasks-pending');
  });

  it('pending-task stays the reason when no task runs at all: the cluster instance failed and nothing has room', () => {
    // One c5.large, failed Thu 09:00; its replacement boots (golden AMI) before the tasks are placed again.
    const level = makeLevel({workloads: [steady], incidents: [{kind: 'instance-failure', at: 'thu 09:00', units: 1}]});
    const result = run(level, withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', task: {vcpu: 1, memoryGb: 2}, tasks: 2, cluster: {instanceType: 'c5.large', count: 1, purchase: 'on-demand'}, loadBalancer: 'alb'}));
    expect(failed(result, 'pending-task')).toBeGreaterThan(0);
    expect(failed(result, 'overload')).toBe(0);
  });

  it.each([
    {name: 'Fargate: the service restarts a crashed task after detection + task start', tier: withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}, tasks: 1, loadBalancer: 'alb'}), crashed: HEALTH_CHECK_MIN, restart: minutes(t.fargateTaskStartSeconds), finding: false},
    {name: 'plain EC2: the crashed process stays down until the operator restarts it', tier: ec2({count: 1}), crashed: t.operatorRestoreMinutes, restart: minutes(t.stockAmiBootSeconds), finding: true},
  ])('container crash — $name', ({tier, crashed, restart, finding}) => {
    const level = makeLevel({workloads: [steady], incidents: [{kind: 'container-crash', at: 'thu 09:00', units: 1}]});
    const result = run(level, tier);
    expect(failed(result, 'container-crash')).toBe(crashed * PER_MINUTE);
    expect(failed(result, 'booting')).toBe(restart * PER_MINUTE);
    expect(has(result, 'instance-not-replaced')).toBe(finding);
  });
});

describe('spot interruptions', () => {
  const interruption: Incident = {kind: 'spot-interruption', at: 'tue 11:00', share: 0.5};
  const spot = (partial: object): Tier => ec2({purchase: 'spot', azs: ['a', 'b'], loadBalancer: 'alb', ...partial});
  it.each([
    {name: 'spare capacity: half of 4 instances reclaimed, the other 2 carry 80 req/s', rps: 80, tier: spot({scaling: {min: 4, max: 4, targetCpu: 0.9}}), fails: false},
    {name: 'no spare capacity: 2 instances left for 300 req/s fail requests until replacements boot', rps: 300, tier: spot({scaling: {min: 4, max: 4, targetCpu: 0.9}}), fails: true},
  ])('$name', ({rps, tier, fails}) => {
    const level = makeLevel({workloads: [web({baseRps: rps, noise: 0})], incidents: [interruption]});
    const result = run(level, tier);
    const calm = run(level, tier, {incidents: []});
    expect(result.metrics.requestsFailed - calm.metrics.requestsFailed > 100).toBe(fails);
    expect(has(result, 'spot-without-spare-capacity')).toBe(fails);
  });

  it('fixed spot instances behind an ALB: the reclaimed one is drained during its notice, the other carries the load', () => {
    const level = makeLevel({workloads: [web({baseRps: 80, noise: 0})], incidents: [interruption]});
    const tier = spot({count: 2});
    const result = run(level, tier);
    const calm = run(level, tier, {incidents: []});
    expect(result.metrics.requestsFailed - calm.metrics.requestsFailed).toBeLessThan(10);
    expect(has(result, 'spot-without-spare-capacity')).toBe(false);
  });

  it('Fargate Spot: the ECS service starts replacement tasks at the notice; only their start gap can hurt', () => {
    const level = makeLevel({workloads: [web({baseRps: 60, noise: 0})], incidents: [interruption]});
    const tier = withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}, tasks: 4, spot: true, azs: ['a', 'b'], loadBalancer: 'alb'});
    const result = run(level, tier);
    const calm = run(level, tier, {incidents: []});
    // Two of four 1-vCPU tasks (50 req/s each) leave 100 req/s for 60: no spare capacity is missing.
    expect(result.metrics.requestsFailed - calm.metrics.requestsFailed).toBeLessThan(10);
    expect(result.cost.find((c) => c.item.startsWith('Fargate Spot vCPU'))?.quantity).toBeGreaterThan(4 * 730);
  });

  it('the choice of reclaimed units is seeded: same seed, same units', () => {
    const level = makeLevel({workloads: [web({baseRps: 300, noise: 0})], incidents: [interruption]});
    const tier = spot({count: 4, azs: ['a', 'b', 'c']});
    expect(run(level, tier, {seed: 3}).fingerprint).toBe(run(level, tier, {seed: 3}).fingerprint);
  });
});

describe('scaling', () => {
  const spike = makeLevel({workloads: [web({baseRps: 50, noise: 0, spikes: [{at: 'wed 12:00', minutes: 60, factor: 4}]})]});
  it.each([
    {name: 'stock AMI', image: 'stock' as const},
    {name: 'golden AMI', image: 'golden' as const},
  ])('target tracking scales out for a spike and back in after it ($name)', ({image}) => {
    const result = run(spike, ec2({scaling: {min: 1, max: 6, targetCpu: 0.6}, azs: ['a', 'b'], loadBalancer: 'alb', image}));
    expect(result.timeline.marks.some((m) => m.kind === 'scale-out')).toBe(true);
    expect(result.timeline.marks.some((m) => m.kind === 'scale-in')).toBe(true);
  });
  it('a golden AMI loses fewer requests to a spike than a stock AMI', () => {
    const stock = run(spike, ec2({scaling: {min: 1, max: 6, targetCpu: 0.6}, azs: ['a', 'b'], loadBalancer: 'alb', image: 'stock'}));
    const golden = run(spike, ec2({scaling: {min: 1, max: 6, targetCpu: 0.6}, azs: ['a', 'b'], loadBalancer: 'alb', image: 'golden'}));
    expect(golden.metrics.requestsFailed).toBeLessThan(stock.metrics.requestsFailed);
  });
});

describe('jobs and events', () => {
  it.each([
    {name: 'a job needing more memory than the unit has fails with out-of-memory', tier: withDefaults({workload: 'batch', compute: 'ec2', instanceType: 'c5.large'}), memoryGb: 6, reason: 'out-of-memory' as const, finding: 'job-out-of-memory' as FindingId, onTime: 0},
    {name: 'jobs queued on too few vCPUs finish after their deadline', tier: withDefaults({workload: 'batch', compute: 'ec2', instanceType: 'c5.large'}), memoryGb: 1, reason: 'deadline' as const, finding: 'jobs-missed-deadline' as FindingId, onTime: 2 / 6},
  ])('$name', ({tier, memoryGb, reason, finding, onTime}) => {
    // 6 jobs of 30 vCPU-minutes with a 45-minute deadline on 2 vCPUs: 2 finish on time, then 2 late, 2 late.
    const level = makeLevel({workloads: [jobs({id: 'batch', count: 6, vcpuMinutes: 30, memoryGb, deadlineMinutes: 45})]});
    const result = run(level, tier);
    expect(result.metrics.jobsTotal).toBe(7 * 6);
    expect(result.metrics.jobsOnTime).toBeCloseTo(onTime, 6);
    expect(failed(result, reason)).toBeGreaterThan(0);
    expect(has(result, finding)).toBe(true);
  });

  it.each([
    {name: 'a queue absorbs a burst the workers clear within the max age', factor: 1.5, failed: false},
    {name: 'a burst too long for the workers: events older than maxAgeSeconds fail', factor: 5, failed: true},
  ])('events — $name', ({factor, failed: fails}) => {
    // One c5.large: 2 vCPU / 100 ms = 20 events/s. Base 10/s; a 20-minute burst.
    const level = makeLevel({workloads: [events({baseRate: 10, cpuMsPerEvent: 100, maxAgeSeconds: 600, spikes: [{at: 'tue 10:00', minutes: 20, factor}]})]});
    const result = run(level, withDefaults({workload: 'events', compute: 'ec2', instanceType: 'c5.large'}));
    expect(result.metrics.eventsFailed > 0).toBe(fails);
    expect(has(result, 'events-too-old')).toBe(fails);
  });
});

describe('ops hours and idle cost', () => {
  it.each([
    {name: 'two EC2 instances: 2 servers × 2 h', tier: ec2({count: 2, loadBalancer: 'alb', azs: ['a', 'b']}), ops: 2 * t.opsHoursPerServerMonth},
    {name: 'Fargate: nothing to patch', tier: withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}}), ops: 0},
    {name: 'Lambda: nothing to patch', tier: withDefaults({workload: 'web', compute: 'lambda', memoryMb: 1024}), ops: 0},
  ])('$name', ({tier, ops}) => {
    expect(run(makeLevel({workloads: [steady]}), tier).metrics.opsHoursPerMonth).toBeCloseTo(ops, 4);
  });
});

describe('determinism and options', () => {
  const noisy = makeLevel({workloads: [web({baseRps: 30, noise: 0.1})], incidents: [outage]});
  const tier = ec2({count: 2, azs: ['a', 'b'], loadBalancer: 'alb'});
  it('same inputs twice: byte-identical JSON and fingerprint', () => {
    expect(JSON.stringify(run(noisy, tier))).toBe(JSON.stringify(run(noisy, tier)));
  });
  it('a different seed changes the run when the demand has noise', () => {
    expect(run(noisy, tier, {seed: 1}).fingerprint).not.toBe(run(noisy, tier, {seed: 2}).fingerprint);
  });
  it('options.seed overrides the level seed and is reported', () => {
    expect(run(noisy, tier, {seed: 42}).seed).toBe(42);
  });
  it('options.incidents overrides the level incidents', () => {
    expect(failed(run(noisy, tier, {incidents: []}), 'az-outage')).toBe(0);
  });
  it.each([
    {name: 'an unknown instance type, a zero-size task, a 0 MB function with no concurrency', tiers: [ec2({instanceType: 'x9.huge'}), withDefaults({workload: 'batch', compute: 'ecs', task: {vcpu: 0, memoryGb: 0}}), withDefaults({workload: 'events', compute: 'lambda', memoryMb: 0, reservedConcurrency: 0})]},
    {name: 'an empty Auto Scaling group and a cluster of nothing on dedicated hosts', tiers: [withDefaults({workload: 'batch', compute: 'ec2', instanceType: 't3.nano', scaling: {min: 0, max: 0, targetCpu: 0}}), withDefaults({workload: 'events', compute: 'eks', launchType: 'ec2', cluster: {instanceType: 'nope', count: 0, purchase: 'dedicated-host'}})]},
    {name: 'no tiers at all', tiers: []},
  ])('a nonsense build still gives a finite result (everything fails with a reason): $name', ({tiers}) => {
    const level = makeLevel({horizonDays: 0.5, workloads: [web(), jobs({every: 'hour', at: ':05'}), events()], incidents: [{kind: 'az-outage', az: 'a', at: '03:00', minutes: -5}, {kind: 'spot-interruption', at: '04:00', share: 5}, {kind: 'container-crash', at: 'not a time', units: 1}]});
    const result = simulate(level, solution(...tiers));
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(result.metrics.requestsFailed + result.metrics.jobsFailed + result.metrics.eventsFailed).toBeGreaterThan(0);
    expect(Number.isFinite(result.metrics.monthlyCostUsd)).toBe(true);
  });
  it.each([
    {name: 'EC2', tiers: [ec2(), withDefaults({workload: 'events', compute: 'ec2', instanceType: 'c5.large'})]},
    {name: 'Lambda', tiers: [withDefaults({workload: 'web', compute: 'lambda'}), withDefaults({workload: 'events', compute: 'lambda'})]},
  ])('work of zero CPU on $name still gives a finite, JSON-able result', ({tiers}) => {
    const level = makeLevel({horizonDays: 0.5, workloads: [web({cpuMsPerRequest: 0}), events({cpuMsPerEvent: 0})]});
    const result = simulate(level, solution(...tiers));
    expect(result.metrics.availability).toBe(1);
    expect(result.timeline.series.every((s) => s.capacity.every(Number.isFinite))).toBe(true);
  });
  it('failures by reason add up to the failed totals', () => {
    const r = run(noisy, ec2({count: 1}));
    const sum = Object.values(r.failures).reduce((s, n) => s + (n ?? 0), 0);
    expect(sum).toBe(r.metrics.requestsFailed + r.metrics.jobsFailed + r.metrics.eventsFailed);
  });
});
