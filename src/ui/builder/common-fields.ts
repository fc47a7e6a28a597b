// Fields several compute kinds share: the compute kind itself, scaling, AZs, load balancer, network.
import {AZS, LOAD_BALANCERS, NETWORKS, type ComputeKind, type ContainerTier, type Ec2Tier, type Scaling} from '../../engine/index.js';
import {COUNT_STEPS, MIN_COUNT_STEPS, TARGET_CPU_STEPS, withCurrent} from './field-values.js';
import type {ChoiceField, FieldOption, MultiField} from './field-types.js';

type Scalable = Ec2Tier | ContainerTier;

export const COMPUTE_LABEL: Record<ComputeKind, string> = {
  ec2: 'EC2 instances',
  ecs: 'ECS containers',
  eks: 'EKS containers',
  lambda: 'Lambda functions',
};

export function words(values: readonly string[]): FieldOption[] {
  return values.map((value) => ({value, label: value}));
}

export function numbers(values: readonly number[], label: (n: number) => string = String): FieldOption[] {
  return values.map((value) => ({value, label: label(value)}));
}

export const computeField: ChoiceField = {
  kind: 'choice',
  id: 'compute',
  label: 'compute',
  gate: 'compute',
  help: 'EC2 = servers you run; ECS/EKS = containers; Lambda = functions AWS runs per request. Changing it starts the tier afresh.',
  options: (tier, level) =>
    [...new Set([tier.compute, ...level.allow.compute])].map((kind) => ({value: kind, label: kind, detail: COMPUTE_LABEL[kind]})),
  get: (tier) => tier.compute,
  set: () => {
    // Replacing the tier needs the level's start and defaults: the reducer does it (set-compute).
  },
};

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Fixed count ↔ target-tracking scaling. Turning scaling on keeps today's count as the minimum. */
export function scalingField<T extends Scalable>(countOf: (tier: T) => number): ChoiceField<T> {
  return {
    kind: 'choice',
    id: 'scaling',
    label: 'auto scaling',
    gate: 'autoScaling',
    help: 'Auto scaling adds units when average CPU stays above the target and removes them when it stays below.',
    options: () => [
      {value: false, label: 'off', detail: 'a fixed count'},
      {value: true, label: 'on', detail: 'min … max, target CPU'},
    ],
    get: (tier) => tier.scaling !== undefined,
    set: (draft, value) => {
      if (value === true && !draft.scaling) {
        const min = Math.max(1, countOf(draft));
        draft.scaling = {min, max: Math.max(2, min * 2), targetCpu: 0.6};
      } else if (value === false) {
        delete draft.scaling;
      }
    },
  };
}

const hasScaling = (tier: Scalable): boolean => tier.scaling !== undefined;

function boundField<T extends Scalable>(id: 'scalingMin' | 'scalingMax', key: 'min' | 'max'): ChoiceField<T> {
  const valuesFor = (scaling: Scaling): number[] =>
    key === 'min'
      ? withCurrent(MIN_COUNT_STEPS, scaling.min).filter((n) => n <= scaling.max)
      : withCurrent(COUNT_STEPS, scaling.max).filter((n) => n >= Math.max(1, scaling.min));
  return {
    kind: 'choice',
    id,
    label: key === 'min' ? 'scaling min' : 'scaling max',
    gate: 'autoScaling',
    help: key === 'min' ? 'Never fewer than this many units, even when idle.' : 'Never more than this many units, however busy.',
    shown: hasScaling,
    options: (tier) => (tier.scaling ? numbers(valuesFor(tier.scaling)) : []),
    get: (tier) => tier.scaling?.[key] ?? null,
    set: (draft, value) => {
      if (draft.scaling && typeof value === 'number') draft.scaling[key] = value;
    },
  };
}

export function scalingBoundFields<T extends Scalable>(): ChoiceField<T>[] {
  const target: ChoiceField<T> = {
    kind: 'choice',
    id: 'targetCpu',
    label: 'target CPU',
    gate: 'autoScaling',
    help: 'The average CPU the group aims for: lower leaves headroom for spikes, higher wastes less.',
    shown: hasScaling,
    options: (tier) => numbers(withCurrent(TARGET_CPU_STEPS, tier.scaling?.targetCpu ?? 0.6), percent),
    get: (tier) => tier.scaling?.targetCpu ?? null,
    set: (draft, value) => {
      if (draft.scaling && typeof value === 'number') draft.scaling.targetCpu = value;
    },
  };
  return [boundField<T>('scalingMin', 'min'), boundField<T>('scalingMax', 'max'), target];
}

export function azsField<T extends Scalable>(): MultiField<T> {
  return {
    kind: 'multi',
    id: 'azs',
    label: 'AZs',
    gate: 'multiAz',
    help: 'Availability zones (us-east-1a…f): units spread over them; an AZ outage takes down only what is in it.',
    options: AZS,
    minSelected: 1,
    get: (tier) => tier.azs,
    toggle: (draft, option) => {
      const az = AZS.find((a) => a === option);
      if (!az) return;
      draft.azs = draft.azs.includes(az) ? draft.azs.filter((a) => a !== az) : AZS.filter((a) => a === az || draft.azs.includes(a));
    },
  };
}

export function loadBalancerField<T extends Scalable>(): ChoiceField<T> {
  return {
    kind: 'choice',
    id: 'loadBalancer',
    label: 'load balancer',
    gate: 'loadBalancer',
    help: 'An ALB spreads traffic over healthy units in every AZ; without one, all traffic goes to a single unit.',
    options: () => words(LOAD_BALANCERS),
    get: (tier) => tier.loadBalancer,
    set: (draft, value) => {
      const lb = LOAD_BALANCERS.find((v) => v === value);
      if (lb) draft.loadBalancer = lb;
    },
  };
}

export function networkField<T extends Scalable>(): ChoiceField<T> {
  return {
    kind: 'choice',
    id: 'network',
    label: 'network',
    gate: 'network',
    help: 'default-vpc = public subnets with public IPs; private = private subnets reachable only through the load balancer.',
    options: () => words(NETWORKS),
    get: (tier) => tier.network,
    set: (draft, value) => {
      const network = NETWORKS.find((v) => v === value);
      if (network) draft.network = network;
    },
  };
}

/** A count field (EC2 count, container tasks) shown while scaling is off. */
export function countField<T extends Scalable>(id: 'count' | 'tasks', get: (tier: T) => number, set: (draft: T, n: number) => void): ChoiceField<T> {
  return {
    kind: 'choice',
    id,
    label: id === 'count' ? 'count' : 'tasks',
    gate: 'count',
    help: id === 'count' ? 'How many instances run, all the time.' : 'How many copies of the task run, all the time.',
    shown: (tier) => !hasScaling(tier),
    options: (tier) => numbers(withCurrent(COUNT_STEPS, get(tier))),
    get,
    set: (draft, value) => {
      if (typeof value === 'number') set(draft, value);
    },
  };
}
