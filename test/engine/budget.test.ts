// The work budget (#8 items 6–7): a build too big to simulate in seconds is a problem before any run, at the
// number to lower; a level file whose builds together are too big is one at the level.
import {describe, expect, it} from 'vitest';
import {estimateWork, levelWorkProblems, RUN_WORK_BUDGET} from '../../src/engine/budget.js';
import {checkSolution} from '../../src/engine/check.js';
import type {Level, Tier} from '../../src/engine/types.js';
import {events, jobs, makeLevel, web, withDefaults} from './fixtures.js';

const ec2 = (workload: string, count: number, extra: object = {}): Tier => withDefaults({workload, compute: 'ec2', instanceType: 'm5.large', count, ...extra} as never);
const lambda = (workload: string): Tier => withDefaults({workload, compute: 'lambda', memoryMb: 1024, timeoutSeconds: 60, trigger: 'schedule'} as never);
const hourly = jobs({every: 'hour', count: 100_000, vcpuMinutes: 5, deadlineMinutes: 1440});

describe('checkSolution: the work budget', () => {
  const rows: {name: string; level: Partial<Level>; tiers: Tier[]; want: {path: (string | number)[]; says: string[]} | null}[] = [
    {name: 'a shipped-size build is within the budget', level: {workloads: [web()]}, tiers: [ec2('web', 4)], want: null},
    {
      name: '100,000 jobs an hour on 200 units for 28 days: lower the count',
      level: {horizonDays: 28, workloads: [hourly]},
      tiers: [ec2('batch', 200)],
      want: {path: ['tiers', 0, 'count'], says: ['too big to simulate', 'lower count (200)', "horizonDays (28)"]},
    },
    {
      name: 'an Auto Scaling group: lower scaling.max',
      level: {horizonDays: 28, workloads: [web(), web({id: 'api'})]},
      tiers: [ec2('web', 2, {scaling: {min: 1, max: 200, targetCpu: 0.5}}), ec2('api', 100)],
      want: {path: ['tiers', 0, 'scaling', 'max'], says: ['lower scaling.max (200)']},
    },
    {
      name: 'ten web tiers of 200 units for 28 days: the heaviest tier is named',
      level: {horizonDays: 28, workloads: Array.from({length: 10}, (_, i) => web({id: `w${i}`}))},
      tiers: Array.from({length: 10}, (_, i) => ec2(`w${i}`, i === 3 ? 200 : 150)),
      want: {path: ['tiers', 3, 'count'], says: ['lower count (200)']},
    },
    {
      name: 'events weigh more: two events tiers of 200 units for 28 days',
      level: {horizonDays: 28, workloads: [events({id: 'a'}), events({id: 'b'})]},
      tiers: [ec2('a', 200), ec2('b', 200, {scaling: {min: 1, max: 200, targetCpu: 0.5}})],
      want: {path: ['tiers', 0, 'count'], says: ['lower count (200)']},
    },
    {
      name: '100,000 jobs an hour on Lambda for 28 days: the level’s job count is the number to lower',
      level: {horizonDays: 28, workloads: [hourly]},
      tiers: [lambda('batch')],
      want: {path: ['level'], says: ['lower workloads[0].count (100000 jobs a run)']},
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const level = makeLevel({allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features: []}, ...row.level});
      const problems = checkSolution(level, {formatVersion: 1, level: level.id, tiers: row.tiers}).filter((p) => p.message.includes('too big'));
      if (row.want === null) return expect(problems).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toEqual(row.want.path);
      for (const words of row.want.says) expect(problems[0]?.message).toContain(words);
    });
  }

  it('the estimate grows with the horizon, the units and the job slots', () => {
    const level = (days: number): Level => makeLevel({horizonDays: days, workloads: [hourly]});
    const one = estimateWork(level(1), [ec2('batch', 10)]).total;
    expect(estimateWork(level(2), [ec2('batch', 10)]).total / one).toBeGreaterThan(1.9);
    expect(estimateWork(level(1), [ec2('batch', 20)]).total).toBeGreaterThan(one);
    expect(estimateWork(level(28), [ec2('batch', 200)]).total).toBeGreaterThan(RUN_WORK_BUDGET);
  });
});

describe('levelWorkProblems: a level file within the budget to validate', () => {
  it('a shipped-size level has none', () => {
    expect(levelWorkProblems(makeLevel({start: {tiers: [ec2('web', 2)]}, reference: {tiers: [ec2('web', 4)]}}))).toEqual([]);
  });

  it('twenty counterexamples that each fit but together do not: lower the counterexamples', () => {
    const big = [ec2('web', 100)];
    const level = makeLevel({horizonDays: 28, workloads: [web()], start: {tiers: big}, reference: {tiers: big}, counterexamples: Array.from({length: 20}, () => ({why: 'x', finding: 'single-az' as const, tiers: big}))});
    const problems = levelWorkProblems(level);
    expect(problems.map((p) => p.path)).toEqual([['counterexamples']]);
    expect(problems[0]?.message).toContain('number of counterexamples (20)');
  });

  it('a Lambda build over the budget because of the job count: at workloads[i].count', () => {
    const level = makeLevel({horizonDays: 28, workloads: [web(), hourly], start: {tiers: [ec2('web', 1), lambda('batch')]}, reference: {tiers: [ec2('web', 1), lambda('batch')]}});
    const problems = levelWorkProblems(level);
    expect(problems.map((p) => p.path)).toEqual([['workloads', 1, 'count'], ['workloads', 1, 'count']]);
    expect(problems[0]?.message).toContain('the start build is too big');
  });
});
