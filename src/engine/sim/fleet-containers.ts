// Containers: Fargate tasks (billed per vCPU-hour and GB-hour from task start) or tasks bin-packed onto the
// cluster's EC2 instances (ECS/EKS on EC2: the instances bill, the tasks do not). Tasks that fit on no instance stay
// pending. An ECS service / Kubernetes deployment replaces and restarts tasks by itself.
import {CATALOG, instanceType, registeredMemoryMiB} from '../catalog.js';
import type {ContainerTier} from '../types.js';
import {CLUSTER_DEFAULTS} from '../defaults.js';
import {secondsToMinutes} from './context.js';
import type {Meters} from './cost.js';
import type {Fleet, FleetSpec} from './fleet.js';
import {fargateRates} from './pricing.js';
import {markDown, type Unit} from './units.js';
import {unitIdleShare} from './fleet-ec2.js';

export function taskFleetSpec(tier: ContainerTier, initialCount: number): FleetSpec {
  const t = CATALOG.timings;
  const startMinutes = secondsToMinutes(tier.launchType === 'fargate' ? t.fargateTaskStartSeconds : t.ecsTaskOnEc2StartSeconds);
  return {
    unitNoun: 'task',
    vcpu: tier.task.vcpu,
    memoryGb: tier.task.memoryGb,
    launchMinutes: startMinutes,
    restartMinutes: startMinutes,
    resumeMinutes: startMinutes,
    coldCacheMinutes: 0,
    coldCacheSpeed: 1,
    replaces: true,
    restartsCrashes: true,
    loadBalanced: tier.loadBalancer === 'alb',
    azs: [...tier.azs],
    spot: tier.launchType === 'fargate' && tier.spot,
    burst: null,
    schedule: 'always',
    hibernates: false,
    scaling: tier.task.vcpu > 0 && tier.task.memoryGb > 0 ? (tier.scaling ?? null) : null,
    // A task with no CPU or memory cannot run (checkSolution reports it); the tier then serves nothing.
    initialCount: tier.task.vcpu > 0 && tier.task.memoryGb > 0 ? initialCount : 0,
  };
}

/** The cluster's instances: an ECS-optimized / EKS-optimized AMI has the agent baked in, so they boot like a golden AMI. */
export function hostFleetSpec(tier: ContainerTier): FleetSpec {
  const cluster = {...CLUSTER_DEFAULTS, instanceType: 'm5.large', ...tier.cluster};
  const type = instanceType(cluster.instanceType);
  const t = CATALOG.timings;
  return {
    unitNoun: 'cluster instance',
    vcpu: type?.vcpu ?? 0,
    // Tasks are placed against the memory the ECS agent registers (less than the instance's size), in GiB.
    memoryGb: type ? registeredMemoryMiB(type) / 1024 : 0,
    launchMinutes: secondsToMinutes(t.ec2LaunchSeconds + t.goldenAmiBootSeconds),
    restartMinutes: secondsToMinutes(t.goldenAmiBootSeconds),
    resumeMinutes: 0,
    coldCacheMinutes: 0,
    coldCacheSpeed: 1,
    replaces: true,
    restartsCrashes: false,
    loadBalanced: false,
    azs: [...tier.azs],
    spot: cluster.purchase === 'spot',
    burst: null,
    schedule: 'always',
    hibernates: false,
    scaling: null,
    initialCount: type ? cluster.count : 0,
  };
}

// Free vCPU and memory per cluster instance, scratch space reused every call (the engine is single-threaded and this
// is not re-entrant): placement runs every minute, once or twice. Only the first hosts.units.length entries are used.
const freeVcpu: number[] = [];
const freeMemory: number[] = [];

/**
 * Places tasks on cluster instances, first fit by vCPU and memory, instances in order. Tasks on an instance that is
 * no longer serving go down with it (the service replaces them after its health checks). Returns the pending count.
 */
