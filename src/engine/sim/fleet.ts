// A fleet of units (instances or tasks) for one tier: launching, health-check replacement, schedules.
// Scaling lives in scaling.ts, incidents in incidents.ts, serving in web.ts / jobs.ts / events.ts.
import {inOfficeHours} from '../time.js';
import type {Scaling} from '../types.js';
import type {Az, FailureReason, HealthCheck, Schedule} from '../vocab.js';
import type {BurstModel} from './credits.js';
import {azIsDown, type SimContext} from './context.js';
import {settleSurplus} from './credits.js';
import {isInService, markDown, newUnit, type Unit} from './units.js';

export interface FleetSpec {
  /** "instance" or "task", for messages. */
  unitNoun: string;
  vcpu: number;
  memoryGb: number;
  /** Launch (or task start) to ready, minutes. */
  launchMinutes: number;
  /** A crashed process / task back to ready after a restart, minutes. */
  restartMinutes: number;
  /** Hibernated → ready, minutes (used only when `hibernates`). */
  resumeMinutes: number;
  coldCacheMinutes: number;
  coldCacheSpeed: number;
  /** An ASG or an orchestrator replaces units its health checks find dead. */
  replaces: boolean;
  /** An orchestrator restarts crashed tasks (ECS/EKS); a plain process on EC2 stays down. */
  restartsCrashes: boolean;
  loadBalanced: boolean;
  azs: Az[];
  spot: boolean;
  burst: BurstModel | null;
  schedule: Schedule;
  /** Hibernation works for this tier (else a hibernate schedule behaves as a stop). */
  hibernates: boolean;
  /**
   * An Auto Scaling group with an office-hours schedule: scheduled actions set min and desired to 0 out of hours
   * (the instances terminate) and back to min in the morning (new instances launch from the image). Absent: false.
   */
  scheduledScaling?: boolean;
  /** An Auto Scaling group's health check type (absent: ec2). With elb, an app that fails the ALB's checks is replaced. */
  healthCheck?: HealthCheck;
  /** Health check grace period: failed checks of a unit launched less than this long ago are ignored (absent: 0). */
  graceMinutes?: number;
  scaling: Scaling | null;
  initialCount: number;
}

export interface Fleet {
  spec: FleetSpec;
  workload: string;
  units: Unit[];
  nextId: number;
  /** Without a load balancer, the one unit whose address clients use. */
  primaryId: number;
  primaryLostAt: number;
  /** Stopped by the schedule. */
  stopped: boolean;
  /** Scaler state: minutes above / below target, the average CPU of the last minute. */
  aboveFor: number;
  belowFor: number;
  lastCpu: number;
  launches: number;
  replacements: number;
  scaleOuts: number;
  peakUnits: number;
  /** Cluster instances: tasks refer to them by index, so terminated ones stay in the list. */
  keepTerminated: boolean;
  /** Unlimited-mode surplus credits owed by units that stopped or terminated, charged this minute. */
  surplusDue: number;
}

const REPLACEABLE: ReadonlySet<FailureReason> = new Set<FailureReason>(['az-outage', 'instance-failure', 'spot-interruption']);

export function createFleet(spec: FleetSpec, workload: string): Fleet {
  const fleet: Fleet = {
    spec,
    workload,
    units: [],
    nextId: 0,
    primaryId: 0,
    primaryLostAt: -1,
    stopped: false,
    aboveFor: 0,
    belowFor: 0,
    lastCpu: 0,
    launches: 0,
    replacements: 0,
    scaleOuts: 0,
    peakUnits: 0,
    keepTerminated: false,
    surplusDue: 0,
  };
  const outOfHours = spec.schedule !== 'always' && !officeHoursAt(0);
  // A scheduled-scaling group out of hours has no instances at all.
  const count = outOfHours && spec.scheduledScaling ? 0 : spec.scaling ? Math.max(spec.scaling.min, 0) : Math.max(spec.initialCount, 0);
  const azs = spec.azs.length > 0 ? spec.azs : (['a'] as Az[]);
  for (let i = 0; i < count; i++) {
    // Units that exist at the start are ready and warm; their credit bank starts where AWS starts one (launch
    // credits: none for T3/T4g), so a week of sustained load bills what every week of a month would.
    const unit = newUnit(fleet.nextId++, azs[i % azs.length] as Az, 0, 0, spec.burst ? spec.burst.launchCredits : 0);
    fleet.units.push(unit);
  }
  if (outOfHours) {
    for (const unit of fleet.units) unit.state = 'stopped';
    fleet.stopped = true;
  }
  return fleet;
}

/** The AZ for a new unit: an allowed AZ that is up, with the fewest units (ties: listed order). */
export function pickAz(fleet: Fleet, minute: number, ctx: SimContext): Az | null {
  let best: Az | null = null;
  let bestCount = Infinity;
  for (const az of fleet.spec.azs) {
    if (azIsDown(ctx, az, minute)) continue;
    let count = 0;
    for (const u of fleet.units) if (u.az === az && isInService(u)) count++;
    if (count < bestCount) {
      best = az;
      bestCount = count;
    }
  }
  return best;
}

