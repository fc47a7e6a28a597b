// Known answers against AWS's own formulas: quantities in AWS's units and the monthly (730-hour) dollars.
import {describe, expect, it} from 'vitest';
import {CATALOG} from '../../src/engine/catalog.js';
import {estimate, simulate} from '../../src/engine/index.js';
import type {CostLine, Level, Tier} from '../../src/engine/types.js';
import {makeLevel, solution, web, withDefaults} from './fixtures.js';

const quiet = makeLevel({workloads: [web({baseRps: 1, noise: 0})]});

function lines(level: Level, tier: Tier): CostLine[] {
  return simulate(level, solution(tier)).cost;
}

function line(cost: CostLine[], item: string): CostLine {
  const found = cost.find((c) => c.item.startsWith(item));
  if (!found) throw new Error(`no cost line "${item}" in ${cost.map((c) => c.item).join(', ')}`);
  return found;
}

/** 3 M requests a month at a steady rate: per second. */
const threeMillionPerMonthRps = 3e6 / (730 * 3600);

describe('monthly cost lines', () => {
  it.each([
    {name: '2 × m5.large on-demand, always on: 1,460 instance-hours = $140.16', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2}), item: 'EC2 m5.large on-demand', quantity: 1460, usd: 140.16},
    {name: 'm5.large spot at the typical 70% discount', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', purchase: 'spot'}), item: 'EC2 m5.large spot', quantity: 730, usd: 730 * 0.096 * 0.3},
    {name: 'm5.large on a savings plan (28% off): the commitment, used every hour', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', purchase: 'savings-plan'}), item: 'EC2 m5.large savings plan commitment, used', quantity: 730, usd: 730 * 0.096 * 0.72},
    {name: 'm5.large dedicated instance (×1.1)', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', purchase: 'dedicated-instance'}), item: 'EC2 m5.large dedicated instance', quantity: 730, usd: 730 * 0.096 * 1.1},
    {name: 'the dedicated per-region fee: $2 an hour while any dedicated instance runs', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', purchase: 'dedicated-instance'}), item: 'Dedicated instances per-region fee', quantity: 730, usd: 1460},
    {name: '3 × m5.large on one dedicated host: 730 host-hours at $5.069', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 3, purchase: 'dedicated-host', loadBalancer: 'alb'}), item: 'Dedicated host m5', quantity: 730, usd: 730 * 5.069},
    {name: 'EBS gp3: 2 × 8 GB root volumes = 16 GB-months at $0.08', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2}), item: 'EBS gp3', quantity: 16, usd: 1.28},
    {name: 'public IPv4 in the default VPC: 730 IP-hours at $0.005', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large'}), item: 'Public IPv4', quantity: 730, usd: 3.65},
    {name: 'an ALB: 730 ALB-hours at $0.0225', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', loadBalancer: 'alb'}), item: 'Application Load Balancer', quantity: 730, usd: 16.425},
    {name: 'private subnets in two AZs: two NAT gateways, 1,460 NAT-hours', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2, azs: ['a', 'b'], network: 'private', loadBalancer: 'alb'}), item: 'NAT gateway', quantity: 1460, usd: 1460 * 0.045},
    {name: 'Fargate 1 vCPU (x86): 730 vCPU-hours', tier: withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}}), item: 'Fargate vCPU (x86)', quantity: 730, usd: 730 * 0.04048},
    {name: 'Fargate 2 GB (x86): 1,460 GB-hours', tier: withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}}), item: 'Fargate memory (x86)', quantity: 1460, usd: 1460 * 0.004445},
    {name: 'Fargate Spot: 70% off', tier: withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}, spot: true}), item: 'Fargate Spot vCPU (x86)', quantity: 730, usd: 730 * 0.04048 * 0.3},
    {name: 'an EKS cluster adds 730 cluster-hours = $73.00', tier: withDefaults({workload: 'web', compute: 'eks', task: {vcpu: 1, memoryGb: 2}}), item: 'EKS cluster', quantity: 730, usd: 73},
  ])('$name', ({tier, item, quantity, usd}) => {
    const found = line(lines(quiet, tier), item);
    expect(found.quantity).toBeCloseTo(quantity, 2);
    expect(found.usd).toBeCloseTo(usd, 2);
  });

  it('Fargate 1 vCPU / 2 GB x86, one task all month = $36.04', () => {
    const cost = lines(quiet, withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}}));
    const fargate = cost.filter((c) => c.item.startsWith('Fargate')).reduce((sum, c) => sum + c.usd, 0);
    expect(fargate).toBeCloseTo(36.04, 2);
  });

  it('a 512 MB Lambda invoked 3 M times a month for 1 s each: 1,500,000 GB-s and 3 M requests', () => {
    const cpuMsPerRequest = (1000 * 512) / CATALOG.lambda.mbPerVcpu; // exactly 1 s at 512 MB's vCPU share
    const level = makeLevel({workloads: [web({baseRps: threeMillionPerMonthRps, cpuMsPerRequest, sloMs: 5000})]});
    const cost = lines(level, withDefaults({workload: 'web', compute: 'lambda', memoryMb: 512, timeoutSeconds: 10, trigger: 's3'}));
    const requests = line(cost, 'Lambda requests');
    const duration = line(cost, 'Lambda duration');
    expect(requests.quantity).toBeCloseTo(3e6, 0);
    expect(requests.usd).toBeCloseTo(0.6, 6);
    // Two environments' INIT (250 ms each, billed since 2025-08-01) add about one GB-second a month.
    expect(duration.quantity).toBeGreaterThanOrEqual(1.5e6);
    expect(duration.quantity).toBeLessThan(1.5e6 + 2);
    expect(duration.usd).toBeCloseTo(1.5e6 * CATALOG.lambda.x86.usdPerGbSecond, 1);
  });

  it('a Lambda behind API Gateway adds HTTP API requests at $1 per million', () => {
    const level = makeLevel({workloads: [web({baseRps: threeMillionPerMonthRps, cpuMsPerRequest: 50})]});
    const cost = lines(level, withDefaults({workload: 'web', compute: 'lambda', memoryMb: 1769, trigger: 'api'}));
    expect(line(cost, 'API Gateway').usd).toBeCloseTo(3, 4);
  });

  it('a stopped instance bills EBS and public IPv4 but no compute (office hours: 50 of 168 hours running)', () => {
    const cost = lines(quiet, withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', schedule: 'office-hours-stop'}));
    expect(line(cost, 'EC2 m5.large').quantity).toBeCloseTo((730 * 50) / 168, 2);
    expect(line(cost, 'EBS gp3').quantity).toBeCloseTo(8, 4);
    expect(line(cost, 'Public IPv4').quantity).toBeCloseTo(730, 4);
  });

  it('monthlyCostUsd is the sum of the lines', () => {
    const result = simulate(quiet, solution(withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2, azs: ['a', 'b'], loadBalancer: 'alb', network: 'private'})));
    const sum = result.cost.reduce((s, c) => s + Math.round(c.usd * 1e6), 0) / 1e6;
    expect(result.metrics.monthlyCostUsd).toBe(sum);
  });
});

