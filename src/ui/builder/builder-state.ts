// The builder's state and its reducer: named actions, immer applied once here, no terminal needed.
// A move the level does not allow (a locked field, the last AZ) is not an error: it leaves the build as it
// was and says why in `message`.
import {produce, type Draft} from 'immer';
import {COMPUTE_KINDS, triggerFor, withDefaults, type Level, type Tier, type Az, type ComputeKind} from '../../engine/index.js';
import {cycle} from './field-values.js';
import {fieldTable, fieldsOf, lockReason} from './fields.js';
import type {Field, FieldId, FieldValue} from './field-types.js';

export interface Picker {
  field: FieldId;
  /** The highlighted option. */
  index: number;
}

export interface BuilderState {
  tiers: Tier[];
  tierIndex: number;
  /** The selected field of the current tier. */
  fieldId: FieldId;
  /** The highlighted option inside a multi-select field (AZs, inbound rules). */
  optionIndex: number;
  /** True once ←→ or space has stepped into a multi-select field's options: its cursor shows, and esc/q steps out. */
  optionsOpen?: boolean;
  /** How many of level.hints are revealed. */
  hintsShown: number;
  /** The revealed hint on display (until the next key), if any. */
  hintOpen?: number;
  /** The estimate's finding whose message is on display (until the next key), if any. */
  findingOpen?: number;
  /** The open choice list, if any. */
  picker?: Picker;
  /** Why the last key did nothing (a locked field, the last AZ), or what just happened. */
  message?: string;
}

export type BuilderAction =
  | {type: 'select-tier'; index: number}
  | {type: 'next-tier'; delta: 1 | -1}
  | {type: 'move-field'; delta: number}
  /** Cycle a choice field's value; in a multi-select, move between its options. */
  | {type: 'change-value'; delta: 1 | -1}
  | {type: 'set-value'; field: FieldId; value: FieldValue}
  /** Space: toggle the highlighted option of a multi-select, or open the choice list of a choice field. */
  | {type: 'toggle'}
  | {type: 'toggle-az'; az: Az}
  | {type: 'set-compute'; compute: ComputeKind}
  | {type: 'open-picker'}
  | {type: 'picker-move'; delta: number}
  | {type: 'picker-choose'}
  | {type: 'close-picker'}
  /** Esc in a multi-select's options: step back out to the field list. */
  | {type: 'close-options'}
  | {type: 'reveal-hint'}
  /** Show the next of the estimate's `count` findings in full (the estimate lives outside this state). */
  | {type: 'next-finding'; count: number}
  | {type: 'say'; message: string | undefined};

const family = (compute: ComputeKind): string => (compute === 'ecs' || compute === 'eks' ? 'containers' : compute);

/** The level's start tier for this workload in this compute family, if the level starts with one. */
function startTierFor(level: Level, workload: string, compute: ComputeKind): Tier | undefined {
  return level.start.tiers.find((t) => t.workload === workload && family(t.compute) === family(compute));
}

/** A fresh tier of a compute kind for a workload: defaults, except that locked fields keep the level's start values. */
export function freshTier(level: Level, workload: string, compute: ComputeKind): Tier {
  // withDefaults builds a new object with its own arrays: ours to fill in before anyone sees it.
  const fresh = withDefaults({workload, compute} as Parameters<typeof withDefaults>[0]);
  // A function is invoked the way its workload needs (#14): an API for web, the events' source, a schedule for jobs.
  const served = level.workloads.find((w) => w.id === workload);
  if (fresh.compute === 'lambda' && served) fresh.trigger = triggerFor(served);
  const start = startTierFor(level, workload, compute);
  if (!start) return fresh;
  const from = {...start, compute} as Tier;
  for (const field of fieldTable(compute)) {
    if (field.gate === 'compute' || lockReason(field, level, fresh) === undefined) continue;
    copyField(field, from, fresh, level);
  }
  return fresh;
}

function copyField(field: Field, from: Tier, to: Tier, level: Level): void {
  if (field.kind === 'choice') {
    field.set(to, field.get(from), level);
    return;
  }
  const want = field.get(from);
  for (const option of field.options) {
    if (want.includes(option) !== field.get(to).includes(option)) field.toggle(to, option);
  }
}