export function launchUnit(fleet: Fleet, minute: number, ctx: SimContext): Unit | null {
  const az = pickAz(fleet, minute, ctx);
  if (az === null) return null;
  const credits = fleet.spec.burst ? fleet.spec.burst.launchCredits : 0;
  const unit = newUnit(fleet.nextId++, az, minute, minute + fleet.spec.launchMinutes, credits);
  fleet.units.push(unit);
  fleet.launches++;
  return unit;
}

export function terminate(unit: Unit): void {
  unit.state = 'terminated';
  unit.billed = false;
}

/** A scheduled-scaling morning: a new instance from the image, with launch + boot time and a cold cache. */
function launchCold(fleet: Fleet, minute: number, ctx: SimContext): Unit | null {
  const unit = launchUnit(fleet, minute, ctx);
  if (unit) unit.coldUntil = unit.readyAt + fleet.spec.coldCacheMinutes;
  return unit;
}

/** Restores, boots, reclaims, replaces and applies the schedule for one minute. */
export function advanceFleet(fleet: Fleet, minute: number, ctx: SimContext): void {
  const spec = fleet.spec;
  let anyDown = false;
  for (const unit of fleet.units) {
    if (unit.state === 'terminated') continue;
    if (unit.reclaimAt <= minute && unit.state !== 'stopped') {
      // Spot reclaimed at the end of its two-minute notice.
      unit.reclaimAt = Infinity;
      if (unit.replaced || spec.replaces) {
        unit.downReason = 'spot-interruption';
        terminate(unit);
        continue;
      }
      markDown(unit, 'spot-interruption', minute, minute + ctx.operatorRestoreMinutes, spec.launchMinutes);
      unit.billed = false;
      // A load balancer drained it during the notice: nothing is still being sent to it.
      if (spec.loadBalanced) unit.wasServing = false;
    }
    if (unit.state === 'down' && minute >= unit.restoreAt) {
      if (azIsDown(ctx, unit.az, minute)) {
        unit.restoreAt = ctx.azDownUntil[unit.az];
      } else {
        unit.state = 'booting';
        unit.readyAt = minute + unit.restoreBootMinutes;
        unit.billed = true;
      }
    }
    if (unit.state === 'booting' && minute >= unit.readyAt) unit.state = 'ready';
    if (unit.state === 'down') anyDown = true;
  }
  if (anyDown && spec.replaces && !fleet.stopped) replaceDead(fleet, minute, ctx);
  applySchedule(fleet, minute, ctx);
  let live = 0;
  let gone = 0;
  for (const unit of fleet.units) {
    if (unit.state === 'terminated') {
      gone++;
      // What a terminated unlimited instance still owes in surplus credits is charged at termination.
      if (unit.surplusOwed > 0) fleet.surplusDue += settleSurplus(unit);
    } else if (unit.billed) live++;
  }
  if (live > fleet.peakUnits) fleet.peakUnits = live;
  // Forget terminated units (a task per job, scale-in and replacements leave them), except where tasks point at
  // units by index: every loop over the fleet would pay for them, every minute. In place and in order, so it costs
  // nothing when no unit went (nothing reads a terminated unit through the list).
  if (!fleet.keepTerminated && gone > 0) {
    const units = fleet.units;
    let kept = 0;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i] as Unit;
      if (unit.state !== 'terminated') units[kept++] = unit;
    }
    units.length = kept;
  }
}

/**
 * An Auto Scaling group with ELB health checks behind a load balancer replaces an instance whose app stopped
 * answering; with its default EC2 status checks it sees only the instance, which is still running.
 */
export function replacesFailedApps(spec: FleetSpec): boolean {
  return spec.replaces && spec.healthCheck === 'elb' && spec.loadBalanced;
}

/** ASG / orchestrator: once health checks see a unit dead, launch a replacement in an AZ that is up, then terminate it. */
function replaceDead(fleet: Fleet, minute: number, ctx: SimContext): void {
  const count = fleet.units.length;
  const elbChecks = replacesFailedApps(fleet.spec);
  const grace = fleet.spec.graceMinutes ?? 0;
  for (let i = 0; i < count; i++) {
    const unit = fleet.units[i] as Unit;
    if (unit.state !== 'down' || unit.replaced) continue;
    // EC2 status checks see a failed instance; only ELB health checks see an app that stopped answering.
    if (!REPLACEABLE.has(unit.downReason) && !(unit.downReason === 'container-crash' && elbChecks)) continue;
    if (minute - unit.downSince < ctx.healthCheckMinutes || minute < unit.launchedAt + grace) continue;
    const replacement = launchUnit(fleet, minute, ctx);
    if (!replacement) continue; // no AZ to launch into: keep it, it returns when its AZ does
    unit.replaced = true;
    fleet.replacements++;
    terminate(unit);
  }
}

