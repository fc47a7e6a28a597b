// The compute tiers a player builds (solutions, and a level's start/reference/counterexamples).
// Defaults come from src/engine/defaults.ts, so the parsed value is exactly the engine's `Tier`.
import {z} from 'zod';
import {CATALOG} from '../engine/catalog.js';
import {CLUSTER_DEFAULTS, CONTAINER_DEFAULTS, EC2_DEFAULTS, LAMBDA_DEFAULTS} from '../engine/defaults.js';
import {
  ARCHITECTURES,
  AZS,
  COMPUTE_KINDS,
  CREDIT_MODES,
  HEALTH_CHECKS,
  IDENTITIES,
  IMAGES,
  INBOUND_RULES,
  LAUNCH_TYPES,
  LOAD_BALANCERS,
  NETWORKS,
  PURCHASE_OPTIONS,
  RUNTIMES,
  SCHEDULES,
  TRIGGERS,
  type ComputeKind,
} from '../engine/vocab.js';
import {flag, id, int, list, num, obj, oneOf, unionError} from './schema-helpers.js';

/** Upper bounds that keep a file from asking for absurd fleets (AWS's own quotas are in the same range). */
export const MAX_UNITS = 200;
export const MAX_TASKS = 1000;
export const MAX_CONCURRENCY = 1000;
export const MAX_TIERS = 10;

const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

function instanceTypeName(description: string) {
  const what = 'an EC2 instance type such as t3.small';
  return z
    .string({error: (issue) => (issue.input === undefined ? `required: ${what}` : `must be ${what}`)})
    .max(32, {error: `must be ${what}`})
    .regex(INSTANCE_TYPE, {error: `must be ${what}`})
    .describe(description);
}

function scalingSchema() {
  return obj(
    {
      min: int(0, MAX_UNITS, 'Fewest units the group keeps running.'),
      max: int(1, MAX_UNITS, 'Most units the group may launch.'),
      targetCpu: num(0.05, 1, 'Target average CPU utilisation, 0.05–1 (target tracking).'),
    },
    'Auto scaling: target tracking on average CPU between min and max units.',
  ).superRefine((scaling, ctx) => {
    if (scaling.min > scaling.max) ctx.addIssue({code: 'custom', path: ['max'], message: `must be at least min (${scaling.min})`, input: scaling.max});
  });
}

function azsSchema(fallback: readonly (typeof AZS)[number][]) {
  return list(oneOf(AZS, 'An availability zone of us-east-1 (a–f).'), 1, AZS.length, 'Availability zones the units spread over.', {unique: true}).default(
    () => [...fallback],
  );
}

const CONTAINER_KINDS = ['ecs', 'eks'] as const satisfies readonly ComputeKind[];

