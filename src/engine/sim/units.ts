// A unit is one instance (EC2, cluster instance) or one task (Fargate, ECS/EKS on EC2). Its lifecycle:
// booting → ready; ready → down (AZ outage, failure, crash, spot reclaim) → booting again when restored;
// stopped by a schedule; pending (a task no cluster instance has room for); terminated.
import type {Az, FailureReason} from '../vocab.js';

export type UnitState = 'booting' | 'ready' | 'down' | 'stopped' | 'pending' | 'terminated';

export interface Unit {
  id: number;
  az: Az;
  state: UnitState;
  /** booting: the minute it starts serving. */
  readyAt: number;
  /** down: why, since when, and when it restarts by itself (Infinity: only a replacement helps). */
  downReason: FailureReason;
  downSince: number;
  restoreAt: number;
  /** Minutes from restore to ready (instance boot or process restart). */
  restoreBootMinutes: number;
  /** Was serving when it went down (an ALB kept sending traffic until its health checks noticed). */
  wasServing: boolean;
  /** A replacement has been launched for it (ASG / orchestrator). */
  replaced: boolean;
  /** Runs at reduced speed until this minute (cold cache after a plain start). */
  coldUntil: number;
  /** Burst credit balance (T3/T4g). */
  credits: number;
  /** Unlimited mode: surplus credits spent and not yet paid back (CPUSurplusCreditBalance). */
  surplusOwed: number;
  /** Spot: reclaimed at this minute (Infinity: no notice). */
  reclaimAt: number;
  /** Billed while in this state (false for a reclaimed spot instance awaiting a new launch). */
  billed: boolean;
  /** ECS/EKS on EC2: index of the cluster instance the task sits on (-1: none). */
  host: number;
  launchedAt: number;
  /** Work done and capacity offered this minute, in vCPU-minutes (for scaling, credits and idle cost). */
  workVcpuMin: number;
  capVcpuMin: number;
  /** Jobs running on it this minute (jobs.ts counts them here instead of in a map rebuilt every minute). */
  runningJobs: number;
}

export function newUnit(id: number, az: Az, minute: number, readyAt: number, credits: number): Unit {
  return {
    id,
    az,
    state: readyAt <= minute ? 'ready' : 'booting',
    readyAt,
    downReason: 'instance-failure',
    downSince: -1,
    restoreAt: Infinity,
    restoreBootMinutes: 0,
    wasServing: false,
    replaced: false,
    coldUntil: 0,
    credits,
    surplusOwed: 0,
    reclaimAt: Infinity,
    billed: true,
    host: -1,
    launchedAt: minute,
    workVcpuMin: 0,
    capVcpuMin: 0,
    runningJobs: 0,
  };
}

export function markDown(unit: Unit, reason: FailureReason, minute: number, restoreAt: number, restoreBootMinutes: number): void {
  unit.wasServing = unit.state === 'ready';
  unit.state = 'down';
  unit.downReason = reason;
  unit.downSince = minute;
  unit.restoreAt = restoreAt;
  unit.restoreBootMinutes = restoreBootMinutes;
}

export function isLive(unit: Unit): boolean {
  return unit.state !== 'terminated';
}

/** Counted by the scaler as capacity it has (or is bringing up). */
export function isInService(unit: Unit): boolean {
  return unit.state === 'ready' || unit.state === 'booting' || unit.state === 'pending' || (unit.state === 'down' && !unit.replaced);
}
