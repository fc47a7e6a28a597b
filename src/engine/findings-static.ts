// Findings visible in the build itself, before any simulated minute: availability design, security,
// licensing, hibernation support, boot time, servers to patch, work that cannot fit Lambda's timeout.
// Order: tier order, then FINDING_IDS order within a tier.
import {CATALOG, instanceType, lambdaVcpu} from './catalog.js';
import type {ContainerTier, Ec2Tier, Finding, LambdaTier, Level, Tier, Workload} from './types.js';
import {FINDING_CONCEPT, FINDING_IDS, type FindingId, type Severity} from './vocab.js';

const SEVERITY: Record<FindingId, Severity> = {
  'single-az': 'warning',
  'single-instance': 'warning',
  'no-load-balancer': 'warning',
  'customer-data-in-default-vpc': 'critical',
  'ssh-open-to-world': 'warning',
  'access-keys-on-instance': 'warning',
  'license-not-compliant': 'critical',
  'lambda-timeout-wall': 'warning',
  'cold-starts-hurt-latency': 'warning',
  'idle-capacity': 'info',
  'burst-credits-exhausted': 'warning',
  'tasks-pending': 'warning',
  'spot-without-spare-capacity': 'warning',
  'hibernate-not-supported': 'warning',
  'slow-boot-stock-ami': 'info',
  'overloaded': 'warning',
  'lambda-throttled': 'warning',
  'jobs-missed-deadline': 'warning',
  'events-too-old': 'warning',
  'servers-to-patch': 'info',
  'az-outage-survived': 'info',
  'instance-not-replaced': 'warning',
  'scheduled-stop-while-busy': 'warning',
  'job-out-of-memory': 'warning',
  'eks-cluster-fee': 'info',
  'slower-than-slo': 'warning',
  'lambda-memory-cpu': 'warning',
  'tenants-share-hosts': 'warning',
  'inbound-rule-missing': 'critical',
  'customer-data-over-http': 'critical',
};

/** The severity each finding id carries (the simulation's dynamic findings use the same table). */
export function findingSeverity(id: FindingId): Severity {
  return SEVERITY[id];
}

/** A finding with its severity and concept card filled in from the tables. */
export function makeFinding(id: FindingId, message: string, workload?: string): Finding {
  const finding: Finding = {id, severity: SEVERITY[id], concept: FINDING_CONCEPT[id], message};
  if (workload !== undefined) finding.workload = workload;
  return finding;
}

// One formatter for every call: toLocaleString builds a new one each time (the same text, many times the cost).
const COUNT = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});
const count = (n: number): string => COUNT.format(n);
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** Units a tier can run at most (instances for EC2, tasks for containers). */
function maxUnits(tier: Ec2Tier | ContainerTier): number {
  if (tier.scaling) return tier.scaling.max;
  return tier.compute === 'ec2' ? tier.count : tier.tasks;
}

function minUnits(tier: Ec2Tier | ContainerTier): number {
  if (tier.scaling) return tier.scaling.min;
  return tier.compute === 'ec2' ? tier.count : tier.tasks;
}

const unitNoun = (tier: Ec2Tier | ContainerTier): string => (tier.compute === 'ec2' ? 'instance' : 'task');

/** "2 instances", "1–4 tasks". */
function units(tier: Ec2Tier | ContainerTier): string {
  const min = minUnits(tier);
  const max = maxUnits(tier);
  return `${range(min, max)} ${max === 1 ? unitNoun(tier) : `${unitNoun(tier)}s`}`;
}

function range(min: number, max: number): string {
  return min === max ? count(min) : `${count(min)}–${count(max)}`;
}

/**
 * Seconds one unit of work (a request, a job, an event) runs on a Lambda function of this size.
 * The function gets memoryMb / 1,769 of a vCPU; work that is not parallelizable uses at most one vCPU.
 */