function applySchedule(fleet: Fleet, minute: number, ctx: SimContext): void {
  const spec = fleet.spec;
  if (spec.schedule === 'always') return;
  const wantRunning = officeHoursAt(minute);
  if (spec.scheduledScaling) {
    scheduledAction(fleet, minute, ctx, wantRunning);
    return;
  }
  if (!wantRunning && !fleet.stopped) {
    for (const unit of fleet.units) {
      if (unit.state === 'terminated' || !unit.billed) continue;
      unit.state = 'stopped';
      unit.reclaimAt = Infinity;
      // A stopped unlimited instance is charged the surplus credits it still owes.
      fleet.surplusDue += settleSurplus(unit);
    }
    fleet.stopped = true;
    ctx.marks.push({minute, kind: 'schedule', label: `${fleet.workload}: ${spec.hibernates ? 'hibernated' : 'stopped'} for the night`});
  } else if (wantRunning && fleet.stopped) {
    const bootMinutes = spec.hibernates ? spec.resumeMinutes : spec.launchMinutes;
    for (const unit of fleet.units) {
      if (unit.state !== 'stopped') continue;
      if (azIsDown(ctx, unit.az, minute)) {
        markDown(unit, 'az-outage', minute, ctx.azDownUntil[unit.az], spec.launchMinutes);
        continue;
      }
      unit.state = 'booting';
      unit.readyAt = minute + bootMinutes;
      unit.coldUntil = spec.hibernates ? 0 : unit.readyAt + spec.coldCacheMinutes;
    }
    fleet.stopped = false;
    ctx.marks.push({minute, kind: 'schedule', label: `${fleet.workload}: ${spec.hibernates ? 'resumed from hibernation' : 'started'}`});
  }
}

/**
 * Scheduled scaling (an ASG's office-hours schedule): at 18:00 the scheduled action sets min and desired to 0 and
 * the group terminates its instances (nothing is left to bill, not even the root volumes); at 08:00 it sets them
 * back to min and the group launches new instances from the image (launch + boot, cold cache). Target tracking
 * takes over from there.
 */
function scheduledAction(fleet: Fleet, minute: number, ctx: SimContext, wantRunning: boolean): void {
  const spec = fleet.spec;
  if (!wantRunning && !fleet.stopped) {
    let removed = 0;
    for (const unit of fleet.units) {
      if (unit.state === 'terminated') continue;
      terminate(unit);
      removed++;
    }
    fleet.stopped = true;
    fleet.aboveFor = 0;
    fleet.belowFor = 0;
    ctx.marks.push({minute, kind: 'schedule', label: `${fleet.workload}: scheduled action, desired 0 (${removed} ${spec.unitNoun}${removed === 1 ? '' : 's'} terminated)`});
  } else if (wantRunning && fleet.stopped) {
    fleet.stopped = false;
    const desired = spec.scaling ? spec.scaling.min : spec.initialCount;
    let launched = 0;
    for (let n = 0; n < desired; n++) if (launchCold(fleet, minute, ctx)) launched++;
    ctx.marks.push({minute, kind: 'schedule', label: `${fleet.workload}: scheduled action, desired ${desired} (${launched} launched from the image)`});
  }
}

const MINUTES_PER_WEEK = 7 * 24 * 60;
/** Office hours for every minute of a week (they repeat weekly), computed once. */
const OFFICE_WEEK = Uint8Array.from({length: MINUTES_PER_WEEK}, (_, m) => (inOfficeHours(m) ? 1 : 0));

function officeHoursAt(minute: number): boolean {
  return OFFICE_WEEK[minute % MINUTES_PER_WEEK] === 1;
}

/** Speed factor of a ready unit this minute from its cold cache (1 = warm). */
export function cacheSpeed(fleet: Fleet, unit: Unit, minute: number): number {
  return minute < unit.coldUntil ? fleet.spec.coldCacheSpeed : 1;
}

/** Why work sent to a unit that is not serving fails. */
export function unavailableReason(unit: Unit): FailureReason {
  switch (unit.state) {
    case 'down':
      return unit.downReason;
    case 'stopped':
      return 'scheduled-stop';
    case 'pending':
      return 'pending-task';
    case 'booting':
      return 'booting';
    default:
      return 'no-route';
  }
}

/** Why work fails when no unit of the fleet can take it. */
export function fleetDownReason(fleet: Fleet): FailureReason {
  if (fleet.stopped) return 'scheduled-stop';
  let booting = false;
  let pending = false;
  let down: FailureReason | null = null;
  for (const unit of fleet.units) {
    if (unit.state === 'stopped') return 'scheduled-stop';
    if (unit.state === 'booting') booting = true;
    if (unit.state === 'pending') pending = true;
    if (unit.state === 'down' && down === null) down = unit.downReason;
  }
  if (down !== null) return down;
  if (pending) return 'pending-task';
  if (booting) return 'booting';
  return 'no-route';
}
