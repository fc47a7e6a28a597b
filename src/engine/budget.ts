// The work budget: how much simulating a build costs, estimated before simulating, so that no level or solution
// within the file limits can hang `score`, `validate` or the game. The estimate counts what a minute of the tick
// loop visits — every unit a tier may run, every job slot on it, every distinct deadline a jobs queue can hold —
// times the minutes of the horizon, plus Lambda's per-job work at each batch release. Beyond the budget a build
// is a problem that names the number to lower, never a slow run.
import {instanceType} from './catalog.js';
import {slotsPerUnit} from './sim/jobs.js';
import {MINUTES_PER_DAY, MINUTES_PER_HOUR} from './time.js';
import type {Level, Problem, Tier, Workload} from './types.js';

/**
 * Work units one run may take. One unit is about one unit-minute of a web tier; on the reference machine the
 * budget runs in about 2–3 s (see `npm run bench`, case "work budget").
 */
export const RUN_WORK_BUDGET = 12_000_000;
/** Work units `validate` may spend on one level file: its start, reference and every counterexample together. */
export const LEVEL_WORK_BUDGET = 3 * RUN_WORK_BUDGET;

/** Relative cost of a unit-minute by workload kind (measured: an events unit-minute costs about three web ones). */
const KIND_WEIGHT: Record<Workload['kind'], number> = {web: 1, events: 3, jobs: 1};
/** What a workload costs each minute with no units at all (demand, stats, the minute's bookkeeping). */
const WORKLOAD_BASE = 4;

const PERIOD_MINUTES = {hour: MINUTES_PER_HOUR, day: MINUTES_PER_DAY, week: 7 * MINUTES_PER_DAY} as const;

/** Where a build's work comes from: the tier, the number a player or author would lower, and its share. */
export interface WorkPart {
  tierIndex: number;
  /** Path into the solution of the number to lower (the tier's count, tasks or scaling.max). */
  path: Problem['path'];
  /** That number's name and value, as the message shows it. */
  field: string;
  value: number;
  work: number;
  /** The share that comes from the level's workload (Lambda jobs: workloads[i].count), not the build. */
  fromWorkload?: {index: number; count: number};
}

export interface WorkEstimate {
  total: number;
  parts: WorkPart[];
}

function horizonOf(level: Level): number {
  return level.horizonDays * MINUTES_PER_DAY;
}

/** The most units a tier may run at once, the field that sets it, and the vCPU and memory of one unit. */
function unitsOf(tier: Tier): {units: number; field: string; path: Problem['path']; vcpu: number; memoryGb: number} {
  if (tier.compute === 'ec2') {
    const type = instanceType(tier.instanceType);
    const shape = {vcpu: type?.vcpu ?? 1, memoryGb: type?.memoryGiB ?? 1};
    return tier.scaling ? {units: tier.scaling.max, field: 'scaling.max', path: ['scaling', 'max'], ...shape} : {units: tier.count, field: 'count', path: ['count'], ...shape};
  }
  if (tier.compute === 'lambda') return {units: 0, field: 'memoryMb', path: [], vcpu: 1, memoryGb: 1};
  const shape = {vcpu: tier.task.vcpu, memoryGb: tier.task.memoryGb};
  const tasks = tier.scaling ? {units: tier.scaling.max, field: 'scaling.max', path: ['scaling', 'max'] as Problem['path']} : {units: tier.tasks, field: 'tasks', path: ['tasks'] as Problem['path']};
  // Cluster instances are visited too (placement), as units of their own.
  return {...tasks, units: tasks.units + (tier.cluster?.count ?? 0), ...shape};
}

