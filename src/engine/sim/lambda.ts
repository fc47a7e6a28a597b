// Lambda: no units to manage. Duration = cpuMs ÷ min(1, memory's vCPU share) for single-threaded work
// (memory / 1,769 MB = vCPUs; a parallelizable job can use up to the full share). Concurrency = rate × duration;
// above the limit (reserved concurrency, else the account's 1,000) requests are throttled. New execution
// environments pay a cold start (INIT, billed since 2025-08-01); an environment stays warm KEEP_WARM_MINUTES after
// use; provisioned concurrency keeps that many environments initialised all the time (and bills for it).
import {CATALOG} from '../catalog.js';
import {lambdaTimeoutWallSeconds, lambdaWorkSeconds} from '../findings-static.js';
import type {LambdaTier, Workload} from '../types.js';
import type {Meters} from './cost.js';
import {EventQueue, maxAgeMinutes} from './events.js';
import {apiGatewayUsdPerRequest, lambdaRates} from './pricing.js';
import {emptySummary, type RunnerDeps, type TierRunner} from './runner.js';
import type {WorkloadStats} from './stats.js';
import type {WorkInputs} from './work.js';

/**
 * How long an idle execution environment stays warm. AWS does not publish this; reuse is commonly observed for
 * roughly 5–15 minutes after the last invocation. The model keeps environments for 10 minutes.
 */
export const KEEP_WARM_MINUTES = 10;

/** Lambda bills duration rounded up to the millisecond (the tolerance absorbs floating-point dust). */
export function billedDurationMs(durationMs: number): number {
  return Math.ceil(durationMs - 1e-6);
}

/**
 * Sparse traffic: a request finds no warm environment when nothing arrived in the KEEP_WARM_MINUTES before it.
 * With Poisson arrivals at `perMinute`, that is a share exp(−perMinute × KEEP_WARM_MINUTES) of requests.
 * Provisioned concurrency keeps an environment initialised, so none of these are cold.
 */
export function gapColdStarts(perMinute: number, provisioned: number): number {
  if (provisioned > 0 || perMinute <= 0) return 0;
  return perMinute * Math.exp(-perMinute * KEEP_WARM_MINUTES);
}

export function lambdaConcurrencyLimit(tier: LambdaTier): number {
  return tier.reservedConcurrency ?? CATALOG.lambda.defaultConcurrencyLimit;
}

export interface LambdaMeters {
  requests(minute: number, count: number): void;
  gbSeconds(minute: number, gbSeconds: number): void;
  provisionedDuration(minute: number, gbSeconds: number): void;
  provisioned(minute: number, idleShare: number): void;
  apiRequests(minute: number, count: number): void;
}

export function lambdaMeters(tier: LambdaTier, workload: string, meters: Meters): LambdaMeters {
  const rates = lambdaRates(tier.architecture);
  const memoryGb = tier.memoryMb / 1024;
  const arch = tier.architecture === 'arm' ? 'Arm' : 'x86';
  const requests = meters.meter(`lreq:${workload}`, {item: 'Lambda requests', unit: 'requests', unitPriceUsd: rates.usdPerRequest, workload});
  const duration = meters.meter(`lgbs:${workload}`, {item: `Lambda duration (${arch}, ${tier.memoryMb} MB)`, unit: 'GB-seconds', unitPriceUsd: rates.usdPerGbSecond, workload});
  const provisionedDuration = meters.meter(`lpcd:${workload}`, {item: `Lambda duration on provisioned concurrency (${arch})`, unit: 'GB-seconds', unitPriceUsd: rates.provisionedDurationUsdPerGbSecond, workload});
  const provisionedItem = `Lambda provisioned concurrency (${arch}, ${tier.provisionedConcurrency} × ${tier.memoryMb} MB)`;
  const provisioned = tier.provisionedConcurrency > 0 ? meters.meter(`lpc:${workload}`, {item: provisionedItem, unit: 'GB-seconds', unitPriceUsd: rates.provisionedUsdPerGbSecond, workload}) : null;
  const api = tier.trigger === 'api' ? meters.meter(`apigw:${workload}`, {item: 'API Gateway HTTP API requests', unit: 'requests', unitPriceUsd: apiGatewayUsdPerRequest(), workload}) : null;
  const provisionedGbSecondsPerMinute = tier.provisionedConcurrency * memoryGb * 60;
  return {
    requests: (minute, count) => requests.add(count, minute),
    gbSeconds: (minute, gbs) => duration.add(gbs, minute),
    provisionedDuration: (minute, gbs) => provisionedDuration.add(gbs, minute),
    provisioned: (minute, idleShare) => provisioned?.add(provisionedGbSecondsPerMinute, minute, idleShare),
    apiRequests: (minute, count) => api?.add(count, minute),
  };
}

