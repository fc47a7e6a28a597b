// The builder's reducer, driven by named actions without a terminal: known answers in named rows.
import {describe, expect, it} from 'vitest';
import {checkSolution} from '../../src/engine/check.js';
import {withDefaults} from '../../src/engine/defaults.js';
import type {ContainerTier, Ec2Tier, LambdaTier, Level, Tier} from '../../src/engine/types.js';
import {FEATURES, type Feature} from '../../src/engine/vocab.js';
import {freshTier, initBuilder, reduceBuilder, type BuilderAction, type BuilderState} from '../../src/ui/builder/builder-state.js';
import {fieldTable, fieldsOf} from '../../src/ui/builder/fields.js';
import {EVENTS, ec2Tier, makeLevel} from './helpers-builder.js';

function run(level: Level, actions: BuilderAction[], state = initBuilder(level, level.start.tiers)): BuilderState {
  return actions.reduce((s, a) => reduceBuilder(level, s, a), state);
}

const tier = (state: BuilderState, index = 0): Tier => state.tiers[index] as Tier;
const ec2 = (state: BuilderState): Ec2Tier => tier(state) as Ec2Tier;

const LEVEL = makeLevel();
/** Actions that select a field of the start tier. */
const at = (fieldId: BuilderState['fieldId']): BuilderAction[] => [
  {type: 'move-field', delta: -99},
  {type: 'move-field', delta: fieldsOf(LEVEL.start.tiers[0] as Tier).findIndex((f) => f.id === fieldId)},
];

