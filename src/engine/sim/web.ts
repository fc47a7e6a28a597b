// Serving web requests on a fleet for one minute. With an ALB, traffic spreads evenly over the targets it
// believes healthy (a dead target keeps its share until the health checks notice). Without one, every request
// goes to the primary unit's address and the others idle. Each unit is an M/M/c queue (latency.ts).
import type {WebWorkload} from '../types.js';
import type {FailureReason} from '../vocab.js';
import {creditCapVcpuMin, spendCredits} from './credits.js';
import {cacheSpeed, fleetDownReason, unavailableReason, type Fleet} from './fleet.js';
import type {SimContext} from './context.js';
import {queueMinute} from './latency.js';
import type {WorkloadStats} from './stats.js';
import type {Unit} from './units.js';

export interface MinuteOutcome {
  /** Surplus CPU credits spent this minute (unlimited mode; billed). */
  surplusCredits: number;
  /** Items handled this minute (events), for the network meters. */
  itemsServed?: number;
}

/** Work of zero CPU would make capacity infinite: every request costs at least a microsecond. */
export const MIN_CPU_MS = 0.001;

// Scratch space reused every minute (the engine is single-threaded and this is not re-entrant): no allocations in the loop.
// Arrays only grow; the counts say how much of them this minute uses (resetting `length` costs more than it saves).
const targets: Unit[] = [];
let targetCount = 0;
const unitGroup: number[] = [];
/** Each target's cold-cache speed this minute, read by both passes over the targets. */
const unitCacheSpeed: number[] = [];
const groupMs: number[] = [];
const groupCount: number[] = [];
const groupServed: number[] = [];
let groups = 0;

function addTarget(unit: Unit): void {
  targets[targetCount++] = unit;
}

/** Without a load balancer: the primary; an operator re-points the address to a serving unit after a while. */
function primaryTarget(fleet: Fleet, minute: number, ctx: SimContext): Unit | undefined {
  let primary: Unit | undefined;
  for (const unit of fleet.units) {
    if (unit.id === fleet.primaryId) {
      primary = unit;
      break;
    }
  }
  if (primary && primary.state === 'ready') {
    fleet.primaryLostAt = -1;
    return primary;
  }
  if (fleet.primaryLostAt < 0) fleet.primaryLostAt = minute;
  if (minute - fleet.primaryLostAt >= ctx.operatorRestoreMinutes) {
    const serving = fleet.units.find((u) => u.state === 'ready');
    if (serving) {
      fleet.primaryId = serving.id;
      fleet.primaryLostAt = -1;
      primary = serving;
    }
  }
  return primary;
}

/**
 * Why requests fail when the one address clients use is not serving: what happened to that instance; once it is
 * gone (terminated, replaced elsewhere), no-route — healthy instances may exist, but nothing sends them traffic.
 */
function primaryReason(fleet: Fleet, primary: Unit | undefined): FailureReason {
  if (primary && primary.state !== 'terminated') return unavailableReason(primary);
  return fleet.units.some((u) => u.state !== 'terminated') ? 'no-route' : fleetDownReason(fleet);
}

