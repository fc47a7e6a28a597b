// The 15-minute timeline for charts and replays: per workload demand, capacity, served, failed (as rates: req/s or
// events/s; jobs as counts per bucket), the request-weighted p95, each bucket's worst minute (peak demand, lowest
// capacity), the queue of jobs and events (most waiting, oldest event's age, jobs past their deadline), the spend
// rate, and incident / scaling marks.
import type {Timeline, TimelineMark, TimelineSeries} from '../types.js';
import {roundTo} from './cost.js';
import type {TierRunner} from './runner.js';

/** Array.from(values, f) by index: Array.from walks a typed array with its iterator, an allocation per element. */
function mapValues(values: Float64Array, f: (value: number, index: number) => number): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f(values[i] as number, i);
  return out;
}

export function buildTimeline(runners: readonly TierRunner[], bucketMinutes: number, bucketUsd: Float64Array, marks: readonly TimelineMark[]): Timeline {
  const buckets = bucketUsd.length;
  const series = runners.map((runner) => {
    const stats = runner.stats;
    const kind = runner.workload.kind;
    const perSecond = kind === 'jobs' ? 1 : 1 / (bucketMinutes * 60);
    const capacityScale = kind === 'jobs' ? 1 / bucketMinutes : perSecond;
    const rate = (values: Float64Array, scale: number): number[] => {
      const out = new Array<number>(values.length);
      for (let i = 0; i < values.length; i++) out[i] = roundTo((values[i] as number) * scale, 3);
      return out;
    };
    // A minute's worth in the series' unit: per second for rates, as it is for jobs (a count, or slots).
    const perMinute = kind === 'jobs' ? 1 : 1 / 60;
    const series: TimelineSeries = {
      workload: runner.workload.id,
      kind,
      unit: kind === 'web' ? 'req/s' : kind === 'events' ? 'events/s' : 'jobs',
      demand: rate(stats.demand, perSecond),
      capacity: rate(stats.capacity, capacityScale),
      served: rate(stats.served, perSecond),
      failed: rate(stats.failed, perSecond),
      p95Ms: mapValues(stats.p95Weighted, (v, i) => {
        const w = stats.p95Weight[i] ?? 0;
        return w > 0 ? roundTo(v / w, 1) : 0;
      }),
      peakDemand: rate(stats.peakDemand, perMinute),
      lowCapacity: mapValues(stats.lowCapacity, (v) => (Number.isFinite(v) ? roundTo(v * perMinute, 3) : 0)),
    };
    if (stats.backlog) series.backlog = mapValues(stats.backlog, (v) => roundTo(v, 1));
    const workload = runner.workload;
    if (workload.kind === 'events') {
      series.maxAgeS = workload.maxAgeSeconds;
      if (stats.oldestAgeMinutes) series.oldestAgeS = mapValues(stats.oldestAgeMinutes, (v) => v * 60);
    }
    if (workload.kind === 'jobs') series.missed = mapValues(stats.failedOfReasonByBucket('deadline'), (v) => roundTo(v, 3));
    return series;
  });
  const toHourly = 60 / bucketMinutes;
  return {
    bucketMinutes,
    buckets,
    series,
    costUsdPerHour: mapValues(bucketUsd, (usd) => roundTo(usd * toHourly, 4)),
    marks: [...marks].sort((a, b) => a.minute - b.minute),
  };
}