/** The builder as it opens: a copy of the tiers (one per workload; a missing one gets defaults), the first field that can change. */
export function initBuilder(level: Level, initialTiers: readonly Tier[]): BuilderState {
  const tiers: Tier[] = level.workloads.map((workload) => {
    const given = initialTiers.find((t) => t.workload === workload.id);
    return given ? structuredClone(given) : freshTier(level, workload.id, level.allow.compute[0] ?? 'ec2');
  });
  for (const tier of initialTiers) if (!tiers.some((t) => t.workload === tier.workload)) tiers.push(structuredClone(tier));
  const first = tiers[0];
  const fields = first ? fieldsOf(first) : [];
  const editable = fields.find((f) => first && lockReason(f, level, first) === undefined) ?? fields[0];
  return {tiers, tierIndex: 0, fieldId: editable?.id ?? 'compute', optionIndex: 0, hintsShown: 0};
}

// ---------------------------------------------------------------- reading the state (also used by selectors)

export function tierOf(state: BuilderState): Tier | undefined {
  return state.tiers[state.tierIndex];
}

export function fieldOf(state: BuilderState): Field | undefined {
  const tier = tierOf(state);
  if (!tier) return undefined;
  const fields = fieldsOf(tier);
  return fields.find((f) => f.id === state.fieldId) ?? fields[0];
}

// ---------------------------------------------------------------- the reducer

type S = Draft<BuilderState>;

function selectTier(state: S, level: Level, index: number): void {
  const count = state.tiers.length;
  if (count === 0) return;
  state.tierIndex = ((index % count) + count) % count;
  const tier = state.tiers[state.tierIndex] as Tier;
  const fields = fieldsOf(tier);
  if (!fields.some((f) => f.id === state.fieldId)) state.fieldId = (fields.find((f) => lockReason(f, level, tier) === undefined) ?? fields[0])?.id ?? 'compute';
  state.optionIndex = 0;
  delete state.optionsOpen;
  delete state.picker;
}

function moveField(state: S, delta: number): void {
  const tier = state.tiers[state.tierIndex] as Tier | undefined;
  if (!tier) return;
  const fields = fieldsOf(tier);
  const index = Math.max(0, fields.findIndex((f) => f.id === state.fieldId));
  const next = fields[Math.max(0, Math.min(fields.length - 1, index + delta))];
  if (next) state.fieldId = next.id;
  state.optionIndex = 0;
  delete state.optionsOpen;
}

function setCompute(state: S, level: Level, compute: ComputeKind): void {
  const tier = state.tiers[state.tierIndex] as Tier | undefined;
  if (!tier || tier.compute === compute) return;
  if (!level.allow.compute.includes(compute)) {
    state.message = `this level allows ${level.allow.compute.join(', ')} only`;
    return;
  }
  state.tiers[state.tierIndex] = freshTier(level, tier.workload, compute);
  state.fieldId = 'compute';
  state.optionIndex = 0;
  delete state.optionsOpen;
  state.message = `${tier.workload} now runs on ${compute}: its settings start from the defaults`;
}

/** The field, if the level lets it change; otherwise says why and returns undefined. */
function editable(state: S, level: Level, field: Field | undefined): Field | undefined {
  const tier = state.tiers[state.tierIndex] as Tier | undefined;
  if (!field || !tier) return undefined;
  if (lockReason(field, level, tier) === undefined) return field;
  state.message = `${field.label} is locked in this level`;
  return undefined;
}

function setValue(state: S, level: Level, field: Field, value: FieldValue): void {
  if (field.kind !== 'choice') return;
  if (field.id === 'compute') {
    const compute = COMPUTE_KINDS.find((kind) => kind === value);
    if (compute) setCompute(state, level, compute);
    return;
  }
  field.set(state.tiers[state.tierIndex] as Tier, value, level);
}

function toggleOption(state: S, field: Field, option: string): void {
  if (field.kind !== 'multi') return;
  const tier = state.tiers[state.tierIndex] as Tier;
  const selected = field.get(tier);
  if (selected.includes(option) && selected.length <= field.minSelected) {
    state.message = `keep at least ${field.minSelected} of ${field.label} selected`;
    return;
  }
  field.toggle(tier, option);
}

function changeValue(state: S, level: Level, delta: 1 | -1): void {
  const tier = state.tiers[state.tierIndex] as Tier | undefined;
  const field = fieldOf(state as BuilderState);
  if (!tier || !field) return;
  if (field.kind === 'multi') {
    // The first ←→ steps into the options on the first one; the next ones move between them.
    if (state.optionsOpen) state.optionIndex = (state.optionIndex + delta + field.options.length) % field.options.length;
    state.optionsOpen = true;
    return;
  }
  if (!editable(state, level, field)) return;
  const values = field.options(tier, level).map((o) => o.value);
  const next = cycle(values, field.get(tier), delta);
  if (next !== undefined) setValue(state, level, field, next);
}

