// The replay's pure parts: the text chart, the running cost and failures, the playback position.
import {describe, expect, it} from 'vitest';
import type {TimelineSeries} from '../../src/engine/index.js';
import {CAPACITY_CHAR, DEMAND_CHAR, DEMAND_STEP_CHAR, OFF_SCALE_CHAR, ageCell, chartView, columnBuckets, dayAxis, renderChart} from '../../src/ui/run/chart.js';
import {bucketAtFrame, costSoFarUsd, failuresSoFar, failuresText, marksUpTo} from '../../src/ui/run/playback.js';
import {makeTimeline} from './helpers-builder.js';

const series = (demand: number[], capacity: number[], failed = demand.map(() => 0)): TimelineSeries => ({
  workload: 'web',
  kind: 'web',
  unit: 'req/s',
  demand,
  capacity,
  served: demand,
  failed,
  p95Ms: demand.map(() => 100),
  peakDemand: demand,
  lowCapacity: capacity,
});

describe('renderChart', () => {
  const flat = series([40, 40, 40, 40], [100, 100, 100, 100]);

  it('draws capacity as full blocks up to its height and demand as a line at its height', () => {
    const chart = renderChart({series: flat, bucketMinutes: 15, upTo: 4, incidents: [], width: 4, height: 4});
    // 40 of 100 over 4 rows is 1.6 rows: the line is in the second row from the bottom.
    expect(chart.rows).toEqual([CAPACITY_CHAR.repeat(4), CAPACITY_CHAR.repeat(4), DEMAND_CHAR.repeat(4), CAPACITY_CHAR.repeat(4)]);
    expect(chart.scaleMax).toBe(100);
  });

  it('shows demand above the blocks when it exceeds capacity, and ✗ under failing columns', () => {
    const chart = renderChart({series: series([100, 100], [50, 50], [0, 10]), bucketMinutes: 15, upTo: 2, incidents: [], width: 2, height: 2});
    expect(chart.rows).toEqual([DEMAND_CHAR.repeat(2), CAPACITY_CHAR.repeat(2)]);
    expect(chart.failed).toBe(' ✗');
  });

  it('joins a demand jump of several rows with │ so the line stays unbroken', () => {
    const chart = renderChart({series: series([5, 95], [0, 0]), bucketMinutes: 15, upTo: 2, incidents: [], width: 2, height: 4});
    expect(chart.rows).toEqual([' ─', ` ${DEMAND_STEP_CHAR}`, ` ${DEMAND_STEP_CHAR}`, '─ ']);
  });

  it('leaves the columns not yet played blank', () => {
    const chart = renderChart({series: flat, bucketMinutes: 15, upTo: 2, incidents: [], width: 4, height: 2});
    for (const row of chart.rows) expect(row.slice(2)).toBe('  ');
  });

  it('marks an incident under its column once played', () => {
    const incident = {minute: 45, kind: 'az-outage' as const, label: 'AZ a down'};
    expect(renderChart({series: flat, bucketMinutes: 15, upTo: 4, incidents: [incident], width: 4, height: 2}).incidents).toBe('   !');
    expect(renderChart({series: flat, bucketMinutes: 15, upTo: 3, incidents: [incident], width: 4, height: 2}).incidents).toBe('    ');
  });

  it('an incident does not hide the failures in its own column: ✗ and ! have a row each', () => {
    const incident = {minute: 15, kind: 'az-outage' as const, label: 'AZ a down'};
    const chart = renderChart({series: series([100, 100], [50, 50], [0, 10]), bucketMinutes: 15, upTo: 2, incidents: [incident], width: 2, height: 2});
    expect(chart.failed).toBe(' ✗');
    expect(chart.incidents).toBe(' !');
  });

  it('uses a partial block for capacity between rows', () => {
    const chart = renderChart({series: series([0], [100]), bucketMinutes: 15, upTo: 1, incidents: [], width: 1, height: 1});
    expect(chart.rows).toEqual([CAPACITY_CHAR]);
    const half = renderChart({series: series([0, 0], [100, 50]), bucketMinutes: 15, upTo: 2, incidents: [], width: 2, height: 1});
    expect(half.rows).toEqual([`${CAPACITY_CHAR}▄`]);
  });

  it('keeps demand readable beside a far larger capacity: the scale stops at 3× peak demand and ↑ marks the rest', () => {
    const chart = renderChart({series: series([9, 9], [30_000, 30_000]), bucketMinutes: 15, upTo: 2, incidents: [], width: 2, height: 4});
    expect(chart.scaleMax).toBe(27);
    expect(chart.offScaleCapacity).toBe(30_000);
    // Demand at a third of the scale: the second row of four from the bottom.
    expect(chart.rows).toEqual([OFF_SCALE_CHAR.repeat(2), CAPACITY_CHAR.repeat(2), DEMAND_CHAR.repeat(2), CAPACITY_CHAR.repeat(2)]);
  });

  it('a capacity within 3× demand sets the scale itself', () => {
    const chart = renderChart({series: series([10], [25]), bucketMinutes: 15, upTo: 1, incidents: [], width: 1, height: 2});
    expect(chart.scaleMax).toBe(25);
    expect(chart.offScaleCapacity).toBeUndefined();
  });

  it("scales to the columns it draws: a short spike in a wide column sets its column's demand", () => {
    // 8 buckets in 2 columns: a quiet 2 req/s with one 40 req/s bucket (a newsletter), beside a huge capacity.
    const demand = [2, 2, 2, 2, 2, 2, 2, 40];
    const chart = renderChart({series: series(demand, demand.map(() => 10_000)), bucketMinutes: 15, upTo: 8, incidents: [], width: 2, height: 4});
    // Column peaks 2 and 40: the scale is 3 × 40, and the spike's column has its demand above the bottom row.
    expect(chart.scaleMax).toBeCloseTo(120, 10);
    expect(chart.offScaleCapacity).toBe(10_000);
    expect(chart.rows.map((row) => row[1])).toEqual([OFF_SCALE_CHAR, CAPACITY_CHAR, DEMAND_CHAR, CAPACITY_CHAR]);
    expect(chart.rows[3]?.[0]).toBe(DEMAND_CHAR);
  });

  it('a 20× spike shorter than a column rises above the capacity, and an outage shorter than a column shows as no capacity', () => {
    // 4 buckets in 1 column: 5 req/s with one bucket at 100 req/s, against a steady 20 req/s of capacity.
    const spike = renderChart({series: series([5, 5, 5, 100], [20, 20, 20, 20]), bucketMinutes: 15, upTo: 4, incidents: [], width: 1, height: 5});
    expect(spike.rows[0]).toBe(DEMAND_CHAR);
    // Capacity (20 of 100) fills the bottom row only: the demand line stands four rows above it.
    expect(spike.rows).toEqual([DEMAND_CHAR, ' ', ' ', ' ', CAPACITY_CHAR]);
    // The capacity drops to nothing for one bucket (an AZ outage): the column draws its worst, zero.
    const outage = renderChart({series: series([10, 10, 10, 10], [30, 0, 30, 30]), bucketMinutes: 15, upTo: 4, incidents: [], width: 1, height: 3});
    expect(outage.rows.filter((row) => row === CAPACITY_CHAR)).toEqual([]);
  });

  it('splits buckets over columns without gaps or overlaps', () => {
    const covered: number[] = [];
    for (let c = 0; c < 70; c++) {
      const {from, to} = columnBuckets(c, 70, 672);
      for (let b = from; b < to; b++) covered.push(b);
    }
    expect(covered).toEqual(Array.from({length: 672}, (_, b) => b));
  });

  it('names each day where it starts', () => {
    expect(dayAxis(7 * 1440, 28)).toBe('Mon Tue Wed Thu Fri Sat Sun ');
  });
});

