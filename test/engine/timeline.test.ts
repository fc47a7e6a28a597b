// The timeline the run chart draws: each bucket's worst minute, the jobs queue and its late jobs, the events queue's
// age. Known answers on small levels, and the invariants that tie the new series to the results.
import {describe, expect, it} from 'vitest';
import {simulate, type Tier} from '../../src/engine/index.js';
import {events, jobs, makeLevel, web, withDefaults} from './fixtures.js';

const ec2 = (partial: Record<string, unknown>): Tier => withDefaults({compute: 'ec2', instanceType: 'c5.large', ...partial} as Parameters<typeof withDefaults>[0]);
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('each bucket keeps its worst minute', () => {
  // 3 req/s, and a 5-minute spike of 20× on Tuesday 10:00 that one c5.large cannot carry.
  const level = makeLevel({workloads: [web({baseRps: 3, cpuMsPerRequest: 40, spikes: [{at: 'tue 10:00', minutes: 5, factor: 20}]})]});
  const result = simulate(level, {tiers: [ec2({workload: 'web'})]});
  const series = result.timeline.series[0];
  const bucket = (1440 + 600) / 15;

  it('the spike bucket: the busiest minute is 20× the base rate, the bucket mean only a third of that', () => {
    expect(series?.peakDemand[bucket]).toBeCloseTo(60, 0);
    expect(series?.demand[bucket]).toBeCloseTo((5 * 60 + 10 * 3) / 15, 0);
  });

  it('the spike stands above the capacity in its worst minute, though the bucket mean does not', () => {
    const capacity = series?.lowCapacity[bucket] ?? 0;
    expect(capacity).toBeCloseTo(50, 0); // 2 vCPU × 1,000 ms / 40 ms per request
    expect(series?.peakDemand[bucket]).toBeGreaterThan(capacity);
    expect(series?.demand[bucket]).toBeLessThan(capacity);
    expect(result.failures.overload ?? 0).toBeGreaterThan(0);
  });

  it('no bucket peaks below its mean or bottoms out above it', () => {
    for (const s of result.timeline.series) {
      s.demand.forEach((d, b) => expect(s.peakDemand[b]).toBeGreaterThanOrEqual(d - 1e-3));
      s.capacity.forEach((c, b) => expect(s.lowCapacity[b]).toBeLessThanOrEqual(c + 1e-3));
    }
  });
});

describe('the jobs queue', () => {
  // Six 60-vCPU-minute jobs at 02:00 daily with a 60-minute deadline on one c5.large (2 slots): 2 on time, 4 late.
  const level = makeLevel({workloads: [jobs({count: 6, vcpuMinutes: 60, memoryGb: 1, deadlineMinutes: 60})], objectives: [{metric: 'jobsOnTime', pass: 0.9, gold: 1, weight: 1}]});
  const result = simulate(level, {tiers: [ec2({workload: 'batch'})]});
  const series = result.timeline.series[0];

  it('holds the jobs waiting or running at the release, and the slots to run them', () => {
    const release = (2 * 60) / 15;
    expect(series?.backlog?.[release]).toBe(6);
    expect(series?.lowCapacity[release]).toBe(2);
    expect(series?.backlog?.[release - 1]).toBe(0);
  });

  it('counts the late jobs per bucket: 4 a night, the same total as the deadline failures', () => {
    expect(sum(series?.missed ?? [])).toBe(result.failures.deadline);
    expect(result.failures.deadline).toBe(4 * 7);
  });
});

describe('the events queue', () => {
  // 50 events/s at 100 ms each on one c5.large (20/s): the queue grows until events pass the 5-minute limit.
  const level = makeLevel({workloads: [events({baseRate: 50, cpuMsPerEvent: 100, maxAgeSeconds: 300})]});
  const result = simulate(level, {tiers: [ec2({workload: 'events'})]});
  const series = result.timeline.series[0];

  it('names the age limit and keeps the oldest waiting event\'s age per bucket, up to just past it', () => {
    expect(series?.maxAgeS).toBe(300);
    const ages = series?.oldestAgeS ?? [];
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...ages)).toBeLessThanOrEqual(360);
    expect(Math.max(...(series?.backlog ?? []))).toBeGreaterThan(0);
    expect(result.failures.overload ?? 0).toBeGreaterThan(0);
  });

  it('an events tier with room to spare has no queue and no age', () => {
    const calm = simulate(makeLevel({workloads: [events({baseRate: 5, cpuMsPerEvent: 100})]}), {tiers: [ec2({workload: 'events'})]});
    const s = calm.timeline.series[0];
    expect(s?.maxAgeS).toBe(300);
    expect(s?.oldestAgeS).toBeUndefined();
    expect(s?.backlog).toBeUndefined();
  });
});
