// The pricing and limits catalog: us-east-1, Linux, USD, each number with its public source and the date it was read.
// The data lives in assets/catalog.json; this module types it (tsc checks the JSON against these interfaces)
// and gives the engine read-only access. A static JSON import is bundled, not read at run time.
import data from '../../assets/catalog.json' with {type: 'json'};

/** Where a number comes from. `retrieved` is YYYY-MM-DD. */
export interface Source {
  url: string;
  retrieved: string;
  note?: string;
}

export interface BurstSpec {
  /** Baseline utilisation per vCPU (0.2 = 20%). */
  baselinePerVcpu: number;
  /** CPU credits earned per hour (1 credit = 1 vCPU at 100% for 1 minute). */
  creditsEarnedPerHour: number;
  /** Maximum credits that can be banked (24 h of earnings). */
  maxCredits: number;
  /** Launch credits (standard mode) – 0 where AWS gives none (T4g/T3 in unlimited). */
  launchCredits: number;
}

export interface InstanceType {
  family: string;
  vcpu: number;
  memoryGiB: number;
  /** Linux on-demand, us-east-1. */
  usdPerHour: number;
  arch: 'x86' | 'arm';
  burst?: BurstSpec;
  /** The family supports hibernation (and this size's RAM is below the limit). */
  hibernation: boolean;
  /** Physical sockets on the dedicated host of this family (for per-socket BYOL). */
  hostSockets: number;
  source: Source;
}

export interface DedicatedHost {
  /** On-demand price per host-hour for this family's host. */
  usdPerHour: number;
  /** How many of each size fit on one host, e.g. {"m5.large": 48}. */
  capacity: Record<string, number>;
  sockets: number;
  physicalCores: number;
  source: Source;
}

export interface FargateCombo {
  vcpu: number;
  /** Allowed memory values in GB for this vCPU. */
  memoryGb: number[];
}

