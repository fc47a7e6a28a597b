// Known answers for EC2 behaviours AWS documents: scheduled scaling, ASG health-check types, scaling during warm-up,
// Savings Plan commitments, burst credits over a month and the surplus price per family (docs/MODEL.md §5, §6, §8, §12).
import {describe, expect, it} from 'vitest';
import {CATALOG} from '../../src/engine/catalog.js';
import {checkSolution, estimate, simulate} from '../../src/engine/index.js';
import type {CostLine, Incident, Level, Result, Tier} from '../../src/engine/types.js';
import {checkSolutionAgainst, formatProblem, loadLevelFile, loadSolutionFile} from '../../src/content/index.js';
import {makeLevel, solution, web, withDefaults} from './fixtures.js';

const t = CATALOG.timings;
const minutes = (seconds: number): number => Math.ceil(seconds / 60);
const STOCK_BOOT_MIN = minutes(t.ec2LaunchSeconds + t.stockAmiBootSeconds);
const OFFICE_HOURS_PER_WEEK = 50;
const toMonth = (weekly: number): number => (weekly * 730) / 168;

type PartialEc2 = Partial<Parameters<typeof withDefaults>[0]> & object;
const ec2 = (partial: PartialEc2 = {}): Tier => withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', ...partial} as Parameters<typeof withDefaults>[0]);

function run(level: Level, tier: Tier, incidents?: Incident[]): Result {
  return simulate(level, solution(tier), incidents ? {incidents} : {});
}
function line(cost: readonly CostLine[], item: string): CostLine | undefined {
  return cost.find((c) => c.item.startsWith(item));
}
const usd = (cost: readonly CostLine[], prefix: string): number => cost.filter((c) => c.item.startsWith(prefix)).reduce((sum, c) => sum + c.usd, 0);

/** 10 req/s, 20 ms each: 600 requests a minute, 0.2 vCPU. */
const steady = makeLevel({workloads: [web({baseRps: 10, noise: 0})]});
const PER_MINUTE = 600;

