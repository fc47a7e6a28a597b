// The run's metrics from the per-workload accumulators and the meters. Counts are rounded to whole items per
// reason, so failures by reason always add up to the failed totals.
import type {FailureReason, WorkloadKind} from '../vocab.js';
import {FAILURE_REASONS} from '../vocab.js';
import type {Metrics} from '../types.js';
import {CATALOG} from '../catalog.js';
import {roundTo} from './cost.js';
import {LatencyHistogram} from './latency.js';
import type {TierRunner} from './runner.js';

export interface MetricInputs {
  runners: readonly TierRunner[];
  monthlyMicroUsd: number;
  horizonMicroUsd: number;
  idleUsd: number;
  horizonHours: number;
}

export function computeMetrics(input: MetricInputs): {
  metrics: Metrics;
  failures: Partial<Record<FailureReason, number>>;
  failuresByKind: Record<WorkloadKind, Partial<Record<FailureReason, number>>>;
} {
  const failures: Partial<Record<FailureReason, number>> = {};
  const failuresByKind: Record<WorkloadKind, Partial<Record<FailureReason, number>>> = {web: {}, jobs: {}, events: {}};
  const totals = {web: {offered: 0, failed: 0, failedExact: 0, offeredExact: 0}, jobs: {offered: 0, failed: 0, failedExact: 0, offeredExact: 0}, events: {offered: 0, failed: 0, failedExact: 0, offeredExact: 0}};
  const histogram = new LatencyHistogram();
  let serverMinutes = 0;
  for (const runner of input.runners) {
    const kind = runner.workload.kind;
    const stats = runner.stats;
    const t = totals[kind];
    let failed = 0;
    FAILURE_REASONS.forEach((reason) => {
      const n = Math.round(stats.failedBy(reason));
      if (n > 0) {
        failures[reason] = (failures[reason] ?? 0) + n;
        failuresByKind[kind][reason] = (failuresByKind[kind][reason] ?? 0) + n;
        failed += n;
      }
    });
    t.failed += failed;
    t.offered += Math.max(Math.round(stats.offered), failed);
    t.failedExact += stats.failedTotal;
    t.offeredExact += stats.offered;
    if (kind === 'web') histogram.merge(stats.histogram);
    serverMinutes += runner.summary.serverMinutes;
  }
  const ratio = (t: {offeredExact: number; failedExact: number}): number => (t.offeredExact > 0 ? roundTo(Math.max(0, 1 - t.failedExact / t.offeredExact), 6) : 1);
  const horizonUsd = input.horizonMicroUsd / 1e6;
  const metrics: Metrics = {
    availability: ratio(totals.web),
    p95LatencyMs: roundTo(histogram.quantile(0.95), 1),
    monthlyCostUsd: input.monthlyMicroUsd / 1e6,
    idleCostShare: horizonUsd > 0 ? roundTo(Math.min(1, input.idleUsd / horizonUsd), 4) : 0,
    jobsOnTime: ratio(totals.jobs),
    eventsWithinMaxAge: ratio(totals.events),
    opsHoursPerMonth: roundTo((serverMinutes / 60 / input.horizonHours) * CATALOG.timings.opsHoursPerServerMonth, 2),
    requestsOffered: totals.web.offered,
    requestsServed: totals.web.offered - totals.web.failed,
    requestsFailed: totals.web.failed,
    jobsTotal: totals.jobs.offered,
    jobsFailed: totals.jobs.failed,
    eventsTotal: totals.events.offered,
    eventsFailed: totals.events.failed,
  };
  return {metrics, failures, failuresByKind};
}