describe('builder reducer', () => {
  const rows: {name: string; level?: Level; actions: BuilderAction[]; expect(state: BuilderState): void}[] = [
    {
      name: 'opens on the first field the level lets change',
      actions: [],
      expect: (s) => expect(s.fieldId).toBe('compute'),
    },
    {
      name: 'move-field goes down one field and stops at the ends',
      actions: [{type: 'move-field', delta: 1}, {type: 'move-field', delta: -5}],
      expect: (s) => expect(s.fieldId).toBe('compute'),
    },
    {
      name: 'change-value steps the instance type to the next in the catalog',
      actions: [...at('instanceType'), {type: 'change-value', delta: 1}],
      expect: (s) => expect(ec2(s).instanceType).toBe('t3.medium'),
    },
    {
      name: 'instance types the level offers step by family, and wrap from the last to the first',
      level: makeLevel({allow: {...LEVEL.allow, instanceTypes: ['t3.small', 'm5.large', 'c5.large']}}),
      actions: [...at('instanceType'), {type: 'change-value', delta: 1}],
      expect: (s) => expect(ec2(s).instanceType).toBe('c5.large'),
    },
    {
      name: 'stepping back from the last offered instance type goes to the one before it',
      level: makeLevel({allow: {...LEVEL.allow, instanceTypes: ['t3.small', 'm5.large', 'c5.large']}}),
      actions: [...at('instanceType'), {type: 'change-value', delta: -1}],
      expect: (s) => expect(ec2(s).instanceType).toBe('m5.large'),
    },
    {
      name: 'a locked field does not change and the message says it is locked',
      actions: [...at('purchase'), {type: 'change-value', delta: 1}],
      expect: (s) => {
        expect(ec2(s).purchase).toBe('on-demand');
        expect(s.message).toBe('purchase is locked in this level');
      },
    },
    {
      name: 'set-value on a locked field is refused too',
      actions: [{type: 'set-value', field: 'purchase', value: 'spot'}],
      expect: (s) => expect(ec2(s).purchase).toBe('on-demand'),
    },
    {
      name: 'toggle-az adds an AZ, kept in a-to-f order',
      actions: [{type: 'toggle-az', az: 'c'}, {type: 'toggle-az', az: 'b'}],
      expect: (s) => expect(ec2(s).azs).toEqual(['a', 'b', 'c']),
    },
    {
      name: 'toggle-az will not remove the last AZ',
      actions: [{type: 'toggle-az', az: 'a'}],
      expect: (s) => {
        expect(ec2(s).azs).toEqual(['a']);
        expect(s.message).toBe('keep at least 1 of AZs selected');
      },
    },
    {
      name: 'in the AZ field, the first → steps into the AZs, the next moves between them, and space toggles the highlighted one',
      actions: [...at('azs'), {type: 'change-value', delta: 1}, {type: 'change-value', delta: 1}, {type: 'toggle'}],
      expect: (s) => expect(ec2(s).azs).toEqual(['a', 'b']),
    },
    {
      name: 'in the AZ field, the first space only steps into the AZs (nothing toggles yet)',
      actions: [...at('azs'), {type: 'toggle'}],
      expect: (s) => {
        expect(ec2(s).azs).toEqual(['a']);
        expect(s.optionsOpen).toBe(true);
        expect(s.optionIndex).toBe(0);
      },
    },
    {
      name: 'close-options steps out of the AZs and keeps the build',
      actions: [...at('azs'), {type: 'change-value', delta: 1}, {type: 'change-value', delta: 1}, {type: 'toggle'}, {type: 'close-options'}],
      expect: (s) => {
        expect(ec2(s).azs).toEqual(['a', 'b']);
        expect(s.optionsOpen).toBeUndefined();
        expect(s.fieldId).toBe('azs');
      },
    },
    {
      name: 'AZs are locked when the level does not allow multiAz',
      level: makeLevel({allow: {compute: ['ec2'], features: ['count']}}),
      actions: [{type: 'toggle-az', az: 'b'}],
      expect: (s) => {
        expect(ec2(s).azs).toEqual(['a']);
        expect(s.message).toBe('AZs is locked in this level');
      },
    },
    {
      name: 'set-compute replaces the tier with Lambda defaults and keeps the workload',
      actions: [{type: 'set-compute', compute: 'lambda'}],
      expect: (s) => expect(tier(s)).toEqual(withDefaults({workload: 'web', compute: 'lambda'})),
    },
    {
      name: 'set-compute to a kind the level does not allow is refused',
      actions: [{type: 'set-compute', compute: 'ecs'}],
      expect: (s) => {
        expect(tier(s).compute).toBe('ec2');
        expect(s.message).toBe('this level allows ec2, lambda only');
      },
    },
    {
      name: 'change-value on the compute field switches kind',
      actions: [{type: 'change-value', delta: 1}],
      expect: (s) => expect(tier(s).compute).toBe('lambda'),
    },
    {
      name: 'compute is locked when the level allows one kind',
      level: makeLevel({allow: {compute: ['ec2'], features: ['count']}}),
      actions: [{type: 'set-compute', compute: 'lambda'}],
      expect: (s) => expect(tier(s).compute).toBe('ec2'),
    },
    {
      name: 'a tier on a kind the level does not allow can still move to the one it does',
      level: makeLevel({allow: {compute: ['ec2'], features: ['count']}, start: {tiers: [withDefaults({workload: 'web', compute: 'lambda'})]}}),
      actions: [{type: 'change-value', delta: 1}],
      expect: (s) => expect(tier(s).compute).toBe('ec2'),
    },
    {
      name: 'auto scaling on starts at the current count, hides count and shows min, max, target',
      actions: [{type: 'set-value', field: 'count', value: 3}, {type: 'set-value', field: 'scaling', value: true}],
      expect: (s) => {
        expect(ec2(s).scaling).toEqual({min: 3, max: 6, targetCpu: 0.6});
        const ids = fieldsOf(tier(s)).map((f) => f.id);
        expect(ids).not.toContain('count');
        expect(ids).toEqual(expect.arrayContaining(['scalingMin', 'scalingMax', 'targetCpu']));
      },
    },
    {
      name: 'scaling min cannot step above max',
      actions: [{type: 'set-value', field: 'scaling', value: true}, {type: 'set-value', field: 'scalingMax', value: 2}, ...at('scaling'), {type: 'move-field', delta: 1}, {type: 'change-value', delta: 1}, {type: 'change-value', delta: 1}],
      expect: (s) => expect(ec2(s).scaling).toEqual({min: 0, max: 2, targetCpu: 0.6}),
    },
    {
      name: 'auto scaling off removes the scaling block',
      actions: [{type: 'set-value', field: 'scaling', value: true}, {type: 'set-value', field: 'scaling', value: false}],
      expect: (s) => expect(ec2(s).scaling).toBeUndefined(),
    },
    {
      name: 'the choice list opens on the current value, moves, and sets the chosen one',
      actions: [...at('instanceType'), {type: 'toggle'}, {type: 'picker-move', delta: 2}, {type: 'picker-choose'}],
      expect: (s) => {
        expect(s.picker).toBeUndefined();
        expect(ec2(s).instanceType).toBe('t3.large');
      },
    },
    {
      name: 'closing the choice list changes nothing',
      actions: [...at('instanceType'), {type: 'open-picker'}, {type: 'picker-move', delta: 1}, {type: 'close-picker'}],
      expect: (s) => expect(ec2(s).instanceType).toBe('t3.small'),
    },
    {
      name: 'hints are revealed one at a time, then shown again in turn',
      actions: [{type: 'reveal-hint'}, {type: 'reveal-hint'}, {type: 'reveal-hint'}],
      expect: (s) => {
        expect(s.hintsShown).toBe(2);
        expect(s.hintOpen).toBe(0);
      },
    },
    {
      name: 'any other key closes the hint',
      actions: [{type: 'reveal-hint'}, {type: 'move-field', delta: 1}],
      expect: (s) => {
        expect(s.hintsShown).toBe(1);
        expect(s.hintOpen).toBeUndefined();
      },
    },
    {
      name: 'f steps through the findings and wraps',
      actions: [{type: 'next-finding', count: 2}, {type: 'next-finding', count: 2}, {type: 'next-finding', count: 2}],
      expect: (s) => expect(s.findingOpen).toBe(0),
    },
    {
      name: 'f with no findings says so',
      actions: [{type: 'next-finding', count: 0}],
      expect: (s) => {
        expect(s.findingOpen).toBeUndefined();
        expect(s.message).toBe('no findings for this build');
      },
    },
    {
      name: 'a level without hints says so',
      level: makeLevel({hints: []}),
      actions: [{type: 'reveal-hint'}],
      expect: (s) => expect(s.message).toBe('this level has no hints'),
    },
  ];
  for (const row of rows) {
    it(row.name, () => row.expect(run(row.level ?? LEVEL, row.actions)));
  }
});

