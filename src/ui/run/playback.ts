// Playback of a precomputed timeline: where the replay is, and what has happened up to there.
// Sums of the engine's own per-bucket numbers only; no simulation here.
import {INCIDENT_KINDS, type IncidentKind, type Timeline, type TimelineMark, type TimelineSeries} from '../../engine/index.js';

/** The bucket reached after `frame` of `frames` playback frames (the last frame reaches the end). */
export function bucketAtFrame(frame: number, frames: number, buckets: number): number {
  if (frames <= 0) return buckets;
  return Math.min(buckets, Math.round((Math.max(0, frame) * buckets) / frames));
}

/** USD spent in the buckets before `bucket`: each bucket's rate × its length in hours. */
export function costSoFarUsd(timeline: Timeline, bucket: number): number {
  const hoursPerBucket = timeline.bucketMinutes / 60;
  let usd = 0;
  for (let i = 0; i < Math.min(bucket, timeline.costUsdPerHour.length); i++) usd += (timeline.costUsdPerHour[i] ?? 0) * hoursPerBucket;
  return usd;
}

export interface FailuresSoFar {
  requests: number;
  events: number;
  jobs: number;
}

/**
 * Failures in the buckets before `bucket`, by what failed. The timeline gives web and events failures as a
 * rate per second over each bucket (so × the bucket's seconds) and jobs as a count per bucket.
 */
export function failuresSoFar(timeline: Timeline, bucket: number): FailuresSoFar {
  const out: FailuresSoFar = {requests: 0, events: 0, jobs: 0};
  const bucketSeconds = timeline.bucketMinutes * 60;
  for (const s of timeline.series) {
    let sum = 0;
    for (let i = 0; i < Math.min(bucket, s.failed.length); i++) sum += s.failed[i] ?? 0;
    if (s.kind === 'web') out.requests += sum * bucketSeconds;
    else if (s.kind === 'events') out.events += sum * bucketSeconds;
    else out.jobs += sum;
  }
  return out;
}

/** "✗ 1,234 requests failed, 3 jobs" or "✓ no failures yet". */
/** `done`: the whole week has played, so "none yet" becomes "none". */
export function failuresText(failures: FailuresSoFar, formatCount: (n: number) => string, done = false): string {
  const parts = (
    [
      [failures.requests, 'request', 'requests'],
      [failures.events, 'event', 'events'],
      [failures.jobs, 'job', 'jobs'],
    ] as const
  )
    .filter(([n]) => Math.round(n) > 0)
    .map(([n, one, many]) => `${formatCount(n)} ${Math.round(n) === 1 ? one : many}`);
  return parts.length === 0 ? (done ? '✓ no failures all week' : '✓ no failures yet') : `✗ failed: ${parts.join(', ')}`;
}

export function isIncident(mark: TimelineMark): mark is TimelineMark & {kind: IncidentKind} {
  return (INCIDENT_KINDS as readonly string[]).includes(mark.kind);
}

/** Marks that have happened by `minute`, in time order. */
export function marksUpTo(timeline: Timeline, minute: number): TimelineMark[] {
  return timeline.marks.filter((mark) => mark.minute < minute).sort((a, b) => a.minute - b.minute);
}

/** The series worth a demand-vs-capacity chart (web and events; jobs are counted, not charted). */
export function chartedSeries(timeline: Timeline): TimelineSeries[] {
  // Every tier: web and events as rates (events with their queue's age), jobs as their queue against the slots.
  return timeline.series;
}