export function placeTasks(tasks: Fleet, hosts: Fleet, minute: number): number {
  const hostVcpu = hosts.spec.vcpu;
  const hostMemory = hosts.spec.memoryGb;
  const hostCount = hosts.units.length;
  for (let h = 0; h < hostCount; h++) {
    const ready = (hosts.units[h] as Unit).state === 'ready';
    freeVcpu[h] = ready ? hostVcpu : 0;
    freeMemory[h] = ready ? hostMemory : 0;
  }
  const {vcpu, memoryGb} = tasks.spec;
  for (const task of tasks.units) {
    if (task.host < 0 || task.state === 'terminated') continue;
    const host = hosts.units[task.host] as Unit;
    if (host.state !== 'ready') {
      if (task.state === 'ready' || task.state === 'booting') markDown(task, host.downReason, minute, Infinity, tasks.spec.launchMinutes);
      if (task.state === 'down') continue;
    }
    if (task.state === 'down') continue;
    freeVcpu[task.host] = (freeVcpu[task.host] ?? 0) - vcpu;
    freeMemory[task.host] = (freeMemory[task.host] ?? 0) - memoryGb;
  }
  let pending = 0;
  for (const task of tasks.units) {
    if (task.host >= 0 || !(task.state === 'booting' || task.state === 'pending' || task.state === 'ready')) continue;
    let i = -1;
    for (let h = 0; h < hostCount; h++) {
      if ((freeVcpu[h] as number) >= vcpu - 1e-9 && (freeMemory[h] as number) >= memoryGb - 1e-9) {
        i = h;
        break;
      }
    }
    if (i < 0) {
      task.state = 'pending';
      pending++;
      continue;
    }
    const host = hosts.units[i] as Unit;
    task.host = i;
    task.az = host.az;
    freeVcpu[i] = (freeVcpu[i] ?? 0) - vcpu;
    freeMemory[i] = (freeMemory[i] ?? 0) - memoryGb;
    if (task.state === 'pending' || task.readyAt < minute) {
      task.state = 'booting';
      task.readyAt = minute + tasks.spec.launchMinutes;
    }
    if (task.state === 'booting' && task.readyAt <= minute) task.state = 'ready';
  }
  return pending;
}

/** Cluster instances do the tasks' work: their busy share is what their tasks did. */
export function shareWorkToHosts(tasks: Fleet, hosts: Fleet): void {
  for (const host of hosts.units) {
    host.workVcpuMin = 0;
    host.capVcpuMin = host.state === 'ready' ? hosts.spec.vcpu : 0;
  }
  for (const task of tasks.units) {
    if (task.host < 0 || task.state !== 'ready') continue;
    const host = hosts.units[task.host];
    if (host) host.workVcpuMin += task.workVcpuMin;
  }
}

export type FargateBiller = (tasks: Fleet, minute: number) => void;

export function makeFargateBiller(tier: ContainerTier, meters: Meters): FargateBiller {
  const workload = tier.workload;
  const rates = fargateRates(tier.architecture, tier.spot);
  const arch = tier.architecture === 'arm' ? 'Arm' : 'x86';
  const spot = tier.spot ? ' Spot' : '';
  const cpu = meters.meter(`fgcpu:${workload}`, {item: `Fargate${spot} vCPU (${arch})`, unit: 'vCPU-hours', unitPriceUsd: rates.usdPerVcpuHour, workload, per: 60});
  const memory = meters.meter(`fggb:${workload}`, {item: `Fargate${spot} memory (${arch})`, unit: 'GB-hours', unitPriceUsd: rates.usdPerGbHour, workload, per: 60});
  const ipv4 = tier.network === 'default-vpc' ? meters.meter(`ipv4:${workload}`, {item: 'Public IPv4 addresses', unit: 'IP-hours', unitPriceUsd: CATALOG.publicIpv4.usdPerHour, workload, per: 60}) : null;
  return (tasks, minute) => {
    let running = 0;
    let idleSum = 0;
    for (const unit of tasks.units) {
      if (unit.state === 'terminated' || unit.state === 'pending' || !unit.billed) continue;
      running++;
      idleSum += unitIdleShare(unit);
    }
    if (running === 0) return;
    const idleShare = idleSum / running;
    cpu.add(running * tier.task.vcpu, minute, idleShare);
    memory.add(running * tier.task.memoryGb, minute, idleShare);
    ipv4?.add(running, minute);
  };
}

export function makeEksBiller(workload: string, meters: Meters): (minute: number) => void {
  const cluster = meters.meter(`eks:${workload}`, {item: 'EKS cluster', unit: 'cluster-hours', unitPriceUsd: CATALOG.eks.usdPerClusterHour, workload, per: 60});
  return (minute) => cluster.add(1, minute);
}