function ec2TierSchema() {
  return obj(
    {
      workload: id('The workload this tier serves (one tier per workload).'),
      compute: z.literal('ec2' satisfies ComputeKind).describe('EC2 instances.'),
      instanceType: instanceTypeName('EC2 instance type from the catalog, e.g. t3.small.'),
      count: int(1, MAX_UNITS, 'Fixed number of instances (ignored when scaling is set).').default(EC2_DEFAULTS.count),
      scaling: scalingSchema().optional(),
      azs: azsSchema(EC2_DEFAULTS.azs),
      purchase: oneOf(PURCHASE_OPTIONS, 'How the instances are bought.').default(EC2_DEFAULTS.purchase),
      image: oneOf(IMAGES, 'stock AMI (slow boot) or golden AMI (baked, fast boot).').default(EC2_DEFAULTS.image),
      schedule: oneOf(SCHEDULES, 'Run always, or stop / hibernate outside office hours.').default(EC2_DEFAULTS.schedule),
      creditMode: oneOf(CREDIT_MODES, 'Burstable (t3/t4g) credit mode.').default(EC2_DEFAULTS.creditMode),
      loadBalancer: oneOf(LOAD_BALANCERS, 'An Application Load Balancer in front, or none.').default(EC2_DEFAULTS.loadBalancer),
      network: oneOf(NETWORKS, 'Default VPC (public subnets, public IPs) or private subnets behind the ALB.').default(EC2_DEFAULTS.network),
      inbound: list(oneOf(INBOUND_RULES, 'An inbound security group rule.'), 0, INBOUND_RULES.length, 'Inbound rules.', {unique: true}).default(() => [
        ...EC2_DEFAULTS.inbound,
      ]),
      identity: oneOf(IDENTITIES, 'How code on the box gets AWS credentials.').default(EC2_DEFAULTS.identity),
      rootVolumeGb: int(1, 16384, 'Root EBS volume size in GB (gp3).').default(EC2_DEFAULTS.rootVolumeGb),
      encryptedRoot: flag('Root volume encrypted (hibernation needs it).').default(EC2_DEFAULTS.encryptedRoot),
      healthCheck: oneOf(HEALTH_CHECKS, 'Auto Scaling group health check type: ec2 (status checks only, the AWS default) or elb (also replace instances that fail the ALB health check).').default(
        EC2_DEFAULTS.healthCheck,
      ),
    },
    'An EC2 tier.',
  );
}

function containerTierSchema() {
  return obj(
    {
      workload: id('The workload this tier serves (one tier per workload).'),
      compute: oneOf(CONTAINER_KINDS, 'Container orchestrator: ECS or EKS.'),
      launchType: oneOf(LAUNCH_TYPES, 'Fargate (serverless tasks) or EC2 (tasks bin-packed onto a cluster).').default(CONTAINER_DEFAULTS.launchType),
      task: obj(
        {
          vcpu: num(0.25, 16, 'Task vCPU (Fargate: 0.25, 0.5, 1, 2, 4, 8, 16).'),
          memoryGb: num(0.5, 120, 'Task memory in GB (must pair with the vCPU on Fargate).'),
        },
        'Task size.',
      ).default(() => ({...CONTAINER_DEFAULTS.task})),
      tasks: int(1, MAX_TASKS, 'Fixed number of tasks (ignored when scaling is set).').default(CONTAINER_DEFAULTS.tasks),
      scaling: scalingSchema().optional(),
      cluster: obj(
        {
          instanceType: instanceTypeName('Cluster instance type.'),
          count: int(1, MAX_UNITS, 'Cluster instances.').default(CLUSTER_DEFAULTS.count),
          purchase: oneOf(PURCHASE_OPTIONS, 'How the cluster instances are bought.').default(CLUSTER_DEFAULTS.purchase),
        },
        'Cluster instances (launchType ec2 only).',
      ).optional(),
      spot: flag('Fargate Spot for the tasks (launchType fargate).').default(CONTAINER_DEFAULTS.spot),
      architecture: oneOf(ARCHITECTURES, 'CPU architecture: x86 or arm (Graviton).').default(CONTAINER_DEFAULTS.architecture),
      azs: azsSchema(CONTAINER_DEFAULTS.azs),
      loadBalancer: oneOf(LOAD_BALANCERS, 'An Application Load Balancer in front, or none.').default(CONTAINER_DEFAULTS.loadBalancer),
      network: oneOf(NETWORKS, 'Default VPC or private subnets.').default(CONTAINER_DEFAULTS.network),
    },
    'A container tier on ECS or EKS.',
  ).superRefine((tier, ctx) => {
    if (tier.launchType === 'fargate') {
      const {vcpu, memoryGb} = tier.task;
      const combo = CATALOG.fargate.combos.find((c) => c.vcpu === vcpu);
      if (!combo) {
        const sizes = CATALOG.fargate.combos.map((c) => c.vcpu).join(', ');
        ctx.addIssue({code: 'custom', path: ['task', 'vcpu'], message: `${vcpu} vCPU is not a Fargate task size: choose ${sizes}`, input: vcpu});
      } else if (!combo.memoryGb.includes(memoryGb)) {
        const memory = combo.memoryGb.length > 8 ? `${combo.memoryGb[0]} to ${combo.memoryGb.at(-1)} GB` : `${combo.memoryGb.join(', ')} GB`;
        ctx.addIssue({code: 'custom', path: ['task', 'memoryGb'], message: `${memoryGb} GB is not a Fargate size for ${vcpu} vCPU: choose ${memory}`, input: memoryGb});
      }
      if (tier.cluster) ctx.addIssue({code: 'custom', path: ['cluster'], message: 'a cluster is only for launchType ec2 (Fargate runs the tasks itself)', input: tier.cluster});
    } else {
      if (!tier.cluster) ctx.addIssue({code: 'custom', path: ['cluster'], message: 'required when launchType is ec2: {instanceType, count}', input: undefined});
      if (tier.spot) ctx.addIssue({code: 'custom', path: ['spot'], message: 'Fargate Spot needs launchType fargate (buy the cluster as spot instead)', input: tier.spot});
    }
  });
}