describe('what each kind of tier charts', () => {
  it('web: the busiest minute against the lowest capacity, not the bucket means', () => {
    // One bucket whose mean demand (20) sits under its mean capacity (50), but whose busiest minute (120) does not.
    const s = {...series([20], [50]), peakDemand: [120], lowCapacity: [50]};
    const chart = renderChart({series: s, bucketMinutes: 15, upTo: 1, incidents: [], width: 1, height: 4});
    expect(chart.scaleMax).toBe(120);
    expect(chart.rows[0]).toBe(DEMAND_CHAR);
  });

  it('jobs: the queue (jobs waiting or running) against the slots, and late jobs count as failed', () => {
    const s: TimelineSeries = {...series([6, 0], [2, 2], [4, 0]), kind: 'jobs', unit: 'jobs', backlog: [6, 0], lowCapacity: [2, 2], missed: [4, 0]};
    const view = chartView(s);
    expect([view.lineLabel, view.blockLabel, view.failedLabel]).toEqual(['jobs queued or running', 'slots', 'failed or late']);
    const chart = renderChart({series: s, bucketMinutes: 15, upTo: 2, incidents: [], width: 2, height: 3});
    // 6 jobs on a scale of 6: the line tops the first column over 2 slots (one row of three).
    expect(chart.rows).toEqual([`${DEMAND_CHAR} `, '  ', CAPACITY_CHAR.repeat(2)]);
    expect(chart.failed).toBe('✗ ');
  });

  it('Lambda jobs (no queue reported): the jobs released against the concurrency', () => {
    const s: TimelineSeries = {...series([6], [1000]), kind: 'jobs', unit: 'jobs'};
    expect(chartView(s).blockLabel).toBe('concurrency');
    expect(chartView(s).line).toBe(s.peakDemand);
  });

  it('events: a row for the oldest waiting event’s age against the limit, full at the limit', () => {
    const s: TimelineSeries = {...series([10, 10, 10, 10], [20, 20, 5, 5]), kind: 'events', unit: 'events/s', oldestAgeS: [0, 60, 240, 360], maxAgeS: 300};
    const chart = renderChart({series: s, bucketMinutes: 15, upTo: 4, incidents: [], width: 4, height: 2});
    expect(chart.age).toBe(` ${ageCell(0.2)}${ageCell(0.8)}${CAPACITY_CHAR}`);
    expect([ageCell(0), ageCell(0.01), ageCell(0.5), ageCell(0.99), ageCell(1)]).toEqual([' ', '▁', '▄', '▇', CAPACITY_CHAR]);
    expect(renderChart({series: series([1], [2]), bucketMinutes: 15, upTo: 1, incidents: [], width: 1, height: 2}).age).toBeUndefined();
  });
});