export function lambdaWorkSeconds(workload: Workload, tier: LambdaTier): number {
  const share = lambdaVcpu(tier.memoryMb);
  switch (workload.kind) {
    case 'web':
      return workload.cpuMsPerRequest / 1000 / Math.min(share, 1);
    case 'events':
      return workload.cpuMsPerEvent / 1000 / Math.min(share, 1);
    case 'jobs':
      return (workload.vcpuMinutes * 60) / (workload.parallelizable ? share : Math.min(share, 1));
  }
}

/** The timeout Lambda actually enforces: the function's, capped by the 15-minute wall. */
export function lambdaTimeoutWallSeconds(tier: LambdaTier): number {
  return Math.min(tier.timeoutSeconds, CATALOG.lambda.timeoutSecondsMax);
}

type Check = (tier: Tier, workload: Workload | undefined, level: Level) => string | undefined;

/**
 * Does the tier's security group let web requests in? A security group denies what no rule allows: a web tier needs
 * HTTP or HTTPS from the load balancer (or, without one, from the internet). SSH does not carry web traffic.
 */
export function admitsWebTraffic(tier: Ec2Tier): boolean {
  return tier.inbound.includes('http') || tier.inbound.includes('https');
}

/** Does this compute run on EC2 instances the player owns (and patches)? */
function ec2Backed(tier: Tier): tier is Ec2Tier | ContainerTier {
  return tier.compute === 'ec2' || ((tier.compute === 'ecs' || tier.compute === 'eks') && tier.launchType === 'ec2');
}

function serverCount(tier: Tier): {min: number; max: number} | undefined {
  if (tier.compute === 'ec2') return {min: minUnits(tier), max: maxUnits(tier)};
  if ((tier.compute === 'ecs' || tier.compute === 'eks') && tier.launchType === 'ec2' && tier.cluster) {
    return {min: tier.cluster.count, max: tier.cluster.count};
  }
  return undefined;
}

