// An EC2 tier: a fleet of instances (fixed count or an Auto Scaling group) serving web, jobs or events.
import type {Ec2Tier, Workload} from '../types.js';
import {createFleet, type Fleet} from './fleet.js';
import {settleSurplus} from './credits.js';
import {ec2FleetSpec, ec2InstanceBilling, makeInstanceBiller} from './fleet-ec2.js';
import {scaleFleet} from './scaling.js';
import {advanceFleet} from './fleet.js';
import {makeNetworkBiller, networkBilling} from './network.js';
import {emptySummary, type RunnerDeps, type TierRunner} from './runner.js';
import type {WorkloadStats} from './stats.js';
import {admitsWebTraffic} from '../findings-static.js';
import {serveBlockedMinute, serveWebMinute, type MinuteOutcome} from './web.js';
import {finishWork, serveWorkMinute, type WorkInputs} from './work.js';

export function ec2Runner(workload: Workload, tier: Ec2Tier, stats: WorkloadStats, inputs: WorkInputs, deps: RunnerDeps): TierRunner {
  const {ctx, meters} = deps;
  const spec = ec2FleetSpec(tier);
  const fleet: Fleet = createFleet(spec, workload.id);
  const summary = emptySummary();
  const billing = ec2InstanceBilling(workload, tier);
  const network = networkBilling(workload, tier);
  const billInstances = makeInstanceBiller(billing, meters);
  const billNetwork = makeNetworkBiller(network, meters);
  // Security groups gate traffic (#14): without an HTTP or HTTPS rule no request reaches the instances.
  const blocked = workload.kind === 'web' && !admitsWebTraffic(tier);
  const runner: TierRunner = {
    workload,
    tier,
    stats,
    fleet,
    summary,
    dedicatedRunning: 0,
    target: {workload: workload.id, fleet, hosts: null, isContainer: false},
    step(minute) {
      advanceFleet(fleet, minute, ctx);
      scaleFleet(fleet, minute, ctx);
      let outcome: MinuteOutcome;
      let requests = 0;
      if (workload.kind === 'web') {
        requests = (inputs.rate?.[minute] ?? 0) * 60;
        outcome = blocked ? serveBlockedMinute(fleet, minute, requests, stats) : serveWebMinute(fleet, workload, minute, requests, stats, ctx);
      } else {
        outcome = serveWorkMinute(fleet, workload, inputs, minute, stats, ctx, null);
        requests = outcome.itemsServed ?? 0;
      }
      // Surplus owed by units that stopped or terminated this minute is charged with this minute's.
      const surplus = outcome.surplusCredits + fleet.surplusDue;
      fleet.surplusDue = 0;
      noteCredits(summary, fleet, minute, surplus);
      runner.dedicatedRunning = billInstances(fleet, minute, surplus);
      billNetwork(minute, requests);
      summary.serverMinutes += billInstances.existing;
    },
    finish() {
      finishWork(inputs, stats, ctx.minutes);
      // What the units still owe at the end is billed with the run: a week that starts owing nothing and ends owing
      // this is what a month of such weeks (owing the same at each start and end) pays.
      let owed = fleet.surplusDue;
      for (const unit of fleet.units) owed += settleSurplus(unit);
      fleet.surplusDue = 0;
      summary.surplusCredits += owed;
      billInstances.surplus(owed, ctx.minutes - 1);
    },
  };
  return runner;
}

/** Minutes a standard-mode burstable fleet had work but was held to its baseline. */
export function noteCredits(summary: ReturnType<typeof emptySummary>, fleet: Fleet, minute: number, surplusCredits: number): void {
  summary.surplusCredits += surplusCredits;
  const burst = fleet.spec.burst;
  if (!burst || burst.unlimited) return;
  for (const unit of fleet.units) {
    if (unit.state !== 'ready' || unit.workVcpuMin <= 0) continue;
    if (unit.credits <= 1e-9 && unit.workVcpuMin >= burst.earnedPerMinute - 1e-9) {
      summary.creditThrottledMinutes++;
      if (summary.firstCreditThrottleMinute < 0) summary.firstCreditThrottleMinute = minute;
      return;
    }
  }
}
