import {describe, expect, it} from 'vitest';
import {apportion, hardFailuresOf, LOST_TO, objectiveProgress, REASON_FINDINGS, score, type FailuresByKind} from '../../src/engine/score.js';
import type {Finding, Incident, Level, Metrics, Objective} from '../../src/engine/types.js';
import {FINDING_CONCEPT, FINDING_IDS, METRICS, type FindingId} from '../../src/engine/vocab.js';

const baseMetrics: Metrics = {
  availability: 1,
  p95LatencyMs: 100,
  monthlyCostUsd: 100,
  idleCostShare: 0.1,
  jobsOnTime: 1,
  eventsWithinMaxAge: 1,
  opsHoursPerMonth: 0,
  requestsOffered: 1000,
  requestsServed: 1000,
  requestsFailed: 0,
  jobsTotal: 0,
  jobsFailed: 0,
  eventsTotal: 0,
  eventsFailed: 0,
};

const availability: Objective = {metric: 'availability', pass: 0.999, gold: 0.9995, weight: 3};
const cost: Objective = {metric: 'monthlyCostUsd', pass: 150, gold: 90, weight: 2};

const outage: Incident = {kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 180};

function makeLevel(objectives: Objective[] = [availability, cost], forbidFindings: FindingId[] = [], incidents: Incident[] = []): Level {
  return {
    formatVersion: 1,
    id: 'stay-up',
    title: 'Stay up',
    chapter: 'ec2',
    concepts: [],
    exam: [],
    briefing: '',
    horizonDays: 7,
    seed: 7,
    workloads: [],
    data: {customerData: false},
    requirements: {license: 'none', forbidFindings},
    incidents,
    allow: {compute: ['ec2'], features: []},
    start: {tiers: []},
    objectives,
    hints: [],
    debrief: '',
    reference: {tiers: []},
    counterexamples: [],
    quiz: [],
  };
}

const finding = (id: FindingId, severity: Finding['severity'] = 'warning'): Finding => ({id, severity, concept: FINDING_CONCEPT[id], message: `${id} happened`, workload: 'web'});