describe('estimate (steady state, no tick loop)', () => {
  it.each([
    {name: '2 × m5.large on-demand always on', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2}), item: 'EC2 m5.large on-demand', usd: 140.16},
    {name: 'Fargate 1 vCPU / 2 GB vCPU line', tier: withDefaults({workload: 'web', compute: 'ecs', task: {vcpu: 1, memoryGb: 2}}), item: 'Fargate vCPU (x86)', usd: 730 * 0.04048},
    {name: 'EKS cluster', tier: withDefaults({workload: 'web', compute: 'eks', task: {vcpu: 1, memoryGb: 2}}), item: 'EKS cluster', usd: 73},
    {name: 'office-hours stop: 50/168 of the compute', tier: withDefaults({workload: 'web', compute: 'ec2', instanceType: 'm5.large', schedule: 'office-hours-stop'}), item: 'EC2 m5.large', usd: (730 * 50 * 0.096) / 168},
  ])('$name matches the simulation\u2019s line', ({tier, item, usd}) => {
    const est = estimate(quiet, [tier]);
    expect(line(est.cost, item).usd).toBeCloseTo(usd, 2);
    const sim = line(lines(quiet, tier), item);
    expect(line(est.cost, item).unitPriceUsd).toBe(sim.unitPriceUsd);
  });

  // A t3.small earns 24 credits an hour (0.4 vCPU). Its bank starts where AWS starts it (T3: no launch credits), so
  // at a flat 0.5 vCPU it is 6 credits an hour behind all month: (0.5 − 0.4) × 730 h of surplus vCPU-hours.
  const t3 = withDefaults({workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 1, creditMode: 'unlimited'});
  const surplusMonthly = 0.1 * 730 * (CATALOG.burst.surplusUsdPerVcpuHour.t3 ?? NaN);
  it.each([
    {name: 'flat 0.5 vCPU: 0.1 vCPU above the baseline every hour of the month', daily: 'flat' as const, rps: 25, usd: surplusMonthly},
    // 34 req/s at the busiest hour is 0.68 vCPU, above the 0.4 baseline, but the day averages 0.3: quiet nights refill
    // what the day spends, and nothing is surplus.
    {name: 'business hours under the daily budget: nights refill the bank, no surplus', daily: 'business-hours' as const, rps: 20, usd: 0},
  ])('burstable credits in the estimate: $name', ({daily, rps, usd}) => {
    const level = makeLevel({workloads: [web({baseRps: rps, daily, noise: 0})]});
    const est = estimate(level, [t3]).cost.find((c) => c.item.startsWith('CPU credits'));
    const sim = lines(level, t3).find((c) => c.item.startsWith('CPU credits'));
    expect(est?.usd ?? 0).toBeCloseTo(usd, 2);
    expect(sim?.usd ?? 0).toBeCloseTo(usd, 1);
  });
});
