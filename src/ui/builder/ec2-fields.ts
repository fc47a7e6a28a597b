// The fields of an EC2 tier, in the order the panel shows them.
import {CATALOG, CREDIT_MODES, HEALTH_CHECKS, IDENTITIES, IMAGES, INBOUND_RULES, PURCHASE_OPTIONS, SCHEDULES, type Ec2Tier} from '../../engine/index.js';
import {azsField, computeField, countField, loadBalancerField, networkField, numbers, scalingBoundFields, scalingField, words} from './common-fields.js';
import {ROOT_VOLUME_GB_STEPS, instanceTypeChoices, isBurstable, withCurrent} from './field-values.js';
import {erase, type ChoiceField, type Field, type FieldOption} from './field-types.js';

/** "2 vCPU · 4 GiB · $0.0416/h": the catalog's facts about an instance type, for choice lists. */
export function instanceTypeDetail(name: string): string | undefined {
  const type = CATALOG.instanceTypes[name];
  if (!type) return undefined;
  return `${type.vcpu} vCPU · ${type.memoryGiB} GiB · $${type.usdPerHour}/h${type.burst ? ' · burstable' : ''}`;
}

export function instanceTypeOptions(names: readonly string[]): FieldOption[] {
  return names.map((name) => {
    const detail = instanceTypeDetail(name);
    return detail === undefined ? {value: name, label: name} : {value: name, label: name, detail};
  });
}

/** A choice among a vocabulary's words, stored at `key`. */
function vocabField<K extends 'purchase' | 'image' | 'schedule' | 'creditMode' | 'identity' | 'healthCheck'>(
  key: K,
  values: readonly Ec2Tier[K][],
  label: string,
  gate: ChoiceField['gate'],
  help: string,
): ChoiceField<Ec2Tier> {
  return {
    kind: 'choice',
    id: key,
    label,
    gate,
    help,
    options: () => words(values),
    get: (tier) => tier[key],
    set: (draft, value) => {
      const found = values.find((v) => v === value);
      if (found !== undefined) draft[key] = found;
    },
  };
}

const ec2Fields: Field<Ec2Tier>[] = [
  computeField as unknown as ChoiceField<Ec2Tier>,
  {
    kind: 'choice',
    id: 'instanceType',
    label: 'instance type',
    gate: 'instanceType',
    help: 'The size of each server: vCPU, memory and price per hour. t3/t4g are burstable (CPU credits).',
    options: (tier, level) => instanceTypeOptions(instanceTypeChoices(level, tier.instanceType)),
    get: (tier) => tier.instanceType,
    set: (draft, value) => {
      if (typeof value === 'string') draft.instanceType = value;
    },
  },
  scalingField<Ec2Tier>((tier) => tier.count),
  countField<Ec2Tier>('count', (tier) => tier.count, (draft, n) => (draft.count = n)),
  ...scalingBoundFields<Ec2Tier>(),
  {
    ...vocabField(
      'healthCheck',
      HEALTH_CHECKS,
      'health check',
      'autoScaling',
      'What the group replaces: ec2 (the AWS default) sees only failed instances; elb also replaces an instance whose app fails the ALB health check.',
    ),
    shown: (tier) => tier.scaling !== undefined,
  },
  azsField<Ec2Tier>(),
  vocabField('purchase', PURCHASE_OPTIONS, 'purchase', 'purchase', 'Spot is far cheaper but can be reclaimed at 2 minutes notice; a dedicated host is for per-socket licences.'),
  vocabField('image', IMAGES, 'image (AMI)', 'image', 'A golden AMI has the app baked in and boots in seconds; a stock AMI installs it at every launch.'),
  vocabField('schedule', SCHEDULES, 'schedule', 'schedule', 'Outside office hours (Mon–Fri 08:00–18:00): stop or hibernate one instance (no instance charge while stopped); an Auto Scaling group scales to 0 and launches new instances each morning.'),
  {
    kind: 'choice',
    id: 'encryptedRoot',
    label: 'encrypted root',
    gate: 'schedule',
    help: 'Hibernation writes RAM to the root volume, so the volume must be encrypted.',
    options: () => [
      {value: true, label: 'yes'},
      {value: false, label: 'no'},
    ],
    get: (tier) => tier.encryptedRoot,
    set: (draft, value) => {
      if (typeof value === 'boolean') draft.encryptedRoot = value;
    },
  },
  {
    ...vocabField('creditMode', CREDIT_MODES, 'CPU credits', 'creditMode', 'Burstable types: unlimited keeps bursting and bills the surplus; standard drops to the baseline when credits run out.'),
    shown: (tier) => isBurstable(tier.instanceType),
  },
  {
    kind: 'choice',
    id: 'rootVolumeGb',
    label: 'root volume',
    gate: 'storage',
    help: 'The gp3 root volume of each instance: billed per GB-month, even while the instance is stopped.',
    options: (tier) => numbers(withCurrent(ROOT_VOLUME_GB_STEPS, tier.rootVolumeGb), (gb) => `${gb} GB`),
    get: (tier) => tier.rootVolumeGb,
    set: (draft, value) => {
      if (typeof value === 'number') draft.rootVolumeGb = value;
    },
  },
  loadBalancerField<Ec2Tier>(),
  networkField<Ec2Tier>(),
  {
    kind: 'multi',
    id: 'inbound',
    label: 'inbound',
    gate: 'security',
    help: 'Security group rules: which traffic may reach the instances. ssh-anywhere opens port 22 to the internet.',
    options: INBOUND_RULES,
    minSelected: 0,
    get: (tier) => tier.inbound,
    toggle: (draft, option) => {
      const rule = INBOUND_RULES.find((r) => r === option);
      if (!rule) return;
      draft.inbound = draft.inbound.includes(rule) ? draft.inbound.filter((r) => r !== rule) : INBOUND_RULES.filter((r) => r === rule || draft.inbound.includes(r));
    },
  },
  vocabField('identity', IDENTITIES, 'identity', 'security', 'An instance profile gives the box short-lived credentials; access keys on the box can leak and never expire.'),
];

export const EC2_FIELDS: Field[] = erase(ec2Fields);
