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

export function azIsDown(ctx: SimContext, az: Az, minute: number): boolean {
  return ctx.azDownUntil[az] > minute;
}

export function secondsToMinutes(seconds: number): number {
  return Math.max(0, Math.ceil(seconds / 60));
}
