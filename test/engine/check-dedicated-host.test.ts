// A Dedicated Host exists in the catalog for some families only (m5): another family on a host is refused, so no
// build runs for free on a host the catalog cannot price.
import {describe, expect, it} from 'vitest';
import {checkSolution, withDefaults} from '../../src/engine/index.js';
import type {Level, Tier} from '../../src/engine/types.js';
import {makeLevel} from '../ui/fixtures.js';

const level: Level = makeLevel('hosts', 'Hosts', {allow: {compute: ['ec2', 'ecs'], features: ['instanceType', 'purchase', 'count']}});

describe('dedicated-host purchase', () => {
  it.each([
    {name: 'm5.large on a host', tier: {workload: 'web', compute: 'ec2', instanceType: 'm5.large', purchase: 'dedicated-host'}, problems: []},
    {name: 'c5.xlarge on a host', tier: {workload: 'web', compute: 'ec2', instanceType: 'c5.xlarge', purchase: 'dedicated-host'}, problems: [['tiers', 0, 'purchase']]},
    {name: 'c5.xlarge on demand', tier: {workload: 'web', compute: 'ec2', instanceType: 'c5.xlarge', purchase: 'on-demand'}, problems: []},
    {
      name: 'an ECS cluster of c5.large on hosts',
      tier: {workload: 'web', compute: 'ecs', launchType: 'ec2', cluster: {instanceType: 'c5.large', count: 2, purchase: 'dedicated-host'}},
      problems: [['tiers', 0, 'cluster', 'purchase']],
    },
  ])('$name', ({tier, problems}) => {
    const found = checkSolution(level, {formatVersion: 1, level: level.id, tiers: [withDefaults(tier as Tier)]}).filter((p) => p.path.includes('purchase'));
    expect(found.map((p) => p.path)).toEqual(problems);
    for (const p of found) expect(p.message).toContain('Dedicated Hosts for the m5 family, not c5');
  });
});
