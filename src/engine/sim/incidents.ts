// Incidents scripted by the level, applied at their minute to what the player built (#14: a lesson must not be
// dodged by building around a scripted letter; AZ letters are mapped per account, so an outage can hit any AZ).
//   az-outage: strikes the AZ that holds the most of the build's serving capacity at that minute (ties broken by the
//     seed), unless the level pins `az:`. Every unit in the AZ goes down until the AZ returns (then it boots again).
//   instance-failure: serving units fail (the lowest-numbered ready ones; booting ones only when none is ready); an
//     ASG / orchestrator replaces them after its health checks, otherwise they stay down until an operator restores
//     them (timings.operatorRestoreMinutes).
//   spot-interruption: a seeded share of the running spot units gets a two-minute notice, then is reclaimed; an ASG or
//     ECS service launches a replacement at the notice (capacity rebalancing), otherwise an operator relaunches later.
//   container-crash: an orchestrator restarts the task (detection + task start); a process on plain EC2 stays down
//     until an operator restarts it (the default EC2 health check sees the instance, not the process).
import {CATALOG} from '../catalog.js';
import {nextInt, shuffled} from '../prng.js';
import {formatMinute, parseWhen} from '../time.js';
import type {Incident} from '../types.js';
import {AZS, type Az, type IncidentKind} from '../vocab.js';
import type {SimContext} from './context.js';
import {secondsToMinutes} from './context.js';
import {launchUnit, type Fleet} from './fleet.js';
import {markDown, type Unit} from './units.js';

export interface IncidentTarget {
  workload: string;
  /** Units that serve (instances or tasks). */
  fleet: Fleet | null;
  /** Cluster instances under the tasks (ECS/EKS on EC2). */
  hosts: Fleet | null;
  isContainer: boolean;
}

export interface ScheduledIncident {
  minute: number;
  endMinute: number;
  incident: Incident;
  label: string;
  /** az-outage: the AZ it struck (the pinned one, or the one chosen when it began); null before it begins. */
  az: Az | null;
}

/** Incidents with a valid time inside the horizon, in time order (stable for equal minutes). */
export function scheduleIncidents(incidents: readonly Incident[], minutes: number): ScheduledIncident[] {
  const out: ScheduledIncident[] = [];
  for (const incident of incidents) {
    const when = parseWhen(incident.at);
    if (!when.ok || when.minute >= minutes) continue;
    const length = incident.kind === 'az-outage' ? Math.max(0, incident.minutes) : 0;
    out.push({minute: when.minute, endMinute: when.minute + length, incident, label: incidentLabel(incident, when.minute, null), az: null});
  }
  return out.sort((a, b) => a.minute - b.minute);
}

function incidentLabel(incident: Incident, minute: number, struck: Az | null): string {
  switch (incident.kind) {
    case 'az-outage':
      return `AZ ${struck ?? incident.az ?? '?'} down ${formatMinute(minute)}–${formatMinute(minute + incident.minutes).slice(4)}`;
    case 'instance-failure':
      return `${incident.units} instance${incident.units === 1 ? '' : 's'} failed ${formatMinute(minute)}`;
    case 'spot-interruption':
      return `spot interruption ${formatMinute(minute)} (${Math.round(incident.share * 100)}% of spot capacity)`;
    case 'container-crash':
      return `${incident.units} container${incident.units === 1 ? '' : 's'} crashed ${formatMinute(minute)}`;
  }
}

function running(unit: Unit): boolean {
  return unit.state === 'ready' || unit.state === 'booting';
}

function pickTarget(targets: readonly IncidentTarget[], workload: string | undefined, prefer: (t: IncidentTarget) => boolean): IncidentTarget | undefined {
  if (workload !== undefined) return targets.find((t) => t.workload === workload);
  return targets.find(prefer);
}

/**
 * Does this unit serve right now? A ready unit of the serving fleet; for a web tier without a load balancer, only the
 * one whose address clients use (the others idle).
 */
function servingUnit(fleet: Fleet, unit: Unit, web: boolean): boolean {
  return unit.state === 'ready' && (!web || fleet.spec.loadBalanced || unit.id === fleet.primaryId);
}

/**
 * The AZ an unpinned outage strikes: the one with the most serving capacity (vCPU of serving units, over every tier)
 * at this minute; else the one with the most units of any kind; else any AZ. Ties are broken by the seed.
 */
