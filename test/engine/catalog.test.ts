// The pricing catalog: its JSON holds exactly the shape the engine reads, every number carries a source,
// and the figures the tutor quotes give the bills AWS would send (known answers, to the cent).
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import data from '../../assets/catalog.json' with {type: 'json'};
import {CATALOG, instanceType, isValidFargateSize, lambdaVcpu} from '../../src/engine/catalog.js';
import {RUNTIMES} from '../../src/engine/vocab.js';

const HOURS_PER_MONTH = 730;

const source = z.strictObject({
  url: z.string().regex(/^https:\/\/[^\s]+$/, 'an https URL'),
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date'),
  note: z.string().min(1).optional(),
});
const usd = z.number().positive();
const share = z.number().gt(0).lt(1);
const count = z.number().int().positive();

const burstSpec = z.strictObject({
  baselinePerVcpu: share,
  creditsEarnedPerHour: z.number().positive(),
  maxCredits: count,
  launchCredits: z.number().int().nonnegative(),
});

const instanceTypeSchema = z.strictObject({
  family: z.string().regex(/^[a-z][a-z0-9-]*$/),
  vcpu: count,
  memoryGiB: z.number().positive(),
  usdPerHour: usd,
  arch: z.enum(['x86', 'arm']),
  burst: burstSpec.optional(),
  hibernation: z.boolean(),
  hostSockets: count,
  source,
});

const lambdaArch = z.strictObject({usdPerGbSecond: usd, provisionedUsdPerGbSecond: usd, provisionedDurationUsdPerGbSecond: usd});

const catalogSchema = z.strictObject({
  region: z.literal('us-east-1'),
  currency: z.literal('USD'),
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  instanceTypes: z.record(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/), instanceTypeSchema),
  burst: z.strictObject({surplusUsdPerVcpuHour: z.record(z.string().regex(/^[a-z][a-z0-9]*$/), usd), source}),
  ebs: z.strictObject({gp3UsdPerGbMonth: usd, defaultRootVolumeGb: count, source}),
  publicIpv4: z.strictObject({usdPerHour: usd, source}),
  alb: z.strictObject({
    usdPerHour: usd,
    usdPerLcuHour: usd,
    lcu: z.strictObject({
      newConnectionsPerSecond: count,
      activeConnectionsPerMinute: count,
      processedGbPerHour: z.number().positive(),
      ruleEvaluationsPerSecond: count,
    }),
    source,
  }),
  natGateway: z.strictObject({usdPerHour: usd, usdPerGbProcessed: usd, source}),
  eks: z.strictObject({usdPerClusterHour: usd, source}),
  ecs: z.strictObject({registeredMemoryShare: z.number().gt(0.9).lt(1), source}),
  fargate: z.strictObject({
    x86: z.strictObject({usdPerVcpuHour: usd, usdPerGbHour: usd}),
    arm: z.strictObject({usdPerVcpuHour: usd, usdPerGbHour: usd}),
    spotDiscount: share,
    minimumBillingSeconds: count,
    freeEphemeralStorageGb: count,
    combos: z.array(z.strictObject({vcpu: z.number().positive(), memoryGb: z.array(z.number().positive()).min(1)})).min(1),
    source,
  }),
  lambda: z.strictObject({
    x86: lambdaArch,
    arm: lambdaArch,
    usdPerMillionRequests: usd,
    memoryMbMin: count,
    memoryMbMax: count,
    mbPerVcpu: count,
    timeoutSecondsMax: count,
    defaultConcurrencyLimit: count,
    minUnreservedConcurrency: count,
    source,
  }),
  apiGateway: z.strictObject({httpApiUsdPerMillionRequests: usd, source}),
  dedicatedHosts: z.record(
    z.string(),
    z.strictObject({usdPerHour: usd, capacity: z.record(z.string(), count), sockets: count, physicalCores: count, source}),
  ),
  dedicatedInstance: z.strictObject({regionFeeUsdPerHour: usd, priceFactor: z.number().gte(1), source}),
  spot: z.strictObject({typicalDiscount: share, interruptionNoticeSeconds: count, source}),
  savingsPlan: z.strictObject({computeDiscount: share, source}),
  hibernation: z.strictObject({
    maxRamGiB: count,
    needsEncryptedRoot: z.boolean(),
    families: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1),
    source,
  }),
  timings: z.strictObject({
    ec2LaunchSeconds: count,
    stockAmiBootSeconds: count,
    goldenAmiBootSeconds: count,
    hibernateResumeSeconds: count,
    coldCacheMinutes: count,
    coldCacheSpeed: share,
    fargateTaskStartSeconds: count,
    ecsTaskOnEc2StartSeconds: count,
    ec2StatusCheckSeconds: count,
    asgHealthCheckGraceSeconds: count,
    lambdaColdStartMs: z.record(z.string(), count),
    albHealthCheckSeconds: count,
    scaleOutMinutes: count,
    scaleInMinutes: count,
    operatorRestoreMinutes: count,
    opsHoursPerServerMonth: z.number().positive(),
    source,
  }),
});

