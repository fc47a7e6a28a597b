// Objectives → points and stars (DESIGN §2 Scoring). Pure arithmetic over the run's metrics and findings.
//
// Points: 1,000 shared by weight. Each objective's share is an integer (largest remainder, ties to the earlier
// objective), so the shares always add up to exactly 1,000. An objective earns its whole share at gold,
// nothing below pass, and in between the share × (value − pass) / (gold − pass), rounded down.
// Stars: 3 = every objective at gold; 2 = every objective passes and points ≥ 700; 1 = every objective passes.
// A hard failure (a critical finding, or a finding the level forbids) fails the level: 0 stars, passed false,
// but the points are still computed so the results screen can show how close the run came.
import type {Finding, Level, Metrics, ObjectiveResult, Objective} from './types.js';
import {FAILURE_REASONS, METRIC_BETTER, type FailureReason, type FindingId, type IncidentKind, type Metric, type WorkloadKind} from './vocab.js';

export const TOTAL_POINTS = 1000;
export const TWO_STAR_POINTS = 700;

export interface Score {
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  points: number;
  objectives: ObjectiveResult[];
  hardFailures: string[];
}

/**
 * For an objective short of gold, the findings that usually explain the loss, most telling first.
 * The first one present in the run is named as what the objective was lost to.
 */
export const LOST_TO: Record<Metric, readonly FindingId[]> = {
  availability: [
    'inbound-rule-missing',
    'single-az',
    'single-instance',
    'instance-not-replaced',
    'no-load-balancer',
    'overloaded',
    'spot-without-spare-capacity',
    'lambda-throttled',
    'cold-starts-hurt-latency',
    'tasks-pending',
    'scheduled-stop-while-busy',
    'burst-credits-exhausted',
    'lambda-timeout-wall',
    'lambda-memory-cpu',
    'slower-than-slo',
  ],
  p95LatencyMs: ['lambda-memory-cpu', 'cold-starts-hurt-latency', 'burst-credits-exhausted', 'overloaded', 'slower-than-slo', 'no-load-balancer', 'slow-boot-stock-ami', 'tasks-pending'],
  monthlyCostUsd: ['idle-capacity', 'no-load-balancer', 'burst-credits-exhausted', 'hibernate-not-supported'],
  idleCostShare: ['idle-capacity', 'no-load-balancer', 'hibernate-not-supported'],
  jobsOnTime: [
    'lambda-timeout-wall',
    'job-out-of-memory',
    'tasks-pending',
    'spot-without-spare-capacity',
    'burst-credits-exhausted',
    'scheduled-stop-while-busy',
    'instance-not-replaced',
    'overloaded',
    'jobs-missed-deadline',
  ],
  eventsWithinMaxAge: [
    'lambda-throttled',
    'lambda-timeout-wall',
    'cold-starts-hurt-latency',
    'overloaded',
    'tasks-pending',
    'burst-credits-exhausted',
    'events-too-old',
  ],
  opsHoursPerMonth: ['servers-to-patch'],
};

