// Incidents scripted by the level, applied at their minute to the fleets they hit.
//   az-outage: every unit in the AZ goes down until the AZ returns (then it boots again).
//   instance-failure: the lowest-numbered running units fail; an ASG / orchestrator replaces them after its health
//     checks, otherwise they stay down until an operator restores them (timings.operatorRestoreMinutes).
//   spot-interruption: a seeded share of the running spot units gets a two-minute notice, then is reclaimed; an ASG or
//     ECS service launches a replacement at the notice (capacity rebalancing), otherwise an operator relaunches later.
//   container-crash: an orchestrator restarts the task (detection + task start); a process on plain EC2 stays down
//     until an operator restarts it (the default EC2 health check sees the instance, not the process).
import {CATALOG} from '../catalog.js';
import {shuffled} from '../prng.js';
import {formatMinute, parseWhen} from '../time.js';
import type {Incident} from '../types.js';
import type {Az, IncidentKind} from '../vocab.js';
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
}

/** Incidents with a valid time inside the horizon, in time order (stable for equal minutes). */
export function scheduleIncidents(incidents: readonly Incident[], minutes: number): ScheduledIncident[] {
  const out: ScheduledIncident[] = [];
  for (const incident of incidents) {
    const when = parseWhen(incident.at);
    if (!when.ok || when.minute >= minutes) continue;
    const length = incident.kind === 'az-outage' ? Math.max(0, incident.minutes) : 0;
    out.push({minute: when.minute, endMinute: when.minute + length, incident, label: incidentLabel(incident, when.minute)});
  }
  return out.sort((a, b) => a.minute - b.minute);
}

function incidentLabel(incident: Incident, minute: number): string {
  switch (incident.kind) {
    case 'az-outage':
      return `AZ ${incident.az} down ${formatMinute(minute)}–${formatMinute(minute + incident.minutes).slice(4)}`;
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

/** Applies one incident; returns how many units it hit (for the findings). */
export function applyIncident(scheduled: ScheduledIncident, targets: readonly IncidentTarget[], ctx: SimContext): number {
  const {incident, minute} = scheduled;
  ctx.marks.push({minute, kind: incident.kind as IncidentKind, label: scheduled.label});
  switch (incident.kind) {
    case 'az-outage': {
      const az: Az = incident.az;
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
      for (const unit of fleet.units) {
        if (hit >= incident.units) break;
        if (!running(unit)) continue;
        const restoreAt = fleet.spec.replaces ? Infinity : minute + ctx.operatorRestoreMinutes;
        markDown(unit, 'instance-failure', minute, restoreAt, fleet.spec.launchMinutes);
        hit++;
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