export interface Catalog {
  region: string;
  currency: 'USD';
  /** When the catalog as a whole was last checked. */
  retrieved: string;
  instanceTypes: Record<string, InstanceType>;
  /** Burstable (T3/T4g) unlimited mode: surplus CPU credits beyond what the instance earns are billed per vCPU-hour. */
  /** Per burstable family (t3, t4g): USD per vCPU-hour of surplus credits. */
  burst: {surplusUsdPerVcpuHour: Record<string, number>; source: Source};
  ebs: {gp3UsdPerGbMonth: number; defaultRootVolumeGb: number; source: Source};
  publicIpv4: {usdPerHour: number; source: Source};
  alb: {
    usdPerHour: number;
    usdPerLcuHour: number;
    /** LCU dimensions: one LCU = this much of each per hour/second; billed on the highest. */
    lcu: {newConnectionsPerSecond: number; activeConnectionsPerMinute: number; processedGbPerHour: number; ruleEvaluationsPerSecond: number};
    source: Source;
  };
  natGateway: {usdPerHour: number; usdPerGbProcessed: number; source: Source};
  eks: {usdPerClusterHour: number; source: Source};
  /** ECS on EC2: the share of an instance's memory its container agent registers for tasks (the rest is kernel and platform). */
  ecs: {registeredMemoryShare: number; source: Source};
  fargate: {
    x86: {usdPerVcpuHour: number; usdPerGbHour: number};
    arm: {usdPerVcpuHour: number; usdPerGbHour: number};
    /** Fargate Spot price as a share off the on-demand price (0.7 = 70% off). */
    spotDiscount: number;
    minimumBillingSeconds: number;
    /** Free ephemeral storage per task (GB). */
    freeEphemeralStorageGb: number;
    combos: FargateCombo[];
    source: Source;
  };
  lambda: {
    x86: {usdPerGbSecond: number; provisionedUsdPerGbSecond: number; provisionedDurationUsdPerGbSecond: number};
    arm: {usdPerGbSecond: number; provisionedUsdPerGbSecond: number; provisionedDurationUsdPerGbSecond: number};
    usdPerMillionRequests: number;
    memoryMbMin: number;
    memoryMbMax: number;
    /** At this much memory a function has the equivalent of one full vCPU. */
    mbPerVcpu: number;
    timeoutSecondsMax: number;
    defaultConcurrencyLimit: number;
    /** Unreserved concurrency AWS keeps for functions without a reservation. */
    minUnreservedConcurrency: number;
    source: Source;
  };
  apiGateway: {httpApiUsdPerMillionRequests: number; source: Source};
  dedicatedHosts: Record<string, DedicatedHost>;
  dedicatedInstance: {
    /** Per-region fee per hour while any dedicated instance runs. */
    regionFeeUsdPerHour: number;
    /** Dedicated instance hourly price as a multiple of the on-demand price. */
    priceFactor: number;
    source: Source;
  };
  spot: {
    /** Typical discount off on-demand (0.7 = pay 30%). Real spot prices float; the model uses one factor. */
    typicalDiscount: number;
    interruptionNoticeSeconds: number;
    source: Source;
  };
  savingsPlan: {
    /** Compute Savings Plan, 1 year, no upfront: typical discount off on-demand. */
    computeDiscount: number;
    source: Source;
  };
  hibernation: {maxRamGiB: number; needsEncryptedRoot: boolean; families: string[]; source: Source};
  /** Model timing constants (not prices): what the simulation assumes, with the AWS docs they come from. */
  timings: {
    /** Instance launch to running + status checks passing. */
    ec2LaunchSeconds: number;
    /** App boot on a stock AMI (install packages, pull code, warm up). */
    stockAmiBootSeconds: number;
    /** App boot on a golden AMI (everything baked in). */
    goldenAmiBootSeconds: number;
    /** Resume from hibernation (RAM restored from EBS). */
    hibernateResumeSeconds: number;
    /** After a plain start, the cache is cold: this many minutes at reduced speed. */
    coldCacheMinutes: number;
    coldCacheSpeed: number;
    fargateTaskStartSeconds: number;
    ecsTaskOnEc2StartSeconds: number;
    /** Lambda cold start (init) per runtime. */
    lambdaColdStartMs: Record<string, number>;
    /** ALB health check: interval × unhealthy threshold. */
    albHealthCheckSeconds: number;
    /** EC2 status checks (what an Auto Scaling group's default EC2 health check reads) notice a failed instance. */
    ec2StatusCheckSeconds: number;
    /** An Auto Scaling group ignores failed health checks this long after a launch (console default 300 s). */
    asgHealthCheckGraceSeconds: number;
    /** ASG/ECS target tracking: minutes above target before scale-out, below before scale-in. */
    scaleOutMinutes: number;
    scaleInMinutes: number;
    /** Minutes an operator takes to notice and restore a failed instance that nothing replaces. */
    operatorRestoreMinutes: number;
    /** Ops hours per month per server you patch and run (a model estimate, not an AWS number). */
    opsHoursPerServerMonth: number;
    source: Source;
  };
}

export const CATALOG: Readonly<Catalog> = data as Catalog;

export function instanceType(name: string): InstanceType | undefined {
  return Object.hasOwn(CATALOG.instanceTypes, name) ? CATALOG.instanceTypes[name] : undefined;
}

export function isValidFargateSize(vcpu: number, memoryGb: number): boolean {
  return CATALOG.fargate.combos.some((c) => c.vcpu === vcpu && c.memoryGb.includes(memoryGb));
}

/**
 * Memory (MiB) an ECS container instance of this type registers for tasks: what the OS reports, less the kernel's
 * and the platform's share (AWS: an 8 GiB m4.large registers 7,985 MiB). Bin-packing uses this, not the EC2 size.
 */
export function registeredMemoryMiB(type: InstanceType): number {
  return Math.floor(type.memoryGiB * 1024 * CATALOG.ecs.registeredMemoryShare);
}

/** A task's memory in MiB as ECS reserves it (task memory is written in GB here: 1 GB = 1,024 MiB). */
export function taskMemoryMiB(memoryGb: number): number {
  return Math.round(memoryGb * 1024);
}

/** vCPU share of a Lambda function with this memory (1,769 MB = 1 vCPU; up to 6 vCPU at 10,240 MB). */
export function lambdaVcpu(memoryMb: number): number {
  return memoryMb / CATALOG.lambda.mbPerVcpu;
}
