// Properties every run must hold, over generated one-day levels and solutions (fast-check, fixed seeds so a
// failure reproduces). Small runs: each case simulates 1,440 minutes.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {withDefaults} from '../../src/engine/defaults.js';
import {checkSolution} from '../../src/engine/check.js';
import {staticFindings} from '../../src/engine/findings-static.js';
import {simulate} from '../../src/engine/simulate.js';
import type {Incident, Level, Solution, Tier, Workload} from '../../src/engine/types.js';
import {FEATURES, type Az} from '../../src/engine/vocab.js';

type PartialTier = Parameters<typeof withDefaults>[0];
const tier = (t: object): Tier => withDefaults(t as PartialTier);

const INSTANCE_TYPES = ['t3.small', 't3.medium', 't4g.small', 'm5.large', 'm6i.large', 'm7g.large', 'c5.large'] as const;
const FARGATE_SIZES = [
  {vcpu: 0.25, memoryGb: 0.5},
  {vcpu: 0.5, memoryGb: 1},
  {vcpu: 1, memoryGb: 2},
  {vcpu: 2, memoryGb: 4},
] as const;

interface Shape {
  baseRps: number;
  cpuMsPerRequest: number;
  jobVcpuMinutes: number;
  jobCount: number;
  eventRate: number;
  cpuMsPerEvent: number;
  outage: boolean;
  failure: boolean;
  seed: number;
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  baseRps: fc.integer({min: 1, max: 120}),
  cpuMsPerRequest: fc.integer({min: 5, max: 80}),
  jobVcpuMinutes: fc.integer({min: 1, max: 30}),
  jobCount: fc.integer({min: 1, max: 4}),
  eventRate: fc.integer({min: 1, max: 30}),
  cpuMsPerEvent: fc.integer({min: 20, max: 400}),
  outage: fc.boolean(),
  failure: fc.boolean(),
  seed: fc.integer({min: 0, max: 2 ** 31 - 1}),
});

function makeLevel(s: Shape): Level {
  // Jobs need only 128 MB, Lambda's smallest size, so a timeout is never masked by out-of-memory (one reason per failure).
  const workloads: Workload[] = [
    {id: 'web', kind: 'web', baseRps: s.baseRps, daily: 'business-hours', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [{at: '12:00', minutes: 30, factor: 3}], noise: 0.05, cpuMsPerRequest: s.cpuMsPerRequest, sloMs: 300},
    {id: 'batch', kind: 'jobs', every: 'day', at: '02:00', count: s.jobCount, vcpuMinutes: s.jobVcpuMinutes, memoryGb: 0.125, deadlineMinutes: 120, parallelizable: false},
    {id: 'uploads', kind: 'events', source: 's3', baseRate: s.eventRate, daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0.05, cpuMsPerEvent: s.cpuMsPerEvent, maxAgeSeconds: 120},
  ];
  const incidents: Incident[] = [];
  if (s.outage) incidents.push({kind: 'az-outage', az: 'a', at: '10:00', minutes: 90});
  if (s.failure) incidents.push({kind: 'instance-failure', workload: 'web', at: '15:00', units: 1});
  const start = {tiers: [tier({workload: 'web', compute: 'ec2'}), tier({workload: 'batch', compute: 'ecs'}), tier({workload: 'uploads', compute: 'lambda', trigger: 's3'})]};
  return {
    formatVersion: 1,
    id: 'generated',
    title: 'Generated',
    chapter: 'mixed',
    concepts: [],
    exam: [],
    briefing: '',
    horizonDays: 1,
    seed: s.seed,
    workloads,
    data: {customerData: false},
    requirements: {license: 'none', forbidFindings: []},
    incidents,
    allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features: [...FEATURES]},
    start,
    objectives: [
      {metric: 'availability', pass: 0.99, gold: 0.999, weight: 3},
      {metric: 'monthlyCostUsd', pass: 500, gold: 200, weight: 2},
      {metric: 'jobsOnTime', pass: 0.9, gold: 1, weight: 1},
    ],
    hints: [],
    debrief: '',
    reference: start,
    counterexamples: [],
    quiz: [],
  };
}