describe('score: points, stars and pass', () => {
  it.each<{name: string; metrics: Partial<Metrics>; findings?: Finding[]; level?: Level; points: number; stars: number; passed: boolean; perObjective: number[]}>([
    {name: 'every objective at gold: exactly 1000 and 3 stars', metrics: {availability: 1, monthlyCostUsd: 80}, points: 1000, stars: 3, passed: true, perObjective: [600, 400]},
    {name: 'exactly at gold counts as gold', metrics: {availability: 0.9995, monthlyCostUsd: 90}, points: 1000, stars: 3, passed: true, perObjective: [600, 400]},
    {name: 'halfway on both: 500 points, 1 star', metrics: {availability: 0.99925, monthlyCostUsd: 120}, points: 500, stars: 1, passed: true, perObjective: [300, 200]},
    {name: 'gold availability, cost halfway: 800 points, 2 stars', metrics: {availability: 1, monthlyCostUsd: 120}, points: 800, stars: 2, passed: true, perObjective: [600, 200]},
    {name: 'exactly at pass earns nothing but passes', metrics: {availability: 0.999, monthlyCostUsd: 150}, points: 0, stars: 1, passed: true, perObjective: [0, 0]},
    {name: 'cost one cent over pass fails the level', metrics: {availability: 1, monthlyCostUsd: 150.01}, points: 600, stars: 0, passed: false, perObjective: [600, 0]},
    {name: 'availability below pass fails the level', metrics: {availability: 0.99, monthlyCostUsd: 80}, points: 400, stars: 0, passed: false, perObjective: [0, 400]},
    {
      name: 'exactly 700 points with every objective passing: 2 stars',
      level: makeLevel([
        {...availability, weight: 7},
        {...cost, weight: 3},
      ]),
      metrics: {availability: 1, monthlyCostUsd: 150},
      points: 700,
      stars: 2,
      passed: true,
      perObjective: [700, 0],
    },
    {
      name: 'a critical finding: 0 stars and not passed, points kept for display',
      metrics: {availability: 1, monthlyCostUsd: 80},
      findings: [finding('customer-data-in-default-vpc', 'critical')],
      points: 1000,
      stars: 0,
      passed: false,
      perObjective: [600, 400],
    },
    {
      name: 'a forbidden warning fails the level, points kept for display',
      level: makeLevel([availability, cost], ['ssh-open-to-world']),
      metrics: {availability: 1, monthlyCostUsd: 80},
      findings: [finding('ssh-open-to-world')],
      points: 1000,
      stars: 0,
      passed: false,
      perObjective: [600, 400],
    },
    {
      name: 'a warning the level does not forbid changes nothing',
      metrics: {availability: 1, monthlyCostUsd: 80},
      findings: [finding('ssh-open-to-world'), finding('servers-to-patch', 'info')],
      points: 1000,
      stars: 3,
      passed: true,
      perObjective: [600, 400],
    },
    {
      name: 'three equal weights share 1000 as 334 + 333 + 333',
      level: makeLevel([
        {metric: 'jobsOnTime', pass: 0.9, gold: 1, weight: 1},
        {metric: 'eventsWithinMaxAge', pass: 0.9, gold: 1, weight: 1},
        {metric: 'opsHoursPerMonth', pass: 10, gold: 0, weight: 1},
      ]),
      metrics: {jobsOnTime: 1, eventsWithinMaxAge: 1, opsHoursPerMonth: 0},
      points: 1000,
      stars: 3,
      passed: true,
      perObjective: [334, 333, 333],
    },
    {
      name: 'partial points round down: 70% of 333 is 233',
      level: makeLevel([
        {metric: 'jobsOnTime', pass: 0.9, gold: 1, weight: 1},
        {metric: 'eventsWithinMaxAge', pass: 0.9, gold: 1, weight: 1},
        {metric: 'p95LatencyMs', pass: 1000, gold: 0, weight: 1},
      ]),
      metrics: {jobsOnTime: 1, eventsWithinMaxAge: 1, p95LatencyMs: 300},
      points: 900,
      stars: 2,
      passed: true,
      perObjective: [334, 333, 233],
    },
    {name: 'no objectives: 1000 and 3 stars', level: makeLevel([]), metrics: {}, points: 1000, stars: 3, passed: true, perObjective: []},
  ])('$name', ({metrics, findings, level, points, stars, passed, perObjective}) => {
    const result = score(level ?? makeLevel(), {...baseMetrics, ...metrics}, findings ?? []);
    expect({points: result.points, stars: result.stars, passed: result.passed}).toEqual({points, stars, passed});
    expect(result.objectives.map((o) => o.points)).toEqual(perObjective);
    expect(Number.isInteger(result.points)).toBe(true);
  });

  it('reports value, thresholds, met and gold per objective', () => {
    const [avail, money] = score(makeLevel(), {...baseMetrics, availability: 0.9992, monthlyCostUsd: 200}, []).objectives;
    expect(avail).toMatchObject({metric: 'availability', value: 0.9992, pass: 0.999, gold: 0.9995, weight: 3, met: true, atGold: false, maxPoints: 600});
    expect(money).toMatchObject({metric: 'monthlyCostUsd', value: 200, met: false, atGold: false, points: 0, maxPoints: 400});
  });
});

describe('score: hard failures', () => {
  it.each<{name: string; findings: Finding[]; forbid?: FindingId[]; failures: string[]}>([
    {name: 'none', findings: [finding('single-az')], failures: []},
    {name: 'a critical finding', findings: [finding('license-not-compliant', 'critical')], failures: ['license-not-compliant [web] (critical): license-not-compliant happened']},
    {name: 'a forbidden finding', findings: [finding('single-az')], forbid: ['single-az'], failures: ['single-az [web] (not allowed by this level): single-az happened']},
    {
      name: 'critical and forbidden: listed once, as critical',
      findings: [finding('customer-data-in-default-vpc', 'critical')],
      forbid: ['customer-data-in-default-vpc'],
      failures: ['customer-data-in-default-vpc [web] (critical): customer-data-in-default-vpc happened'],
    },
  ])('$name', ({findings, forbid, failures}) => {
    expect(hardFailuresOf(makeLevel([availability], forbid), findings)).toEqual(failures);
  });
});