/** Dollars to the cent, as a bill shows them. */
const cents = (amountUsd: number): number => Math.round(amountUsd * 100) / 100;

function hourly(name: string): number {
  const type = instanceType(name);
  if (type === undefined) throw new Error(`no instance type ${name} in the catalog`);
  return type.usdPerHour;
}

describe('catalog.json shape', () => {
  it('matches the schema exactly (no missing, extra or mistyped field)', () => {
    const parsed = catalogSchema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('rejects a catalog with an unsourced group (the schema can fail)', () => {
    const {ebs, ...rest} = data;
    const broken = {...rest, ebs: {gp3UsdPerGbMonth: ebs.gp3UsdPerGbMonth, defaultRootVolumeGb: ebs.defaultRootVolumeGb}};
    expect(catalogSchema.safeParse(broken).success).toBe(false);
  });

  it('rejects a source with an http URL or a loose date', () => {
    expect(source.safeParse({url: 'http://aws.amazon.com/', retrieved: '2026-11-26'}).success).toBe(false);
    expect(source.safeParse({url: 'https://aws.amazon.com/', retrieved: '26/11/2026'}).success).toBe(false);
  });
});

describe('instance types', () => {
  const REQUIRED = [
    't3.nano', 't3.micro', 't3.small', 't3.medium', 't3.large', 't4g.micro', 't4g.small',
    'm5.large', 'm5.xlarge', 'm6i.large', 'm7g.large', 'c5.large', 'c5.xlarge', 'c6g.large', 'r5.large',
  ];
  it.each(REQUIRED)('%s is in the catalog', (name) => {
    expect(instanceType(name)).toBeDefined();
  });

  it.each(Object.entries(CATALOG.instanceTypes))('%s: name starts with its family', (name, type) => {
    expect(name.split('.')[0]).toBe(type.family);
  });

  it.each(Object.entries(CATALOG.instanceTypes))('%s: burst spec if and only if a t family', (name, type) => {
    expect(type.burst !== undefined).toBe(type.family.startsWith('t'));
  });

  it.each(Object.entries(CATALOG.instanceTypes).filter(([, t]) => t.burst !== undefined))(
    '%s: earns baseline × vCPU × 60 credits an hour and banks 24 hours of them',
    (_name, type) => {
      const burst = type.burst!;
      expect(burst.creditsEarnedPerHour).toBeCloseTo(burst.baselinePerVcpu * type.vcpu * 60, 9);
      expect(burst.maxCredits).toBe(burst.creditsEarnedPerHour * 24);
    },
  );

  it.each(Object.entries(CATALOG.instanceTypes))('%s: hibernation flag follows the family list and the RAM limit', (_name, type) => {
    const expected = CATALOG.hibernation.families.includes(type.family) && type.memoryGiB < CATALOG.hibernation.maxRamGiB;
    expect(type.hibernation).toBe(expected);
  });

  it('an unknown type is undefined, not a crash', () => {
    expect(instanceType('x9.huge')).toBeUndefined();
    expect(instanceType('toString')).toBeUndefined();
  });
});

describe('known answers (monthly bills, to the cent)', () => {
  const fargateX86 = CATALOG.fargate.x86;
  const rows: [string, number, number][] = [
    ['2 × m5.large × 730 h', 2 * hourly('m5.large') * HOURS_PER_MONTH, 140.16],
    ['1 × t3.micro × 730 h', hourly('t3.micro') * HOURS_PER_MONTH, 7.59],
    ['Fargate x86 1 vCPU / 2 GB × 730 h', (1 * fargateX86.usdPerVcpuHour + 2 * fargateX86.usdPerGbHour) * HOURS_PER_MONTH, 36.04],
    ['Fargate x86 0.25 vCPU / 0.5 GB × 730 h', (0.25 * fargateX86.usdPerVcpuHour + 0.5 * fargateX86.usdPerGbHour) * HOURS_PER_MONTH, 9.01],
    ['EKS cluster × 730 h', CATALOG.eks.usdPerClusterHour * HOURS_PER_MONTH, 73.0],
    ['ALB × 730 h, no LCUs', CATALOG.alb.usdPerHour * HOURS_PER_MONTH, 16.43],
    ['NAT gateway × 730 h', CATALOG.natGateway.usdPerHour * HOURS_PER_MONTH, 32.85],
    ['public IPv4 × 730 h', CATALOG.publicIpv4.usdPerHour * HOURS_PER_MONTH, 3.65],
    ['8 GB gp3 root volume, one month', CATALOG.ebs.defaultRootVolumeGb * CATALOG.ebs.gp3UsdPerGbMonth, 0.64],
    ['Lambda x86 1,500,000 GB-s', 1_500_000 * CATALOG.lambda.x86.usdPerGbSecond, 25.0],
    ['Lambda arm 1,500,000 GB-s', 1_500_000 * CATALOG.lambda.arm.usdPerGbSecond, 20.0],
    ['Lambda 3 M requests', 3 * CATALOG.lambda.usdPerMillionRequests, 0.6],
    ['HTTP API 3 M requests', 3 * CATALOG.apiGateway.httpApiUsdPerMillionRequests, 3.0],
    ['t3 surplus credits: 2 vCPU flat out 10 h', 2 * 10 * (CATALOG.burst.surplusUsdPerVcpuHour.t3 ?? NaN), 1.0],
    ['m5 Dedicated Host × 730 h', CATALOG.dedicatedHosts.m5!.usdPerHour * HOURS_PER_MONTH, 3700.37],
  ];
  it.each(rows)('%s', (_name, computedUsd, expectedUsd) => {
    expect(cents(computedUsd)).toBe(expectedUsd);
  });
});

describe('Fargate task sizes', () => {
  const rows: [string, number, number, boolean][] = [
    ['smallest: 0.25 vCPU / 0.5 GB', 0.25, 0.5, true],
    ['0.25 vCPU / 2 GB', 0.25, 2, true],
    ['0.25 vCPU / 3 GB is too much memory', 0.25, 3, false],
    ['0.5 vCPU / 0.5 GB is too little memory', 0.5, 0.5, false],
    ['0.5 vCPU / 4 GB', 0.5, 4, true],
    ['1 vCPU / 2 GB', 1, 2, true],
    ['1 vCPU / 9 GB is too much memory', 1, 9, false],
    ['2 vCPU / 16 GB', 2, 16, true],
    ['2 vCPU / 4.5 GB is not a 1 GB step', 2, 4.5, false],
    ['4 vCPU / 30 GB', 4, 30, true],
    ['4 vCPU / 31 GB is too much memory', 4, 31, false],
    ['8 vCPU / 20 GB (4 GB steps)', 8, 20, true],
    ['8 vCPU / 18 GB is not a 4 GB step', 8, 18, false],
    ['16 vCPU / 120 GB', 16, 120, true],
    ['16 vCPU / 36 GB is not an 8 GB step', 16, 36, false],
    ['3 vCPU is not a Fargate size', 3, 8, false],
  ];
  it.each(rows)('%s', (_name, vcpu, memoryGb, valid) => {
    expect(isValidFargateSize(vcpu, memoryGb)).toBe(valid);
  });

  it.each(CATALOG.fargate.combos)('$vcpu vCPU: memory ascends within 2×–8× the vCPUs (0.25 vCPU starts at 0.5 GB)', (combo) => {
    const sorted = [...combo.memoryGb].sort((a, b) => a - b);
    expect(combo.memoryGb).toEqual(sorted);
    expect(combo.memoryGb[0]).toBe(combo.vcpu === 0.25 ? 0.5 : 2 * combo.vcpu);
    expect(combo.memoryGb.at(-1)!).toBeLessThanOrEqual(8 * combo.vcpu);
  });
});

describe('Lambda', () => {
  const rows: [string, number, number][] = [
    ['1,769 MB is one vCPU', 1769, 1],
    ['3,538 MB is two vCPUs', 3538, 2],
    ['128 MB is a small share', 128, 128 / 1769],
  ];
  it.each(rows)('%s', (_name, memoryMb, vcpu) => {
    expect(lambdaVcpu(memoryMb)).toBeCloseTo(vcpu, 9);
  });

  it('limits are the documented ones', () => {
    expect([CATALOG.lambda.memoryMbMin, CATALOG.lambda.memoryMbMax, CATALOG.lambda.timeoutSecondsMax]).toEqual([128, 10240, 900]);
    expect([CATALOG.lambda.defaultConcurrencyLimit, CATALOG.lambda.minUnreservedConcurrency]).toEqual([1000, 100]);
  });

  it.each(RUNTIMES)('%s has a cold start time', (runtime) => {
    expect(CATALOG.timings.lambdaColdStartMs[runtime]).toBeGreaterThan(0);
  });
});

describe('dedicated hosts', () => {
  it.each(Object.entries(CATALOG.dedicatedHosts))('%s host: capacity keys are its own family and fit its cores', (family, host) => {
    for (const [name, fit] of Object.entries(host.capacity)) {
      const type = instanceType(name);
      expect(type?.family).toBe(family);
      expect(type?.hostSockets).toBe(host.sockets);
      // Intel hosts run two vCPUs per physical core.
      expect(fit * (type?.vcpu ?? 0)).toBe(host.physicalCores * 2);
    }
  });
});
