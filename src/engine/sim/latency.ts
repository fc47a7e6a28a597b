// Queueing per unit: an M/D/c estimate (c = the unit's vCPUs, each a server). Erlang C gives the chance a request
// waits; waits are exponential, half as long as M/M/c's for regular service times (Allen–Cunneen). From that: the
// share slower than the SLO, the p95, and a few points for the run's latency histogram. No per-request objects:
// everything is per unit per minute.

/** Probability an arriving request waits (Erlang C) for c servers and offered load a = λ/μ (a < c). */
export function erlangC(servers: number, offeredErlangs: number): number {
  if (offeredErlangs <= 0) return 0;
  if (offeredErlangs >= servers) return 1;
  let erlangB = 1;
  for (let k = 1; k <= servers; k++) erlangB = (offeredErlangs * erlangB) / (k + offeredErlangs * erlangB);
  const rho = offeredErlangs / servers;
  return erlangB / (1 - rho * (1 - erlangB));
}

/**
 * Squared coefficient of variation of service times. Exponential service (cs² = 1) is M/M/c; CPU-bound request
 * handlers are far more regular. The model takes cs² = 0 (deterministic service, M/D/c): waits are half of M/M/c's.
 */
export const SERVICE_CS2 = 0;
const WAIT_SCALE = (1 + SERVICE_CS2) / 2;

export interface QueueResult {
  /** Requests per minute that got a response (within the SLO or not). */
  served: number;
  /** Of `offered`, not served because the unit was past its capacity (reason overload). */
  overload: number;
  /** Of `offered`, served but slower than the SLO: service time alone past it, or queueing at high utilisation (reason slow). */
  slow: number;
  p95Ms: number;
}

/** Waiting-time quantiles used to spread the waiting share over the histogram (midpoints of four quarters). */
const WAIT_QUANTILES = [0.125, 0.375, 0.625, 0.875] as const;
/** −ln(1 − q) for each: the waits at those quantiles are these ÷ the decay rate. */
const WAIT_QUANTILE_SCALES = WAIT_QUANTILES.map((q) => -Math.log(1 - q));
const WAIT_SCALES = Float64Array.from(WAIT_QUANTILE_SCALES);
const WAIT_QUANTILE_COUNT = WAIT_SCALES.length;

/**
 * One unit for one minute: `offered` requests at `serviceMs` each on `servers` parallel servers (`copies` identical
 * units add that many times to the histogram).
 * Past capacity, the unit serves its capacity (those requests wait about the SLO) and the rest fail.
 */
/** One result object, refilled by every call (read it before the next one): no allocation per unit-minute. */
const RESULT: QueueResult = {served: 0, overload: 0, slow: 0, p95Ms: 0};

function result(served: number, overload: number, slow: number, p95Ms: number): QueueResult {
  RESULT.served = served;
  RESULT.overload = overload;
  RESULT.slow = slow;
  RESULT.p95Ms = p95Ms;
  return RESULT;
}

export function queueMinute(offered: number, servers: number, serviceMs: number, sloMs: number, histogram: LatencyHistogram | null, copies = 1): QueueResult {
  if (offered <= 0) return result(0, 0, 0, 0);
  if (serviceMs >= sloMs) {
    histogram?.add(serviceMs, offered * copies);
    return result(offered, 0, offered, serviceMs);
  }
  const capacityPerMinute = (servers * 60_000) / serviceMs;
  if (offered >= capacityPerMinute) {
    histogram?.add(sloMs, capacityPerMinute * copies);
    return result(capacityPerMinute, offered - capacityPerMinute, 0, sloMs);
  }
  const lambdaPerSecond = offered / 60;
  const muPerSecond = 1000 / serviceMs;
  const pWait = erlangC(servers, lambdaPerSecond / muPerSecond);
  // Waits of an M/M/c queue shrink by (1 + cs²) / 2 for less variable service times (Allen–Cunneen): the rate
  // at which the wait distribution decays grows by the inverse.
  const drainPerSecond = (servers * muPerSecond - lambdaPerSecond) / WAIT_SCALE;
  const slowShare = Math.min(1, pWait * Math.exp((-drainPerSecond * (sloMs - serviceMs)) / 1000));
  const p95Ms = pWait <= 0.05 ? serviceMs : serviceMs + (1000 * Math.log(pWait / 0.05)) / drainPerSecond;
  if (histogram) {
    histogram.add(serviceMs, offered * (1 - pWait) * copies);
    // A waiting share below a millionth of a request changes no percentile: skip its four points.
    if (offered * pWait * copies > 1e-6) histogram.addWaits(serviceMs, drainPerSecond, (offered * pWait * copies) / WAIT_QUANTILE_SCALES.length);
  }
  return result(offered, 0, offered * slowShare, p95Ms);
}

