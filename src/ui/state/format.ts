// How numbers read on screen: every metric with its unit, every objective with its direction.
import {METRIC_BETTER, type Metric, type Objective, type ObjectiveResult} from '../../engine/index.js';

export const METRIC_LABEL: Record<Metric, string> = {
  availability: 'availability',
  p95LatencyMs: 'p95 latency',
  monthlyCostUsd: 'monthly cost',
  idleCostShare: 'idle cost share',
  jobsOnTime: 'jobs on time',
  eventsWithinMaxAge: 'events within max age',
  opsHoursPerMonth: 'ops hours per month',
};

const SHARE_METRICS: readonly Metric[] = ['availability', 'idleCostShare', 'jobsOnTime', 'eventsWithinMaxAge'];

export function formatPercent(share: number): string {
  const percent = share * 100;
  // Enough digits that 99.9% and 99.95% stay apart.
  const digits = percent >= 99 && percent < 100 ? 2 : 1;
  return `${percent.toFixed(digits)}%`;
}

export function formatUsd(usd: number): string {
  return usd >= 100 ? `$${usd.toLocaleString('en-US', {maximumFractionDigits: 0})}` : `$${usd.toFixed(2)}`;
}

export function formatMetric(metric: Metric, value: number): string {
  if (SHARE_METRICS.includes(metric)) return formatPercent(value);
  switch (metric) {
    case 'p95LatencyMs':
      return `${Math.round(value).toLocaleString('en-US')} ms`;
    case 'monthlyCostUsd':
      return `${formatUsd(value)}/month`;
    case 'opsHoursPerMonth':
      return `${value.toFixed(1)} h/month`;
    default:
      return String(value);
  }
}

/** "≥ 99.90%" for higher-is-better metrics, "≤ $150.00/month" for lower-is-better. */
export function formatThreshold(metric: Metric, value: number): string {
  return `${METRIC_BETTER[metric] === 'higher' ? '≥' : '≤'} ${formatMetric(metric, value)}`;
}

export function objectiveGoal(objective: Objective | ObjectiveResult): string {
  return `pass ${formatThreshold(objective.metric, objective.pass)}, gold ${formatThreshold(objective.metric, objective.gold)}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * The names of cost lines, with the workload in front ("api: NAT gateway") when the lines belong to more than one
 * workload, so two tiers' "NAT gateway" lines can be told apart.
 */
export function costItemNames(cost: readonly {item: string; workload?: string | undefined}[]): string[] {
  const several = new Set(cost.map((line) => line.workload).filter((w) => w !== undefined)).size > 1;
  return cost.map((line) => (several && line.workload !== undefined ? `${line.workload}: ${line.item}` : line.item));
}
