// Cost meters, prices and credits: integer micro-dollars, monthly scaling, unit conversions.
import {describe, expect, it} from 'vitest';
import {burstModel, creditCapVcpuMin, spendCredits} from '../../src/engine/sim/credits.js';
import {Meters} from '../../src/engine/sim/cost.js';
import {albLcus, hostsNeeded, instanceHourUsd} from '../../src/engine/sim/pricing.js';
import {newUnit} from '../../src/engine/sim/units.js';

describe('Meters', () => {
  it('prices a meter once at the end, in whole micro-dollars, scaled to a 730-hour month', () => {
    const m = new Meters(168, 15, 672);
    const spec = {item: 'EC2 m5.large on-demand', unit: 'instance-hours', unitPriceUsd: 0.096, per: 60};
    for (let minute = 0; minute < 168 * 60; minute++) m.add('ec2', spec, 2, minute);
    const {lines, monthlyMicroUsd, horizonMicroUsd} = m.lines();
    expect(lines).toEqual([{item: 'EC2 m5.large on-demand', unit: 'instance-hours', quantity: 1460, unitPriceUsd: 0.096, usd: 140.16}]);
    expect(monthlyMicroUsd).toBe(140_160_000);
    expect(horizonMicroUsd).toBe(32_256_000);
  });
  it.each([
    {name: 'weight scales what is added', weight: 0.5, raw: 60, idle: 0, usd: 0.5, idleUsd: 0},
    {name: 'the idle share of what is added counts as idle', weight: 1, raw: 60, idle: 0.25, usd: 1, idleUsd: 0.25},
    {name: 'nothing added: no line', weight: 1, raw: 0, idle: 0, usd: 0, idleUsd: 0},
  ])('$name', ({weight, raw, idle, usd, idleUsd}) => {
    const m = new Meters(730, 15, 1);
    m.weight = weight;
    m.add('x', {item: 'x', unit: 'hours', unitPriceUsd: 1, per: 60}, raw, 0, idle);
    expect(m.lines().monthlyMicroUsd / 1e6).toBeCloseTo(usd, 6);
    expect(m.idleUsd).toBeCloseTo(idleUsd, 6);
  });
});

describe('prices', () => {
  it.each([
    {name: 'on-demand', purchase: 'on-demand' as const, usd: 0.096},
    {name: 'spot: 70% off', purchase: 'spot' as const, usd: 0.096 * 0.3},
    {name: 'savings plan: 28% off', purchase: 'savings-plan' as const, usd: 0.096 * 0.72},
    {name: 'dedicated instance: ×1.1', purchase: 'dedicated-instance' as const, usd: 0.096 * 1.1},
    {name: 'on a dedicated host the instance itself is free', purchase: 'dedicated-host' as const, usd: 0},
  ])('m5.large $name', ({purchase, usd}) => {
    expect(instanceHourUsd('m5.large', purchase)).toBeCloseTo(usd, 10);
  });
  it.each([
    {name: 'no instances, no host', instances: 0, perHost: 48, hosts: 0},
    {name: '48 m5.large fit one host', instances: 48, perHost: 48, hosts: 1},
    {name: 'the 49th needs a second', instances: 49, perHost: 48, hosts: 2},
  ])('hostsNeeded: $name', ({instances, perHost, hosts}) => {
    expect(hostsNeeded(instances, perHost)).toBe(hosts);
  });
  it.each([
    {name: '100 req/s: processed bytes dominate (6.87 GB/h)', rps: 100, lcus: (100 * 3600 * 20) / (1024 * 1024)},
    {name: 'idle: 0 LCU', rps: 0, lcus: 0},
  ])('albLcus: $name', ({rps, lcus}) => {
    expect(albLcus(rps)).toBeCloseTo(lcus, 6);
  });
});

describe('burst credits (t3.small: 2 vCPU, 20% baseline, 24 credits/h)', () => {
  const standard = burstModel('t3.small', 'standard');
  const unlimited = burstModel('t3.small', 'unlimited');
  it.each([
    {name: 'standard, full bank: all 2 vCPUs', model: standard, credits: 576, cap: 2},
    {name: 'standard, empty bank: the baseline 0.4 vCPU', model: standard, credits: 0, cap: 0.4},
    {name: 'unlimited, empty bank: all 2 vCPUs', model: unlimited, credits: 0, cap: 2},
  ])('$name', ({model, credits, cap}) => {
    const unit = newUnit(0, 'a', 0, 0, credits);
    expect(creditCapVcpuMin(model, unit, 2)).toBeCloseTo(cap, 10);
  });
  it.each([
    {name: 'standard spends down to zero, never below, no surplus', model: standard, credits: 0.5, owedBefore: 0, used: 2, left: 0, owed: 0, charged: 0},
    {name: 'unlimited: spending past an empty bank is owed, not yet charged', model: unlimited, credits: 0, owedBefore: 0, used: 1, left: 0, owed: 0.6, charged: 0},
    {name: 'unlimited: owed beyond 24 hours of earnings (576) is charged', model: unlimited, credits: 0, owedBefore: 576, used: 1, left: 0, owed: 576, charged: 0.6},
    {name: 'unlimited: earnings pay back what is owed before the bank fills', model: unlimited, credits: 0, owedBefore: 10, used: 0, left: 0, owed: 9.6, charged: 0},
    {name: 'below baseline the bank grows, up to its cap', model: standard, credits: 576, owedBefore: 0, used: 0, left: 576, owed: 0, charged: 0},
  ])('$name', ({model, credits, owedBefore, used, left, owed, charged}) => {
    const unit = newUnit(0, 'a', 0, 0, credits);
    unit.surplusOwed = owedBefore;
    expect(spendCredits(model, unit, used)).toBeCloseTo(charged, 10);
    expect(unit.credits).toBeCloseTo(left, 10);
    expect(unit.surplusOwed).toBeCloseTo(owed, 10);
  });
  it('non-burstable types have no credit model', () => {
    expect(burstModel('m5.large', 'standard')).toBeNull();
  });
});
