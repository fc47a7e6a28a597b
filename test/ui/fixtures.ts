// Small levels, results and in-memory services for driving the game without the real content or engine.
import {withDefaults} from '../../src/engine/index.js';
import type {Ec2Tier, Level, Result, Tier} from '../../src/engine/index.js';
import type {Campaign, ConceptCard, Records, ReviewEvent, ReviewState, Services, Settings} from '../../src/ui/state/services.js';

export function makeLevel(id: string, title: string, overrides: Partial<Level> = {}): Level {
  const start = withDefaults({workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 1});
  return {
    formatVersion: 1,
    id,
    title,
    chapter: 'ec2',
    concepts: ['availability-zones'],
    exam: ['SAA-C03/resilient'],
    briefing: `The ${title} shop runs on one t3.small in us-east-1a.`,
    horizonDays: 7,
    seed: 7,
    workloads: [{id: 'web', kind: 'web', baseRps: 40, daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0.05, cpuMsPerRequest: 20, sloMs: 300}],
    data: {customerData: false},
    requirements: {license: 'none', forbidFindings: []},
    incidents: [{kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 180}],
    allow: {compute: ['ec2'], features: ['count', 'multiAz']},
    start: {tiers: [start]},
    objectives: [
      {metric: 'availability', pass: 0.999, gold: 0.9995, weight: 3},
      {metric: 'monthlyCostUsd', pass: 150, gold: 90, weight: 2},
    ],
    hints: ['Two AZs.'],
    debrief: 'Spread out.',
    reference: {tiers: [start]},
    counterexamples: [],
    quiz: [
      {q: `What survives an AZ outage in ${title}?`, choices: ['One AZ', 'Two AZs behind a load balancer', 'A bigger instance'], answer: 1, explain: 'Only capacity in another AZ keeps serving.', concepts: ['availability-zones'], exam: 'SAA-C03/resilient'},
    ],
    ...overrides,
  };
}

export function makeResult(levelId: string, passed: boolean): Result {
  const availability = passed ? 0.9996 : 0.982;
  return {
    level: levelId,
    levelHash: 'h',
    engineVersion: 'test',
    seed: 7,
    horizonHours: 168,
    passed,
    stars: passed ? 3 : 0,
    points: passed ? 1000 : 400,
    objectives: [
      {metric: 'availability', value: availability, pass: 0.999, gold: 0.9995, weight: 3, met: passed, atGold: passed, points: passed ? 600 : 0, maxPoints: 600, ...(passed ? {} : {lostTo: 'single-az' as const})},
      {metric: 'monthlyCostUsd', value: 30.37, pass: 150, gold: 90, weight: 2, met: true, atGold: true, points: 400, maxPoints: 400},
    ],
    hardFailures: [],
    metrics: {
      availability,
      p95LatencyMs: 120,
      monthlyCostUsd: 30.37,
      idleCostShare: 0.1,
      jobsOnTime: 1,
      eventsWithinMaxAge: 1,
      opsHoursPerMonth: 2,
      requestsOffered: 24_192_000,
      requestsServed: passed ? 24_182_000 : 23_756_544,
      requestsFailed: passed ? 10_000 : 435_456,
      jobsTotal: 0,
      jobsFailed: 0,
      eventsTotal: 0,
      eventsFailed: 0,
    },
    cost: [{item: 'EC2 t3.small on-demand', unit: 'instance-hours', quantity: 730, unitPriceUsd: 0.0208, usd: 15.18}],
    failures: passed ? {overload: 10_000} : {'az-outage': 432_000, overload: 3_456},
    findings: passed
      ? []
      : [
          {id: 'single-az', severity: 'warning', concept: 'availability-zones', message: 'AZ a was down Wed 14:00–17:00; every instance was in AZ a; 432,000 requests failed.'},
          {id: 'idle-capacity', severity: 'info', concept: 'idle-cost', message: 'Half the capacity served nothing at night.'},
        ],
    timeline: {bucketMinutes: 15, buckets: 0, series: [], costUsdPerHour: [], marks: []},
    fingerprint: 'f',
  };
}

