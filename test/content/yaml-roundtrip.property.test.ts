// Any solution the schema accepts survives solutionToYaml → parseSolution unchanged.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {formatProblem, parseSolution, solutionToYaml} from '../../src/content/index.js';
import {printable} from '../../src/content/problem.js';
import {CATALOG} from '../../src/engine/catalog.js';
import {withDefaults} from '../../src/engine/defaults.js';
import type {Solution, Tier} from '../../src/engine/types.js';
import {ARCHITECTURES, AZS, IDENTITIES, IMAGES, INBOUND_RULES, PURCHASE_OPTIONS, RUNTIMES, SCHEDULES, TRIGGERS} from '../../src/engine/vocab.js';

const instanceTypes = Object.keys(CATALOG.instanceTypes);
const azs = fc.uniqueArray(fc.constantFrom(...AZS), {minLength: 1, maxLength: AZS.length});

const ec2: fc.Arbitrary<Tier> = fc
  .record({
    instanceType: fc.constantFrom(...instanceTypes),
    count: fc.integer({min: 1, max: 200}),
    scaling: fc.option(fc.record({min: fc.integer({min: 0, max: 5}), max: fc.integer({min: 5, max: 200}), targetCpu: fc.constantFrom(0.5, 0.6, 0.75)}), {nil: undefined}),
    azs,
    purchase: fc.constantFrom(...PURCHASE_OPTIONS),
    image: fc.constantFrom(...IMAGES),
    schedule: fc.constantFrom(...SCHEDULES),
    inbound: fc.uniqueArray(fc.constantFrom(...INBOUND_RULES), {maxLength: INBOUND_RULES.length}),
    identity: fc.constantFrom(...IDENTITIES),
    rootVolumeGb: fc.integer({min: 1, max: 16384}),
  })
  .map((fields) => withDefaults({workload: 'web', compute: 'ec2', ...fields}));

const fargate: fc.Arbitrary<Tier> = fc
  .record({
    combo: fc.constantFrom(...CATALOG.fargate.combos).chain((c) => fc.record({vcpu: fc.constant(c.vcpu), memoryGb: fc.constantFrom(...c.memoryGb)})),
    tasks: fc.integer({min: 1, max: 1000}),
    spot: fc.boolean(),
    compute: fc.constantFrom('ecs' as const, 'eks' as const),
    architecture: fc.constantFrom(...ARCHITECTURES),
    azs,
  })
  .map(({combo, ...fields}) => withDefaults({workload: 'api', ...fields, task: combo}));

const lambda: fc.Arbitrary<Tier> = fc
  .record({
    memoryMb: fc.integer({min: 128, max: 10240}),
    timeoutSeconds: fc.integer({min: 1, max: 900}),
    runtime: fc.constantFrom(...RUNTIMES),
    trigger: fc.constantFrom(...TRIGGERS),
    reservedConcurrency: fc.option(fc.integer({min: 100, max: 1000}), {nil: undefined}),
    provisionedConcurrency: fc.integer({min: 0, max: 100}),
  })
  .map((fields) => withDefaults({workload: 'fn', compute: 'lambda', ...fields}));

const solution: fc.Arbitrary<Solution> = fc.record({
  formatVersion: fc.constant(1 as const),
  level: fc.constantFrom('stay-up', 'pack-the-cluster'),
  player: fc.option(fc.string({minLength: 1, maxLength: 20}).filter((s) => printable(s) === s), {nil: undefined}),
  tiers: fc.tuple(ec2, fargate, lambda).map((tiers) => tiers),
});

describe('solutionToYaml round trip', () => {
  it('parses back to the same solution', () => {
    fc.assert(
      fc.property(solution, (value) => {
        const clean = JSON.parse(JSON.stringify(value)) as Solution;
        const parsed = parseSolution(solutionToYaml(clean), 'round-trip.yaml');
        expect(parsed.ok ? parsed.value : parsed.problems.map(formatProblem)).toEqual(clean);
      }),
      {numRuns: 150},
    );
  });
});
