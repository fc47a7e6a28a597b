// npm run bench: how fast the one scoring path is. Plain numbers with units; no pass/fail thresholds here
// (DESIGN §6 holds the targets: a 7-day three-tier level well under 50 ms; 1,000 submissions in a few seconds).
import {availableParallelism, loadavg} from 'node:os';
import {performance} from 'node:perf_hooks';
import {checkSolution, createRng, nextInt, simulate, withDefaults} from '../src/engine/index.js';
import type {Level, Solution, Tier} from '../src/engine/index.js';

const WARMUP_RUNS = 5;
const TIMED_RUNS = 30;
const SUBMISSIONS = 1000;

type PartialTier = Parameters<typeof withDefaults>[0];
const tier = (t: object): Tier => withDefaults(t as PartialTier);

const week = [1, 1, 1, 1, 1, 0.6, 0.5];

const webTier = tier({
  workload: 'web',
  compute: 'ec2',
  instanceType: 'm5.large',
  scaling: {min: 2, max: 8, targetCpu: 0.5},
  azs: ['a', 'b'],
  loadBalancer: 'alb',
  network: 'private',
  image: 'golden',
  inbound: ['https'],
});
const jobsTier = tier({workload: 'reports', compute: 'ecs', launchType: 'fargate', task: {vcpu: 1, memoryGb: 2}, tasks: 2, azs: ['a', 'b']});
const eventsTier = tier({workload: 'thumbnails', compute: 'lambda', memoryMb: 1024, timeoutSeconds: 60, architecture: 'arm', trigger: 's3'});

const level: Level = {
  formatVersion: 1,
  id: 'bench-three-tier',
  title: 'Benchmark: shop, reports, thumbnails',
  chapter: 'mixed',
  concepts: [],
  exam: [],
  briefing: '',
  horizonDays: 7,
  seed: 42,
  workloads: [
    {id: 'web', kind: 'web', baseRps: 60, daily: 'business-hours', weekly: week, spikes: [{at: 'wed 12:00', minutes: 45, factor: 3}], noise: 0.05, cpuMsPerRequest: 25, sloMs: 300},
    {id: 'reports', kind: 'jobs', every: 'hour', at: ':15', count: 3, vcpuMinutes: 8, memoryGb: 2, deadlineMinutes: 30, parallelizable: false},
    {id: 'thumbnails', kind: 'events', source: 's3', baseRate: 15, daily: 'evening-peak', weekly: week, spikes: [], noise: 0.1, cpuMsPerEvent: 300, maxAgeSeconds: 60},
  ],
  data: {customerData: true},
  requirements: {license: 'none', forbidFindings: []},
  incidents: [
    {kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 180},
    {kind: 'instance-failure', workload: 'web', at: 'fri 09:00', units: 1},
    {kind: 'container-crash', workload: 'reports', at: 'tue 03:00', units: 1},
  ],
  allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features: ['instanceType', 'count', 'autoScaling', 'multiAz', 'purchase', 'image', 'loadBalancer', 'network', 'security', 'taskSize', 'lambdaConfig', 'concurrency']},
  start: {tiers: [webTier, jobsTier, eventsTier]},
  objectives: [
    {metric: 'availability', pass: 0.99, gold: 0.999, weight: 3},
    {metric: 'monthlyCostUsd', pass: 900, gold: 500, weight: 2},
    {metric: 'jobsOnTime', pass: 0.95, gold: 1, weight: 1},
    {metric: 'eventsWithinMaxAge', pass: 0.99, gold: 0.999, weight: 1},
  ],
  hints: [],
  debrief: '',
  reference: {tiers: [webTier, jobsTier, eventsTier]},
  counterexamples: [],
  quiz: [],
};

const reference: Solution = {formatVersion: 1, level: level.id, tiers: [webTier, jobsTier, eventsTier]};

