// The run screen with real key presses, waiting on frames: the replay is driven by its own interval.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {simulate, withDefaults, type Tier} from '../../src/engine/index.js';
import {events, jobs} from '../engine/fixtures.js';
import {RunScreen} from '../../src/ui/run/RunScreen.js';
import type {PlaybackOptions} from '../../src/ui/run/use-playback.js';
import {loadCampaign} from '../../src/content/index.js';
import {KEYS, press, lineWith, makeLevel, makeResult, makeTimeline, renderWithKeys, toSmallestTerminal, until, waitFor} from './helpers-builder.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A quick replay so the tests wait less; what they check does not depend on the speed. */
const QUICK: PlaybackOptions = {durationMs: 400, tickMs: 10, holdMs: 100};
/** A replay that would take an hour: only a key can finish it. */
const SLOW: PlaybackOptions = {durationMs: 3_600_000, tickMs: 1000, holdMs: 0};

function open(playback: PlaybackOptions, result = makeResult()) {
  let done = 0;
  const ui = renderWithKeys(<RunScreen level={makeLevel()} result={result} onDone={() => done++} playback={playback} />);
  return {ui, done: () => done};
}

describe('run screen', () => {
  it('lists the incident when the replay reaches it, with the failures it caused', async () => {
    const {ui} = open(QUICK);
    const frame = await waitFor(ui, '! AZ a down Wed 14:00–17:00');
    expect(frame).toContain('Incidents (1)');
    expect(frame).toMatch(/✗ failed: [\d,]+ requests/);
    expect(frame).toContain('█ capacity ─ demand ✗ failed ! incident');
  });

  it('plays back a real simulation: the AZ outage shows up with the requests it failed', async () => {
    const level = makeLevel();
    const result = simulate(level, {tiers: level.start.tiers});
    const {ui} = open(QUICK, result);
    const frame = await waitFor(ui, 'Incidents (1)');
    expect(frame).toMatch(/! .*AZ a/);
    await waitFor(ui, (f) => /✗ failed: [\d,]+ requests/.test(f));
  });

  it('starts at Monday 00:00 with nothing spent and nothing failed', async () => {
    const {ui} = open(SLOW);
    const frame = await waitFor(ui, 'Mon 00:00');
    expect(frame).toContain('spent $0.00');
    expect(frame).toContain('✓ no failures yet');
    expect(frame).toContain('No incidents yet');
  });

  it('enter skips to the end and calls onDone', async () => {
    const {ui, done} = open(SLOW);
    await waitFor(ui, 'Mon 00:00');
    ui.stdin.write(KEYS.enter);
    await until(() => done() === 1, 'onDone is called');
    const frame = await waitFor(ui, 'end of the run');
    // A week at $0.50/hour: 168 h × $0.50.
    expect(lineWith(frame, 'spent')).toContain('end of the run  ·  spent $84.00');
    expect(frame).toContain('! AZ a down Wed 14:00–17:00');
  });

  it('s skips too, and a second key does not call onDone again', async () => {
    const {ui, done} = open(SLOW);
    await waitFor(ui, 'Mon 00:00');
    ui.stdin.write('s');
    await waitFor(ui, 'end of the run');
    ui.stdin.write('s');
    await waitFor(ui, 'results');
    expect(done()).toBe(1);
  });

  it('calls onDone by itself when the replay ends', async () => {
    const {done} = open(QUICK);
    await until(() => done() === 1, 'onDone is called at the end');
  });

  it('clears its replay interval when it goes away', async () => {
    const set = vi.spyOn(globalThis, 'setInterval');
    const clear = vi.spyOn(globalThis, 'clearInterval');
    const {ui} = open(SLOW);
    await waitFor(ui, 'Mon 00:00');
    const replay = set.mock.calls.findIndex(([, delay]) => delay === SLOW.tickMs);
    expect(replay).toBeGreaterThanOrEqual(0);
    const timer = set.mock.results[replay]?.value;
    expect(clear).not.toHaveBeenCalledWith(timer);
    ui.unmount();
    expect(clear).toHaveBeenCalledWith(timer);
  });

  it('fits 80×24 with three charted workloads: two charts and a note', async () => {
    const timeline = makeTimeline();
    const web = timeline.series[0]!;
    timeline.series = [web, {...web, workload: 'thumbs', kind: 'events', unit: 'events/s'}, {...web, workload: 'admin'}];
    const {ui} = open(SLOW, makeResult(timeline));
    await waitFor(ui, 'Mon 00:00');
    await toSmallestTerminal(ui);
    ui.stdin.write(KEYS.enter);
    const frame = await waitFor(ui, 'end of the run');
    expect(frame).toContain('thumbs events/s');
    expect(frame).toContain('+ 1 more workload(s) on the results screen');
    expect(frame).toContain('Incidents (1)');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('fits 80×24', async () => {
    const {ui} = open(SLOW);
    await waitFor(ui, 'Mon 00:00');
    await toSmallestTerminal(ui);
    ui.stdin.write(KEYS.enter);
    await waitFor(ui, 'end of the run');
    const lines = (ui.lastFrame() ?? '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('at 80×24 a jobs tier charts its queue against its slots and an events tier the age of its oldest event (real simulation)', async () => {
    const base = makeLevel();
    const level = {
      ...base,
      workloads: [jobs({id: 'nightly', count: 6, vcpuMinutes: 60, memoryGb: 1, deadlineMinutes: 60}), events({id: 'orders', baseRate: 50, cpuMsPerEvent: 100, maxAgeSeconds: 300})],
      incidents: [],
    };
    const tier = (workload: string): Tier => withDefaults({workload, compute: 'ec2', instanceType: 'c5.large'} as Parameters<typeof withDefaults>[0]);
    const result = simulate(level, {tiers: [tier('nightly'), tier('orders')]});
    const ui = renderWithKeys(<RunScreen level={level} result={result} onDone={() => undefined} playback={SLOW} />);
    await toSmallestTerminal(ui);
    const frame = await press(ui, KEYS.enter, 'end of the run');
    expect(frame).toContain('nightly jobs  █ slots ─ jobs queued or running ✗ failed or late');
    expect(frame).toContain('orders events/s  █ capacity ─ demand ✗ failed');
    expect(frame).toMatch(/^ {2}age .*█/m);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('charts every tier at 80×24, jobs too, and a spike above the capacity shows with its failures (real simulation of the shipped level 3)', async () => {
    const campaign = loadCampaign();
    const level = campaign.ok ? campaign.value.levels.find((l) => l.workloads.some((w) => w.kind === 'jobs')) : undefined;
    if (!level) throw new Error('no shipped level with a jobs workload');
    const result = simulate(level, {tiers: level.start.tiers});
    const ui = renderWithKeys(<RunScreen level={level} result={result} onDone={() => undefined} playback={SLOW} />);
    await toSmallestTerminal(ui);
    const frame = await press(ui, KEYS.enter, 'end of the run');
    for (const workload of level.workloads) expect(frame).toMatch(new RegExp(`^${workload.id} `, 'm'));
    expect(frame).toContain('✗');
    expect(frame.split('\n').every((line) => [...line].length <= 80)).toBe(true);
  });
});

