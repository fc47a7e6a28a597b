// The builder's live estimate: a steady-state month at the workloads' expected demand, and the static findings.
// No tick loop: one sample minute per hour of the week (168), each with that hour's demand shape and schedule,
// billed through the same meters and prices as the simulation (sim/fleet-ec2, sim/fleet-containers, sim/lambda),
// so the line items and unit prices match a run. Spikes, noise, incidents and scaling delays are left out.
// Burstable instances keep a credit bank across the sample hours, as a run does: quiet nights fill it, busy days
// draw on it, and only what an empty bank cannot cover is surplus.
import {CATALOG, instanceType} from './catalog.js';
import {lambdaTimeoutWallSeconds, lambdaWorkSeconds, staticFindings} from './findings-static.js';
import {inOfficeHours, MINUTES_PER_HOUR} from './time.js';
import type {ContainerTier, CostLine, Ec2Tier, Finding, LambdaTier, Level, Tier, Workload} from './types.js';
import {Meters} from './sim/cost.js';
import {dailyMultipliers, jobReleaseMinutes} from './sim/demand.js';
import {ec2FleetSpec, ec2InstanceBilling, makeInstanceBiller} from './sim/fleet-ec2.js';
import {hostFleetSpec, makeEksBiller, makeFargateBiller, taskFleetSpec} from './sim/fleet-containers.js';
import type {Fleet, FleetSpec} from './sim/fleet.js';
import {billedDurationMs, lambdaConcurrencyLimit, lambdaMeters} from './sim/lambda.js';
import {billDedicatedFee, makeNetworkBiller, networkBilling} from './sim/network.js';
import {newUnit, type Unit} from './sim/units.js';
import {CLUSTER_DEFAULTS} from './defaults.js';

export interface Estimate {
  monthlyCostUsd: number;
  cost: CostLine[];
  findings: Finding[];
}

const HOURS_PER_WEEK = 168;

/** Items per second at a given hour of the week (web: requests, events: events; jobs: 0). */
function rateAt(workload: Workload, hourOfWeek: number): number {
  if (workload.kind === 'jobs') return 0;
  const base = workload.kind === 'web' ? workload.baseRps : workload.baseRate;
  const daily = dailyMultipliers(workload.daily);
  return base * (daily[hourOfWeek % 24] ?? 1) * (workload.weekly[Math.floor(hourOfWeek / 24)] ?? 1);
}

/** vCPUs of work per second of demand (1 vCPU for one second per second = 1). */
function vcpuDemand(workload: Workload, rate: number, jobsRunning: number): number {
  if (workload.kind === 'web') return (rate * workload.cpuMsPerRequest) / 1000;
  if (workload.kind === 'events') return (rate * workload.cpuMsPerEvent) / 1000;
  return jobsRunning;
}

/** Average jobs running per hour of the week if each runs `runMinutes`. */
function jobsRunningByHour(workload: Workload, runMinutes: number): Float64Array {
  const out = new Float64Array(HOURS_PER_WEEK);
  if (workload.kind !== 'jobs') return out;
  // A job cannot run longer than the week it is sampled over (and a unit with no vCPU would never finish).
  const minutes = Math.min(runMinutes, HOURS_PER_WEEK * MINUTES_PER_HOUR);
  for (const start of jobReleaseMinutes(workload, HOURS_PER_WEEK * MINUTES_PER_HOUR)) {
    for (let m = start; m < start + minutes; m++) {
      const h = Math.floor(m / MINUTES_PER_HOUR) % HOURS_PER_WEEK;
      out[h] = (out[h] ?? 0) + workload.count / MINUTES_PER_HOUR;
    }
  }
  return out;
}

function sampleFleet(spec: FleetSpec, count: number, workload: string, busyVcpu: number, running: boolean): Fleet {
  const units: Unit[] = [];
  const perUnitWork = count > 0 ? Math.min(spec.vcpu, busyVcpu / count) : 0;
  for (let i = 0; i < count; i++) {
    const unit = newUnit(i, spec.azs[i % Math.max(1, spec.azs.length)] ?? 'a', 0, 0, 0);
    unit.state = running ? 'ready' : 'stopped';
    unit.workVcpuMin = running ? perUnitWork : 0;
    unit.capVcpuMin = running ? spec.vcpu : 0;
    units.push(unit);
  }
  return {spec, workload, units, nextId: count, primaryId: 0, primaryLostAt: -1, stopped: !running, aboveFor: 0, belowFor: 0, lastCpu: 0, launches: 0, replacements: 0, scaleOuts: 0, peakUnits: count, keepTerminated: false, surplusDue: 0};
}