describe('builder reducer: several tiers', () => {
  const level = makeLevel({
    workloads: [makeLevel().workloads[0]!, EVENTS],
    allow: {compute: ['ec2', 'lambda'], features: ['instanceType', 'lambdaConfig']},
    start: {tiers: [ec2Tier(), withDefaults({workload: 'thumbs', compute: 'lambda', memoryMb: 512})]},
  });

  it('next-tier wraps both ways', () => {
    expect(run(level, [{type: 'next-tier', delta: 1}]).tierIndex).toBe(1);
    expect(run(level, [{type: 'next-tier', delta: 1}, {type: 'next-tier', delta: 1}]).tierIndex).toBe(0);
    expect(run(level, [{type: 'next-tier', delta: -1}]).tierIndex).toBe(1);
  });

  it('edits go to the selected tier only', () => {
    const s = run(level, [{type: 'next-tier', delta: 1}, {type: 'set-value', field: 'memoryMb', value: 1024}]);
    expect((tier(s, 1) as LambdaTier).memoryMb).toBe(1024);
    expect(tier(s, 0)).toEqual(level.start.tiers[0]);
  });

  it('a workload without a tier gets one, in the order of the workloads', () => {
    const s = initBuilder(level, [withDefaults({workload: 'thumbs', compute: 'lambda'})]);
    expect(s.tiers.map((t) => `${t.workload}:${t.compute}`)).toEqual(['web:ec2', 'thumbs:lambda']);
  });
});

