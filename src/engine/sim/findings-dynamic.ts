// Findings only a run can show, each with its numbers: what failed, when, how much, and why.
import {lambdaVcpu} from '../catalog.js';
import {lambdaWorkSeconds, makeFinding} from '../findings-static.js';
import {formatMinute} from '../time.js';
import type {CostLine, Finding, Metrics} from '../types.js';
import {FAILURE_REASONS, type FailureReason, type FindingId} from '../vocab.js';
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
 * The failure reasons each finding's count is made of: a finding that blames N items on its cause counts only
 * failures of these reasons, so the failures by reason always account for it (test/engine/finding-counts).
 */
export const FINDING_REASONS: Partial<Record<FindingId, readonly FailureReason[]>> = {
  'single-az': ['az-outage', 'booting', 'no-route'],
  'az-outage-survived': ['az-outage', 'booting', 'overload', 'slow', 'pending-task'],
  'instance-not-replaced': ['instance-failure', 'container-crash', 'no-route', 'booting'],
  'spot-without-spare-capacity': ['spot-interruption', 'booting', 'overload', 'slow', 'pending-task'],
  'burst-credits-exhausted': ['overload', 'slow'],
  'overloaded': ['overload'],
  'slower-than-slo': ['slow'],
  'lambda-memory-cpu': ['slow'],
  'cold-starts-hurt-latency': ['cold-start'],
  'lambda-throttled': ['throttle'],
  'lambda-timeout-wall': ['timeout'],
  'tasks-pending': ['pending-task', 'overload', 'slow'],
  'jobs-missed-deadline': ['deadline'],
  'job-out-of-memory': ['out-of-memory'],
  'events-too-old': FAILURE_REASONS,
  'scheduled-stop-while-busy': ['scheduled-stop'],
};

/**
 * Items of the finding's reasons that failed in [from, to) beyond the run's background (the thin tail of those
 * reasons any busy minute has), rounded to whole items.
 */
function failedBetween(stats: WorkloadStats, from: number, to: number, reasons: readonly FailureReason[]): number {
  const start = Math.max(0, from);
  const end = Math.min(to, stats.minutes);
  const sum = stats.failedOfReasonsBetween(reasons, start, end);
  const outside = stats.minutes - (end - start);
  const background = outside > 0 ? ((stats.failedOfReasons(reasons) - sum) / outside) * (end - start) : 0;
  const excess = Math.max(0, Math.round(sum - Math.max(0, background)));
  // Immaterial next to what the window offered (a queue's thin tail): not the incident's doing.
  let offered = 0;
  for (let b = Math.floor(start / stats.bucketMinutes); b * stats.bucketMinutes < end && b < stats.demand.length; b++) offered += stats.demand[b] ?? 0;
  return excess >= Math.max(1, offered * MATERIAL_SHARE) ? excess : 0;
}

/** A finding that blames `count` failed items on its cause (the reasons it counts come from FINDING_REASONS). */
function blamed(id: FindingId, message: string, workload: string, count: number): Finding {
  const finding = makeFinding(id, message, workload);
  const reasons = FINDING_REASONS[id];
  if (reasons && count > 0) finding.failed = {count: Math.round(count), reasons: [...reasons]};
  return finding;
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
      const noun = itemNoun(runner);
      const id = runner.workload.id;
      if (s.incident.kind === 'az-outage') {
        const az = s.az;
        if (az === null) continue;
        const tierAzs = runner.tier && runner.tier.compute !== 'lambda' ? runner.tier.azs : [];
        if (!tierAzs.includes(az) || hits === 0) continue;
        const allThere = tierAzs.every((a) => a === az);
        const fid: FindingId = allThere ? 'single-az' : 'az-outage-survived';
        const failed = failedBetween(runner.stats, window.from, window.to, FINDING_REASONS[fid] ?? []);
        if (allThere && failed > 0) {
          out.push(blamed('single-az', `${s.label}; every ${unitsLabel(runner)} of ${id} was in AZ ${az}; ${n(failed)} ${noun} failed`, id, failed));
        } else if (!allThere) {
          const others = tierAzs.filter((a) => a !== az).join(', ');
          out.push(blamed('az-outage-survived', `${s.label}; ${id} kept serving from AZ ${others}; ${n(failed)} ${noun} failed while health checks noticed and replacements booted`, id, failed));
        }
      } else if (s.incident.kind === 'instance-failure' || s.incident.kind === 'container-crash') {
        const replaced = s.incident.kind === 'instance-failure' ? (runner.target.hosts ?? fleet)?.spec.replaces : fleet ? fleet.spec.restartsCrashes || replacesFailedApps(fleet.spec) : false;
        const failed = fleet ? failedBetween(runner.stats, window.from, window.to, FINDING_REASONS['instance-not-replaced'] ?? []) : 0;
        if (fleet && failed > 0 && !replaced && (s.incident.workload === undefined || s.incident.workload === id)) {
          const back = formatMinute(s.minute + input.ctx.operatorRestoreMinutes);
          out.push(blamed('instance-not-replaced', `${s.label}; nothing replaced it: it stayed down until an operator restored it (${back}, plus boot); ${n(failed)} ${noun} of ${id} failed`, id, failed));
        }
      } else if (s.incident.kind === 'spot-interruption' && fleet && (fleet.spec.spot || runner.target.hosts?.spec.spot)) {
        const failed = failedBetween(runner.stats, window.from, window.to, FINDING_REASONS['spot-without-spare-capacity'] ?? []);
        if (failed > 0) out.push(blamed('spot-without-spare-capacity', `${s.label}; ${id} had no spare capacity for the reclaimed units: ${n(failed)} ${noun} failed before replacements were ready`, id, failed));
      }
    }
  });
}

