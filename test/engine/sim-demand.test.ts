// Demand series: shapes, weekly multipliers, spikes, seeded noise, job release minutes.
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/engine/prng.js';
import {DAILY_SHAPE_MULTIPLIERS, jobReleaseMinutes, rateSeries} from '../../src/engine/sim/demand.js';
import {jobs} from './fixtures.js';

const WEEK = 7 * 1440;
const shape = {daily: 'flat' as const, weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0};

describe('rateSeries', () => {
  it.each([
    {name: 'flat: the base rate every minute', partial: {}, minute: 5000, rate: 10},
    {name: 'business-hours at Mon 09:30: 1.6 × base', partial: {daily: 'business-hours' as const}, minute: 9 * 60 + 30, rate: 16},
    {name: 'weekly multiplier: Saturday at 0.5', partial: {weekly: [1, 1, 1, 1, 1, 0.5, 1]}, minute: 5 * 1440 + 600, rate: 5},
    {name: 'a spike multiplies inside its window', partial: {spikes: [{at: 'wed 14:00', minutes: 30, factor: 4}]}, minute: 2 * 1440 + 14 * 60 + 29, rate: 40},
    {name: 'and not after it', partial: {spikes: [{at: 'wed 14:00', minutes: 30, factor: 4}]}, minute: 2 * 1440 + 14 * 60 + 30, rate: 10},
    {name: '24 custom hourly multipliers', partial: {daily: Array.from({length: 24}, (_, h) => h)}, minute: 3 * 60, rate: 30},
  ])('$name', ({partial, minute, rate}) => {
    const series = rateSeries(10, {...shape, ...partial}, WEEK, createRng(1));
    expect(series[minute]).toBeCloseTo(rate, 10);
  });

  it('noise stays within ±noise and is the same for the same seed', () => {
    const a = rateSeries(10, {...shape, noise: 0.05}, WEEK, createRng(7));
    const b = rateSeries(10, {...shape, noise: 0.05}, WEEK, createRng(7));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Math.min(...a)).toBeGreaterThanOrEqual(9.5);
    expect(Math.max(...a)).toBeLessThanOrEqual(10.5);
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(0.5);
  });

  it('every named shape has 24 hours', () => {
    for (const multipliers of Object.values(DAILY_SHAPE_MULTIPLIERS)) expect(multipliers).toHaveLength(24);
  });
});

describe('jobReleaseMinutes', () => {
  it.each([
    {name: 'hourly at :15', every: 'hour' as const, at: ':15', first: [15, 75, 135], count: 168},
    {name: 'daily at 02:00', every: 'day' as const, at: '02:00', first: [120, 1560, 3000], count: 7},
    {name: 'weekly on Sunday 02:00', every: 'week' as const, at: 'sun 02:00', first: [6 * 1440 + 120], count: 1},
  ])('$name', ({every, at, first, count}) => {
    const minutes = jobReleaseMinutes(jobs({every, at}), WEEK);
    expect(minutes.slice(0, first.length)).toEqual(first);
    expect(minutes).toHaveLength(count);
  });
});