describe('builder reducer: containers and Lambda', () => {
  const level = makeLevel({
    allow: {compute: ['ecs', 'lambda'], features: ['taskSize', 'count', 'purchase', 'instanceType', 'lambdaConfig', 'concurrency']},
    start: {tiers: [withDefaults({workload: 'web', compute: 'ecs'})]},
  });
  const container = (s: BuilderState): ContainerTier => tier(s) as ContainerTier;

  it('a Fargate task vCPU change moves memory to the nearest valid size', () => {
    const s = run(level, [{type: 'set-value', field: 'taskMemoryGb', value: 4}, {type: 'set-value', field: 'taskVcpu', value: 0.25}]);
    expect(container(s).task).toEqual({vcpu: 0.25, memoryGb: 2});
  });

  it('Fargate memory choices are only the valid ones for the vCPU', () => {
    const s = run(level, [{type: 'set-value', field: 'taskVcpu', value: 1}]);
    const field = fieldsOf(tier(s)).find((f) => f.id === 'taskMemoryGb');
    expect(field?.kind === 'choice' ? field.options(tier(s), level).map((o) => o.value) : []).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('EC2 launch adds a cluster with its fields; back to Fargate removes it', () => {
    const onEc2 = run(level, [{type: 'set-value', field: 'launchType', value: 'ec2'}]);
    expect(container(onEc2).cluster).toEqual({instanceType: 'm5.large', count: 1, purchase: 'on-demand'});
    expect(fieldsOf(tier(onEc2)).map((f) => f.id)).toEqual(expect.arrayContaining(['clusterInstanceType', 'clusterCount', 'clusterPurchase']));
    const back = run(level, [{type: 'set-value', field: 'launchType', value: 'fargate'}], onEc2);
    expect(container(back).cluster).toBeUndefined();
  });

  it('reserving less concurrency than is provisioned lowers the provisioned', () => {
    const s = run(level, [
      {type: 'set-compute', compute: 'lambda'},
      {type: 'set-value', field: 'provisionedConcurrency', value: 50},
      {type: 'set-value', field: 'reservedConcurrency', value: 25},
    ]);
    expect(tier(s)).toMatchObject({reservedConcurrency: 25, provisionedConcurrency: 25});
  });

  it('a fresh tier keeps the start values of the fields the level locks', () => {
    const locked = makeLevel({
      allow: {compute: ['ec2', 'lambda'], features: ['instanceType']},
      start: {tiers: [ec2Tier({purchase: 'spot', azs: ['a', 'b'], instanceType: 'm5.large'})]},
    });
    const fresh = freshTier(locked, 'web', 'ec2') as Ec2Tier;
    expect(fresh).toMatchObject({purchase: 'spot', azs: ['a', 'b'], instanceType: 't3.small'});
  });
});

// The builder locks a field exactly when the engine's checkSolution would refuse a change to it.
describe('field gates agree with checkSolution', () => {
  const kinds: {name: string; tier: Tier}[] = [
    {name: 'ec2', tier: ec2Tier({instanceType: 't3.small'})},
    {name: 'ec2 with scaling', tier: ec2Tier({scaling: {min: 2, max: 4, targetCpu: 0.6}})},
    {name: 'ecs on fargate', tier: withDefaults({workload: 'web', compute: 'ecs'})},
    {name: 'ecs on ec2', tier: withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', cluster: {instanceType: 'm5.large', count: 2, purchase: 'on-demand'}, task: {vcpu: 0.5, memoryGb: 1}})},
    {name: 'lambda', tier: withDefaults({workload: 'web', compute: 'lambda', reservedConcurrency: 100})},
  ];
  for (const {name, tier: start} of kinds) {
    for (const field of fieldTable(start.compute)) {
      if (field.gate === 'compute' || field.gate === 'free' || !(field.shown?.(start) ?? true)) continue;
      const gate: Feature = field.gate;
      it(`${name}: ${field.id} is gated by ${gate}`, () => {
        const level = makeLevel({allow: {compute: [start.compute], features: FEATURES.filter((f) => f !== gate)}, start: {tiers: [start]}});
        const allowed = makeLevel({allow: {compute: [start.compute], features: [...FEATURES]}, start: {tiers: [start]}});
        const state = initBuilder(allowed, [start]);
        let changed: Tier;
        if (field.kind === 'choice') {
          const other = field.options(start, allowed).find((o) => o.value !== field.get(start));
          expect(other, 'a second option to change to').toBeDefined();
          changed = tier(reduceBuilder(allowed, state, {type: 'set-value', field: field.id, value: other?.value ?? null}));
        } else {
          const option = field.options.find((o) => !field.get(start).includes(o)) ?? field.options[0]!;
          changed = tier(reduceBuilder(allowed, {...state, fieldId: field.id, optionIndex: field.options.indexOf(option), optionsOpen: true}, {type: 'toggle'}));
        }
        expect(changed).not.toEqual(start);
        const solution = {formatVersion: 1 as const, level: level.id, tiers: [changed]};
        expect(checkSolution(level, solution).map((p) => p.message).join('\n')).toContain(`feature "${gate}"`);
        expect(checkSolution(allowed, solution).filter((p) => p.message.includes('feature'))).toEqual([]);
      });
    }
  }
});
