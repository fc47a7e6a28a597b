// Findings only a run can show, each with its numbers: what failed, when, how much, and why.
import {makeFinding} from '../findings-static.js';
import {formatMinute} from '../time.js';
import type {CostLine, Finding, Metrics} from '../types.js';
import type {FindingId} from '../vocab.js';
import type {SimContext} from './context.js';
import {replacesFailedApps} from './fleet.js';
import type {ScheduledIncident} from './incidents.js';
import type {TierRunner} from './runner.js';
import type {WorkloadStats} from './stats.js';

export interface DynamicInputs {
  runners: readonly TierRunner[];
  scheduled: readonly ScheduledIncident[];
  incidentHits: readonly number[];
  metrics: Metrics;
  ctx: SimContext;
  costLines: readonly CostLine[];
}

/** A share of offered work below this is noise, not a finding. */
export const MATERIAL_SHARE = 0.001;
/** Minutes after an incident still counted as its aftermath (replacements booting). */
const AFTERMATH_MINUTES = 30;

const WHOLE = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
const TWO_DECIMALS = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});
const CENTS = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const n = (value: number): string => WHOLE.format(Math.round(value));
const pct = (share: number): string => `${TWO_DECIMALS.format(share * 100)}%`;
const usd = (value: number): string => `$${CENTS.format(value)}`;

/**
 * Items that failed in [from, to) beyond the run's background (the thin queueing tail past the SLO that any busy
 * minute has), rounded to whole items.
 */
function failedBetween(stats: WorkloadStats, from: number, to: number): number {
  let sum = 0;
  const start = Math.max(0, from);
  const end = Math.min(to, stats.failedPerMinute.length);
  for (let t = start; t < end; t++) sum += stats.failedPerMinute[t] ?? 0;
  const outside = stats.failedPerMinute.length - (end - start);
  const background = outside > 0 ? ((stats.failedTotal - sum) / outside) * (end - start) : 0;
  const excess = Math.max(0, Math.round(sum - Math.max(0, background)));
  // Immaterial next to what the window offered (a queue's thin tail): not the incident's doing.
  let offered = 0;
  for (let b = Math.floor(start / stats.bucketMinutes); b * stats.bucketMinutes < end && b < stats.demand.length; b++) offered += stats.demand[b] ?? 0;
  return excess >= Math.max(1, offered * MATERIAL_SHARE) ? excess : 0;
}

function itemNoun(runner: TierRunner): string {
  return runner.workload.kind === 'web' ? 'requests' : runner.workload.kind === 'jobs' ? 'jobs' : 'events';
}

function unitsLabel(runner: TierRunner): string {
  const tier = runner.tier;
  if (!tier) return 'units';
  if (tier.compute === 'ec2') return `${tier.instanceType} instance`;
  if (tier.compute === 'lambda') return 'function';
  return tier.launchType === 'ec2' ? 'task' : 'Fargate task';
}