/** Units a fleet runs for this much busy vCPU: fixed count, or target tracking's answer within min and max. */
function unitsFor(spec: FleetSpec, fixed: number, busyVcpu: number): number {
  if (!spec.scaling) return fixed;
  const target = Math.max(spec.scaling.targetCpu, 0.01);
  const needed = spec.vcpu > 0 ? Math.ceil(busyVcpu / (spec.vcpu * target)) : spec.scaling.min;
  return Math.min(spec.scaling.max, Math.max(spec.scaling.min, needed));
}

function estimateEc2(workload: Workload, tier: Ec2Tier, meters: Meters, dedicatedHours: Uint8Array): void {
  const spec = ec2FleetSpec(tier);
  const runMinutes = workload.kind === 'jobs' ? workload.vcpuMinutes / (workload.parallelizable ? Math.max(1, spec.vcpu) : 1) : 0;
  const jobs = jobsRunningByHour(workload, Math.ceil(runMinutes));
  const billing = ec2InstanceBilling(workload, tier);
  const network = networkBilling(workload, tier);
  const billInstances = makeInstanceBiller(billing, meters);
  const billNetwork = makeNetworkBiller(network, meters);
  // One average unit's bank and surplus owed, starting as a run's do (sim/fleet: createFleet, sim/credits): launch
  // credits, nothing owed; each sample stands for an hour.
  let bank = spec.burst ? spec.burst.launchCredits : 0;
  let owed = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const minute = h * MINUTES_PER_HOUR;
    const running = tier.schedule === 'always' || inOfficeHours(minute);
    const rate = rateAt(workload, h);
    const busy = vcpuDemand(workload, rate, jobs[h] ?? 0);
    // A scheduled-scaling group has no instances out of hours (they terminate); a plain tier's are stopped.
    const count = !running && spec.scheduledScaling ? 0 : unitsFor(spec, spec.initialCount, busy);
    const fleet = sampleFleet(spec, count, workload.id, busy, running);
    // Surplus credits charged per sample minute for the fleet (the hour's charge over 60 minutes, every unit alike):
    // earnings pay back what is owed first; what is owed beyond 24 hours of earnings is charged; a stop or the
    // end of the week charges the rest.
    let charged = 0;
    const unit = fleet.units[0];
    const burst = spec.burst;
    if (running && burst && unit) {
      let balance = bank + (burst.earnedPerMinute - unit.workVcpuMin) * MINUTES_PER_HOUR;
      if (balance >= 0) {
        const repaid = Math.min(owed, balance);
        owed -= repaid;
        balance -= repaid;
      } else if (burst.unlimited) {
        owed -= balance;
        if (owed > burst.maxOwed) {
          charged += owed - burst.maxOwed;
          owed = burst.maxOwed;
        }
      }
      bank = Math.min(burst.maxCredits, Math.max(0, balance));
    }
    const stopsNext = !running || h === HOURS_PER_WEEK - 1 || !(tier.schedule === 'always' || inOfficeHours(minute + MINUTES_PER_HOUR));
    if (stopsNext && owed > 0) {
      charged += owed;
      owed = 0;
    }
    if (!running && spec.scheduledScaling) bank = burst ? burst.launchCredits : 0;
    const surplus = (charged / MINUTES_PER_HOUR) * fleet.units.length;
    meters.weight = 1;
    if (billInstances(fleet, h, surplus) > 0) dedicatedHours[h] = 1;
    billNetwork(h, rate * 60);
  }
}

