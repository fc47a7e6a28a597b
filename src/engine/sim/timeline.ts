// The 15-minute timeline for charts and replays: per workload demand, capacity, served, failed (as rates: req/s or
// events/s; jobs as counts per bucket), the request-weighted p95, the spend rate, and incident / scaling marks.
import type {Timeline, TimelineMark} from '../types.js';
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
    return {
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
    };
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
