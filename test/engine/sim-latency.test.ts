// The queueing model (M/M/c per unit) and the latency histogram: known answers.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {bucketByLog, bucketOfForTest, erlangC, LatencyHistogram, queueMinute} from '../../src/engine/sim/latency.js';

describe('erlangC (probability a request waits)', () => {
  it.each([
    {name: 'one server at 50%: P(wait) = ρ', servers: 1, load: 0.5, pWait: 0.5},
    {name: 'two servers, 1 Erlang (ρ = 0.5): 1/3', servers: 2, load: 1, pWait: 1 / 3},
    {name: 'no load: never waits', servers: 4, load: 0, pWait: 0},
    {name: 'at or past capacity: always waits', servers: 2, load: 2, pWait: 1},
  ])('$name', ({servers, load, pWait}) => {
    expect(erlangC(servers, load)).toBeCloseTo(pWait, 10);
  });
});

describe('queueMinute (one unit, one minute)', () => {
  it.each([
    {name: 'no traffic', offered: 0, servers: 1, serviceMs: 20, sloMs: 300, served: 0, overload: 0, slow: 0, p95Ms: 0},
    {name: 'service time above the SLO: everything is served, too slowly', offered: 600, servers: 2, serviceMs: 400, sloMs: 300, served: 600, overload: 0, slow: 600, p95Ms: 400},
    {name: 'past capacity: serves capacity (3,000 a minute on one 20 ms server), the rest fail', offered: 4000, servers: 1, serviceMs: 20, sloMs: 300, served: 3000, overload: 1000, slow: 0, p95Ms: 300},
    // Deterministic service (M/D/1): waits half as long as M/M/1's, so they decay at 2(μ − λ).
    {name: 'one server at 50%: p95 = S + ln(0.5/0.05)/(2(μ−λ))', offered: 1500, servers: 1, serviceMs: 20, sloMs: 300, served: 1500, overload: 0, slow: 1500 * 0.5 * Math.exp(-50 * 0.28), p95Ms: 20 + (1000 * Math.log(10)) / 50},
    {name: 'light load (P(wait) ≤ 5%): p95 is the service time', offered: 60, servers: 2, serviceMs: 20, sloMs: 300, served: 60, overload: 0, slow: 60 * erlangC(2, 0.02) * Math.exp(-198 * 0.28), p95Ms: 20},
  ])('$name', ({offered, servers, serviceMs, sloMs, served, overload, slow, p95Ms}) => {
    const q = queueMinute(offered, servers, serviceMs, sloMs, null);
    expect(q.served).toBeCloseTo(served, 6);
    expect(q.overload).toBeCloseTo(overload, 6);
    expect(q.slow).toBeCloseTo(slow, 6);
    expect(q.p95Ms).toBeCloseTo(p95Ms, 6);
  });

  it('adds every offered request to the histogram, `copies` times', () => {
    const h = new LatencyHistogram();
    queueMinute(1500, 1, 20, 300, h, 3);
    expect(h.total).toBeCloseTo(4500, 6);
  });
});

describe('LatencyHistogram', () => {
  it.each([
    {name: 'p50 of 95 × 10 ms and 5 × 100 ms', q: 0.5, ms: 10},
    {name: 'p95 still in the 10 ms bucket', q: 0.95, ms: 10},
    {name: 'p96 reaches the 100 ms requests', q: 0.96, ms: 100},
  ])('$name', ({q, ms}) => {
    const h = new LatencyHistogram();
    h.add(10, 95);
    h.add(100, 5);
    expect(h.quantile(q)).toBeCloseTo(ms, 6);
  });
  it.each([
    {name: 'empty: 0', adds: [] as [number, number][], p95: 0},
    {name: 'ignores zero and negative weights', adds: [[50, 0], [20, -1], [30, 1]] as [number, number][], p95: 30},
    {name: 'caps absurd latencies at 15 minutes', adds: [[Infinity, 1]] as [number, number][], p95: 900_000},
  ])('$name', ({adds, p95}) => {
    const h = new LatencyHistogram();
    for (const [ms, w] of adds) h.add(ms, w);
    expect(h.quantile(0.95)).toBeCloseTo(p95, 6);
  });
});

describe('the histogram bucket without a logarithm', () => {
  const ulp = (x: number, steps: number): number => {
    const bits = new Float64Array([x]);
    const words = new BigInt64Array(bits.buffer);
    words[0] = (words[0] as bigint) + BigInt(steps);
    return bits[0] as number;
  };

  it('puts every latency in the bucket the logarithm does, ulp by ulp around every bucket edge', () => {
    let checked = 0;
    for (let i = 0; i <= 720; i++) {
      const edge = 0.1 * 1.02 ** i;
      for (let k = -40; k <= 40; k++) {
        const ms = ulp(edge, k);
        expect.soft(bucketOfForTest(ms), `${ms} ms`).toBe(bucketByLog(ms));
        checked++;
      }
    }
    expect(checked).toBe(721 * 81);
  });

  it('agrees with the logarithm on any latency, below 0.1 ms and past the 15-minute cap included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({min: 0, max: 2e6, noNaN: true}), fc.double({min: 0.09, max: 1, noNaN: true}), fc.constantFrom(0, 0.1, 900_000, 1e-300, Number.MAX_VALUE)), (ms) => {
        expect(bucketOfForTest(ms)).toBe(bucketByLog(ms));
      }),
      {numRuns: 20_000},
    );
  });
});