const CHECKS: Partial<Record<FindingId, Check>> = {
  // Containers on one EC2 host share its kernel; Fargate gives every task its own micro-VM and Lambda every
  // function its own Firecracker micro-VM (docs/MODEL.md, "Tenant isolation").
  'tenants-share-hosts': (tier, workload) => {
    const tenants = workload?.tenants ?? 1;
    if (tenants <= 1 || !ec2Backed(tier)) return undefined;
    if (tier.compute === 'ec2') {
      return `${tier.workload} serves ${count(tenants)} tenants who must be isolated, but every tenant's requests run in the same processes on the same ${tier.instanceType} instances, sharing their kernel. Run each tenant's tasks on Fargate (a micro-VM per task) or Lambda.`;
    }
    const type = tier.cluster?.instanceType ?? 'cluster';
    return `${tier.workload} serves ${count(tenants)} tenants who must be isolated, but their tasks are bin-packed onto shared ${type} instances: containers on one host share its kernel, so one tenant's escape reaches the others. Fargate runs each task in its own micro-VM, sharing no kernel.`;
  },
  'single-az': (tier, workload) => {
    if (tier.compute === 'lambda' || !workload || workload.kind === 'jobs') return undefined;
    const azs = [...new Set(tier.azs)];
    if (azs.length > 1) return undefined;
    const az = azs[0] ?? 'a';
    const where = `one Availability Zone (us-east-1${az}): if that AZ goes down, ${tier.workload} goes down with it`;
    if (maxUnits(tier) === 1) return `The only ${unitNoun(tier)} of ${tier.workload} runs in ${where}. Run two or more, in two or more AZs.`;
    return `All ${units(tier)} of ${tier.workload} run in ${where}. Spread them over two or more AZs.`;
  },
  'single-instance': (tier) => {
    if (tier.compute !== 'ec2' || maxUnits(tier) !== 1) return undefined;
    const how = tier.scaling ? 'its Auto Scaling group has max 1' : 'it runs a fixed count of 1';
    return `${tier.workload} runs on a single ${tier.instanceType} (${how}): when that instance fails or is stopped, nothing else serves.`;
  },
  'no-load-balancer': (tier, workload) => {
    if (tier.compute === 'lambda' || workload?.kind !== 'web') return undefined;
    const max = maxUnits(tier);
    if (max <= 1 || tier.loadBalancer !== 'none') return undefined;
    return `${tier.workload} can run up to ${plural(max, unitNoun(tier))} but has no load balancer: all traffic goes to one of them and the other ${count(max - 1)} sit idle while you pay for them. Add an ALB.`;
  },
  'customer-data-in-default-vpc': (tier, _workload, level) => {
    if (!level.data.customerData || tier.compute === 'lambda' || tier.network !== 'default-vpc') return undefined;
    return `${tier.workload} handles customer data on ${tier.compute === 'ec2' ? 'instances' : 'tasks'} in the default VPC: public subnets, each with a public IP reachable from the internet. Put them in private subnets behind the load balancer.`;
  },
  'ssh-open-to-world': (tier) => {
    if (tier.compute !== 'ec2' || !tier.inbound.includes('ssh-anywhere')) return undefined;
    return `The security group of ${tier.workload} allows SSH (port 22) from 0.0.0.0/0: anyone on the internet can try to log in. Remove the rule and use Session Manager, or allow only your own address.`;
  },
  'access-keys-on-instance': (tier) => {
    if (tier.compute !== 'ec2' || tier.identity !== 'access-keys') return undefined;
    return `${tier.workload} keeps long-lived IAM access keys on the instance: anyone who reads the disk can use them anywhere. Use an instance profile (an IAM role): its credentials are temporary and rotate automatically.`;
  },
  'license-not-compliant': (tier, _workload, level) => {
    if (level.requirements.license !== 'per-socket-byol') return undefined;
    if (tier.compute === 'ec2') {
      if (tier.purchase === 'dedicated-host') return undefined;
      return `The licence is per physical socket (bring your own licence), but ${tier.workload} runs on ${tier.purchase} instances whose sockets you cannot see or count. Only a Dedicated Host shows its sockets and cores: use purchase dedicated-host.`;
    }
    if (tier.compute !== 'lambda' && tier.launchType === 'ec2') {
      if (tier.cluster?.purchase === 'dedicated-host') return undefined;
      return `The licence is per physical socket, but the ${tier.compute.toUpperCase()} cluster of ${tier.workload} runs on ${tier.cluster?.purchase ?? 'unspecified'} instances whose sockets you cannot count. Put the cluster on Dedicated Hosts.`;
    }
    const what = tier.compute === 'lambda' ? 'Lambda' : 'Fargate';
    return `The licence is per physical socket, but ${tier.workload} runs on ${what}, where AWS picks the hardware and no socket can be counted. Per-socket licences need EC2 on a Dedicated Host.`;
  },
  'lambda-timeout-wall': (tier, workload) => {
    if (tier.compute !== 'lambda' || !workload) return undefined;
    const needSeconds = lambdaWorkSeconds(workload, tier);
    const wallSeconds = lambdaTimeoutWallSeconds(tier);
    if (needSeconds <= wallSeconds) return undefined;
    const item = workload.kind === 'jobs' ? 'job' : workload.kind === 'events' ? 'event' : 'request';
    const vcpu = lambdaVcpu(tier.memoryMb);
    const capped = tier.timeoutSeconds > CATALOG.lambda.timeoutSecondsMax ? `, and Lambda never runs longer than ${CATALOG.lambda.timeoutSecondsMax} s` : '';
    return `Each ${item} of ${tier.workload} needs about ${count(Math.ceil(needSeconds))} s on ${count(tier.memoryMb)} MB (${vcpu.toFixed(2)} vCPU), but the function times out after ${count(wallSeconds)} s${capped}: every ${item} fails. Use Fargate or EC2 for long work, or split it.`;
  },
  'hibernate-not-supported': (tier) => {
    // An Auto Scaling group cannot hibernate at all: checkSolution refuses that build (engine/check.ts).
    if (tier.compute !== 'ec2' || tier.schedule !== 'office-hours-hibernate' || tier.scaling) return undefined;
    const type = instanceType(tier.instanceType);
    if (!type) return undefined; // checkSolution reports the unknown type
    const rules = CATALOG.hibernation;
    const reasons: string[] = [];
    if (rules.needsEncryptedRoot && !tier.encryptedRoot) reasons.push('the root volume is not encrypted (RAM is written to it)');
    if (!rules.families.includes(type.family)) reasons.push(`the ${type.family} family does not support hibernation`);
    if (type.memoryGiB >= rules.maxRamGiB) reasons.push(`${count(type.memoryGiB)} GiB of RAM is not below the ${count(rules.maxRamGiB)} GiB limit`);
    if (reasons.length === 0) return undefined;
    return `${tier.workload} asks to hibernate ${tier.instanceType} outside office hours, but ${reasons.join('; ')}. It will stop instead and start cold.`;
  },
  'slow-boot-stock-ami': (tier) => {
    if (tier.compute !== 'ec2' || tier.image !== 'stock' || !tier.scaling) return undefined;
    const t = CATALOG.timings;
    const stockMinutes = (t.ec2LaunchSeconds + t.stockAmiBootSeconds) / 60;
    const goldenMinutes = (t.ec2LaunchSeconds + t.goldenAmiBootSeconds) / 60;
    return `${tier.workload} scales out from a stock AMI: each new instance needs about ${count(Math.round(stockMinutes * 10) / 10)} min before it serves (about ${count(Math.round(goldenMinutes * 10) / 10)} min from a golden AMI with the app baked in).`;
  },
  'eks-cluster-fee': (tier) => {
    if (tier.compute !== 'eks') return undefined;
    const hourly = CATALOG.eks.usdPerClusterHour;
    const monthly = Math.round(hourly * 730);
    return `${tier.workload} runs on its own Amazon EKS cluster: the Kubernetes control plane bills $${hourly.toFixed(2)} an hour (about $${monthly} a month) before any task runs. Amazon ECS has no charge for the cluster; worth paying when you need Kubernetes itself (its tools, portability across clouds, a team that already runs it).`;
  },
  'inbound-rule-missing': (tier, workload) => {
    if (tier.compute !== 'ec2' || workload?.kind !== 'web' || admitsWebTraffic(tier)) return undefined;
    const from = tier.loadBalancer === 'alb' ? 'from the load balancer' : 'from the internet';
    const has = tier.inbound.length === 0 ? 'no inbound rule at all' : `only ${tier.inbound.join(', ')}`;
    return `The security group of ${tier.workload} has ${has}: it admits neither HTTP (port 80) nor HTTPS (port 443) ${from}, so no request reaches the instances and every one fails. Add the missing rule: inbound [https].`;
  },
  'customer-data-over-http': (tier, workload, level) => {
    if (!level.data.customerData || tier.compute !== 'ec2' || workload?.kind !== 'web' || !admitsWebTraffic(tier) || tier.inbound.includes('https')) return undefined;
    return `${tier.workload} takes customer data over plain HTTP (port 80) only: names and addresses cross the internet unencrypted, readable on every network they pass. Serve HTTPS (port 443, a certificate from ACM on the load balancer's listener) and allow inbound https.`;
  },
  'servers-to-patch': (tier) => {
    const servers = ec2Backed(tier) ? serverCount(tier) : undefined;
    if (!servers) return undefined;
    const perServer = CATALOG.timings.opsHoursPerServerMonth;
    const hours = range(Math.round(servers.min * perServer * 10) / 10, Math.round(servers.max * perServer * 10) / 10);
    return `${tier.workload} runs on ${range(servers.min, servers.max)} EC2 ${servers.max === 1 ? 'server' : 'servers'} you patch, update and watch: about ${hours} ops hours a month. Fargate and Lambda leave that to AWS.`;
  },
};

/** Findings visible without running: for each tier in order, in FINDING_IDS order. */
export function staticFindings(level: Level, tiers: Tier[]): Finding[] {
  const workloads = new Map(level.workloads.map((w) => [w.id, w]));
  const findings: Finding[] = [];
  for (const tier of tiers) {
    const workload = workloads.get(tier.workload);
    for (const id of FINDING_IDS) {
      const message = CHECKS[id]?.(tier, workload, level);
      if (message !== undefined) findings.push(makeFinding(id, message, tier.workload));
    }
  }
  return findings;
}
