// Target tracking on average CPU (EC2 Auto Scaling, ECS/EKS service auto scaling): scale out after
// scaleOutMinutes above the target, scale in after scaleInMinutes below 90% of it. While launched units warm up,
// scale-out goes on (the ready units' CPU sets the desired count) and only scale-in is held back.
// Desired = ceil(ready × CPU / target), within min and max.
import {launchUnit, terminate, type Fleet} from './fleet.js';
import type {SimContext} from './context.js';
import {isInService, type Unit} from './units.js';

export const SCALE_IN_THRESHOLD = 0.9;

export function scaleFleet(fleet: Fleet, minute: number, ctx: SimContext): void {
  const scaling = fleet.spec.scaling;
  if (!scaling || fleet.stopped) return;
  let inService = 0;
  let ready = 0;
  let warming = false;
  for (const unit of fleet.units) {
    if (!isInService(unit)) continue;
    inService++;
    if (unit.state === 'ready') ready++;
    if (unit.state === 'booting' || unit.state === 'pending') warming = true;
  }
  // Keep the minimum whatever happened.
  for (let n = inService; n < scaling.min; n++) if (launchUnit(fleet, minute, ctx)) inService++;

  const cpu = fleet.lastCpu;
  const target = Math.max(scaling.targetCpu, 0.01);
  fleet.aboveFor = cpu > target ? fleet.aboveFor + 1 : 0;
  fleet.belowFor = cpu < target * SCALE_IN_THRESHOLD ? fleet.belowFor + 1 : 0;
  const base = Math.max(ready, 1);
  // With every unit still warming up there is no metric from the group yet: nothing to decide on.
  if (fleet.aboveFor >= ctx.timings.scaleOutMinutes && (ready > 0 || !warming)) {
    // Units still warming up do not count as capacity yet: the metric of the ready ones decides the new desired
    // count. Without warm-up in flight the alarm adds at least one; with it, only what the ready ones' CPU asks for
    // beyond what is already launching (so a rising load keeps scaling out, a steady one does not over-scale).
    const wanted = Math.ceil((base * cpu) / target);
    const desired = Math.min(scaling.max, warming ? wanted : Math.max(inService + 1, wanted));
    let launched = 0;
    for (let n = inService; n < desired; n++) if (launchUnit(fleet, minute, ctx)) launched++;
    fleet.aboveFor = 0;
    if (launched > 0) {
      fleet.scaleOuts++;
      ctx.marks.push({minute, kind: 'scale-out', label: `${fleet.workload}: +${launched} ${fleet.spec.unitNoun}${launched === 1 ? '' : 's'} (CPU ${Math.round(cpu * 100)}%)`});
    }
  } else if (warming) {
    // Scale-in waits until the launched units have warmed up.
    return;
  } else if (fleet.belowFor >= ctx.timings.scaleInMinutes) {
    const desired = Math.max(scaling.min, Math.ceil((base * cpu) / target));
    let removed = 0;
    for (let i = fleet.units.length - 1; i >= 0 && inService - removed > desired; i--) {
      const unit = fleet.units[i] as Unit;
      if (unit.state !== 'ready') continue;
      terminate(unit);
      removed++;
    }
    fleet.belowFor = 0;
    if (removed > 0) ctx.marks.push({minute, kind: 'scale-in', label: `${fleet.workload}: −${removed} ${fleet.spec.unitNoun}${removed === 1 ? '' : 's'}`});
  }
}