export const CONCEPTS: ConceptCard[] = [
  {id: 'availability-zones', title: 'Availability Zones', summary: 'Separate data centres in a Region.', explanation: 'An AZ can fail on its own; spread capacity over two or more.', facts: [{text: 'us-east-1 has six AZs.', source: 'https://docs.aws.amazon.com/'}], exam: ['SAA-C03/resilient']},
  {id: 'idle-cost', title: 'Idle cost', summary: 'Capacity that serves nothing still bills.', explanation: 'Scale in or stop.', facts: [], exam: []},
];

export function campaignOf(levels: Level[]): Campaign {
  return {chapters: [{id: 'ec2', title: 'Chapter 1: EC2', levels: levels.map((l) => l.id)}], levels};
}

function azCount(tiers: Tier[]): number {
  const first = tiers[0];
  return first?.compute === 'ec2' ? (first as Ec2Tier).azs.length : 1;
}

export interface FakeServices extends Services {
  slots: Map<string, Tier[]>;
  runs: {levelId: string; tiers: Tier[]}[];
  records: Records;
  settings: Settings;
  reviews: ReviewEvent[];
  review: ReviewState;
}

/** In-memory services: a build in two or more AZs passes with 3 stars, one AZ fails. */
/** The fixed clock of the fake services: Wednesday 2 December 2026, 10:00 UTC. */
export const FAKE_NOW = new Date('2026-12-02T10:00:00.000Z');

export function fakeServices(levels: Level[], options: {notice?: string; records?: Records; review?: ReviewState} = {}): FakeServices {
  const fake: FakeServices = {
    slots: new Map(),
    runs: [],
    records: {...options.records},
    settings: {},
    reviews: [],
    review: options.review ?? {cards: {}, shown: 0},
    loadContent: () => ({campaign: campaignOf(levels), concepts: CONCEPTS}),
    loadProgress: () => ({records: {...fake.records}, notice: options.notice, review: fake.review}),
    recordReview(event) {
      fake.reviews.push(event);
      // Counts showings like the real store, so the next session's choice order moves on.
      if (event.kind === 'answer') fake.review = {...fake.review, shown: fake.review.shown + 1};
      return fake.review;
    },
    now: () => FAKE_NOW,
    recordResult(levelId, result) {
      const before = fake.records[levelId];
      fake.records = {...fake.records, [levelId]: {stars: Math.max(before?.stars ?? 0, result.stars), bestPoints: Math.max(before?.bestPoints ?? 0, result.points)}};
      return fake.records;
    },
    saveSettings(settings) {
      fake.settings = {...fake.settings, ...settings};
    },
    resetLevel(levelId) {
      const {[levelId]: _gone, ...rest} = fake.records;
      fake.records = rest;
      return rest;
    },
    resetAll() {
      fake.records = {};
      return {};
    },
    listSlots: (levelId) =>
      [...fake.slots.entries()].filter(([k]) => k.startsWith(`${levelId}/`)).map(([k, tiers]) => ({name: k.slice(levelId.length + 1), savedAt: new Date(2026, 10, 27, 9, 30), tiers})),
    loadSlot(levelId, name) {
      const tiers = fake.slots.get(`${levelId}/${name}`);
      if (!tiers) throw new Error(`no slot ${name}`);
      return tiers;
    },
    saveSlot(levelId, name, tiers) {
      fake.slots.set(`${levelId}/${name}`, tiers);
    },
    deleteSlot(levelId, name) {
      fake.slots.delete(`${levelId}/${name}`);
    },
    exportSolution: (path) => path,
    importSolution: () => ({levelId: levels[0]?.id ?? '', tiers: levels[0]?.start.tiers ?? []}),
    simulate(level, tiers) {
      fake.runs.push({levelId: level.id, tiers});
      return makeResult(level.id, azCount(tiers) >= 2);
    },
    dataDir: () => '/tmp/rightsize-test',
  };
  return fake;
}