export function serveWebMinute(fleet: Fleet, workload: WebWorkload, minute: number, offered: number, stats: WorkloadStats, ctx: SimContext, overflowReason: FailureReason = 'overload'): MinuteOutcome {
  const spec = fleet.spec;
  const offeredTotal = offered;
  targetCount = 0;
  if (spec.loadBalanced) {
    // One pass: clear each unit's minute and collect the ALB's targets: serving units not under a spot notice,
    // and dead ones its health checks have not noticed yet.
    const healthCheckMinutes = ctx.healthCheckMinutes;
    for (const unit of fleet.units) {
      unit.workVcpuMin = 0;
      unit.capVcpuMin = 0;
      if (unit.state === 'ready' ? unit.reclaimAt === Infinity : unit.state === 'down' && unit.wasServing && minute - unit.downSince < healthCheckMinutes) targets[targetCount++] = unit;
    }
  } else {
    for (const unit of fleet.units) {
      unit.workVcpuMin = 0;
      unit.capVcpuMin = 0;
    }
    const primary = primaryTarget(fleet, minute, ctx);
    if (primary && primary.state === 'ready') addTarget(primary);
    else if (offered > 0) {
      stats.fail(primaryReason(fleet, primary), offered, minute);
      offered = 0;
    }
  }
  if (targetCount === 0 && offered > 0) {
    stats.fail(fleetDownReason(fleet), offered, minute);
    offered = 0;
  }

  const share = targetCount > 0 ? offered / targetCount : 0;
  const servers = Math.max(1, Math.floor(spec.vcpu));
  const perServer = spec.vcpu / servers;
  let good = 0;
  let capacityPerMinute = 0;
  let p95Ms = 0;
  let demandVcpuMin = 0;
  // Units in the same condition (speed) behave the same: queue once per distinct service time.
  groups = 0;
  // A unit's service time depends only on its credit cap and cache speed: the next unit with the same two (most
  // units, most minutes) joins the same group without working it out again.
  let lastCap = Number.NaN;
  let lastCache = Number.NaN;
  let lastGroup = -1;
  for (let i = 0; i < targetCount; i++) {
    const unit = targets[i] as Unit;
    if (unit.state !== 'ready') {
      stats.fail(unavailableReason(unit), share, minute);
      unitGroup[i] = -1;
      continue;
    }
    const capVcpu = creditCapVcpuMin(spec.burst, unit, spec.vcpu);
    const cache = cacheSpeed(fleet, unit, minute);
    unitCacheSpeed[i] = cache;
    let g = lastGroup;
    if (capVcpu !== lastCap || cache !== lastCache) {
      const speed = (capVcpu / spec.vcpu) * cache;
      const serviceMs = Math.max(workload.cpuMsPerRequest, MIN_CPU_MS) / (speed * perServer);
      g = 0;
      while (g < groups && groupMs[g] !== serviceMs) g++;
      if (g === groups) {
        groupMs[g] = serviceMs;
        groupCount[g] = 0;
        groups++;
      }
      lastCap = capVcpu;
      lastCache = cache;
      lastGroup = g;
    }
    groupCount[g] = (groupCount[g] ?? 0) + 1;
    unitGroup[i] = g;
  }
  for (let g = 0; g < groups; g++) {
    const serviceMs = groupMs[g] ?? 1;
    const copies = groupCount[g] ?? 1;
    const q = queueMinute(share, servers, serviceMs, workload.sloMs, stats.histogram, copies);
    stats.fail(overflowReason, q.overload * copies, minute);
    stats.fail('slow', q.slow * copies, minute);
    good += (share - q.overload - q.slow) * copies;
    capacityPerMinute += ((servers * 60_000) / serviceMs) * copies;
    if (q.p95Ms > p95Ms) p95Ms = q.p95Ms;
    groupServed[g] = q.served;
  }
  // The same again for the work each unit did: units with the same cache speed and group did the same.
  let lastSpeed = Number.NaN;
  lastGroup = -1;
  let unitWork = 0;
  let unitDemand = 0;
  for (let i = 0; i < targetCount; i++) {
    const g = unitGroup[i] ?? -1;
    if (g < 0) continue;
    const unit = targets[i] as Unit;
    const speed = unitCacheSpeed[i] as number;
    if (speed !== lastSpeed || g !== lastGroup) {
      const cpuMsPerRequest = workload.cpuMsPerRequest / speed;
      unitWork = ((groupServed[g] ?? 0) * cpuMsPerRequest) / 60_000;
      unitDemand = (share * cpuMsPerRequest) / 60_000;
      lastSpeed = speed;
      lastGroup = g;
    }
    unit.workVcpuMin = unitWork;
    demandVcpuMin += unitDemand;
  }
  stats.record(minute, offeredTotal, capacityPerMinute, good, p95Ms);
  return finishMinute(fleet, minute, demandVcpuMin);
}

/**
 * A minute in which the security group admits no web traffic: every request fails before it reaches an instance.
 * The instances still run (and bill, and earn credits) with nothing to do.
 */
export function serveBlockedMinute(fleet: Fleet, minute: number, offered: number, stats: WorkloadStats): MinuteOutcome {
  for (const unit of fleet.units) {
    unit.workVcpuMin = 0;
    unit.capVcpuMin = 0;
  }
  if (offered > 0) stats.fail('security-group', offered, minute);
  stats.record(minute, offered, 0, 0, 0);
  return finishMinute(fleet, minute, 0);
}

/** Credits, capacity and the CPU the scaler sees (average over serving units, as CloudWatch reports it). */
/** One outcome object, refilled every minute (read it before the next call). */
const OUTCOME: MinuteOutcome = {surplusCredits: 0, itemsServed: undefined};

export function finishMinute(fleet: Fleet, _minute: number, demandVcpuMin: number): MinuteOutcome {
  const spec = fleet.spec;
  let surplusCredits = 0;
  let readyVcpu = 0;
  for (const unit of fleet.units) {
    if (unit.state === 'ready') {
      // A standard-mode burstable held to its baseline can only use what its credits allow.
      unit.capVcpuMin = creditCapVcpuMin(spec.burst, unit, spec.vcpu);
      readyVcpu += spec.vcpu;
    }
    if ((unit.state === 'ready' || unit.state === 'booting') && unit.billed) surplusCredits += spendCredits(spec.burst, unit, unit.workVcpuMin);
  }
  fleet.lastCpu = readyVcpu > 0 ? Math.min(1, demandVcpuMin / readyVcpu) : demandVcpuMin > 0 ? 1 : 0;
  OUTCOME.surplusCredits = surplusCredits;
  OUTCOME.itemsServed = undefined;
  return OUTCOME;
}
