// The progress keeps the cheapest passing run per level, for the campaign-finished summary (money saved).
import {describe, expect, it} from 'vitest';
import {recordResult} from '../../src/store/progress.js';
import {freshProgress, parseProgress} from '../../src/store/progress-schema.js';

const run = (passed: boolean, monthlyCostUsd: number) => ({stars: (passed ? 2 : 0) as 0 | 2, points: passed ? 800 : 300, passed, metrics: {monthlyCostUsd}});

describe('bestMonthlyCostUsd', () => {
  it.each([
    {name: 'a failed run records no cost', runs: [run(false, 50)], best: undefined},
    {name: 'a passing run records its cost', runs: [run(true, 140)], best: 140},
    {name: 'a cheaper passing run lowers it', runs: [run(true, 140), run(true, 95.5)], best: 95.5},
    {name: 'a dearer passing run keeps the cheaper', runs: [run(true, 95.5), run(true, 140)], best: 95.5},
    {name: 'a cheaper failed run does not count', runs: [run(true, 140), run(false, 20)], best: 140},
  ])('$name', ({runs, best}) => {
    const progress = runs.reduce((p, r) => recordResult(p, 'stay-up', r), freshProgress());
    expect(progress.levels['stay-up']?.bestMonthlyCostUsd).toBe(best);
  });

  it('round-trips through the progress file, and a file without it still loads', () => {
    const progress = recordResult(freshProgress(), 'stay-up', run(true, 143.43));
    const parsed = parseProgress(JSON.stringify(progress));
    expect(parsed.ok && parsed.progress.levels['stay-up']?.bestMonthlyCostUsd).toBe(143.43);
    const old = parseProgress(JSON.stringify({formatVersion: 1, levels: {'stay-up': {stars: 3, bestPoints: 1000}}, settings: {}}));
    expect(old.ok && old.progress.levels['stay-up']).toEqual({stars: 3, bestPoints: 1000});
  });
});