export function strikeAz(targets: readonly IncidentTarget[], ctx: SimContext, webWorkloads: ReadonlySet<string>): Az {
  const serving = new Map<Az, number>();
  const present = new Map<Az, number>();
  for (const target of targets) {
    for (const fleet of [target.fleet, target.hosts]) {
      if (!fleet) continue;
      for (const unit of fleet.units) {
        if (unit.state === 'terminated') continue;
        present.set(unit.az, (present.get(unit.az) ?? 0) + 1);
        if (fleet === target.fleet && servingUnit(fleet, unit, webWorkloads.has(target.workload))) serving.set(unit.az, (serving.get(unit.az) ?? 0) + fleet.spec.vcpu);
      }
    }
  }
  const pool = serving.size > 0 ? serving : present;
  let best = -Infinity;
  let tied: Az[] = [];
  for (const az of AZS) {
    const value = pool.get(az);
    if (pool.size > 0 && value === undefined) continue;
    const v = value ?? 0;
    if (v > best + 1e-9) {
      best = v;
      tied = [az];
    } else if (Math.abs(v - best) <= 1e-9) tied.push(az);
  }
  return tied.length === 1 ? (tied[0] as Az) : (tied[nextInt(ctx.incidentRng, tied.length)] as Az);
}

/** Applies one incident; returns how many units it hit (for the findings). */
export function applyIncident(scheduled: ScheduledIncident, targets: readonly IncidentTarget[], ctx: SimContext, webWorkloads: ReadonlySet<string> = new Set()): number {
  const {incident, minute} = scheduled;
  if (incident.kind === 'az-outage') {
    scheduled.az = incident.az ?? strikeAz(targets, ctx, webWorkloads);
    scheduled.label = incidentLabel(incident, minute, scheduled.az);
  }
  ctx.marks.push({minute, kind: incident.kind as IncidentKind, label: scheduled.label});
  switch (incident.kind) {
    case 'az-outage': {
      const az = scheduled.az as Az;
      ctx.azDownUntil[az] = Math.max(ctx.azDownUntil[az], scheduled.endMinute);
      let hit = 0;
      for (const target of targets) {
        for (const fleet of [target.fleet, target.hosts]) {
          if (!fleet) continue;
          for (const unit of fleet.units) {
            if (unit.az !== az || !(running(unit) || unit.state === 'pending')) continue;
            markDown(unit, 'az-outage', minute, scheduled.endMinute, fleet.spec.launchMinutes);
            hit++;
          }
        }
      }
      return hit;
    }
    case 'instance-failure': {
      const target = pickTarget(targets, incident.workload, (t) => (t.fleet !== null && !t.isContainer) || t.hosts !== null);
      const fleet = target ? (target.hosts ?? target.fleet) : null;
      if (!fleet) return 0;
      let hit = 0;
      // Serving units first: ready ones (for cluster instances, ready ones that run a ready task), then any other
      // running ones. A failure of capacity that serves nothing would teach nothing.
      const hosting = new Set<number>();
      if (target?.hosts && target.fleet) for (const task of target.fleet.units) if (task.state === 'ready' && task.host >= 0) hosting.add(task.host);
      const web = target !== undefined && webWorkloads.has(target.workload);
      const serving = (u: Unit, i: number): boolean => (fleet === target?.hosts ? u.state === 'ready' && hosting.has(i) : servingUnit(fleet, u, web));
      for (const wanted of [serving, (u: Unit, i: number) => running(u) && !serving(u, i)]) {
        for (let i = 0; i < fleet.units.length; i++) {
          const unit = fleet.units[i] as Unit;
          if (hit >= incident.units) break;
          if (!wanted(unit, i)) continue;
          const restoreAt = fleet.spec.replaces ? Infinity : minute + ctx.operatorRestoreMinutes;
          markDown(unit, 'instance-failure', minute, restoreAt, fleet.spec.launchMinutes);
          hit++;
        }
      }
      return hit;
    }
    case 'spot-interruption': {
      const notice = secondsToMinutes(CATALOG.spot.interruptionNoticeSeconds);
      let hit = 0;
      for (const target of targets) {
        for (const fleet of [target.fleet, target.hosts]) {
          if (!fleet || !fleet.spec.spot) continue;
          const candidates = fleet.units.filter((u) => running(u) && u.reclaimAt === Infinity);
          if (candidates.length === 0) continue;
          const count = Math.min(candidates.length, Math.max(incident.share > 0 ? 1 : 0, Math.round(incident.share * candidates.length)));
          for (const unit of shuffled(ctx.incidentRng, candidates).slice(0, count)) {
            unit.reclaimAt = minute + notice;
            if (fleet.spec.replaces && launchUnit(fleet, minute, ctx)) {
              unit.replaced = true;
              fleet.replacements++;
            }
            hit++;
          }
        }
      }
      return hit;
    }
    case 'container-crash': {
      const target = pickTarget(targets, incident.workload, (t) => t.isContainer) ?? pickTarget(targets, undefined, (t) => t.fleet !== null);
      const fleet = target?.fleet;
      if (!fleet) return 0;
      let hit = 0;
      for (const unit of fleet.units) {
        if (hit >= incident.units) break;
        if (unit.state !== 'ready') continue;
        const restoreAt = fleet.spec.restartsCrashes ? minute + 1 : minute + ctx.operatorRestoreMinutes;
        markDown(unit, 'container-crash', minute, restoreAt, fleet.spec.restartMinutes);
        hit++;
      }
      return hit;
    }
  }
}
