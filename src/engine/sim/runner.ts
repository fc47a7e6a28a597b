// A tier runner steps one workload on the compute the player chose, minute by minute, and reports what happened.
import type {Tier, Workload} from '../types.js';
import type {SimContext} from './context.js';
import type {Meters} from './cost.js';
import type {Fleet} from './fleet.js';
import type {IncidentTarget} from './incidents.js';
import type {WorkloadStats} from './stats.js';

/** What the findings and metrics need to know about a tier after the run. */
export interface TierSummary {
  /** Server-minutes of instances someone patches (EC2 and cluster instances). */
  serverMinutes: number;
  /** Minutes a standard-mode burstable fleet was held to its baseline while it had work. */
  creditThrottledMinutes: number;
  firstCreditThrottleMinute: number;
  surplusCredits: number;
  /** Lambda. */
  coldStarts: number;
  invocations: number;
  throttled: number;
  peakConcurrency: number;
  concurrencyLimit: number;
  /** Containers on EC2. */
  peakPendingTasks: number;
  pendingTaskMinutes: number;
  /** Web requests that failed as overload on the running tasks in minutes when tasks were pending. */
  pendingOverload: number;
  /** Jobs. */
  oomJobs: number;
}

export function emptySummary(): TierSummary {
  return {
    serverMinutes: 0,
    creditThrottledMinutes: 0,
    firstCreditThrottleMinute: -1,
    surplusCredits: 0,
    coldStarts: 0,
    invocations: 0,
    throttled: 0,
    peakConcurrency: 0,
    concurrencyLimit: 0,
    peakPendingTasks: 0,
    pendingTaskMinutes: 0,
    pendingOverload: 0,
    oomJobs: 0,
  };
}

export interface TierRunner {
  workload: Workload;
  tier: Tier | null;
  stats: WorkloadStats;
  target: IncidentTarget;
  /** The serving fleet (for findings), if any. */
  fleet: Fleet | null;
  summary: TierSummary;
  step(minute: number): void;
  /** After the last minute (jobs still open at the end). */
  finish?(): void;
  /** Dedicated instances running this minute (for the per-region dedicated fee). */
  dedicatedRunning: number;
}

export interface RunnerDeps {
  ctx: SimContext;
  meters: Meters;
}