const HISTOGRAM_MIN_MS = 0.1;
const HISTOGRAM_STEP = 1.02;
const HISTOGRAM_BUCKETS = 720; // 0.1 ms × 1.02^720 ≈ 15 minutes
const LOG_STEP = Math.log(HISTOGRAM_STEP);
/** Latencies are capped at 15 minutes (nothing waits longer: Lambda's wall, any sane SLO). */
const HISTOGRAM_MAX_MS = 900_000;

/** The bucket of a latency, by its definition: ⌊log(ms / 0.1) / log(1.02)⌋ within [0, 719]. */
export function bucketByLog(ms: number): number {
  const raw = Math.floor(Math.log(Math.max(ms, HISTOGRAM_MIN_MS) / HISTOGRAM_MIN_MS) / LOG_STEP);
  return Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, raw));
}

// The same bucket without a logarithm (the histogram takes five points per unit per minute; Math.log was the
// loop's largest single cost). LOWER[i] is the smallest double that bucketByLog puts in bucket i or above, found
// once by stepping ulp by ulp around 0.1 × 1.02^i. A latency's exponent and top mantissa bits pick a cell 1/128
// of an octave wide (narrower than a 2% bucket), CELL_BUCKET holds the bucket of the cell's lower end, and one
// comparison with the next bucket's lower bound finishes it: the same answer as bucketByLog for every double.
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;
const MANTISSA_BITS = 7;
const MIN_EXPONENT = Math.floor(Math.log2(HISTOGRAM_MIN_MS)) - 1;
const MAX_EXPONENT = Math.ceil(Math.log2(HISTOGRAM_MAX_MS)) + 1;
const LOWER = new Float64Array(HISTOGRAM_BUCKETS + 1);
const CELL_BUCKET = new Int16Array((MAX_EXPONENT - MIN_EXPONENT + 1) << MANTISSA_BITS);

function stepUlp(x: number, up: boolean): number {
  BITS[0] = x;
  const view = new BigInt64Array(BITS.buffer);
  view[0] = (view[0] as bigint) + (up ? 1n : -1n);
  return BITS[0];
}

function cellOf(ms: number): number {
  BITS[0] = ms;
  const high = WORDS[HIGH] as number;
  return (((high >>> 20) - 1023 - MIN_EXPONENT) << MANTISSA_BITS) | ((high >>> (20 - MANTISSA_BITS)) & ((1 << MANTISSA_BITS) - 1));
}

LOWER[0] = -Infinity;
LOWER[HISTOGRAM_BUCKETS] = Infinity;
for (let i = 1; i < HISTOGRAM_BUCKETS; i++) {
  let x = HISTOGRAM_MIN_MS * Math.exp(i * LOG_STEP);
  while (bucketByLog(x) >= i) x = stepUlp(x, false);
  while (bucketByLog(x) < i) x = stepUlp(x, true);
  LOWER[i] = x;
}
for (let cell = 0; cell < CELL_BUCKET.length; cell++) {
  const exponent = (cell >>> MANTISSA_BITS) + MIN_EXPONENT;
  const low = 2 ** exponent * (1 + (cell & ((1 << MANTISSA_BITS) - 1)) / (1 << MANTISSA_BITS));
  CELL_BUCKET[cell] = bucketByLog(low);
}

