// Per-workload accumulators: offered, good, failures by reason, latency, and the 15-minute timeline buckets.
import {FAILURE_REASONS, type FailureReason} from '../vocab.js';
import {bucketTable} from './context.js';
import {LatencyHistogram} from './latency.js';

// A Map, not an object: an object with this many keys is a dictionary, and reading it by a variable key was a
// megamorphic lookup on every failure of every minute.
const REASON_INDEX = new Map<FailureReason, number>(FAILURE_REASONS.map((r, i) => [r, i]));

const SLOW = REASON_INDEX.get('slow') as number;
const OVERLOAD = REASON_INDEX.get('overload') as number;

/** The two reasons a serving fleet records nearly every minute are compared first (no hash lookup). */
function reasonIndex(reason: FailureReason): number {
  if (reason === 'slow') return SLOW;
  if (reason === 'overload') return OVERLOAD;
  return REASON_INDEX.get(reason) as number;
}

export class WorkloadStats {
  offered = 0;
  failedTotal = 0;
  readonly failures = new Float64Array(FAILURE_REASONS.length);
  readonly histogram = new LatencyHistogram();
  /** Timeline buckets: sums over the bucket's minutes. */
  readonly demand: Float64Array;
  readonly capacity: Float64Array;
  readonly served: Float64Array;
  readonly failed: Float64Array;
  readonly p95Weighted: Float64Array;
  readonly p95Weight: Float64Array;
  /** The bucket's worst minutes: the most offered in one minute, the least capacity in one (+∞ until one is recorded). */
  readonly peakDemand: Float64Array;
  readonly lowCapacity: Float64Array;
  /**
   * Jobs and events: the most items waiting (or running, for jobs) in one minute of the bucket, and the age in
   * minutes of the oldest event still queued. Null until a tier reports a queue.
   */
  backlog: Float64Array | null = null;
  oldestAgeMinutes: Float64Array | null = null;
  /** Failures per minute (for findings that name when things went wrong). */
  readonly failedPerMinute: Float64Array;
  /**
   * Failures per reason per minute, so findings count by reason: one array per reason, made the first time that
   * reason fails (most runs see two or three of the reasons).
   */
  private readonly failedPerReasonMinute: (Float64Array | null)[] = FAILURE_REASONS.map(() => null);
  /** ⌊minute ÷ bucketMinutes⌋ by table (context.ts). */
  private readonly bucketOf: Int32Array;

  constructor(
    readonly minutes: number,
    readonly bucketMinutes: number,
  ) {
    const buckets = Math.ceil(minutes / bucketMinutes);
    this.bucketOf = bucketTable(bucketMinutes, minutes);
    this.demand = new Float64Array(buckets);
    this.capacity = new Float64Array(buckets);
    this.served = new Float64Array(buckets);
    this.failed = new Float64Array(buckets);
    this.p95Weighted = new Float64Array(buckets);
    this.p95Weight = new Float64Array(buckets);
    this.peakDemand = new Float64Array(buckets);
    this.lowCapacity = new Float64Array(buckets).fill(Number.POSITIVE_INFINITY);
    this.failedPerMinute = new Float64Array(minutes);
  }

  fail(reason: FailureReason, count: number, minute: number): void {
    if (!(count > 0)) return;
    const i = reasonIndex(reason);
    this.failures[i] = (this.failures[i] ?? 0) + count;
    this.failedTotal += count;
    const b = this.bucketOf[minute] ?? Math.floor(minute / this.bucketMinutes);
    this.failed[b] = (this.failed[b] ?? 0) + count;
    this.failedPerMinute[minute] = (this.failedPerMinute[minute] ?? 0) + count;
    let perMinute = this.failedPerReasonMinute[i];
    if (!perMinute) {
      perMinute = new Float64Array(this.minutes);
      this.failedPerReasonMinute[i] = perMinute;
    }
    perMinute[minute] = (perMinute[minute] as number) + count;
  }

  /** A minute's queue: items waiting (jobs: or running) and the oldest waiting item's age in minutes. Keeps the bucket's worst. */
  queue(minute: number, waiting: number, oldestAgeMinutes: number): void {
    if (!this.backlog || !this.oldestAgeMinutes) {
      this.backlog = new Float64Array(this.demand.length);
      this.oldestAgeMinutes = new Float64Array(this.demand.length);
    }
    const b = this.bucketOf[minute] ?? Math.floor(minute / this.bucketMinutes);
    if (waiting > (this.backlog[b] as number)) this.backlog[b] = waiting;
    if (oldestAgeMinutes > (this.oldestAgeMinutes[b] as number)) this.oldestAgeMinutes[b] = oldestAgeMinutes;
  }

  /** Failures of one reason per timeline bucket (zeros when it never failed). */
  failedOfReasonByBucket(reason: FailureReason): Float64Array {
    const out = new Float64Array(this.demand.length);
    const perMinute = this.failedPerReasonMinute[reasonIndex(reason)];
    if (!perMinute) return out;
    for (let t = 0; t < this.minutes; t++) {
      const b = Math.floor(t / this.bucketMinutes);
      out[b] = (out[b] as number) + (perMinute[t] as number);
    }
    return out;
  }

  /** Failures of these reasons in minutes [from, to). */
  failedOfReasonsBetween(reasons: readonly FailureReason[], from: number, to: number): number {
    let sum = 0;
    const start = Math.max(0, from);
    const end = Math.min(to, this.minutes);
    for (const reason of reasons) {
      const perMinute = this.failedPerReasonMinute[reasonIndex(reason)];
      if (!perMinute) continue;
      for (let t = start; t < end; t++) sum += perMinute[t] as number;
    }
    return sum;
  }

  failedOfReasons(reasons: readonly FailureReason[]): number {
    let sum = 0;
    for (const reason of reasons) sum += this.failedBy(reason);
    return sum;
  }

  failedBy(reason: FailureReason): number {
    return this.failures[reasonIndex(reason)] ?? 0;
  }

  /** One minute's totals: offered items, capacity (items per minute), served items, that minute's p95. */
  record(minute: number, offered: number, capacityPerMinute: number, served: number, p95Ms: number): void {
    this.offered += offered;
    const b = this.bucketOf[minute] ?? Math.floor(minute / this.bucketMinutes);
    this.demand[b] = (this.demand[b] ?? 0) + offered;
    if (offered > (this.peakDemand[b] as number)) this.peakDemand[b] = offered;
    if (Number.isFinite(capacityPerMinute)) {
      this.capacity[b] = (this.capacity[b] ?? 0) + capacityPerMinute;
      if (capacityPerMinute < (this.lowCapacity[b] as number)) this.lowCapacity[b] = capacityPerMinute;
    }
    this.served[b] = (this.served[b] ?? 0) + served;
    if (served > 0 && p95Ms > 0 && Number.isFinite(p95Ms)) {
      this.p95Weighted[b] = (this.p95Weighted[b] ?? 0) + p95Ms * served;
      this.p95Weight[b] = (this.p95Weight[b] ?? 0) + served;
    }
  }
}