describe('score: the finding each objective was lost to', () => {
  const jobs: Objective = {metric: 'jobsOnTime', pass: 0.9, gold: 1, weight: 1};
  it.each<{name: string; metrics: Partial<Metrics>; findings: FindingId[]; lostTo: (FindingId | undefined)[]; incidents?: Incident[]; failures?: FailuresByKind; objectives?: Objective[]}>([
    {
      name: 'availability lost to single-az before no-load-balancer, under an AZ outage',
      metrics: {availability: 0.9991, monthlyCostUsd: 80},
      findings: ['servers-to-patch', 'no-load-balancer', 'single-az'],
      incidents: [outage],
      lostTo: ['single-az', undefined],
    },
    {
      name: 'without an AZ outage a single AZ did not cost availability',
      metrics: {availability: 0.9991, monthlyCostUsd: 80},
      findings: ['single-az', 'single-instance', 'overloaded'],
      lostTo: ['overloaded', undefined],
    },
    {name: 'cost lost to idle capacity', metrics: {availability: 1, monthlyCostUsd: 120}, findings: ['single-az', 'idle-capacity'], lostTo: [undefined, 'idle-capacity']},
    {name: 'at gold: nothing lost, whatever the findings', metrics: {availability: 1, monthlyCostUsd: 80}, findings: ['single-az', 'idle-capacity'], lostTo: [undefined, undefined]},
    {name: 'below pass: still named', metrics: {availability: 0.9, monthlyCostUsd: 80}, findings: ['instance-not-replaced'], lostTo: ['instance-not-replaced', undefined]},
    {name: 'no relevant finding: none named', metrics: {availability: 0.9991, monthlyCostUsd: 120}, findings: ['ssh-open-to-world'], lostTo: [undefined, undefined]},
    {
      name: 'failures by reason: mostly overload names overloaded, even with an AZ outage',
      metrics: {availability: 0.9991, monthlyCostUsd: 80},
      findings: ['single-az', 'overloaded'],
      incidents: [outage],
      failures: {web: {'overload': 900, 'az-outage': 100}},
      lostTo: ['overloaded', undefined],
    },
    {
      name: 'failures by reason: mostly the AZ outage names single-az',
      metrics: {availability: 0.9991, monthlyCostUsd: 80},
      findings: ['single-az', 'overloaded'],
      incidents: [outage],
      failures: {web: {'overload': 10, 'az-outage': 4000}},
      lostTo: ['single-az', undefined],
    },
    {
      name: 'failures by reason: exhausted credits explain overload before the symptom',
      metrics: {availability: 0.9991, monthlyCostUsd: 80},
      findings: ['overloaded', 'burst-credits-exhausted'],
      failures: {web: {'overload': 10}},
      lostTo: ['burst-credits-exhausted', undefined],
    },
    {
      name: 'failures by reason: overload on the running tasks while others are pending names tasks-pending before overloaded',
      metrics: {availability: 0.9991, monthlyCostUsd: 80},
      findings: ['overloaded', 'tasks-pending'],
      failures: {web: {'overload': 900, 'pending-task': 10}},
      lostTo: ['tasks-pending', undefined],
    },
    {
      name: 'failures by reason: a reason with no finding falls back to the table',
      metrics: {availability: 0.9991, monthlyCostUsd: 80},
      findings: ['no-load-balancer'],
      failures: {web: {'container-crash': 50}},
      lostTo: ['no-load-balancer', undefined],
    },
    {
      name: 'failures by reason do not change a cost objective',
      metrics: {availability: 1, monthlyCostUsd: 120},
      findings: ['idle-capacity', 'overloaded'],
      failures: {web: {'overload': 50}},
      lostTo: [undefined, 'idle-capacity'],
    },
    {
      name: 'jobs lost to the timeout wall',
      metrics: {jobsOnTime: 0},
      objectives: [jobs],
      findings: ['jobs-missed-deadline', 'lambda-timeout-wall'],
      failures: {jobs: {'timeout': 7}},
      lostTo: ['lambda-timeout-wall'],
    },
    {
      name: "jobs are not blamed on the web tier's failures: the web's overload does not explain a late job",
      metrics: {jobsOnTime: 0},
      objectives: [jobs],
      findings: ['overloaded', 'lambda-timeout-wall'],
      failures: {web: {'overload': 125_000}, jobs: {'timeout': 7}},
      lostTo: ['lambda-timeout-wall'],
    },
    {
      name: 'an AZ outage with no load balancer is the missing load balancer (all traffic was on one instance)',
      metrics: {availability: 0.96, monthlyCostUsd: 80},
      findings: ['no-load-balancer', 'instance-not-replaced'],
      incidents: [{kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 180}],
      failures: {web: {'az-outage': 600_000, 'booting': 7_000}},
      lostTo: ['no-load-balancer', undefined],
    },
  ])('$name', ({metrics, findings, lostTo, incidents, failures, objectives}) => {
    const result = score(makeLevel(objectives, [], incidents), {...baseMetrics, ...metrics}, findings.map((id) => finding(id)), failures);
    expect(result.objectives.map((o) => o.lostTo)).toEqual(lostTo);
  });

  it('every failure reason names real finding ids', () => {
    for (const ids of Object.values(REASON_FINDINGS)) for (const id of ids) expect(FINDING_IDS).toContain(id);
  });

  it('every metric has a table, and it names only real finding ids', () => {
    for (const metric of METRICS) {
      expect(LOST_TO[metric].length).toBeGreaterThan(0);
      for (const id of LOST_TO[metric]) expect(FINDING_IDS).toContain(id);
    }
  });
});

