// EC2 tiers: the fleet spec from a tier (boot times, burst credits, schedule, hibernation) and the per-minute
// meters (instance-hours by type and purchase, dedicated hosts, EBS, public IPv4, burst surplus).
import {CATALOG, instanceType} from '../catalog.js';
import type {Ec2Tier, Workload} from '../types.js';
import type {PurchaseOption} from '../vocab.js';
import {burstModel} from './credits.js';
import {secondsToMinutes} from './context.js';
import type {Meters} from './cost.js';
import type {Fleet, FleetSpec} from './fleet.js';
import {committedInstances, dedicatedHostFor, hostsNeeded, instanceHourUsd, PURCHASE_LABEL, surplusUsdPerVcpuHour} from './pricing.js';
import type {Unit} from './units.js';

/** Hibernation works: an encrypted root volume, RAM below the limit, a supported family (else it acts as a stop). */
export function hibernationSupported(tier: Pick<Ec2Tier, 'instanceType' | 'encryptedRoot'>): boolean {
  const type = instanceType(tier.instanceType);
  const rules = CATALOG.hibernation;
  if (!type) return false;
  return type.hibernation && (!rules.needsEncryptedRoot || tier.encryptedRoot) && type.memoryGiB < rules.maxRamGiB && rules.families.includes(type.family);
}

export function ec2BootSeconds(image: Ec2Tier['image']): number {
  const t = CATALOG.timings;
  return image === 'golden' ? t.goldenAmiBootSeconds : t.stockAmiBootSeconds;
}

export function ec2FleetSpec(tier: Ec2Tier): FleetSpec {
  const type = instanceType(tier.instanceType);
  const t = CATALOG.timings;
  const bootSeconds = ec2BootSeconds(tier.image);
  return {
    unitNoun: 'instance',
    vcpu: type?.vcpu ?? 0,
    memoryGb: type?.memoryGiB ?? 0,
    launchMinutes: secondsToMinutes(t.ec2LaunchSeconds + bootSeconds),
    restartMinutes: secondsToMinutes(bootSeconds),
    resumeMinutes: secondsToMinutes(t.hibernateResumeSeconds),
    coldCacheMinutes: t.coldCacheMinutes,
    coldCacheSpeed: t.coldCacheSpeed,
    replaces: tier.scaling !== undefined,
    restartsCrashes: false,
    loadBalanced: tier.loadBalancer === 'alb',
    azs: [...tier.azs],
    spot: tier.purchase === 'spot',
    burst: burstModel(tier.instanceType, tier.creditMode),
    schedule: tier.schedule,
    // An Auto Scaling group cannot hibernate its instances (content checks refuse it); a group's schedule is
    // scheduled scaling: out of hours its instances terminate, in the morning new ones launch.
    hibernates: tier.schedule === 'office-hours-hibernate' && hibernationSupported(tier) && tier.scaling === undefined,
    scheduledScaling: tier.scaling !== undefined && tier.schedule !== 'always',
    healthCheck: tier.healthCheck,
    graceMinutes: secondsToMinutes(t.asgHealthCheckGraceSeconds),
    scaling: tier.scaling ?? null,
    initialCount: type ? tier.count : 0,
  };
}

export interface InstanceBilling {
  instanceType: string;
  purchase: PurchaseOption;
  rootVolumeGb: number;
  publicIpv4: boolean;
  workload: string;
  /**
   * Savings plan purchase: the instances the hourly commitment is sized to (the tier's always-on count). The
   * commitment is billed every minute of the run, used or not; instances beyond it bill on-demand.
   */
  committedInstances?: number;
}

/** Idle share of a unit this minute: the part of its capacity that did no work (booting / down: all of it). */
export function unitIdleShare(unit: Unit): number {
  if (unit.state !== 'ready' || unit.capVcpuMin <= 0) return 1;
  return Math.max(0, 1 - unit.workVcpuMin / unit.capVcpuMin);
}

/** Bills a minute; returns dedicated instances running. `existing` is how many instances exist (for ops hours). */
export interface InstanceBiller {
  (fleet: Fleet, minute: number, surplusCredits: number): number;
  existing: number;
  /** Bills surplus credits outside a minute's bill (what the units still owe when the run ends). */
  surplus(credits: number, minute: number): void;
}

/** Savings plan tiers: the commitment's instance-hours, used and unused, and the on-demand hours beyond it. */
function commitmentMeters(billing: InstanceBilling, meters: Meters, committed: number) {
  const {instanceType: typeName, workload} = billing;
  const planRate = instanceHourUsd(typeName, 'savings-plan');
  return {
    committed,
    used: meters.meter(`sp-used:${workload}:${typeName}`, {item: `EC2 ${typeName} savings plan commitment, used`, unit: 'instance-hours', unitPriceUsd: planRate, workload, per: 60}),
    unused: meters.meter(`sp-unused:${workload}:${typeName}`, {item: `EC2 ${typeName} savings plan commitment, unused`, unit: 'committed instance-hours', unitPriceUsd: planRate, workload, per: 60}),
    beyond: meters.meter(`ec2:${workload}:${typeName}:on-demand`, {item: `EC2 ${typeName} on-demand beyond the savings plan`, unit: 'instance-hours', unitPriceUsd: instanceHourUsd(typeName, 'on-demand'), workload, per: 60}),
  };
}

