// Incidents strike what the player built (#14): an unpinned AZ outage hits the AZ holding the most serving capacity
// at that minute (ties broken by the seed); an instance failure hits a unit that serves. One named row each.
import {describe, expect, it} from 'vitest';
import {simulate} from '../../src/engine/index.js';
import {loadLevelFile} from '../../src/content/index.js';
import {levelsDir} from '../../src/content/index.js';
import {join} from 'node:path';
import type {Az} from '../../src/engine/vocab.js';
import type {Incident, Level, Result, Tier} from '../../src/engine/types.js';
import {makeLevel, solution, web, withDefaults} from './fixtures.js';

const steady = web({baseRps: 10, noise: 0});
const PER_MINUTE = 600;
const OUTAGE_MIN = 180;
const unpinned: Incident = {kind: 'az-outage', at: 'wed 14:00', minutes: OUTAGE_MIN};
const ec2 = (partial: Partial<Parameters<typeof withDefaults>[0]> & object = {}): Tier => withDefaults({workload: 'web', compute: 'ec2', instanceType: 'c5.large', ...partial} as Parameters<typeof withDefaults>[0]);
const failed = (result: Result, reason: keyof Result['failures']): number => result.failures[reason] ?? 0;
const struck = (result: Result): string | undefined => result.timeline.marks.find((m) => m.kind === 'az-outage')?.label.slice(3, 4);

function stayUp(): Level {
  const loaded = loadLevelFile(join(levelsDir(), '01-stay-up.yaml'));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.value;
}

describe('an unpinned AZ outage strikes the AZ with the most serving capacity', () => {
  const level = makeLevel({workloads: [steady], incidents: [unpinned]});
  it.each([
    {name: 'one instance in AZ f: the outage strikes f and every request during it fails', tier: ec2({count: 1, azs: ['f']}), az: 'f', failed: OUTAGE_MIN * PER_MINUTE},
    {name: 'two instances in AZ c: the outage strikes c', tier: ec2({count: 2, azs: ['c'], loadBalancer: 'alb'}), az: 'c', failed: OUTAGE_MIN * PER_MINUTE},
    {name: 'three instances over d, e, d: d holds two of them and goes down', tier: ec2({count: 3, azs: ['d', 'e'], loadBalancer: 'alb'}), az: 'd', failed: undefined},
    {name: 'no load balancer over a and b: clients use the instance in a, so a is the AZ the shop leans on', tier: ec2({count: 2, azs: ['a', 'b']}), az: 'a', failed: undefined},
  ])('$name', ({tier, az, failed: expected}) => {
    const result = simulate(level, solution(tier));
    expect(struck(result)).toBe(az);
    if (expected !== undefined) expect(failed(result, 'az-outage')).toBe(expected);
  });

  it('a tie (one instance in each of a and b) is broken by the seed, the same way every time', () => {
    const tier = ec2({count: 2, azs: ['a', 'b'], loadBalancer: 'alb'});
    const picks = new Set<string | undefined>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const first = struck(simulate(level, solution(tier), {seed}));
      expect(struck(simulate(level, solution(tier), {seed}))).toBe(first);
      expect(['a', 'b']).toContain(first);
      picks.add(first);
    }
    expect(picks.size).toBe(2);
  });

  it('a pinned AZ still goes down as written, even with nothing in it', () => {
    const pinned = makeLevel({workloads: [steady], incidents: [{...unpinned, az: 'a' as Az}]});
    const result = simulate(pinned, solution(ec2({count: 1, azs: ['b']})));
    expect(struck(result)).toBe('a');
    expect(failed(result, 'az-outage')).toBe(0);
  });
});

describe('an instance failure strikes a unit that serves', () => {
  it('without a load balancer it hits the instance clients use, not the idle one', () => {
    const level = makeLevel({workloads: [steady], incidents: [{kind: 'instance-failure', at: 'wed 10:00', units: 1}]});
    const result = simulate(level, solution(ec2({count: 2, azs: ['a', 'b']})));
    expect(failed(result, 'instance-failure')).toBeGreaterThan(0);
  });

  it('a booting instance is hit only when none is serving: the ready one goes down first', () => {
    // The instance in a comes back from the outage at 15:00 and boots; at 15:01 the disk dies under the one serving in b.
    const level = makeLevel({workloads: [steady], incidents: [{kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 60}, {kind: 'instance-failure', at: 'wed 15:01', units: 1}]});
    const result = simulate(level, solution(ec2({count: 2, azs: ['a', 'b'], loadBalancer: 'alb'})));
    expect(failed(result, 'instance-failure')).toBeGreaterThan(0);
    expect(result.findings.map((f) => f.id)).toContain('instance-not-replaced');
  });
});

describe('Stay Up: the lesson is the outage of whichever AZ the build uses', () => {
  it("the reference moved whole into AZ b fails its availability objective (the outage strikes b)", () => {
    const level = stayUp();
    const reference = level.reference.tiers[0] as Tier;
    const result = simulate(level, solution({...reference, azs: ['b']} as Tier));
    const availability = result.objectives.find((o) => o.metric === 'availability');
    expect(availability?.met).toBe(false);
    expect(result.passed).toBe(false);
    expect(result.findings.map((f) => f.id)).toContain('single-az');
  });

  it('the reference itself, in a and b, still reaches 3 stars', () => {
    const level = stayUp();
    expect(simulate(level, solution(...level.reference.tiers)).stars).toBe(3);
  });
});