function incidentFindings(input: DynamicInputs, out: Finding[]): void {
  input.scheduled.forEach((s, index) => {
    const hits = input.incidentHits[index] ?? 0;
    for (const runner of input.runners) {
      const fleet = runner.fleet;
      // What nothing replaces stays down until the operator: count its whole outage.
      const unreplaced = fleet !== null && !(runner.target.hosts ?? fleet).spec.replaces && s.incident.kind !== 'az-outage';
      const window = {from: s.minute, to: Math.max(s.endMinute, s.minute) + AFTERMATH_MINUTES + (unreplaced ? input.ctx.operatorRestoreMinutes : 0)};
      const failed = failedBetween(runner.stats, window.from, window.to);
      const noun = itemNoun(runner);
      const id = runner.workload.id;
      if (s.incident.kind === 'az-outage') {
        const az = s.incident.az;
        const tierAzs = runner.tier && runner.tier.compute !== 'lambda' ? runner.tier.azs : [];
        if (!tierAzs.includes(az) || hits === 0) continue;
        const allThere = tierAzs.every((a) => a === az);
        if (allThere && failed > 0) {
          out.push(makeFinding('single-az', `${s.label}; every ${unitsLabel(runner)} of ${id} was in AZ ${az}; ${n(failed)} ${noun} failed`, id));
        } else if (!allThere) {
          const others = tierAzs.filter((a) => a !== az).join(', ');
          out.push(makeFinding('az-outage-survived', `${s.label}; ${id} kept serving from AZ ${others}; ${n(failed)} ${noun} failed while health checks noticed and replacements booted`, id));
        }
      } else if ((s.incident.kind === 'instance-failure' || s.incident.kind === 'container-crash') && fleet && failed > 0) {
        const replaced = s.incident.kind === 'instance-failure' ? (runner.target.hosts ?? fleet).spec.replaces : fleet.spec.restartsCrashes || replacesFailedApps(fleet.spec);
        if (!replaced && (s.incident.workload === undefined || s.incident.workload === id)) {
          const back = formatMinute(s.minute + input.ctx.operatorRestoreMinutes);
          out.push(makeFinding('instance-not-replaced', `${s.label}; nothing replaced it: it stayed down until an operator restored it (${back}, plus boot); ${n(failed)} ${noun} of ${id} failed`, id));
        }
      } else if (s.incident.kind === 'spot-interruption' && fleet && failed > 0 && (fleet.spec.spot || runner.target.hosts?.spec.spot)) {
        out.push(makeFinding('spot-without-spare-capacity', `${s.label}; ${id} had no spare capacity for the reclaimed units: ${n(failed)} ${noun} failed before replacements were ready`, id));
      }
    }
  });
}

