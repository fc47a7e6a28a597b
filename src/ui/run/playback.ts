// Playback of a precomputed timeline: where the replay is, and what has happened up to there.
// Sums of the engine's own per-bucket numbers only; no simulation here.
import type {Timeline, TimelineMark, TimelineSeries} from '../../engine/types.js';
import {INCIDENT_KINDS, type IncidentKind} from '../../engine/vocab.js';

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

/** Failures recorded in the buckets before `bucket`, over every series. */
export function failedSoFar(series: readonly TimelineSeries[], bucket: number): number {
  let failed = 0;
  for (const s of series) for (let i = 0; i < Math.min(bucket, s.failed.length); i++) failed += s.failed[i] ?? 0;
  return failed;
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
  return timeline.series.filter((s) => s.kind === 'web' || s.kind === 'events');
}
