// Numbers as the reports print them. Fixed locale (en-US) so output is the same on every machine.
import type {Metric} from '../engine/vocab.js';

const grouped = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
const usd2 = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2});

export function formatCount(n: number): string {
  return grouped.format(n);
}

/** Money in cents: $1,234.56. */
export function formatUsd(usd: number): string {
  return usd2.format(usd);
}

/** A unit price with every digit it has, up to 10 decimals: $0.0208, $0.0000166667, $73.00. */
export function formatUnitPrice(usd: number): string {
  const [whole = '0', decimals = ''] = Math.abs(usd).toFixed(10).split('.');
  const kept = decimals.replace(/0+$/, '').padEnd(2, '0');
  return `${usd < 0 ? '-' : ''}$${grouped.format(Number(whole))}.${kept}`;
}

/** Units counted in whole items: a monthly figure of 5,017,594.4 requests reads as 5,017,594 requests. */
const WHOLE_UNITS: ReadonlySet<string> = new Set(['requests', 'jobs', 'events', 'invocations']);

export function formatQuantity(n: number, unit?: string): string {
  if (Number.isInteger(n) || (unit !== undefined && WHOLE_UNITS.has(unit))) return grouped.format(Math.round(n));
  return new Intl.NumberFormat('en-US', {maximumFractionDigits: Math.abs(n) < 10 ? 3 : 1}).format(n);
}

/** Shares near 1 need three decimals to tell 99.95% from 99.9%; others need one. */
function percentDigits(share: number): number {
  return share > 0.99 && share < 1 ? 3 : 1;
}

function percent(share: number, alike: readonly number[] = []): string {
  const digits = Math.max(percentDigits(share), ...alike.map(percentDigits));
  return `${(share * 100).toFixed(digits)}%`;
}

/** Each metric in its own unit; the Record makes a new metric fail to compile until it has a format. */
const METRIC_FORMATS: Record<Metric, {label: string; format: (value: number, alike?: readonly number[]) => string}> = {
  availability: {label: 'availability', format: percent},
  p95LatencyMs: {label: 'p95 latency', format: (ms) => `${formatQuantity(Math.round(ms))} ms`},
  monthlyCostUsd: {label: 'monthly cost', format: (usd) => usd2.format(usd)},
  idleCostShare: {label: 'idle cost share', format: percent},
  jobsOnTime: {label: 'jobs on time', format: percent},
  eventsWithinMaxAge: {label: 'events in time', format: percent},
  opsHoursPerMonth: {label: 'ops hours/month', format: (h) => `${formatQuantity(h)} h`},
};

export function metricLabel(metric: Metric): string {
  return METRIC_FORMATS[metric].label;
}

/** `alike`: other values printed beside this one (an objective's pass and gold), so they share a precision. */
export function formatMetric(metric: Metric, value: number, alike: readonly number[] = []): string {
  return METRIC_FORMATS[metric].format(value, alike);
}

/** "★★☆" — three marks, filled for each star earned. */
export function starMarks(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 3 - stars));
}

export function starWords(stars: number): string {
  return stars === 0 ? 'no stars' : stars === 1 ? '1 star' : `${stars} stars`;
}