function workloadFindings(runner: TierRunner, input: DynamicInputs, out: Finding[]): void {
  const {stats, summary, workload, tier} = runner;
  const id = workload.id;
  const noun = itemNoun(runner);
  const offered = Math.max(stats.offered, 1);
  const material = (count: number): boolean => count > 0 && count / offered >= MATERIAL_SHARE;
  const add = (fid: FindingId, message: string): void => {
    out.push(makeFinding(fid, message, id));
  };

  if (summary.creditThrottledMinutes > 0 && tier?.compute === 'ec2') {
    add('burst-credits-exhausted', `${id}: the ${tier.instanceType} ran out of CPU credits at ${formatMinute(summary.firstCreditThrottleMinute)} and was held to its baseline for ${n(summary.creditThrottledMinutes)} minutes (standard mode); ${n(stats.failedBy('overload'))} ${noun} failed for overload`);
  } else if (summary.surplusCredits > 60 && tier?.compute === 'ec2') {
    const vcpuHours = (summary.surplusCredits / 60) * (730 / input.ctx.horizonHours);
    add('burst-credits-exhausted', `${id}: the ${tier.instanceType} spent its CPU credits and kept going in unlimited mode: ${n(vcpuHours)} surplus vCPU-hours a month billed`);
  }
  const overload = stats.failedBy('overload');
  if (material(overload)) {
    let peak = 0;
    let peakBucket = 0;
    stats.failed.forEach((f, b) => {
      if (f > peak) {
        peak = f;
        peakBucket = b;
      }
    });
    add('overloaded', `${id}: ${n(overload)} ${noun} (${pct(overload / offered)}) failed for overload; the worst 15 minutes began ${formatMinute(peakBucket * stats.bucketMinutes)}`);
  }
  if (tier?.compute === 'lambda') {
    if (summary.invocations > 0 && summary.coldStarts / summary.invocations > 0.01 && workload.kind === 'web') {
      add('cold-starts-hurt-latency', `${id}: ${n(summary.coldStarts)} of ${n(summary.invocations)} invocations (${pct(summary.coldStarts / summary.invocations)}) were cold starts; p95 ${n(input.metrics.p95LatencyMs)} ms; ${n(stats.failedBy('cold-start'))} missed the SLO`);
    }
    if (material(summary.throttled) || stats.failedBy('throttle') > 0) {
      const limit = `the concurrency limit of ${n(summary.concurrencyLimit)} (peak need ${n(Math.ceil(summary.peakConcurrency))})`;
      const what =
        workload.kind === 'web'
          ? `${n(summary.throttled)} requests were throttled at ${limit}`
          : `${n(summary.throttled)} ${noun} had to wait at ${limit}; ${n(stats.failedTotal)} failed`;
      add('lambda-throttled', `${id}: ${what}`);
    }
    const timeouts = stats.failedBy('timeout');
    if (timeouts > 0) {
      add('lambda-timeout-wall', `${id}: ${n(timeouts)} ${noun} ran past the function's ${n(tier.timeoutSeconds)} s timeout (Lambda stops every invocation at 15 minutes)`);
    }
  }
  // A job queue waits for room by design: pending tasks matter for jobs only when jobs failed.
  if (summary.peakPendingTasks > 0 && (workload.kind !== 'jobs' || stats.failedTotal > 0)) {
    const cluster = tier && tier.compute !== 'lambda' && tier.compute !== 'ec2' ? tier.cluster : undefined;
    const task = tier && tier.compute !== 'lambda' && tier.compute !== 'ec2' ? tier.task : undefined;
    add('tasks-pending', `${id}: up to ${n(summary.peakPendingTasks)} tasks stayed pending for ${n(summary.pendingTaskMinutes)} minutes: ${cluster ? `${cluster.count} × ${cluster.instanceType}` : 'the cluster'} had no room for another ${task ? `${task.vcpu} vCPU / ${task.memoryGb} GB` : ''} task; ${n(stats.failedBy('pending-task') + summary.pendingOverload)} ${noun} failed`);
  }
  const late = stats.failedBy('deadline');
  if (late > 0) add('jobs-missed-deadline', `${id}: ${n(late)} of ${n(stats.offered)} jobs finished after their ${n(workload.kind === 'jobs' ? workload.deadlineMinutes : 0)}-minute deadline`);
  const oom = stats.failedBy('out-of-memory');
  if (oom > 0 && workload.kind === 'jobs') add('job-out-of-memory', `${id}: ${n(oom)} jobs need ${workload.memoryGb} GB, more than the ${unitsLabel(runner)} has`);
  if (workload.kind === 'events' && stats.failedTotal > 0) {
    add('events-too-old', `${id}: ${n(stats.failedTotal)} of ${n(stats.offered)} events (${pct(stats.failedTotal / offered)}) waited longer than ${n(workload.maxAgeSeconds)} s`);
  }
  const stopped = stats.failedBy('scheduled-stop');
  if (stopped / offered >= 0.01) add('scheduled-stop-while-busy', `${id}: ${n(stopped)} ${noun} (${pct(stopped / offered)}) arrived while the schedule had the instances stopped`);
}

export function dynamicFindings(input: DynamicInputs): Finding[] {
  const out: Finding[] = [];
  incidentFindings(input, out);
  for (const runner of input.runners) workloadFindings(runner, input, out);
  const share = input.metrics.idleCostShare;
  if (share > 0.5) {
    const idleUsd = share * input.metrics.monthlyCostUsd;
    out.push(makeFinding('idle-capacity', `${pct(share)} of the spend (${usd(idleUsd)} a month) paid for capacity that served nothing`));
  }
  return out;
}

/**
 * Static findings first, in their order; a dynamic finding with the same id and workload replaces the static
 * message with its numbers; the remaining dynamic findings follow.
 */
export function mergeFindings(statics: readonly Finding[], dynamics: readonly Finding[]): Finding[] {
  const key = (f: Finding): string => `${f.id}\u0000${f.workload ?? ''}`;
  const byKey = new Map<string, Finding>();
  for (const f of dynamics) if (!byKey.has(key(f))) byKey.set(key(f), f);
  const used = new Set<string>();
  const out: Finding[] = statics.map((f) => {
    const dyn = byKey.get(key(f));
    if (!dyn) return f;
    used.add(key(f));
    return {...f, message: `${dyn.message}`};
  });
  const seen = new Set<string>(out.map(key));
  for (const f of dynamics) {
    const k = key(f);
    if (used.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}
