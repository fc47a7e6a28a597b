// simulate(level, solution, options) → Result: one-minute ticks over the horizon, every workload on the tier the
// player built for it, incidents at their minutes, cost meters, then metrics, findings, the score and a fingerprint.
// The one scoring path: the game, `rightsize score` and the leaderboard all call this.
import {CATALOG} from './catalog.js';
import {staticFindings} from './findings-static.js';
import {fingerprint, levelHash} from './hash.js';
import {createRng} from './prng.js';
import {score} from './score.js';
import {MINUTES_PER_DAY} from './time.js';
import type {Level, Result, SimulateOptions, Solution, Tier, Workload} from './types.js';
import {AZS, type Az} from './vocab.js';
import {BUCKET_MINUTES, secondsToMinutes, type SimContext} from './sim/context.js';
import {Meters} from './sim/cost.js';
import {eventsDemand, jobReleaseMinutes, webDemand} from './sim/demand.js';
import {dynamicFindings, mergeFindings} from './sim/findings-dynamic.js';
import {applyIncident, scheduleIncidents} from './sim/incidents.js';
import {computeMetrics} from './sim/metrics.js';
import {billDedicatedFee} from './sim/network.js';
import {ec2Runner} from './sim/run-ec2.js';
import {containerRunner} from './sim/run-containers.js';
import {lambdaRunner} from './sim/lambda.js';
import type {TierRunner} from './sim/runner.js';
import {WorkloadStats} from './sim/stats.js';
import {buildTimeline} from './sim/timeline.js';
import {unservedRunner} from './sim/unserved.js';
import {workInputs} from './sim/work.js';

/** Bumps whenever the same inputs give a different result. */
export const ENGINE_VERSION = '2.1.0';

/** Seed streams: each workload's demand noise and the incidents draw from their own sequence. */
const INCIDENT_STREAM = 0x1ac1de47;

export function horizonMinutes(level: Pick<Level, 'horizonDays'>): number {
  return Math.max(1, Math.round(level.horizonDays * MINUTES_PER_DAY));
}

function tierFor(workload: Workload, tiers: readonly Tier[]): Tier | undefined {
  return tiers.find((t) => t.workload === workload.id);
}

function makeContext(minutes: number, seed: number): SimContext {
  const azDownUntil = Object.fromEntries(AZS.map((az) => [az, 0])) as Record<Az, number>;
  const timings = CATALOG.timings;
  return {
    minutes,
    horizonHours: minutes / 60,
    azDownUntil,
    incidentRng: createRng(seed ^ INCIDENT_STREAM),
    marks: [],
    timings,
    healthCheckMinutes: secondsToMinutes(timings.albHealthCheckSeconds),
    operatorRestoreMinutes: timings.operatorRestoreMinutes,
  };
}

/**
 * A workload's demand per minute depends only on the workload, the horizon and its seed stream, not on the build:
 * the last few series made for each workload object are kept (read-only: nothing writes into a rate series), so
 * scoring a thousand builds of one level on three seeds draws each seed's demand once.
 */
const DEMAND_KEPT = 4;
const demandKept = new WeakMap<Workload, {minutes: number; stream: number; rate: Float64Array}[]>();

function demandFor(workload: Workload & {kind: 'web' | 'events'}, minutes: number, stream: number): Float64Array {
  let kept = demandKept.get(workload);
  if (!kept) {
    kept = [];
    demandKept.set(workload, kept);
  }
  for (const entry of kept) if (entry.minutes === minutes && entry.stream === stream) return entry.rate;
  const rng = createRng(stream);
  const rate = workload.kind === 'web' ? webDemand(workload, minutes, rng) : eventsDemand(workload, minutes, rng);
  kept.unshift({minutes, stream, rate});
  if (kept.length > DEMAND_KEPT) kept.length = DEMAND_KEPT;
  return rate;
}