function bucketOf(ms: number): number {
  // Outside the table's octaves (below 0.1 ms, at or past the 15-minute cap, NaN): the definition itself.
  if (!(ms >= HISTOGRAM_MIN_MS && ms < HISTOGRAM_MAX_MS)) return bucketByLog(ms);
  const bucket = CELL_BUCKET[cellOf(ms)] as number;
  return ms >= (LOWER[bucket + 1] as number) ? bucket + 1 : bucket;
}

/** bucketOf, for the test that holds it equal to bucketByLog. */
export const bucketOfForTest = bucketOf;

/** Request-weighted latency histogram: log-spaced buckets (2% wide) that remember their weighted mean. */
export class LatencyHistogram {
  private readonly weight = new Float64Array(HISTOGRAM_BUCKETS);
  private readonly weightedMs = new Float64Array(HISTOGRAM_BUCKETS);
  total = 0;
  // The last latency added and its bucket: a unit's service time repeats minute after minute, so most adds skip the log.
  private lastMs = Number.NaN;
  private lastBucket = 0;

  add(ms: number, weight: number): void {
    if (!(weight > 0) || Number.isNaN(ms)) return;
    ms = Math.min(ms, HISTOGRAM_MAX_MS);
    let i: number;
    if (ms === this.lastMs) i = this.lastBucket;
    else {
      i = bucketOf(ms);
      this.lastMs = ms;
      this.lastBucket = i;
    }
    this.addAt(i, ms, weight);
  }

  /**
   * The four points of a minute's exponential wait, each `weight`: serviceMs + 1000 × scale ÷ drain for each
   * quantile scale. Exactly four addVarying calls, with the checks they share made once.
   */
  addWaits(serviceMs: number, drainPerSecond: number, weight: number): void {
    if (!(weight > 0)) return;
    for (let k = 0; k < WAIT_QUANTILE_COUNT; k++) {
      const raw = serviceMs + (1000 * (WAIT_SCALES[k] as number)) / drainPerSecond;
      if (Number.isNaN(raw)) continue;
      const ms = Math.min(raw, HISTOGRAM_MAX_MS);
      const i = bucketOf(ms);
      this.weight[i] = (this.weight[i] as number) + weight;
      this.weightedMs[i] = (this.weightedMs[i] as number) + ms * weight;
      this.total += weight;
    }
  }

  /** A latency that changes every minute (a point of the wait distribution): no cache to disturb. */
  addVarying(ms: number, weight: number): void {
    if (!(weight > 0) || Number.isNaN(ms)) return;
    ms = Math.min(ms, HISTOGRAM_MAX_MS);
    this.addAt(bucketOf(ms), ms, weight);
  }

  private addAt(i: number, ms: number, weight: number): void {
    this.weight[i] = (this.weight[i] ?? 0) + weight;
    this.weightedMs[i] = (this.weightedMs[i] ?? 0) + ms * weight;
    this.total += weight;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < HISTOGRAM_BUCKETS; i++) {
      this.weight[i] = (this.weight[i] ?? 0) + (other.weight[i] ?? 0);
      this.weightedMs[i] = (this.weightedMs[i] ?? 0) + (other.weightedMs[i] ?? 0);
    }
    this.total += other.total;
  }

  /** The q-quantile (0–1) in ms: the weighted mean latency of the bucket holding it; 0 when empty. */
  quantile(q: number): number {
    if (this.total <= 0) return 0;
    const target = this.total * q;
    let seen = 0;
    for (let i = 0; i < HISTOGRAM_BUCKETS; i++) {
      const w = this.weight[i] ?? 0;
      seen += w;
      if (w > 0 && seen >= target) return (this.weightedMs[i] ?? 0) / w;
    }
    return 0;
  }
}
