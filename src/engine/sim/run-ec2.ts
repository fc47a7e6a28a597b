// An EC2 tier: a fleet of instances (fixed count or an Auto Scaling group) serving web, jobs or events.
import type {Ec2Tier, Workload} from '../types.js';
import {createFleet, type Fleet} from './fleet.js';
import {ec2FleetSpec, makeInstanceBiller} from './fleet-ec2.js';
import {scaleFleet} from './scaling.js';
import {advanceFleet} from './fleet.js';
import {makeNetworkBiller} from './network.js';
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
  const billing = {instanceType: tier.instanceType, purchase: tier.purchase, rootVolumeGb: tier.rootVolumeGb, publicIpv4: tier.network === 'default-vpc', workload: workload.id};
  const network = {workload: workload.id, alb: tier.loadBalancer === 'alb', natGateways: tier.network === 'private' ? new Set(tier.azs).size : 0};
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
      noteCredits(summary, fleet, minute, outcome);
      runner.dedicatedRunning = billInstances(fleet, minute, outcome.surplusCredits);
      billNetwork(minute, requests);
      summary.serverMinutes += billInstances.existing;
    },
    finish() {
      finishWork(inputs, stats, ctx.minutes);
    },
  };
  return runner;
}

/** Minutes a standard-mode burstable fleet had work but was held to its baseline. */
export function noteCredits(summary: ReturnType<typeof emptySummary>, fleet: Fleet, minute: number, outcome: MinuteOutcome): void {
  summary.surplusCredits += outcome.surplusCredits;
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