function makeRunner(workload: Workload, index: number, tiers: readonly Tier[], seed: number, ctx: SimContext, meters: Meters): TierRunner {
  const minutes = ctx.minutes;
  const stream = seed + 7919 * (index + 1);
  let rate: Float64Array | null = null;
  let releases: Uint8Array | null = null;
  if (workload.kind === 'web' || workload.kind === 'events') rate = demandFor(workload, minutes, stream);
  else {
    releases = new Uint8Array(minutes);
    for (const m of jobReleaseMinutes(workload, minutes)) releases[m] = 1;
  }
  const stats = new WorkloadStats(minutes, BUCKET_MINUTES);
  const inputs = workInputs(workload, rate, releases);
  const tier = tierFor(workload, tiers);
  const deps = {ctx, meters};
  if (!tier) return unservedRunner(workload, stats, inputs);
  switch (tier.compute) {
    case 'ec2':
      return ec2Runner(workload, tier, stats, inputs, deps);
    case 'ecs':
    case 'eks':
      return containerRunner(workload, tier, stats, inputs, deps);
    case 'lambda':
      return lambdaRunner(workload, tier, stats, inputs, deps);
  }
}

/**
 * The tick loop: incidents at their minutes, every runner stepped, the dedicated fee. Returns how many units each
 * incident hit. A function of its own so that the optimised code of this hot loop is kept from run to run: code
 * after it (findings, scoring) that bails out would otherwise take the loop's optimised code with it every run.
 */
function runMinutes(runners: readonly TierRunner[], scheduled: ReturnType<typeof scheduleIncidents>, ctx: SimContext, meters: Meters): number[] {
  const targets = runners.map((r) => r.target);
  const webWorkloads = new Set(runners.filter((r) => r.workload.kind === 'web').map((r) => r.workload.id));
  const incidentHits = new Array<number>(scheduled.length).fill(0);
  let next = 0;
  for (let minute = 0; minute < ctx.minutes; minute++) {
    while (next < scheduled.length && (scheduled[next]?.minute ?? Infinity) <= minute) {
      incidentHits[next] = applyIncident(scheduled[next] as (typeof scheduled)[number], targets, ctx, webWorkloads);
      next++;
    }
    let dedicated = 0;
    for (const runner of runners) {
      runner.step(minute);
      dedicated += runner.dedicatedRunning;
    }
    if (dedicated > 0) billDedicatedFee(meters, minute);
  }
  return incidentHits;
}

export function simulate(level: Level, solution: Pick<Solution, 'tiers'>, options: SimulateOptions = {}): Result {
  const seed = options.seed ?? level.seed;
  const incidents = options.incidents ?? level.incidents;
  const minutes = horizonMinutes(level);
  const ctx = makeContext(minutes, seed);
  const meters = new Meters(ctx.horizonHours, BUCKET_MINUTES, Math.ceil(minutes / BUCKET_MINUTES));
  const runners = level.workloads.map((w, i) => makeRunner(w, i, solution.tiers, seed, ctx, meters));
  const scheduled = scheduleIncidents(incidents, minutes);
  const incidentHits = runMinutes(runners, scheduled, ctx, meters);
  for (const runner of runners) runner.finish?.();

  const {lines, monthlyMicroUsd, horizonMicroUsd} = meters.lines();
  const {metrics, failures, failuresByKind} = computeMetrics({runners, monthlyMicroUsd, horizonMicroUsd, idleUsd: meters.idleUsd, horizonHours: ctx.horizonHours});
  const findings = mergeFindings(
    staticFindings(level, solution.tiers),
    dynamicFindings({runners, scheduled, incidentHits, metrics, ctx, costLines: lines}),
  );
  const scored = score(level, metrics, findings, failuresByKind);
  const result: Omit<Result, 'fingerprint'> = {
    level: level.id,
    levelHash: levelHash(level),
    solutionHash: fingerprint(solution.tiers),
    engineVersion: ENGINE_VERSION,
    seed,
    horizonHours: ctx.horizonHours,
    passed: scored.passed,
    stars: scored.stars,
    points: scored.points,
    objectives: scored.objectives,
    hardFailures: scored.hardFailures,
    metrics,
    cost: lines,
    failures,
    findings,
    timeline: buildTimeline(runners, BUCKET_MINUTES, meters.bucketUsd, ctx.marks),
  };
  return {...result, fingerprint: fingerprint(result)};
}