function lambdaTierSchema() {
  const limits = CATALOG.lambda;
  return obj(
    {
      workload: id('The workload this tier serves (one tier per workload).'),
      compute: z.literal('lambda' satisfies ComputeKind).describe('AWS Lambda.'),
      memoryMb: int(limits.memoryMbMin, limits.memoryMbMax, `Memory in MB (${limits.mbPerVcpu} MB = 1 vCPU).`).default(LAMBDA_DEFAULTS.memoryMb),
      timeoutSeconds: int(1, limits.timeoutSecondsMax, 'Timeout in seconds (Lambda stops at 15 minutes).').default(LAMBDA_DEFAULTS.timeoutSeconds),
      architecture: oneOf(ARCHITECTURES, 'x86 or arm (Graviton).').default(LAMBDA_DEFAULTS.architecture),
      runtime: oneOf(RUNTIMES, 'Runtime (sets the cold start time).').default(LAMBDA_DEFAULTS.runtime),
      reservedConcurrency: int(0, MAX_CONCURRENCY, 'Reserved concurrency (absent: share the account pool).').optional(),
      provisionedConcurrency: int(0, MAX_CONCURRENCY, 'Provisioned concurrency (pre-initialised, no cold starts).').default(LAMBDA_DEFAULTS.provisionedConcurrency),
      trigger: oneOf(TRIGGERS, 'What invokes the function.').default(LAMBDA_DEFAULTS.trigger),
    },
    'A Lambda tier.',
  ).superRefine((tier, ctx) => {
    if (tier.reservedConcurrency !== undefined && tier.provisionedConcurrency > tier.reservedConcurrency) {
      ctx.addIssue({
        code: 'custom',
        path: ['provisionedConcurrency'],
        message: `must be at most reservedConcurrency (${tier.reservedConcurrency})`,
        input: tier.provisionedConcurrency,
      });
    }
  });
}

function buildTierSchema() {
  return z
    .discriminatedUnion('compute', [ec2TierSchema(), containerTierSchema(), lambdaTierSchema()], {error: unionError('compute', COMPUTE_KINDS)})
    .meta({id: 'Tier', description: 'One compute tier: EC2, containers (ECS/EKS) or Lambda, discriminated by `compute`.'});
}

let cachedTier: ReturnType<typeof buildTierSchema> | undefined;
/** One instance, shared by every list of tiers (the JSON Schema then defines it once). */
export function tierSchema() {
  cachedTier ??= buildTierSchema();
  return cachedTier;
}

export function tiersSchema(min: number, description: string) {
  return list(tierSchema(), min, MAX_TIERS, description);
}

export function buildSchema(description: string) {
  return obj({tiers: tiersSchema(1, 'The tiers, one per workload.')}, description);
}