interface Build {
  instanceType: (typeof INSTANCE_TYPES)[number];
  count: number;
  scaling: boolean;
  azs: Az[];
  alb: boolean;
  purchase: 'on-demand' | 'spot' | 'savings-plan';
  jobsOnLambda: boolean;
  fargate: (typeof FARGATE_SIZES)[number];
  tasks: number;
  memoryMb: number;
  timeoutSeconds: number;
}

const buildArb: fc.Arbitrary<Build> = fc.record({
  instanceType: fc.constantFrom(...INSTANCE_TYPES),
  count: fc.integer({min: 1, max: 4}),
  scaling: fc.boolean(),
  azs: fc.subarray<Az>(['a', 'b', 'c'], {minLength: 1}),
  alb: fc.boolean(),
  purchase: fc.constantFrom('on-demand', 'spot', 'savings-plan'),
  jobsOnLambda: fc.boolean(),
  fargate: fc.constantFrom(...FARGATE_SIZES),
  tasks: fc.integer({min: 1, max: 3}),
  memoryMb: fc.integer({min: 128, max: 3008}),
  timeoutSeconds: fc.integer({min: 10, max: 900}),
});

function makeSolution(b: Build): Solution {
  const web = tier({
    workload: 'web',
    compute: 'ec2',
    instanceType: b.instanceType,
    count: b.count,
    scaling: b.scaling ? {min: b.count, max: b.count + 3, targetCpu: 0.6} : undefined,
    azs: b.azs,
    loadBalancer: b.alb ? 'alb' : 'none',
    network: 'private',
    purchase: b.purchase,
    image: 'golden',
  });
  const batch = b.jobsOnLambda
    ? tier({workload: 'batch', compute: 'lambda', memoryMb: b.memoryMb, timeoutSeconds: b.timeoutSeconds, trigger: 'schedule'})
    : tier({workload: 'batch', compute: 'ecs', launchType: 'fargate', task: {...b.fargate}, tasks: b.tasks, azs: b.azs});
  const uploads = tier({workload: 'uploads', compute: 'lambda', memoryMb: b.memoryMb, timeoutSeconds: b.timeoutSeconds, trigger: 's3'});
  return {formatVersion: 1, level: 'generated', tiers: [web, batch, uploads]};
}

const RUNS = {numRuns: 25, seed: 20261126};