export function lambdaRunner(workload: Workload, tier: LambdaTier, stats: WorkloadStats, inputs: WorkInputs, deps: RunnerDeps): TierRunner {
  const {meters} = deps;
  const summary = emptySummary();
  // At least a microsecond: work of zero CPU would make capacity infinite.
  const durationMs = Math.max(lambdaWorkSeconds(workload, tier) * 1000, 0.001);
  const billedMs = billedDurationMs(durationMs);
  const timeoutMs = lambdaTimeoutWallSeconds(tier) * 1000;
  const coldMs = CATALOG.timings.lambdaColdStartMs[tier.runtime] ?? 0;
  const memoryGb = tier.memoryMb / 1024;
  const limit = lambdaConcurrencyLimit(tier);
  const provisioned = Math.min(tier.provisionedConcurrency, limit);
  const bill = lambdaMeters(tier, workload.id, meters);
  summary.concurrencyLimit = limit;
  /** Environments used in each of the last KEEP_WARM_MINUTES minutes (ring buffer). */
  const recentEnvs = new Float64Array(KEEP_WARM_MINUTES);
  const queue = workload.kind === 'events' ? new EventQueue(maxAgeMinutes(workload)) : null;

  // The largest value in recentEnvs, kept as slots are written (a rescan only when the largest one is overwritten
  // by a smaller value): this is read every minute.
  let recentMax = 0;
  const remember = (slot: number, envs: number): void => {
    const old = recentEnvs[slot] as number;
    recentEnvs[slot] = envs;
    if (envs >= recentMax) recentMax = envs;
    else if (old === recentMax) {
      recentMax = 0;
      for (let i = 0; i < KEEP_WARM_MINUTES; i++) if ((recentEnvs[i] as number) > recentMax) recentMax = recentEnvs[i] as number;
    }
  };
  const warmEnvironments = (): number => (recentMax > provisioned ? recentMax : provisioned);

  /** Bills `count` invocations of which `cold` started a new environment; returns nothing. */
  const invoke = (minute: number, count: number, cold: number, runMs: number): void => {
    if (count <= 0) return;
    summary.invocations += count;
    summary.coldStarts += cold;
    bill.requests(minute, count);
    // Work on provisioned environments bills at the provisioned duration rate, the rest on demand.
    const provisionedCapacity = (provisioned * 60_000) / Math.max(1, runMs);
    const onProvisioned = Math.min(count, provisionedCapacity);
    bill.provisionedDuration(minute, (onProvisioned * runMs * memoryGb) / 1000);
    bill.gbSeconds(minute, ((count - onProvisioned) * runMs * memoryGb + cold * coldMs * memoryGb) / 1000);
  };

  const provisionedMinute = (minute: number, concurrencyUsed: number): void => {
    const idle = provisioned > 0 ? Math.max(0, 1 - concurrencyUsed / provisioned) : 0;
    bill.provisioned(minute, idle);
  };

  const stepWeb = (minute: number, sloMs: number): void => {
    const offered = (inputs.rate?.[minute] ?? 0) * 60;
    bill.apiRequests(minute, offered);
    const slot = minute % KEEP_WARM_MINUTES;
    if (offered <= 0) {
      remember(slot, 0);
      stats.record(minute, 0, (limit * 60_000) / Math.max(1, durationMs), 0, 0);
      provisionedMinute(minute, 0);
      return;
    }
    if (durationMs > timeoutMs) {
      stats.fail('timeout', offered, minute);
      invoke(minute, offered, 0, timeoutMs);
      remember(slot, Math.min(limit, Math.ceil(((offered / 60) * timeoutMs) / 1000)));
      stats.record(minute, offered, 0, 0, 0);
      provisionedMinute(minute, limit);
      return;
    }
    const concurrency = ((offered / 60) * durationMs) / 1000;
    summary.peakConcurrency = Math.max(summary.peakConcurrency, concurrency);
    const throttledShare = concurrency > limit ? (concurrency - limit) / concurrency : 0;
    const throttled = offered * throttledShare;
    summary.throttled += throttled;
    stats.fail('throttle', throttled, minute);
    const invoked = offered - throttled;
    const envs = Math.min(limit, Math.max(1, Math.ceil(concurrency)));
    const cold = Math.min(invoked, Math.max(envs - warmEnvironments(), gapColdStarts(invoked, provisioned)));
    remember(slot, envs);
    invoke(minute, invoked, cold, billedMs);
    const coldLatency = durationMs + coldMs;
    // A function slower than the SLO even when warm fails every request as slow (the memory gives too little CPU);
    // otherwise only the cold starts that push a request past the SLO fail, as cold-start.
    const tooSlow = durationMs > sloMs;
    const coldFailed = tooSlow ? 0 : coldLatency > sloMs ? cold : 0;
    const slowFailed = tooSlow ? invoked : 0;
    stats.fail('cold-start', coldFailed, minute);
    stats.fail('slow', slowFailed, minute);
    stats.histogram.add(durationMs, invoked - cold);
    stats.histogram.add(coldLatency, cold);
    const p95Ms = cold / invoked > 0.05 ? coldLatency : durationMs;
    stats.record(minute, offered, (limit * 60_000) / durationMs, invoked - coldFailed - slowFailed, p95Ms);
    provisionedMinute(minute, Math.min(concurrency, limit));
  };

  const stepEvents = (minute: number): void => {
    const arrivals = (inputs.rate?.[minute] ?? 0) * 60;
    const slot = minute % KEEP_WARM_MINUTES;
    if (durationMs > timeoutMs) {
      stats.fail('timeout', arrivals, minute);
      invoke(minute, arrivals, 0, timeoutMs);
      stats.record(minute, arrivals, 0, 0, 0);
      provisionedMinute(minute, 0);
      return;
    }
    const capacity = (limit * 60_000) / durationMs;
    const processed = queue ? queue.step(minute, arrivals, capacity, stats, 'throttle') : 0;
    // Events that arrived while the function was at its limit wait in the queue (SQS, async retries).
    if (arrivals > capacity) summary.throttled += arrivals - capacity;
    const concurrency = (processed * durationMs) / 60_000;
    summary.peakConcurrency = Math.max(summary.peakConcurrency, (arrivals * durationMs) / 60_000);
    const envs = processed > 0 ? Math.min(limit, Math.max(1, Math.ceil(concurrency))) : 0;
    const cold = Math.min(processed, Math.max(envs - warmEnvironments(), gapColdStarts(processed, provisioned)));
    remember(slot, envs);
    invoke(minute, processed, cold, billedMs);
    stats.record(minute, arrivals, capacity, processed, (queue?.oldestAgeMinutes ?? 0) * 60_000 + durationMs);
    queue?.report(minute, stats);
    provisionedMinute(minute, concurrency);
  };

  const stepJobs = (minute: number): void => {
    if (workload.kind !== 'jobs') return;
    const released = (inputs.releases?.[minute] ?? 0) === 1 ? workload.count : 0;
    provisionedMinute(minute, 0);
    if (released === 0) {
      stats.record(minute, 0, 0, 0, 0);
      return;
    }
    if (workload.memoryGb > memoryGb) {
      summary.oomJobs += released;
      stats.fail('out-of-memory', released, minute);
      stats.record(minute, released, 0, 0, 0);
      return;
    }
    if (durationMs > timeoutMs) {
      stats.fail('timeout', released, minute);
      invoke(minute, released, released, timeoutMs);
      stats.record(minute, released, 0, 0, 0);
      return;
    }
    // Jobs beyond the concurrency limit wait for a free environment (asynchronous invocations retry): waves.
    const runMinutes = Math.ceil((durationMs + coldMs) / 60_000);
    let onTime = 0;
    for (let i = 0; i < released; i++) {
      const finishAfter = (Math.floor(i / limit) + 1) * runMinutes;
      if (finishAfter > workload.deadlineMinutes) stats.fail('deadline', 1, minute);
      else onTime++;
    }
    summary.throttled += Math.max(0, released - limit);
    summary.peakConcurrency = Math.max(summary.peakConcurrency, released);
    invoke(minute, released, Math.min(released, limit), billedMs);
    stats.record(minute, released, limit, onTime, 0);
  };

  return {
    workload,
    tier,
    stats,
    fleet: null,
    summary,
    dedicatedRunning: 0,
    target: {workload: workload.id, fleet: null, hosts: null, isContainer: false},
    step(minute) {
      if (workload.kind === 'web') stepWeb(minute, workload.sloMs);
      else if (workload.kind === 'events') stepEvents(minute);
      else stepJobs(minute);
    },
  };
}