describe('playback sums', () => {
  const timeline = makeTimeline();
  const outageStart = (2 * 1440 + 14 * 60) / 15;

  it('cost so far is each bucket’s rate times its hours', () => {
    expect(costSoFarUsd(timeline, 0)).toBe(0);
    expect(costSoFarUsd(timeline, 4)).toBeCloseTo(0.5, 10);
    expect(costSoFarUsd(timeline, timeline.buckets)).toBeCloseTo(84, 10);
  });

  it('failures count requests from the per-second rate over each bucket', () => {
    expect(failuresSoFar(timeline, outageStart)).toEqual({requests: 0, events: 0, jobs: 0});
    expect(failuresSoFar(timeline, outageStart + 1)).toEqual({requests: 40 * 900, events: 0, jobs: 0});
    expect(failuresText({requests: 36_000, events: 0, jobs: 1}, (n) => n.toLocaleString('en-US'))).toBe('✗ failed: 36,000 requests, 1 job');
    expect(failuresText({requests: 0, events: 0, jobs: 0}, String)).toBe('✓ no failures yet');
    expect(failuresText({requests: 0, events: 0, jobs: 0}, String, true)).toBe('✓ no failures all week');
  });

  it('marks appear once the replay passes their minute', () => {
    expect(marksUpTo(timeline, 2 * 1440 + 14 * 60)).toEqual([]);
    expect(marksUpTo(timeline, 2 * 1440 + 14 * 60 + 1).map((m) => m.kind)).toEqual(['az-outage']);
  });

  it('the playback position reaches the last bucket on the last frame', () => {
    expect(bucketAtFrame(0, 50, 672)).toBe(0);
    expect(bucketAtFrame(25, 50, 672)).toBe(336);
    expect(bucketAtFrame(50, 50, 672)).toBe(672);
    expect(bucketAtFrame(60, 50, 672)).toBe(672);
  });
});