describe('an Auto Scaling group on an office-hours schedule is scheduled scaling', () => {
  const asg = ec2({schedule: 'office-hours-stop', scaling: {min: 1, max: 1, targetCpu: 0.6}, loadBalancer: 'alb'});
  const plain = ec2({schedule: 'office-hours-stop'});
  const asgRun = run(steady, asg);
  const plainRun = run(steady, plain);

  it.each([
    // Launched at 08:00, terminated at 18:00, five days a week: 50 of 168 hours, scaled to the month.
    {name: 'ASG: instance-hours only in office hours (launch to termination)', result: asgRun, item: 'EC2 m5.large on-demand', quantity: toMonth(OFFICE_HOURS_PER_WEEK)},
    // A terminated instance's root volume is deleted with it: EBS bills only while the instances exist.
    {name: 'ASG: the root volumes exist only in office hours', result: asgRun, item: 'EBS gp3', quantity: (8 * OFFICE_HOURS_PER_WEEK) / 168},
    // A stopped instance keeps its volume (and its Elastic IP) all month.
    {name: 'single instance stopped at night: the root volume bills all month', result: plainRun, item: 'EBS gp3', quantity: 8},
    {name: 'single instance stopped at night: same instance-hours', result: plainRun, item: 'EC2 m5.large on-demand', quantity: toMonth(OFFICE_HOURS_PER_WEEK)},
  ])('$name', ({result, item, quantity}) => {
    expect(line(result.cost, item)?.quantity).toBeCloseTo(quantity, 2);
  });

  it('each morning the group launches a new instance from the image: launch + boot, then a cold cache', () => {
    expect(asgRun.failures['booting']).toBe(5 * STOCK_BOOT_MIN * PER_MINUTE);
    expect(asgRun.failures['scheduled-stop']).toBe((168 - OFFICE_HOURS_PER_WEEK) * 60 * PER_MINUTE);
    const actions = asgRun.timeline.marks.filter((m) => m.kind === 'schedule').map((m) => m.label);
    expect(actions[0]).toBe('web: scheduled action, desired 1 (1 launched from the image)');
    expect(actions[1]).toBe('web: scheduled action, desired 0 (1 instance terminated)');
    expect(actions).toHaveLength(10);
  });

  it('hibernate in an Auto Scaling group is refused with the fix (checkSolution)', () => {
    const problems = checkSolution(makeLevel({allow: {compute: ['ec2'], features: ['autoScaling', 'schedule', 'loadBalancer']}}), solution(ec2({schedule: 'office-hours-hibernate', encryptedRoot: true, scaling: {min: 1, max: 2, targetCpu: 0.6}, loadBalancer: 'alb'})));
    expect(problems).toContainEqual(expect.objectContaining({path: ['tiers', 0, 'schedule'], message: expect.stringMatching(/^an Auto Scaling group cannot hibernate its instances .*use schedule: office-hours-stop/)}));
  });

  it('hibernate in an Auto Scaling group is refused at file:line:col in a solution file', () => {
    const level = loadLevelFile('test/fixtures/levels/good-level.yaml');
    if (!level.ok) throw new Error(level.problems.map(formatProblem).join('\n'));
    const loaded = loadSolutionFile('test/fixtures/solutions/hibernate-asg.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const problems = checkSolutionAgainst(level.value, loaded).map(formatProblem);
    expect(problems).toContainEqual(expect.stringMatching(/^test\/fixtures\/solutions\/hibernate-asg\.yaml:11:15 tiers\[0\]\.schedule: an Auto Scaling group cannot hibernate its instances/));
  });
});

describe('ASG health-check type: EC2 status checks (the default) vs ELB health checks', () => {
  const crash: Incident = {kind: 'container-crash', at: 'wed 14:00', units: 1};
  const group = (healthCheck: 'ec2' | 'elb'): Tier => ec2({instanceType: 'c5.large', scaling: {min: 2, max: 2, targetCpu: 0.6}, azs: ['a', 'b'], loadBalancer: 'alb', image: 'golden', healthCheck});
  const withEc2 = run(steady, group('ec2'), [crash]);
  const withElb = run(steady, group('elb'), [crash]);
  const HEALTH_CHECK_MIN = minutes(t.albHealthCheckSeconds);

  it.each([
    {name: 'EC2 checks: the instance passes its status checks, the dead app is not replaced', result: withEc2, notReplaced: true},
    {name: 'ELB checks: the group replaces the instance whose app fails the ALB health check', result: withElb, notReplaced: false},
  ])('$name', ({result, notReplaced}) => {
    expect(result.findings.some((f) => f.id === 'instance-not-replaced')).toBe(notReplaced);
  });

  it('the ALB\u2019s own health checks gate traffic either way: only requests sent before it notices fail', () => {
    // Half the traffic goes to the crashed instance until the ALB's checks (30 s × 2) mark it unhealthy.
    const expected = (HEALTH_CHECK_MIN * PER_MINUTE) / 2;
    expect(withEc2.failures['container-crash']).toBeCloseTo(expected, 0);
    expect(withElb.failures['container-crash']).toBeCloseTo(expected, 0);
  });

  it('ELB checks: the replacement bills from its launch, the dead instance stops billing when it is terminated', () => {
    // EC2 checks leave the dead instance running (billed) until the operator restarts the app: the same two instances.
    expect(line(withEc2.cost, 'EC2 c5.large on-demand')?.quantity).toBeCloseTo(2 * 730, 1);
    expect(line(withElb.cost, 'EC2 c5.large on-demand')?.quantity).toBeCloseTo(2 * 730, 0);
  });

  it.each([
    {name: 'healthCheck elb without an Auto Scaling group is refused', tier: ec2({healthCheck: 'elb', loadBalancer: 'alb'}), message: /^healthCheck: elb is an Auto Scaling group setting/},
    {name: 'healthCheck elb without a load balancer is refused', tier: ec2({healthCheck: 'elb', scaling: {min: 1, max: 2, targetCpu: 0.6}}), message: /^healthCheck: elb needs a load balancer/},
  ])('$name', ({tier, message}) => {
    const level = makeLevel({allow: {compute: ['ec2'], features: ['autoScaling', 'loadBalancer']}});
    expect(checkSolution(level, solution(tier))).toContainEqual(expect.objectContaining({path: ['tiers', 0, 'healthCheck'], message: expect.stringMatching(message)}));
  });
});

describe('target tracking keeps scaling out while new instances warm up', () => {
  // 2 × c5.large at 40 % (80 req/s × 20 ms = 1.6 vCPU), target 50 %. At 14:00 the load rises to 60 % (one more
  // instance); at 14:05 it rises again to 120 % of what the two ready instances can do — before the first new
  // instance (stock AMI, 7 minutes) is ready.
  const level = makeLevel({
    workloads: [
      web({
        baseRps: 80,
        noise: 0,
        spikes: [
          {at: 'wed 14:00', minutes: 60, factor: 1.5},
          {at: 'wed 14:05', minutes: 55, factor: 2},
        ],
      }),
    ],
  });
  const result = run(level, ec2({instanceType: 'c5.large', scaling: {min: 2, max: 10, targetCpu: 0.5}, azs: ['a', 'b'], loadBalancer: 'alb'}));
  const WED_1400 = 2 * 1440 + 14 * 60;
  const outs = result.timeline.marks.filter((m) => m.kind === 'scale-out' && m.minute >= WED_1400 && m.minute < WED_1400 + 60);

  it('a second scale-out comes before the first new instance is ready (only scale-in waits for warm-up)', () => {
    expect(outs.length).toBeGreaterThanOrEqual(2);
    const [first, second] = outs;
    expect((second?.minute ?? Infinity) - (first?.minute ?? 0)).toBeLessThan(STOCK_BOOT_MIN);
  });
});

describe('burst credits over a month', () => {
  // A t3.small earns 0.4 vCPU of credits; a T3 gets no launch credits, so a month of sustained load bills
  // (average vCPU − baseline) × 730 h × the surplus price.
  const sustained = makeLevel({workloads: [web({baseRps: 45, noise: 0, cpuMsPerRequest: 20})]}); // 0.9 vCPU
  it.each([
    {name: 't3.small at 0.9 vCPU, unlimited: (0.9 − 0.4) × 730 h × $0.05 = $18.25', instanceType: 't3.small', usd: 18.25, price: 0.05},
    {name: 't4g.small at 0.9 vCPU, unlimited: T4g surplus is $0.04 per vCPU-hour = $14.60', instanceType: 't4g.small', usd: 0.5 * 730 * 0.04, price: 0.04},
  ])('$name', ({instanceType, usd: expected, price}) => {
    const tier = ec2({instanceType, creditMode: 'unlimited'});
    const surplus = line(run(sustained, tier).cost, 'CPU credits');
    expect(surplus?.unitPriceUsd).toBe(price);
    expect(Math.abs((surplus?.usd ?? 0) - expected) / expected).toBeLessThan(0.01);
    const estimated = line(estimate(sustained, [tier]).cost, 'CPU credits');
    expect(Math.abs((estimated?.usd ?? 0) - expected) / expected).toBeLessThan(0.01);
  });
});

describe('a Savings Plan is an hourly commitment, used or not', () => {
  const sp = (schedule: 'always' | 'office-hours-stop'): Tier => ec2({purchase: 'savings-plan', schedule});
  const od = (schedule: 'always' | 'office-hours-stop'): Tier => ec2({purchase: 'on-demand', schedule});
  const planRate = 0.096 * (1 - CATALOG.savingsPlan.computeDiscount);

  it('an office-hours box on a Savings Plan costs more than on-demand: the unused commitment is billed', () => {
    const onPlan = run(steady, sp('office-hours-stop')).cost;
    const onDemand = run(steady, od('office-hours-stop')).cost;
    expect(line(onPlan, 'EC2 m5.large savings plan commitment, used')?.quantity).toBeCloseTo(toMonth(OFFICE_HOURS_PER_WEEK), 2);
    expect(line(onPlan, 'EC2 m5.large savings plan commitment, unused')?.quantity).toBeCloseTo(730 - toMonth(OFFICE_HOURS_PER_WEEK), 2);
    expect(usd(onPlan, 'EC2 m5.large')).toBeCloseTo(730 * planRate, 2);
    expect(usd(onDemand, 'EC2 m5.large')).toBeCloseTo(toMonth(OFFICE_HOURS_PER_WEEK) * 0.096, 2);
    expect(usd(onPlan, 'EC2 m5.large')).toBeGreaterThan(usd(onDemand, 'EC2 m5.large'));
  });

  it('an always-on box uses all of its commitment and costs less than on-demand', () => {
    const onPlan = run(steady, sp('always')).cost;
    expect(line(onPlan, 'EC2 m5.large savings plan commitment, unused')).toBeUndefined();
    expect(usd(onPlan, 'EC2 m5.large')).toBeCloseTo(730 * planRate, 2);
    expect(usd(onPlan, 'EC2 m5.large')).toBeLessThan(usd(run(steady, od('always')).cost, 'EC2 m5.large'));
  });

  it('instances beyond the commitment (scale-out above min) bill on-demand', () => {
    const busy = makeLevel({workloads: [web({baseRps: 150, noise: 0})]}); // 3 vCPU: 4 × m5.large at 75 % > target 50 %
    const cost = run(busy, ec2({purchase: 'savings-plan', scaling: {min: 1, max: 6, targetCpu: 0.5}, azs: ['a', 'b'], loadBalancer: 'alb'})).cost;
    expect(line(cost, 'EC2 m5.large savings plan commitment, used')?.quantity).toBeCloseTo(730, 0);
    expect(line(cost, 'EC2 m5.large on-demand beyond the savings plan')?.quantity ?? 0).toBeGreaterThan(730);
  });
});
