// The fields of an ECS or EKS tier: launch type, task size (only valid Fargate sizes on Fargate), count or
// scaling, Fargate Spot, and the cluster of instances when tasks run on EC2.
import {CLUSTER_DEFAULTS, ARCHITECTURES, LAUNCH_TYPES, PURCHASE_OPTIONS, type ContainerTier, type Level} from '../../engine/index.js';
import {azsField, computeField, countField, loadBalancerField, networkField, numbers, scalingBoundFields, scalingField, words} from './common-fields.js';
import {instanceTypeOptions} from './ec2-fields.js';
import {COUNT_STEPS, fargateVcpuChoices, instanceTypeChoices, nearestFargateMemory, nearestFargateVcpu, taskMemoryChoices, withCurrent} from './field-values.js';
import {erase, type ChoiceField, type Field} from './field-types.js';

const onFargate = (tier: ContainerTier): boolean => tier.launchType === 'fargate';
const onEc2 = (tier: ContainerTier): boolean => tier.launchType === 'ec2';

/** The cluster a tier gets when it moves to EC2 launch: the level's start cluster for this workload, else a default. */
function startCluster(level: Level, tier: ContainerTier): NonNullable<ContainerTier['cluster']> {
  for (const start of level.start.tiers) {
    if (start.workload === tier.workload && (start.compute === 'ecs' || start.compute === 'eks') && start.cluster) return {...start.cluster};
  }
  const types = instanceTypeChoices(level, 'm5.large');
  const instanceType = types.includes('m5.large') ? 'm5.large' : (types[0] ?? 'm5.large');
  return {instanceType, ...CLUSTER_DEFAULTS};
}

const containerFields: Field<ContainerTier>[] = [
  computeField as unknown as ChoiceField<ContainerTier>,
  {
    kind: 'choice',
    id: 'launchType',
    label: 'launch type',
    gate: 'free',
    help: 'Fargate runs each task on capacity AWS manages; EC2 packs tasks onto a cluster of instances you run.',
    options: () => words(LAUNCH_TYPES),
    get: (tier) => tier.launchType,
    set: (draft, value, level) => {
      if (value === 'ec2' && draft.launchType !== 'ec2') {
        draft.launchType = 'ec2';
        draft.cluster = startCluster(level, draft);
      } else if (value === 'fargate' && draft.launchType !== 'fargate') {
        draft.launchType = 'fargate';
        delete draft.cluster;
        draft.task.vcpu = nearestFargateVcpu(draft.task.vcpu);
        draft.task.memoryGb = nearestFargateMemory(draft.task.vcpu, draft.task.memoryGb);
      }
    },
  },
  {
    kind: 'choice',
    id: 'taskVcpu',
    label: 'task vCPU',
    gate: 'taskSize',
    help: 'vCPU per task. On Fargate only some vCPU/memory pairs exist; memory follows the vCPU.',
    options: (tier) => numbers(onFargate(tier) ? fargateVcpuChoices() : withCurrent(fargateVcpuChoices(), tier.task.vcpu), (v) => `${v} vCPU`),
    get: (tier) => tier.task.vcpu,
    set: (draft, value) => {
      if (typeof value !== 'number') return;
      draft.task.vcpu = value;
      if (onFargate(draft)) draft.task.memoryGb = nearestFargateMemory(value, draft.task.memoryGb);
    },
  },
  {
    kind: 'choice',
    id: 'taskMemoryGb',
    label: 'task memory',
    gate: 'taskSize',
    help: 'Memory per task. On Fargate the choices are the ones valid for the task vCPU.',
    options: (tier) =>
      numbers(onFargate(tier) ? taskMemoryChoices(tier.task.vcpu, true) : withCurrent(taskMemoryChoices(tier.task.vcpu, false), tier.task.memoryGb), (gb) => `${gb} GB`),
    get: (tier) => tier.task.memoryGb,
    set: (draft, value) => {
      if (typeof value === 'number') draft.task.memoryGb = value;
    },
  },
  {
    kind: 'choice',
    id: 'architecture',
    label: 'architecture',
    gate: 'taskSize',
    help: 'arm (Graviton) tasks cost less per vCPU-hour than x86 ones.',
    options: () => words(ARCHITECTURES),
    get: (tier) => tier.architecture,
    set: (draft, value) => {
      const arch = ARCHITECTURES.find((a) => a === value);
      if (arch) draft.architecture = arch;
    },
  },
  scalingField<ContainerTier>((tier) => tier.tasks),
  countField<ContainerTier>('tasks', (tier) => tier.tasks, (draft, n) => (draft.tasks = n)),
  ...scalingBoundFields<ContainerTier>(),
  {
    kind: 'choice',
    id: 'spot',
    label: 'Fargate Spot',
    gate: 'purchase',
    help: 'Fargate Spot is about 70% off, but tasks can be stopped at 2 minutes notice.',
    shown: onFargate,
    options: () => [
      {value: false, label: 'no', detail: 'on-demand tasks'},
      {value: true, label: 'yes', detail: 'interruptible, cheaper'},
    ],
    get: (tier) => tier.spot,
    set: (draft, value) => {
      if (typeof value === 'boolean') draft.spot = value;
    },
  },
  {
    kind: 'choice',
    id: 'clusterInstanceType',
    label: 'cluster type',
    gate: 'instanceType',
    help: 'The instances tasks are packed onto: a task that does not fit on any stays pending.',
    shown: onEc2,
    options: (tier, level) => instanceTypeOptions(instanceTypeChoices(level, tier.cluster?.instanceType ?? '')),
    get: (tier) => tier.cluster?.instanceType ?? null,
    set: (draft, value) => {
      if (draft.cluster && typeof value === 'string') draft.cluster.instanceType = value;
    },
  },
  {
    kind: 'choice',
    id: 'clusterCount',
    label: 'cluster size',
    gate: 'count',
    help: 'How many cluster instances run (and bill), whatever the tasks need.',
    shown: onEc2,
    options: (tier) => numbers(withCurrent(COUNT_STEPS, tier.cluster?.count ?? 1)),
    get: (tier) => tier.cluster?.count ?? null,
    set: (draft, value) => {
      if (draft.cluster && typeof value === 'number') draft.cluster.count = value;
    },
  },
  {
    kind: 'choice',
    id: 'clusterPurchase',
    label: 'cluster buying',
    gate: 'purchase',
    help: 'How the cluster instances are bought: on-demand, spot, a savings plan, dedicated.',
    shown: onEc2,
    options: () => words(PURCHASE_OPTIONS),
    get: (tier) => tier.cluster?.purchase ?? null,
    set: (draft, value) => {
      const purchase = PURCHASE_OPTIONS.find((p) => p === value);
      if (draft.cluster && purchase) draft.cluster.purchase = purchase;
    },
  },
  azsField<ContainerTier>(),
  loadBalancerField<ContainerTier>(),
  networkField<ContainerTier>(),
];

export const CONTAINER_FIELDS: Field[] = erase(containerFields);
