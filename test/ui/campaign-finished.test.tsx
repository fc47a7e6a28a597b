// Chapter progress on the campaign map, and the campaign-finished summary, driven with real key presses.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {campaignFinished, chapterProgress, finishedSummary} from '../../src/ui/state/selectors.js';
import {KEYS, press, renderUi, waitForFrame} from './helpers.js';
import {campaignOf, fakeServices, makeLevel} from './fixtures.js';
import type {Records} from '../../src/ui/state/services.js';

vi.mock('../../src/ui/screens/play-screens.js', () => import('./stand-ins.js'));

const LEVELS = [makeLevel('stay-up', 'Stay Up'), makeLevel('dev-box', 'Dev Box', {concepts: ['idle-cost']}), makeLevel('night-batch', 'Night Batch')];

afterEach(() => cleanup());

async function toCampaign(records: Records) {
  const services = fakeServices(LEVELS, {records});
  const ui = renderUi(<Game services={services} noColor />);
  await waitForFrame(ui, 'Press Enter to start');
  await press(ui, KEYS.enter, 'Campaign — the levels in order');
  await press(ui, KEYS.enter, 'Chapter 1: EC2');
  return {ui, services};
}

describe('chapter progress and the finished summary (selectors)', () => {
  const campaign = campaignOf(LEVELS);
  const records = {'stay-up': {stars: 3, bestPoints: 1000, bestMonthlyCostUsd: 20}, 'dev-box': {stars: 1, bestPoints: 620, bestMonthlyCostUsd: 50}};

  it.each([
    {name: 'no records', records: {}, stars: 0, finished: false},
    {name: 'two levels won', records, stars: 4, finished: false},
    {name: 'every level has a star', records: {...records, 'night-batch': {stars: 2, bestPoints: 800}}, stars: 6, finished: true},
  ])('$name', ({records: r, stars, finished}) => {
    expect(chapterProgress(campaign, r)).toEqual([{id: 'ec2', title: 'Chapter 1: EC2', stars, total: 9}]);
    expect(campaignFinished(campaign, r)).toBe(finished);
  });

  it('sums the money saved against each start, never below zero, and the concepts of the levels passed', () => {
    const summary = finishedSummary(campaign, records, () => 30);
    expect(summary.levels.map((l) => [l.id, l.savedUsd])).toEqual([
      ['stay-up', 10],
      ['dev-box', 0],
      ['night-batch', 0],
    ]);
    expect(summary.savedUsd).toBe(10);
    expect(summary.stars).toBe(4);
    expect(summary.concepts).toEqual(['availability-zones', 'idle-cost']);
  });
});

describe('the campaign map and the finished screen (keys)', () => {
  it('each chapter header shows its stars of the total, and f does nothing before the end', async () => {
    const {ui} = await toCampaign({'stay-up': {stars: 2, bestPoints: 800}});
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('Chapter 1: EC2 · 2 of 9 ★');
    expect(frame).not.toMatch(/f\s+summary/);
    ui.stdin.write('f');
    const after = await press(ui, KEYS.up);
    expect(after).not.toContain('Campaign complete');
  });

  it('once every level has a star, f opens the summary: stars, money saved per level, concepts shown', async () => {
    const {ui} = await toCampaign({
      'stay-up': {stars: 3, bestPoints: 1000, bestMonthlyCostUsd: 10},
      'dev-box': {stars: 3, bestPoints: 1000, bestMonthlyCostUsd: 20},
      'night-batch': {stars: 1, bestPoints: 600},
    });
    expect(ui.lastFrame()).toMatch(/f\s+summary/);
    const frame = await press(ui, 'f', 'Campaign complete');
    expect(frame).toContain('You finished the campaign: 7 of 9 ★ across 3 levels.');
    // The fake start costs $30.37 a month: 20.37 + 10.37 saved.
    expect(frame).toContain('Your builds cost $30.74 a month less than the builds you were handed.');
    expect(frame).toMatch(/Stay Up\s+★★★\s+\$30\.37\s+\$10\.00\s+\$20\.37/);
    expect(frame).toMatch(/Night Batch\s+★☆☆\s+\$30\.37\s+—\s+\$0\.00/);
    expect(frame).toMatch(/Concepts you have shown you know \(2\): Availability Zones, Idle cost\./);
    await press(ui, 'q', 'Chapter 1: EC2 · 7 of 9 ★');
  });

  it('winning the last level, then n (next level), opens the summary', async () => {
    const {ui} = await toCampaign({'stay-up': {stars: 3, bestPoints: 1000}, 'dev-box': {stars: 3, bestPoints: 1000}});
    // The map opens on the last level that is open: Night Batch.
    await press(ui, KEYS.enter, 'Night Batch — briefing');
    await press(ui, KEYS.enter, 'BUILDER night-batch azs=a');
    await press(ui, 'a', 'azs=a,b');
    await press(ui, KEYS.enter, 'RUNNING night-batch');
    await press(ui, KEYS.enter, 'Night Batch — results');
    const frame = await press(ui, 'n', 'Campaign complete');
    expect(frame).toContain('9 of 9 ★');
  });
});