function toggle(state: S, level: Level): void {
  const field = editable(state, level, fieldOf(state as BuilderState));
  if (!field) return;
  if (field.kind === 'choice') openPicker(state, level, field);
  else if (!state.optionsOpen) {
    // Like a choice field's list: the first space steps into the options; the next ones toggle.
    state.optionsOpen = true;
  } else {
    const option = field.options[state.optionIndex];
    if (option !== undefined) toggleOption(state, field, option);
  }
}

function openPicker(state: S, level: Level, field: Field): void {
  const tier = state.tiers[state.tierIndex] as Tier;
  if (field.kind !== 'choice') return;
  const value = field.get(tier);
  state.picker = {field: field.id, index: Math.max(0, field.options(tier, level).findIndex((o) => o.value === value))};
}

function pickerChoose(state: S, level: Level): void {
  const picker = state.picker;
  const tier = state.tiers[state.tierIndex] as Tier | undefined;
  delete state.picker;
  if (!picker || !tier) return;
  const field = fieldsOf(tier).find((f) => f.id === picker.field);
  if (field?.kind !== 'choice') return;
  const option = field.options(tier, level)[picker.index];
  if (option) setValue(state, level, field, option.value);
}

function pickerMove(state: S, level: Level, delta: number): void {
  const picker = state.picker;
  const tier = state.tiers[state.tierIndex] as Tier | undefined;
  if (!picker || !tier) return;
  const field = fieldsOf(tier).find((f) => f.id === picker.field);
  const count = field?.kind === 'choice' ? field.options(tier, level).length : 0;
  picker.index = Math.max(0, Math.min(count - 1, picker.index + delta));
}

/** Reveal the next hint; once all are revealed, show them again in turn. */
function revealHint(state: S, level: Level, open: number | undefined): void {
  const count = level.hints.length;
  if (count === 0) {
    state.message = 'this level has no hints';
  } else if (state.hintsShown < count) {
    state.hintOpen = state.hintsShown;
    state.hintsShown += 1;
  } else {
    state.hintOpen = open === undefined ? 0 : (open + 1) % count;
  }
}

export function reduceBuilder(level: Level, state: BuilderState, action: BuilderAction): BuilderState {
  return produce(state, (draft) => {
    const open = draft.hintOpen;
    const finding = draft.findingOpen;
    delete draft.message;
    delete draft.hintOpen;
    delete draft.findingOpen;
    switch (action.type) {
      case 'select-tier':
        return selectTier(draft, level, action.index);
      case 'next-tier':
        return selectTier(draft, level, draft.tierIndex + action.delta);
      case 'move-field':
        return moveField(draft, action.delta);
      case 'change-value':
        return changeValue(draft, level, action.delta);
      case 'set-value': {
        const tier = draft.tiers[draft.tierIndex] as Tier | undefined;
        const field = editable(draft, level, tier && fieldsOf(tier).find((f) => f.id === action.field));
        if (field) setValue(draft, level, field, action.value);
        return;
      }
      case 'toggle':
        return toggle(draft, level);
      case 'toggle-az': {
        const tier = draft.tiers[draft.tierIndex] as Tier | undefined;
        const field = editable(draft, level, tier && fieldsOf(tier).find((f) => f.id === 'azs'));
        if (field) toggleOption(draft, field, action.az);
        return;
      }
      case 'set-compute': {
        const tier = draft.tiers[draft.tierIndex] as Tier | undefined;
        if (tier && editable(draft, level, fieldsOf(tier).find((f) => f.id === 'compute'))) setCompute(draft, level, action.compute);
        return;
      }
      case 'open-picker': {
        const field = editable(draft, level, fieldOf(draft as BuilderState));
        if (field) openPicker(draft, level, field);
        return;
      }
      case 'picker-move':
        return pickerMove(draft, level, action.delta);
      case 'picker-choose':
        return pickerChoose(draft, level);
      case 'close-picker':
        delete draft.picker;
        return;
      case 'close-options':
        delete draft.optionsOpen;
        draft.optionIndex = 0;
        return;
      case 'reveal-hint':
        return revealHint(draft, level, open);
      case 'next-finding':
        if (action.count === 0) draft.message = 'no findings for this build';
        else draft.findingOpen = finding === undefined ? 0 : (finding + 1) % action.count;
        return;
      case 'say':
        if (action.message !== undefined) draft.message = action.message;
        return;
    }
  });
}
