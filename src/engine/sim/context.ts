// What every part of one run shares: the horizon, the AZ outages in force, the marks for the timeline.
import {CATALOG} from '../catalog.js';
import type {Rng} from '../prng.js';
import type {TimelineMark} from '../types.js';
import type {Az} from '../vocab.js';

export const BUCKET_MINUTES = 15;

export interface SimContext {
  minutes: number;
  horizonHours: number;
  /** Per AZ: the minute its current outage ends (0 when up). */
  azDownUntil: Record<Az, number>;
  /** Seeded choices during incidents (which spot units are reclaimed). */
  incidentRng: Rng;
  marks: TimelineMark[];
  timings: typeof CATALOG.timings;
  /** ALB / ASG / ECS health checks notice a dead unit after this many minutes. */
  healthCheckMinutes: number;
  operatorRestoreMinutes: number;
}

/**
 * Each minute's timeline bucket, ⌊minute ÷ bucketMinutes⌋, as a table: the meters and counters look it up several
 * times per tier per minute, and a table read costs less than a division. One table per bucket size, grown to the
 * longest horizon asked for; read it as `table[minute] ?? Math.floor(minute / bucketMinutes)` (a minute outside it,
 * or not a whole number, reads undefined).
 */
const bucketTables = new Map<number, Int32Array>();

export function bucketTable(bucketMinutes: number, minutes: number): Int32Array {
  let table = bucketTables.get(bucketMinutes);
  if (!table || table.length < minutes) {
    table = new Int32Array(Math.max(minutes, 1));
    for (let m = 0; m < table.length; m++) table[m] = Math.floor(m / bucketMinutes);
    bucketTables.set(bucketMinutes, table);
  }
  return table;
}

export function azIsDown(ctx: SimContext, az: Az, minute: number): boolean {
  return ctx.azDownUntil[az] > minute;
}

export function secondsToMinutes(seconds: number): number {
  return Math.max(0, Math.ceil(seconds / 60));
}
