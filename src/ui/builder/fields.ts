// Which fields a tier shows, and whether the level lets the player change each one.
import type {Level, Tier, ComputeKind} from '../../engine/index.js';
import {CONTAINER_FIELDS} from './container-fields.js';
import {EC2_FIELDS} from './ec2-fields.js';
import {LAMBDA_FIELDS} from './lambda-fields.js';
import type {Field, FieldId, FieldOption, FieldValue} from './field-types.js';

/** Every field a compute kind has, shown or not, in panel order. */
export function fieldTable(compute: ComputeKind): readonly Field[] {
  return compute === 'ec2' ? EC2_FIELDS : compute === 'lambda' ? LAMBDA_FIELDS : CONTAINER_FIELDS;
}

/** The fields this tier shows right now (count only without scaling, the cluster only on EC2 launch). */
export function fieldsOf(tier: Tier): Field[] {
  return fieldTable(tier.compute).filter((field) => field.shown?.(tier) ?? true);
}

export function fieldById(tier: Tier, id: FieldId): Field | undefined {
  return fieldsOf(tier).find((field) => field.id === id);
}

/** Why a field of this tier cannot change in this level, or undefined when it can. */
export function lockReason(field: Field, level: Level, tier: Tier): string | undefined {
  switch (field.gate) {
    case 'free':
      return undefined;
    case 'compute':
      // A tier on a kind the level does not allow (a file from elsewhere) may always move to one it does.
      return level.allow.compute.some((kind) => kind !== tier.compute) ? undefined : `this level uses ${level.allow.compute.join(', ')} only`;
    default:
      return level.allow.features.includes(field.gate) ? undefined : `this level keeps ${field.label} as it starts (feature "${field.gate}" is not allowed here)`;
  }
}

/** The option matching a field's current value (undefined for multi-selects or an unknown value). */
export function currentOption(field: Field, tier: Tier, level: Level): FieldOption | undefined {
  if (field.kind !== 'choice') return undefined;
  const value: FieldValue = field.get(tier);
  return field.options(tier, level).find((option) => option.value === value);
}

/** The value as the panel shows it. */
export function valueText(field: Field, tier: Tier, level: Level): string {
  if (field.kind === 'multi') {
    const on = field.get(tier);
    return on.length === 0 ? 'none' : on.join(' ');
  }
  return currentOption(field, tier, level)?.label ?? String(field.get(tier) ?? '—');
}
