// What a builder field is: a name, the level feature that gates it, and how to read, list and change its value.
// The tables of fields per compute kind live in ec2-fields.ts, container-fields.ts and lambda-fields.ts.
import type {Level, Tier, Feature} from '../../engine/index.js';

export const FIELD_IDS = [
  'compute',
  'instanceType',
  'rootVolumeGb',
  'launchType',
  'taskVcpu',
  'taskMemoryGb',
  'architecture',
  'clusterInstanceType',
  'clusterCount',
  'clusterPurchase',
  'memoryMb',
  'timeoutSeconds',
  'runtime',
  'trigger',
  'scaling',
  'count',
  'tasks',
  'scalingMin',
  'scalingMax',
  'targetCpu',
  'healthCheck',
  'azs',
  'purchase',
  'spot',
  'image',
  'schedule',
  'encryptedRoot',
  'creditMode',
  'loadBalancer',
  'network',
  'inbound',
  'identity',
  'reservedConcurrency',
  'provisionedConcurrency',
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/**
 * What decides whether a field may change: a level feature (FEATURES), `compute` (level.allow.compute),
 * or `free` (always editable, e.g. the container launch type).
 */
export type Gate = Feature | 'compute' | 'free';

export type FieldValue = string | number | boolean | null;

export interface FieldOption {
  value: FieldValue;
  label: string;
  /** Shown in the choice list beside the label, e.g. an instance type's vCPU, memory and price. */
  detail?: string;
}

interface FieldBase<T extends Tier> {
  id: FieldId;
  label: string;
  gate: Gate;
  /** One line the builder shows while the field is selected. */
  help: string;
  /** Whether the field exists for this tier right now (count only without scaling, cluster only on EC2 launch). */
  shown?(tier: T): boolean;
}

export interface ChoiceField<T extends Tier = Tier> extends FieldBase<T> {
  kind: 'choice';
  options(tier: T, level: Level): FieldOption[];
  get(tier: T): FieldValue;
  /** Change the value on an immer draft. `compute` is handled by the reducer (it replaces the tier). */
  set(draft: T, value: FieldValue, level: Level): void;
}

export interface MultiField<T extends Tier = Tier> extends FieldBase<T> {
  kind: 'multi';
  options: readonly string[];
  get(tier: T): readonly string[];
  /** Turn one option on or off on an immer draft. */
  toggle(draft: T, option: string): void;
  /** At least this many options stay selected (a tier needs one AZ). */
  minSelected: number;
}

export type Field<T extends Tier = Tier> = ChoiceField<T> | MultiField<T>;

/** Tables are typed per compute kind; the builder reads them through the Tier union. */
export function erase<T extends Tier>(fields: Field<T>[]): Field[] {
  return fields as unknown as Field[];
}