function quantile(sortedMs: number[], q: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil(q * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

// ---------------------------------------------------------------- one level, many runs

// Timings on a busy machine are not timings of the engine: say how busy it was.
const [load1m = 0] = loadavg();
console.log(`machine: ${availableParallelism()} cores, load average ${load1m.toFixed(2)} (1 min), Node ${process.version}`);

for (let i = 0; i < WARMUP_RUNS; i++) simulate(level, reference);
const samplesMs = Array.from({length: TIMED_RUNS}, () => timeOnce(() => simulate(level, reference))).sort((a, b) => a - b);
const sample = simulate(level, reference);
console.log(`simulate + score, 7-day three-tier level (${level.horizonDays * 1440} one-minute ticks, ${reference.tiers.length} tiers):`);
console.log(`  median ${quantile(samplesMs, 0.5).toFixed(2)} ms, p90 ${quantile(samplesMs, 0.9).toFixed(2)} ms over ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up runs`);
console.log(`  (reference run: ${sample.stars} stars, ${sample.points} points, $${sample.metrics.monthlyCostUsd.toFixed(2)} a month)`);

// ---------------------------------------------------------------- a leaderboard's worth of submissions

const TYPES = ['t3.small', 't3.medium', 't3.large', 't4g.small', 'm5.large', 'm5.xlarge', 'm6i.large', 'm7g.large', 'c5.large', 'c6g.large', 'r5.large'];
const AZ_SETS = [['a'], ['a', 'b'], ['b', 'c'], ['a', 'b', 'c']] as const;
const PURCHASES = ['on-demand', 'spot', 'savings-plan'] as const;
const FARGATE = [
  {vcpu: 0.5, memoryGb: 1},
  {vcpu: 1, memoryGb: 2},
  {vcpu: 2, memoryGb: 4},
] as const;

function pick<T>(rng: ReturnType<typeof createRng>, items: readonly T[]): T {
  return items[nextInt(rng, items.length)] as T;
}

/** Seeded variety: instance types, counts or scaling, AZs, purchase options, task sizes, Lambda memory. */
function generatedSolution(index: number): Solution {
  const rng = createRng(index);
  const count = 1 + nextInt(rng, 4);
  const scaled = nextInt(rng, 2) === 0;
  const web = tier({
    ...webTier,
    instanceType: pick(rng, TYPES),
    count,
    scaling: scaled ? {min: count, max: count + 1 + nextInt(rng, 4), targetCpu: 0.5 + nextInt(rng, 4) / 10} : undefined,
    azs: [...pick(rng, AZ_SETS)],
    purchase: pick(rng, PURCHASES),
    loadBalancer: nextInt(rng, 4) === 0 ? 'none' : 'alb',
  });
  const jobs = tier({...jobsTier, task: {...pick(rng, FARGATE)}, tasks: 1 + nextInt(rng, 3), spot: nextInt(rng, 2) === 0});
  const events = tier({...eventsTier, memoryMb: pick(rng, [512, 1024, 1769, 3008]), provisionedConcurrency: pick(rng, [0, 0, 2, 5])});
  return {formatVersion: 1, level: level.id, player: `player-${index}`, tiers: [web, jobs, events]};
}

const submissions = Array.from({length: SUBMISSIONS}, (_, i) => generatedSolution(i));
let rejected = 0;
let starsTotal = 0;
const rescoreMs = timeOnce(() => {
  for (const submission of submissions) {
    if (checkSolution(level, submission).length > 0) {
      rejected++;
      continue;
    }
    starsTotal += simulate(level, submission).stars;
  }
});
console.log(`re-score ${SUBMISSIONS.toLocaleString('en-US')} generated solutions (check + simulate + score each, 7-day level):`);
console.log(`  ${(rescoreMs / 1000).toFixed(2)} s in total, ${(rescoreMs / SUBMISSIONS).toFixed(2)} ms per solution` + ` (${rejected} rejected by checks, ${starsTotal} stars awarded)`);
