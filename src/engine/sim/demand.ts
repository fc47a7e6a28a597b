// Demand per minute: base rate × daily shape × weekly multiplier × spikes × (1 + seeded noise).
// Precomputed once per run into typed arrays so the tick loop only indexes.
import type {Rng} from '../prng.js';
import {nextSigned} from '../prng.js';
import {MINUTES_PER_DAY, MINUTES_PER_HOUR, parseWhen} from '../time.js';
import type {DailyShape, JobPeriod} from '../vocab.js';
import type {EventsWorkload, JobsWorkload, Spike, WebWorkload} from '../types.js';

/** 24 hourly multipliers per named shape (hour 0 = 00:00–01:00). Each peaks at 1.0–2.0. */
export const DAILY_SHAPE_MULTIPLIERS: Record<DailyShape, readonly number[]> = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  // Quiet nights, a morning ramp, a working-day plateau, an evening tail.
  'business-hours': [0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1.2, 1.6, 1.7, 1.7, 1.5, 1.6, 1.7, 1.6, 1.4, 1.0, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1],
  // Consumer traffic: low daytime, a peak 18:00–23:00.
  'evening-peak': [0.4, 0.25, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0, 0.9, 0.9, 0.9, 1.0, 1.2, 1.6, 2.0, 2.0, 1.8, 1.3, 0.8],
  // Work that arrives at night (imports, ETL feeds).
  'night-batch': [2.0, 2.0, 2.0, 1.8, 1.5, 1.0, 0.5, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.6, 1.0, 1.5],
};

export function dailyMultipliers(daily: DailyShape | number[]): readonly number[] {
  if (typeof daily === 'string') return DAILY_SHAPE_MULTIPLIERS[daily];
  return daily.length === 24 ? daily : DAILY_SHAPE_MULTIPLIERS.flat;
}

/** Spike factor per minute (1 outside spikes; overlapping spikes multiply). Unparseable times are skipped (content checks them). */
function spikeFactors(spikes: readonly Spike[], minutes: number): Float64Array {
  const out = new Float64Array(minutes).fill(1);
  for (const spike of spikes) {
    const when = parseWhen(spike.at);
    if (!when.ok) continue;
    const end = Math.min(minutes, when.minute + Math.max(0, spike.minutes));
    for (let t = when.minute; t < end; t++) out[t] = (out[t] ?? 1) * spike.factor;
  }
  return out;
}

type ShapedRate = Pick<WebWorkload, 'daily' | 'weekly' | 'spikes' | 'noise'>;

/** Rate per second for every minute of the horizon (requests/s or events/s). Noise draws one PRNG value per minute. */
export function rateSeries(baseRate: number, shape: ShapedRate, minutes: number, rng: Rng): Float64Array {
  const daily = dailyMultipliers(shape.daily);
  const spikes = spikeFactors(shape.spikes, minutes);
  const out = new Float64Array(minutes);
  for (let t = 0; t < minutes; t++) {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const weekday = day % 7;
    const hour = Math.floor((t - day * MINUTES_PER_DAY) / MINUTES_PER_HOUR);
    const noise = shape.noise > 0 ? 1 + shape.noise * nextSigned(rng) : 1;
    const rate = baseRate * (daily[hour] ?? 1) * (shape.weekly[weekday] ?? 1) * (spikes[t] ?? 1) * noise;
    out[t] = rate > 0 ? rate : 0;
  }
  return out;
}

export function webDemand(workload: WebWorkload, minutes: number, rng: Rng): Float64Array {
  return rateSeries(workload.baseRps, workload, minutes, rng);
}

export function eventsDemand(workload: EventsWorkload, minutes: number, rng: Rng): Float64Array {
  return rateSeries(workload.baseRate, workload, minutes, rng);
}

const PERIOD_MINUTES: Record<JobPeriod, number> = {hour: MINUTES_PER_HOUR, day: MINUTES_PER_DAY, week: 7 * MINUTES_PER_DAY};

/** Minutes at which a batch of `count` jobs is released ("02:00" daily, ":15" hourly, "sun 02:00" weekly). */
export function jobReleaseMinutes(workload: JobsWorkload, minutes: number): number[] {
  const period = PERIOD_MINUTES[workload.every];
  const when = parseWhen(workload.at);
  const offset = when.ok ? when.minute % period : 0;
  const out: number[] = [];
  for (let t = offset; t < minutes; t += period) out.push(t);
  return out;
}