describe('simulate: properties', () => {
  it('costs are never negative', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        const result = simulate(makeLevel(s), makeSolution(b));
        expect(result.metrics.monthlyCostUsd).toBeGreaterThanOrEqual(0);
        for (const line of result.cost) {
          expect(line.usd).toBeGreaterThanOrEqual(0);
          expect(line.quantity).toBeGreaterThanOrEqual(0);
        }
        for (const rate of result.timeline.costUsdPerHour) expect(rate).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('serves no more requests than were offered, and served + failed = offered', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        const {metrics} = simulate(makeLevel(s), makeSolution(b));
        expect(metrics.requestsServed).toBeLessThanOrEqual(metrics.requestsOffered);
        expect(metrics.requestsServed + metrics.requestsFailed).toBe(metrics.requestsOffered);
        expect(metrics.availability).toBeGreaterThanOrEqual(0);
        expect(metrics.availability).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('failures by reason add up to the failed requests, jobs and events', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        const {metrics, failures} = simulate(makeLevel(s), makeSolution(b));
        const byReason = Object.values(failures).reduce((sum, n) => sum + (n ?? 0), 0);
        expect(byReason).toBe(metrics.requestsFailed + metrics.jobsFailed + metrics.eventsFailed);
      }),
      RUNS,
    );
  });

  it('one more of the same on-demand instance never lowers capacity', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        const level = makeLevel(s);
        const fixed: Build = {...b, scaling: false, purchase: 'on-demand'};
        const fewer = simulate(level, makeSolution(fixed)).timeline.series.find((x) => x.workload === 'web');
        const more = simulate(level, makeSolution({...fixed, count: fixed.count + 1})).timeline.series.find((x) => x.workload === 'web');
        expect(fewer && more).toBeTruthy();
        fewer?.capacity.forEach((capacity, bucket) => {
          expect(more?.capacity[bucket] ?? -1).toBeGreaterThanOrEqual(capacity - 1e-9);
        });
      }),
      {...RUNS, numRuns: 15},
    );
  });

  it('points are a whole number from 0 to 1000, and a run passes exactly when it earns a star', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        const result = simulate(makeLevel(s), makeSolution(b));
        expect(Number.isInteger(result.points)).toBe(true);
        expect(result.points).toBeGreaterThanOrEqual(0);
        expect(result.points).toBeLessThanOrEqual(1000);
        expect(result.passed).toBe(result.stars > 0);
        expect(result.points).toBe(result.objectives.reduce((sum, o) => sum + o.points, 0));
      }),
      RUNS,
    );
  });

  it('generated solutions are valid for their level', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        expect(checkSolution(makeLevel(s), makeSolution(b))).toEqual([]);
      }),
      {...RUNS, numRuns: 200},
    );
  });

  it('the static timeout-wall finding and the run agree: work past the wall fails as timeout', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        const level = makeLevel(s);
        const solution = makeSolution(b);
        const wall = staticFindings(level, solution.tiers).some((f) => f.id === 'lambda-timeout-wall');
        const timeouts = simulate(level, solution).failures.timeout ?? 0;
        expect(timeouts > 0).toBe(wall);
      }),
      RUNS,
    );
  });

  it('the same inputs give the same fingerprint', () => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        expect(simulate(makeLevel(s), makeSolution(b)).fingerprint).toBe(simulate(makeLevel(s), makeSolution(b)).fingerprint);
      }),
      {...RUNS, numRuns: 10},
    );
  });

  type Change = {name: string; level?: (l: Level) => Level; solution?: (s: Solution) => Solution; seed?: (seed: number) => number};
  const changeWeb = (sol: Solution, patch: object): Solution => ({...sol, tiers: sol.tiers.map((t) => (t.workload === 'web' ? ({...t, ...patch} as Tier) : t))});
  const changeWorkload = (l: Level, patch: object): Level => ({...l, workloads: l.workloads.map((w) => (w.id === 'web' ? ({...w, ...patch} as Workload) : w))});
  const CHANGES: Change[] = [
    {name: 'another seed', seed: (seed) => seed + 1},
    {name: 'a far seed', seed: (seed) => (seed + 1_000_003) % 2 ** 31},
    {name: 'the level title', level: (l) => ({...l, title: `${l.title}!`})},
    {name: 'the level base rate', level: (l) => changeWorkload(l, {baseRps: (l.workloads[0] as {baseRps: number}).baseRps + 1})},
    {name: 'the level SLO', level: (l) => changeWorkload(l, {sloMs: 301})},
    {name: 'a gold threshold', level: (l) => ({...l, objectives: l.objectives.map((o, i) => (i === 0 ? {...o, gold: 0.9999} : o))})},
    {name: 'one more instance', solution: (sol) => changeWeb(sol, {count: ((sol.tiers[0] as {count: number}).count ?? 1) + 1})},
    {name: 'an inbound rule with no effect on the run', solution: (sol) => changeWeb(sol, {inbound: ['https']})},
    {name: 'the identity', solution: (sol) => changeWeb(sol, {identity: 'access-keys'})},
    {name: 'the root volume size', solution: (sol) => changeWeb(sol, {rootVolumeGb: 9})},
  ];

  it.each(CHANGES)('changing $name changes the fingerprint', (change) => {
    fc.assert(
      fc.property(shapeArb, buildArb, (s, b) => {
        const level = makeLevel(s);
        const solution = makeSolution(b);
        const before = simulate(level, solution).fingerprint;
        const after = simulate(change.level?.(level) ?? level, change.solution?.(solution) ?? solution, change.seed ? {seed: change.seed(level.seed)} : undefined).fingerprint;
        expect(after).not.toBe(before);
      }),
      {...RUNS, numRuns: 5},
    );
  });
});