/** The 15-minute bucket with the most failures of these reasons' kind, and the share of capacity it used then. */
function busiestBucket(stats: WorkloadStats): {bucket: number; utilisation: number} {
  let peak = 0;
  let bucket = 0;
  stats.failed.forEach((f, b) => {
    if (f > peak) {
      peak = f;
      bucket = b;
    }
  });
  const capacity = stats.capacity[bucket] ?? 0;
  const utilisation = capacity > 0 ? (stats.demand[bucket] ?? 0) / capacity : 1;
  return {bucket, utilisation};
}

function workloadFindings(runner: TierRunner, input: DynamicInputs, out: Finding[]): void {
  const {stats, summary, workload, tier} = runner;
  const id = workload.id;
  const noun = itemNoun(runner);
  const offered = Math.max(stats.offered, 1);
  const material = (count: number): boolean => count > 0 && count / offered >= MATERIAL_SHARE;
  const add = (fid: FindingId, message: string, count = 0): void => {
    out.push(blamed(fid, message, id, count));
  };
  const overload = stats.failedBy('overload');
  const slow = stats.failedBy('slow');

  let creditsExplainSlow = false;
  if (summary.creditThrottledMinutes > 0 && tier?.compute === 'ec2') {
    const failed = overload + slow;
    creditsExplainSlow = true;
    add('burst-credits-exhausted', `${id}: the ${tier.instanceType} ran out of CPU credits at ${formatMinute(summary.firstCreditThrottleMinute)} and was held to its baseline for ${n(summary.creditThrottledMinutes)} minutes (standard mode); ${n(failed)} ${noun} failed for overload or were served slower than the SLO`, failed);
  } else if (summary.surplusCredits > 60 && tier?.compute === 'ec2') {
    const vcpuHours = (summary.surplusCredits / 60) * (730 / input.ctx.horizonHours);
    add('burst-credits-exhausted', `${id}: the ${tier.instanceType} spent its CPU credits and kept going in unlimited mode: ${n(vcpuHours)} surplus vCPU-hours a month billed`);
  }
  if (material(overload)) {
    const {bucket} = busiestBucket(stats);
    add('overloaded', `${id}: ${n(overload)} ${noun} (${pct(overload / offered)}) failed for overload: more than the running capacity could serve; the worst 15 minutes began ${formatMinute(bucket * stats.bucketMinutes)}`, overload);
  }
  if (material(slow) && workload.kind === 'web') {
    if (tier?.compute === 'lambda') {
      const share = Math.min(1, lambdaVcpu(tier.memoryMb));
      const durationMs = lambdaWorkSeconds(workload, tier) * 1000;
      add('lambda-memory-cpu', `${id}: ${n(tier.memoryMb)} MB of memory gives the function ${pct(share)} of a vCPU, so each request took ${n(durationMs)} ms against an SLO of ${n(workload.sloMs)} ms; ${n(slow)} ${noun} (${pct(slow / offered)}) were served too slowly. Lambda allocates CPU in proportion to memory: 1,769 MB is one full vCPU`, slow);
    } else if (!creditsExplainSlow) {
      const {bucket, utilisation} = busiestBucket(stats);
      add('slower-than-slo', `${id}: ${n(slow)} ${noun} (${pct(slow / offered)}) were served, but slower than the ${n(workload.sloMs)} ms SLO: requests queued on busy units; the worst 15 minutes (from ${formatMinute(bucket * stats.bucketMinutes)}) ran at ${pct(Math.min(utilisation, 1))} of capacity`, slow);
    }
  }
  if (tier?.compute === 'lambda') {
    const coldFailed = stats.failedBy('cold-start');
    if (summary.invocations > 0 && summary.coldStarts / summary.invocations > 0.01 && workload.kind === 'web') {
      add('cold-starts-hurt-latency', `${id}: ${n(summary.coldStarts)} of ${n(summary.invocations)} invocations (${pct(summary.coldStarts / summary.invocations)}) were cold starts; p95 ${n(input.metrics.p95LatencyMs)} ms; ${n(coldFailed)} ${noun} failed because a cold start pushed them past the SLO`, coldFailed);
    }
    const throttleFailed = stats.failedBy('throttle');
    if (material(summary.throttled) || throttleFailed > 0) {
      const limit = `the concurrency limit of ${n(summary.concurrencyLimit)} (peak need ${n(Math.ceil(summary.peakConcurrency))})`;
      const what =
        workload.kind === 'web'
          ? `${n(throttleFailed)} requests failed, throttled at ${limit}`
          : `${n(summary.throttled)} ${noun} had to wait at ${limit}; ${n(throttleFailed)} failed for it`;
      add('lambda-throttled', `${id}: ${what}`, throttleFailed);
    }
    const timeouts = stats.failedBy('timeout');
    if (timeouts > 0) {
      add('lambda-timeout-wall', `${id}: ${n(timeouts)} ${noun} ran past the function's ${n(tier.timeoutSeconds)} s timeout (a standard Lambda function stops every invocation at 15 minutes)`, timeouts);
    }
  }
  // A job queue waits for room by design: pending tasks matter for jobs only when jobs failed.
  if (summary.peakPendingTasks > 0 && (workload.kind !== 'jobs' || stats.failedTotal > 0)) {
    const cluster = tier && tier.compute !== 'lambda' && tier.compute !== 'ec2' ? tier.cluster : undefined;
    const task = tier && tier.compute !== 'lambda' && tier.compute !== 'ec2' ? tier.task : undefined;
    const failed = stats.failedBy('pending-task') + summary.pendingOverload;
    add('tasks-pending', `${id}: up to ${n(summary.peakPendingTasks)} tasks stayed pending for ${n(summary.pendingTaskMinutes)} minutes: ${cluster ? `${cluster.count} × ${cluster.instanceType}` : 'the cluster'} had no room (vCPU or registered memory) for another ${task ? `${task.vcpu} vCPU / ${task.memoryGb} GB` : ''} task; ${n(failed)} ${noun} failed while they waited`, failed);
  }
  const late = stats.failedBy('deadline');
  if (late > 0) add('jobs-missed-deadline', `${id}: ${n(late)} of ${n(stats.offered)} jobs finished after their ${n(workload.kind === 'jobs' ? workload.deadlineMinutes : 0)}-minute deadline`, late);
  const oom = stats.failedBy('out-of-memory');
  if (oom > 0 && workload.kind === 'jobs') add('job-out-of-memory', `${id}: ${n(oom)} jobs need ${workload.memoryGb} GB, more than the ${unitsLabel(runner)} has`, oom);
  if (workload.kind === 'events' && stats.failedTotal > 0) {
    add('events-too-old', `${id}: ${n(stats.failedTotal)} of ${n(stats.offered)} events (${pct(stats.failedTotal / offered)}) waited longer than ${n(workload.maxAgeSeconds)} s`, stats.failedTotal);
  }
  const stopped = stats.failedBy('scheduled-stop');
  if (stopped / offered >= 0.01) add('scheduled-stop-while-busy', `${id}: ${n(stopped)} ${noun} (${pct(stopped / offered)}) arrived while the schedule had the instances stopped`, stopped);
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
    return dyn.failed ? {...f, message: dyn.message, failed: dyn.failed} : {...f, message: dyn.message};
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