function safe(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** The estimated work of simulating this build on this level (pure, cheap: no simulation). */
export function estimateWork(level: Level, tiers: readonly Tier[]): WorkEstimate {
  const minutes = horizonOf(level);
  const parts: WorkPart[] = [];
  let total = level.workloads.length * WORKLOAD_BASE * minutes;
  tiers.forEach((tier, tierIndex) => {
    const workloadIndex = level.workloads.findIndex((w) => w.id === tier.workload);
    const workload = level.workloads[workloadIndex];
    if (!workload) return;
    const {units, field, path, vcpu, memoryGb} = unitsOf(tier);
    let perMinute = safe(units) * KIND_WEIGHT[workload.kind];
    let work = 0;
    let fromWorkload: WorkPart['fromWorkload'];
    if (workload.kind === 'jobs') {
      const period = PERIOD_MINUTES[workload.every];
      const releases = Math.ceil(minutes / period);
      if (tier.compute === 'lambda') {
        // Lambda settles each released job when it is released.
        work += safe(workload.count) * releases;
        fromWorkload = {index: workloadIndex, count: workload.count};
      } else {
        // Each running job is visited every minute (at most every slot of every unit), and each distinct deadline
        // still waiting: one per release within the deadline window.
        perMinute += safe(units) * Math.min(safe(slotsPerUnit(workload, vcpu, memoryGb)), safe(workload.count));
        perMinute += Math.min(releases, Math.ceil(safe(workload.deadlineMinutes) / period) + 1);
      }
    }
    work += perMinute * minutes;
    total += work;
    parts.push({tierIndex, path: ['tiers', tierIndex, ...path], field, value: units, work, ...(fromWorkload ? {fromWorkload} : {})});
  });
  return {total, parts};
}

function rounded(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : String(Math.round(n));
}

/** The part that costs most (ties: the first). */
function heaviest(parts: readonly WorkPart[]): WorkPart | undefined {
  let best: WorkPart | undefined;
  for (const part of parts) if (!best || part.work > best.work) best = part;
  return best;
}

/** What to lower for this part, in words. */
export function lowerWhat(level: Level, part: WorkPart | undefined): string {
  const horizon = `the level's horizonDays (${level.horizonDays})`;
  if (!part) return `lower ${horizon} or the number of workloads (${level.workloads.length})`;
  if (part.fromWorkload) return `lower workloads[${part.fromWorkload.index}].count (${part.fromWorkload.count} jobs a run) or ${horizon}`;
  return `lower ${part.field} (${part.value}) or ${horizon}`;
}

/** A problem when simulating this build would take more than RUN_WORK_BUDGET; its path is the number to lower. */
export function workBudgetProblems(level: Level, tiers: readonly Tier[]): Problem[] {
  const estimate = estimateWork(level, tiers);
  if (estimate.total <= RUN_WORK_BUDGET) return [];
  const part = heaviest(estimate.parts);
  const path = part ? (part.fromWorkload ? ['level'] : part.path) : ['tiers'];
  return [
    {
      path,
      message: `this build is too big to simulate: about ${rounded(estimate.total)} units of work, over the budget of ${rounded(RUN_WORK_BUDGET)}: ${lowerWhat(level, part)}`,
    },
  ];
}

/**
 * The budget over a level file, with paths into the level: a build whose work comes from a workload's job count
 * (that is the level's number to lower), and all of start, reference and counterexamples together, which
 * `validate` simulates one after another. A build over the budget because of its own tiers is reported by
 * checkSolution at that tier.
 */
export function levelWorkProblems(level: Level): Problem[] {
  const builds: {path: Problem['path']; tiers: readonly Tier[]}[] = [
    {path: ['start'], tiers: level.start.tiers},
    {path: ['reference'], tiers: level.reference.tiers},
    ...level.counterexamples.map((c, i) => ({path: ['counterexamples', i] as Problem['path'], tiers: c.tiers})),
  ];
  const problems: Problem[] = [];
  let sum = 0;
  for (const build of builds) {
    const estimate = estimateWork(level, build.tiers);
    sum += estimate.total;
    const part = heaviest(estimate.parts);
    if (estimate.total > RUN_WORK_BUDGET && part?.fromWorkload) {
      problems.push({
        path: ['workloads', part.fromWorkload.index, 'count'],
        message: `the ${build.path.join('.')} build is too big to simulate: about ${rounded(estimate.total)} units of work, over the budget of ${rounded(RUN_WORK_BUDGET)}: ${lowerWhat(level, part)}`,
      });
    }
  }
  if (problems.length === 0 && sum > LEVEL_WORK_BUDGET) {
    problems.push({
      path: level.counterexamples.length > 0 ? ['counterexamples'] : ['horizonDays'],
      message: `validating this level simulates ${builds.length} builds, about ${rounded(sum)} units of work together, over the budget of ${rounded(LEVEL_WORK_BUDGET)}: lower horizonDays (${level.horizonDays}), the units of the biggest builds, or the number of counterexamples (${level.counterexamples.length})`,
    });
  }
  return problems;
}
