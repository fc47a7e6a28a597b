// Defaults for every optional field of a tier or workload, spelled once: the zod schemas apply these,
// and `withDefaults` lets tests and tools write partial tiers.
import type {ContainerTier, Ec2Tier, LambdaTier, Tier} from './types.js';

export const EC2_DEFAULTS = {
  count: 1,
  azs: ['a'],
  purchase: 'on-demand',
  image: 'stock',
  schedule: 'always',
  creditMode: 'unlimited',
  loadBalancer: 'none',
  network: 'default-vpc',
  inbound: ['http'],
  identity: 'instance-profile',
  rootVolumeGb: 8,
  encryptedRoot: false,
  healthCheck: 'ec2',
} as const satisfies Partial<Ec2Tier>;

export const CONTAINER_DEFAULTS = {
  launchType: 'fargate',
  task: {vcpu: 0.5, memoryGb: 1},
  tasks: 1,
  spot: false,
  architecture: 'x86',
  azs: ['a'],
  loadBalancer: 'none',
  network: 'private',
} as const satisfies Partial<ContainerTier>;

export const CLUSTER_DEFAULTS = {count: 1, purchase: 'on-demand'} as const;

export const LAMBDA_DEFAULTS = {
  memoryMb: 128,
  timeoutSeconds: 3,
  architecture: 'x86',
  runtime: 'nodejs',
  provisionedConcurrency: 0,
  trigger: 'api',
} as const satisfies Partial<LambdaTier>;

export const WEB_DEFAULTS = {daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0.05} as const;
export const EVENTS_DEFAULTS = {daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0.05, source: 'sqs'} as const;
export const JOBS_DEFAULTS = {parallelizable: false} as const;

type PartialTier =
  | (Partial<Ec2Tier> & {workload: string; compute: 'ec2'})
  | (Partial<ContainerTier> & {workload: string; compute: 'ecs' | 'eks'})
  | (Partial<LambdaTier> & {workload: string; compute: 'lambda'});

/** A complete tier from a partial one (tests, generated solutions). Arrays are copied, never shared. */
export function withDefaults(tier: PartialTier): Tier {
  switch (tier.compute) {
    case 'ec2':
      return {
        ...EC2_DEFAULTS,
        instanceType: 't3.small',
        ...tier,
        azs: [...(tier.azs ?? EC2_DEFAULTS.azs)],
        inbound: [...(tier.inbound ?? EC2_DEFAULTS.inbound)],
      } as Ec2Tier;
    case 'ecs':
    case 'eks':
      return {
        ...CONTAINER_DEFAULTS,
        ...tier,
        task: {...(tier.task ?? CONTAINER_DEFAULTS.task)},
        azs: [...(tier.azs ?? CONTAINER_DEFAULTS.azs)],
        cluster: tier.cluster ? {...CLUSTER_DEFAULTS, ...tier.cluster} : undefined,
      } as ContainerTier;
    case 'lambda':
      return {...LAMBDA_DEFAULTS, ...tier} as LambdaTier;
  }
}