function estimateContainers(workload: Workload, tier: ContainerTier, meters: Meters, dedicatedHours: Uint8Array): void {
  const perJob = workload.kind === 'jobs';
  const spec = taskFleetSpec(tier, tier.tasks);
  const threads = workload.kind === 'jobs' && workload.parallelizable ? spec.vcpu : Math.min(1, spec.vcpu);
  const runMinutes = workload.kind === 'jobs' ? workload.vcpuMinutes / Math.max(threads, 1e-9) + spec.launchMinutes : 0;
  const jobs = jobsRunningByHour(workload, Math.ceil(runMinutes));
  const network = networkBilling(workload, tier);
  const cluster = {...CLUSTER_DEFAULTS, instanceType: 'm5.large', ...tier.cluster};
  const hostSpec = hostFleetSpec(tier);
  const billHosts = makeInstanceBiller({instanceType: cluster.instanceType, purchase: cluster.purchase, rootVolumeGb: CATALOG.ebs.defaultRootVolumeGb, publicIpv4: tier.network === 'default-vpc', workload: workload.id, committedInstances: cluster.count}, meters);
  const billTasks = makeFargateBiller(tier, meters);
  const billEks = tier.compute === 'eks' ? makeEksBiller(workload.id, meters) : null;
  const billNetwork = makeNetworkBiller(network, meters);
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const rate = rateAt(workload, h);
    const busy = vcpuDemand(workload, rate, jobs[h] ?? 0);
    meters.weight = 1;
    if (tier.launchType === 'ec2') {
      const hosts = sampleFleet(hostSpec, hostSpec.initialCount, workload.id, busy, true);
      const dedicated = billHosts(hosts, h, 0);
      if (dedicated > 0) dedicatedHours[h] = 1;
    } else if (perJob) {
      // A task per running job: bill one task weighted by the average number running.
      meters.weight = jobs[h] ?? 0;
      billTasks(sampleFleet(spec, 1, workload.id, threads, true), h);
      meters.weight = 1;
    } else {
      const count = unitsFor(spec, tier.tasks, busy);
      billTasks(sampleFleet(spec, count, workload.id, busy, true), h);
    }
    billEks?.(h);
    billNetwork(h, rate * 60);
  }
}

function estimateLambda(workload: Workload, tier: LambdaTier, meters: Meters): void {
  const bill = lambdaMeters(tier, workload.id, meters);
  const runMs = Math.min(lambdaWorkSeconds(workload, tier), lambdaTimeoutWallSeconds(tier)) * 1000;
  const memoryGb = tier.memoryMb / 1024;
  const limit = lambdaConcurrencyLimit(tier);
  const jobsByHour = new Float64Array(HOURS_PER_WEEK);
  if (workload.kind === 'jobs') {
    for (const m of jobReleaseMinutes(workload, HOURS_PER_WEEK * MINUTES_PER_HOUR)) {
      const h = Math.floor(m / MINUTES_PER_HOUR);
      jobsByHour[h] = (jobsByHour[h] ?? 0) + workload.count;
    }
  }
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    meters.weight = 1;
    // Invocations in this sample minute: a steady minute of the hour's rate (jobs: the hour's jobs spread over it).
    const perMinute = workload.kind === 'jobs' ? (jobsByHour[h] ?? 0) / MINUTES_PER_HOUR : Math.min(rateAt(workload, h), (limit * 1000) / Math.max(runMs, 1)) * 60;
    bill.requests(h, perMinute);
    const provisionedCapacity = (Math.min(tier.provisionedConcurrency, limit) * 60_000) / Math.max(1, runMs);
    const onProvisioned = Math.min(perMinute, provisionedCapacity);
    bill.provisionedDuration(h, (onProvisioned * billedDurationMs(runMs) * memoryGb) / 1000);
    bill.gbSeconds(h, ((perMinute - onProvisioned) * billedDurationMs(runMs) * memoryGb) / 1000);
    bill.provisioned(h, 0);
    if (workload.kind === 'web') bill.apiRequests(h, rateAt(workload, h) * 60);
  }
}

/** Steady-state monthly cost of a build at expected demand, and its static findings. Cheap: no tick loop. */
export function estimate(level: Level, tiers: Tier[]): Estimate {
  // 168 sample minutes, one per hour of the week, scaled to a 730-hour month.
  const meters = new Meters(HOURS_PER_WEEK / MINUTES_PER_HOUR, HOURS_PER_WEEK, 1);
  /** Hours of the week in which any dedicated instance runs: the per-region fee, once. */
  const dedicatedHours = new Uint8Array(HOURS_PER_WEEK);
  for (const workload of level.workloads) {
    const tier = tiers.find((t) => t.workload === workload.id);
    if (!tier) continue;
    if (tier.compute === 'ec2') {
      if (instanceType(tier.instanceType)) estimateEc2(workload, tier, meters, dedicatedHours);
    } else if (tier.compute === 'lambda') estimateLambda(workload, tier, meters);
    else estimateContainers(workload, tier, meters, dedicatedHours);
  }
  meters.weight = 1;
  dedicatedHours.forEach((on, h) => {
    if (on) billDedicatedFee(meters, h);
  });
  const {lines, monthlyMicroUsd} = meters.lines();
  return {monthlyCostUsd: monthlyMicroUsd / 1e6, cost: lines, findings: staticFindings(level, tiers)};
}