describe('apportion', () => {
  it.each([
    {name: '3 : 2', weights: [3, 2], shares: [600, 400]},
    {name: 'equal thirds, remainder to the first', weights: [1, 1, 1], shares: [334, 333, 333]},
    {name: 'one objective', weights: [5], shares: [1000]},
    {name: 'seven equal', weights: [1, 1, 1, 1, 1, 1, 1], shares: [143, 143, 143, 143, 143, 143, 142]},
    {name: 'largest remainder wins', weights: [1, 2, 4], shares: [143, 286, 571]},
    {name: 'all weights zero share equally', weights: [0, 0], shares: [500, 500]},
    {name: 'nothing to share', weights: [], shares: []},
  ])('$name', ({weights, shares}) => {
    expect(apportion(weights, 1000)).toEqual(shares);
    if (weights.length > 0) expect(shares.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe('objectiveProgress', () => {
  it.each<{name: string; objective: Objective; value: number; met: boolean; atGold: boolean; fraction: number}>([
    {name: 'higher is better, between', objective: availability, value: 0.99925, met: true, atGold: false, fraction: 0.5},
    {name: 'lower is better, between', objective: cost, value: 105, met: true, atGold: false, fraction: 0.75},
    {name: 'lower is better, above pass', objective: cost, value: 151, met: false, atGold: false, fraction: 0},
    {name: 'pass equals gold, met', objective: {...cost, pass: 90}, value: 90, met: true, atGold: true, fraction: 1},
    {name: 'pass equals gold, missed', objective: {...cost, pass: 90}, value: 91, met: false, atGold: false, fraction: 0},
  ])('$name', ({objective, value, met, atGold, fraction}) => {
    const progress = objectiveProgress(objective, value);
    expect({met: progress.met, atGold: progress.atGold}).toEqual({met, atGold});
    expect(progress.fraction).toBeCloseTo(fraction, 9);
  });
});