/** What an EC2 tier's instances bill: the same for the run and the builder's estimate. */
export function ec2InstanceBilling(workload: Workload, tier: Ec2Tier): InstanceBilling {
  return {
    instanceType: tier.instanceType,
    purchase: tier.purchase,
    rootVolumeGb: tier.rootVolumeGb,
    publicIpv4: tier.network === 'default-vpc',
    workload: workload.id,
    committedInstances: committedInstances(tier.count, tier.scaling?.min),
  };
}

/**
 * One minute of an instance fleet's bill. Running instances (booting, serving, or failed but not terminated) bill
 * instance time; every instance that exists — stopped too — bills its root volume and, in the default VPC, its public IPv4.
 * The biller returns the number of dedicated instances running (for the per-region dedicated fee).
 */
export function makeInstanceBiller(billing: InstanceBilling, meters: Meters): InstanceBiller {
  const {instanceType: typeName, purchase, workload} = billing;
  const host = purchase === 'dedicated-host' ? dedicatedHostFor(typeName) : undefined;
  const plan = purchase === 'savings-plan' ? commitmentMeters(billing, meters, Math.max(0, billing.committedInstances ?? 0)) : null;
  const compute = plan
    ? null
    : host
    ? meters.meter(`host:${workload}:${host.family}`, {item: `Dedicated host ${host.family}`, unit: 'host-hours', unitPriceUsd: host.usdPerHour, workload, per: 60})
    : purchase === 'dedicated-host'
      ? null
      : meters.meter(`ec2:${workload}:${typeName}:${purchase}`, {item: `EC2 ${typeName} ${PURCHASE_LABEL[purchase]}`, unit: 'instance-hours', unitPriceUsd: instanceHourUsd(typeName, purchase), workload, per: 60});
  const ebs = meters.meter(`ebs:${workload}`, {item: 'EBS gp3 root volumes', unit: 'GB-months', unitPriceUsd: CATALOG.ebs.gp3UsdPerGbMonth, workload, per: 60 * 730});
  const ipv4 = billing.publicIpv4 ? meters.meter(`ipv4:${workload}`, {item: 'Public IPv4 addresses', unit: 'IP-hours', unitPriceUsd: CATALOG.publicIpv4.usdPerHour, workload, per: 60}) : null;
  const surplus = meters.meter(`surplus:${workload}`, {item: `CPU credits ${typeName} unlimited surplus`, unit: 'vCPU-hours', unitPriceUsd: surplusUsdPerVcpuHour(typeName), workload, per: 60});
  const bill = ((fleet: Fleet, minute: number, surplusCredits: number): number => {
    let running = 0;
    let existing = 0;
    let idleSum = 0;
    // A Dedicated Host lives in one AZ: instances in two AZs need a host in each.
    const perAz = host ? new Map<string, number>() : undefined;
    for (const unit of fleet.units) {
      if (unit.state === 'terminated') continue;
      if (unit.billed || unit.state === 'stopped') existing++;
      if (!unit.billed || unit.state === 'stopped' || unit.state === 'pending') continue;
      running++;
      idleSum += unitIdleShare(unit);
      perAz?.set(unit.az, (perAz.get(unit.az) ?? 0) + 1);
    }
    if (running > 0 && compute) {
      let units = running;
      if (host && perAz) {
        units = 0;
        for (const inAz of perAz.values()) units += hostsNeeded(inAz, host.perHost);
      }
      compute.add(units, minute, idleSum / running);
    }
    if (plan) {
      // The commitment bills every minute of the term: what running instances use of it, and what they leave unused
      // (money for capacity that did no work: idle). Instances beyond it bill on-demand.
      const covered = Math.min(running, plan.committed);
      const idle = running > 0 ? idleSum / running : 0;
      if (covered > 0) plan.used.add(covered, minute, idle);
      if (plan.committed > covered) plan.unused.add(plan.committed - covered, minute, 1);
      if (running > covered) plan.beyond.add(running - covered, minute, idle);
    }
    if (existing > 0) {
      ebs.add(existing * billing.rootVolumeGb, minute);
      ipv4?.add(existing, minute);
    }
    if (surplusCredits > 0) surplus.add(surplusCredits, minute);
    bill.existing = existing;
    return purchase === 'dedicated-instance' ? running : 0;
  }) as InstanceBiller;
  bill.existing = 0;
  bill.surplus = (credits: number, minute: number) => {
    if (credits > 0) surplus.add(credits, minute);
  };
  return bill;
}