/** Integer shares of `total` proportional to the weights, summing to exactly `total`. */
export function apportion(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return [];
  const positive = weights.map((w) => (w > 0 ? w : 0));
  const sum = positive.reduce((a, b) => a + b, 0);
  const exact = sum > 0 ? positive.map((w) => (w * total) / sum) : positive.map(() => total / weights.length);
  const shares = exact.map((x) => Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({i, rest: x - Math.floor(x)})).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const {i} of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

/** Share of an objective earned (0–1) and whether it passes / reaches gold. */
export function objectiveProgress(objective: Objective, value: number): {met: boolean; atGold: boolean; fraction: number} {
  const higher = METRIC_BETTER[objective.metric] === 'higher';
  const reaches = (threshold: number): boolean => (higher ? value >= threshold : value <= threshold);
  const atGold = reaches(objective.gold);
  const met = atGold || reaches(objective.pass);
  if (atGold) return {met, atGold, fraction: 1};
  if (!met || objective.gold === objective.pass) return {met, atGold, fraction: 0};
  const fraction = (value - objective.pass) / (objective.gold - objective.pass);
  return {met, atGold, fraction: Math.min(1, Math.max(0, fraction))};
}

/** The findings that explain failures of each reason, most telling first. */
export const REASON_FINDINGS: Record<FailureReason, readonly FindingId[]> = {
  // Tasks that could not be placed are the cause of the overload on the ones running (they get all the traffic).
  'overload': ['burst-credits-exhausted', 'tasks-pending', 'overloaded', 'no-load-balancer'],
  // Served, but late: a Lambda function too small for its work, credits spent, or a fleet run too hot.
  'slow': ['lambda-memory-cpu', 'burst-credits-exhausted', 'tasks-pending', 'slower-than-slo', 'overloaded'],
  // Without a load balancer every request goes to one instance: its AZ going down is the design's fault, not the AZ's.
  'az-outage': ['single-az', 'no-load-balancer', 'single-instance'],
  'instance-failure': ['instance-not-replaced', 'single-instance'],
  'spot-interruption': ['spot-without-spare-capacity'],
  'container-crash': [],
  'scheduled-stop': ['scheduled-stop-while-busy'],
  'booting': ['slow-boot-stock-ami'],
  'cold-start': ['cold-starts-hurt-latency'],
  'throttle': ['lambda-throttled'],
  'timeout': ['lambda-timeout-wall'],
  'no-route': ['no-load-balancer'],
  'pending-task': ['tasks-pending'],
  'out-of-memory': ['job-out-of-memory'],
  'deadline': ['jobs-missed-deadline', 'overloaded'],
  'security-group': ['inbound-rule-missing'],
};

/** Metrics that count failed work, and the kind of workload whose failure reasons say what happened. */
const FAILURE_METRICS: Partial<Record<Metric, WorkloadKind>> = {availability: 'web', jobsOnTime: 'jobs', eventsWithinMaxAge: 'events'};

/**
 * Design findings that cost nothing until an incident strikes: named as the loss only when the level scripts
 * such an incident (a single AZ with no AZ outage did not lose the availability that overload did).
 */
const NEEDS_INCIDENT: Partial<Record<FindingId, readonly IncidentKind[]>> = {
  'single-az': ['az-outage'],
  'single-instance': ['az-outage', 'instance-failure', 'spot-interruption'],
};

export type Failures = Partial<Record<FailureReason, number>>;
/** A run's failures by reason, per kind of workload (a late batch job does not explain a web request's failure). */
export type FailuresByKind = Partial<Record<WorkloadKind, Failures>>;

function lostTo(metric: Metric, present: ReadonlySet<FindingId>, incidents: ReadonlySet<IncidentKind>, failuresByKind: FailuresByKind | undefined): FindingId | undefined {
  const kind = FAILURE_METRICS[metric];
  const failures = kind === undefined ? undefined : failuresByKind?.[kind];
  if (failures) {
    const reasons = FAILURE_REASONS.filter((r) => (failures[r] ?? 0) > 0).sort((a, b) => (failures[b] ?? 0) - (failures[a] ?? 0));
    for (const reason of reasons) {
      const id = REASON_FINDINGS[reason].find((f) => present.has(f) && LOST_TO[metric].includes(f));
      if (id !== undefined) return id;
    }
  }
  return LOST_TO[metric].find((id) => present.has(id) && (NEEDS_INCIDENT[id]?.some((kind) => incidents.has(kind)) ?? true));
}

/** Why the level fails outright, in finding order: critical findings and findings the level forbids. */
export function hardFailuresOf(level: Level, findings: readonly Finding[]): string[] {
  const forbidden = new Set(level.requirements.forbidFindings);
  const failures: string[] = [];
  for (const finding of findings) {
    const where = finding.workload === undefined ? '' : ` [${finding.workload}]`;
    if (finding.severity === 'critical') failures.push(`${finding.id}${where} (critical): ${finding.message}`);
    else if (forbidden.has(finding.id)) failures.push(`${finding.id}${where} (not allowed by this level): ${finding.message}`);
  }
  return failures;
}

// Guards 0.7 × 1000 = 699.9999… style float error before rounding down (a millionth of a point).
const EPSILON = 1e-6;

/**
 * Points, stars and pass for a run. `failuresByKind` (the run's failures by reason, per kind of workload), when
 * given, lets each failure-based objective name the finding behind its workloads' most common failure reason.
 */
export function score(level: Level, metrics: Metrics, findings: Finding[], failuresByKind?: FailuresByKind): Score {
  const present = new Set(findings.map((f) => f.id));
  const incidents = new Set(level.incidents.map((i) => i.kind));
  const shares = apportion(
    level.objectives.map((o) => o.weight),
    TOTAL_POINTS,
  );
  const objectives = level.objectives.map((objective, index): ObjectiveResult => {
    const value = metrics[objective.metric];
    const {met, atGold, fraction} = objectiveProgress(objective, value);
    const maxPoints = shares[index] ?? 0;
    const points = atGold ? maxPoints : Math.min(maxPoints, Math.floor(maxPoints * fraction + EPSILON));
    const result: ObjectiveResult = {...objective, value, met, atGold, points, maxPoints};
    const lost = atGold ? undefined : lostTo(objective.metric, present, incidents, failuresByKind);
    if (lost !== undefined) result.lostTo = lost;
    return result;
  });
  const points = objectives.length === 0 ? TOTAL_POINTS : objectives.reduce((sum, o) => sum + o.points, 0);
  const hardFailures = hardFailuresOf(level, findings);
  const allMet = objectives.every((o) => o.met);
  const allGold = objectives.every((o) => o.atGold);
  const passed = allMet && hardFailures.length === 0;
  const stars: Score['stars'] = !passed ? 0 : allGold ? 3 : points >= TWO_STAR_POINTS ? 2 : 1;
  return {passed, stars, points, objectives, hardFailures};
}
