// Wide terminals are used: at 100×30 and 120×40 the builder's panels grow (names and values uncut, the estimate
// lists each finding's message), and every screen's key bar stays on one line.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {loadCampaign} from '../../src/content/index.js';
import {BuilderScreen} from '../../src/ui/builder/BuilderScreen.js';
import {builderColumns} from '../../src/ui/builder/BuilderBody.js';
import {fitHints, type Hint} from '../../src/ui/components/KeyHints.js';
import {renderWithKeys, resize, waitFor} from './helpers-builder.js';
import {Game} from '../../src/ui/Game.js';
import {realServices} from '../../src/ui/state/real-services.js';
import {KEYS, press, renderUi, waitForFrame, type FrameCheck} from './helpers.js';

afterEach(() => cleanup());

const campaign = loadCampaign();
if (!campaign.ok) throw new Error('the shipped campaign does not load');
const level = campaign.value.levels[0];
if (!level) throw new Error('no levels');

async function builderAt(columns: number, rows: number): Promise<string> {
  const ui = renderWithKeys(<BuilderScreen level={level!} initialTiers={level!.start.tiers} onRun={() => undefined} onBack={() => undefined} />);
  resize(ui, columns, rows);
  return waitFor(ui, (frame) => frame.includes('— build') && frame.split('\n').length === rows - 1);
}

const lines = (frame: string) => frame.split('\n');

describe('the builder on a wide terminal', () => {
  it('at 80×24 keeps its 44 + 34 column layout', () => {
    expect(builderColumns(80)).toEqual({panel: 44, estimate: 34, total: 78});
  });

  it.each([
    {name: '100×30', columns: 100, rows: 30, panel: 54, estimate: 44, hints: ['field', 'change', 'list/toggle', 'run', 'save', 'hint', 'back', 'help']},
    {name: '120×40', columns: 120, rows: 40, panel: 60, estimate: 58, hints: ['field', 'change', 'list/toggle', 'run', 'save', 'hint', 'findings', 'back', 'help']},
  ])('$name: wider panels, the key bar on one line, the frame as tall as the window', async ({columns, rows, panel, estimate, hints}) => {
    expect(builderColumns(columns)).toEqual({panel, estimate, total: columns - 2});
    const frame = await builderAt(columns, rows);
    expect(lines(frame)).toHaveLength(rows - 1);
    expect(lines(frame).every((line) => [...line].length <= columns)).toBe(true);
    // The hints on the last line (at 120 columns every one of them).
    const bar = lines(frame).at(-1) ?? '';
    for (const does of hints) expect(bar).toContain(does);
    // The estimate starts where the wider field panel ends.
    const head = lines(frame).find((line) => line.includes('Monthly estimate')) ?? '';
    expect(head.indexOf('Monthly estimate')).toBe(panel + 1);
  });

  it("120×40: the estimate says each finding's message under its id", async () => {
    const frame = await builderAt(120, 40);
    const id = lines(frame).findIndex((line) => /[✗!·] (critical|warning|info) {2,}\S/.test(line));
    expect(id).toBeGreaterThan(0);
    const next = lines(frame)[id + 1] ?? '';
    expect(next.slice(61).trim().length).toBeGreaterThan(10);
    expect(next.slice(61)).not.toMatch(/^\s*[✗!·] (critical|warning|info)/);
  });

  it('80×24: the key bar is one line too, with back and help on it', async () => {
    const frame = await builderAt(80, 24);
    const bar = lines(frame).at(-1) ?? '';
    expect(bar).toContain('back');
    expect(bar).toContain('help');
    expect(lines(frame)).toHaveLength(23);
  });
});

describe('fitHints', () => {
  const hints: Hint[] = [['a', 'one'], ['b', 'two'], ['c', 'three'], ['q', 'back'], ['?', 'help']];
  it.each([
    {name: 'all fit with wide gaps', width: 47, kept: ['one', 'two', 'three', 'back', 'help'], gap: 2},
    {name: 'narrower gaps before dropping', width: 43, kept: ['one', 'two', 'three', 'back', 'help'], gap: 1},
    {name: 'drops the last before back and help', width: 35, kept: ['one', 'two', 'back', 'help'], gap: 1},
    {name: 'back and help always stay', width: 5, kept: ['back', 'help'], gap: 1},
  ])('$name', ({width, kept, gap}) => {
    const fitted = fitHints(hints, width);
    expect(fitted.hints.map(([, does]) => does)).toEqual(kept);
    expect(fitted.gap).toBe(gap);
  });
});

// Every screen at 100×30 and 120×40, with the shipped content and real keys: the frame is as tall as the window allows
// and no wider, its title is first and its key bar is the last row, on one line.
describe('every screen on a wide terminal', () => {
  const home = mkdtempSync(join(tmpdir(), 'rightsize-wide-'));
  const savedHome = process.env['RIGHTSIZE_HOME'];
  beforeAll(() => {
    process.env['RIGHTSIZE_HOME'] = home;
  });
  afterAll(() => {
    if (savedHome === undefined) delete process.env['RIGHTSIZE_HOME'];
    else process.env['RIGHTSIZE_HOME'] = savedHome;
    rmSync(home, {recursive: true, force: true});
  });
  /** A star on every level: every level is open, and the last one (three tiers) is where the map opens. */
  const records = Object.fromEntries(campaign.value.levels.map((l) => [l.id, {stars: 3, bestPoints: 1000, bestMonthlyCostUsd: 10}]));

  it.each([
    {name: '100×30', columns: 100, rows: 30, tierNames: false},
    {name: '120×40', columns: 120, rows: 40, tierNames: true},
  ])('$name', async ({columns, rows, tierNames}) => {
    const real = realServices();
    const ui = renderUi(<Game services={{...real, loadProgress: async () => ({...(await real.loadProgress()), records})}} noColor />);
    const first = await waitForFrame(ui, 'Press Enter to start');
    resize(ui, columns, rows);
    await waitForFrame(ui, (frame) => frame !== first);
    const problems: string[] = [];
    let seen = 0;
    const look = (name: string) => {
      seen++;
      const frame = ui.lastFrame() ?? '';
      const all = lines(frame);
      const bar = all.at(-1) ?? '';
      if (all.length !== rows - 1) problems.push(`${name}: ${all.length} rows, not ${rows - 1}`);
      if (all.some((line) => [...line].length > columns)) problems.push(`${name}: a row wider than ${columns}`);
      if (!/^ \S+( \S+)? {2}\S/.test(bar) || !/\b(help|back|cancel)\b/.test(bar)) problems.push(`${name}: the last row is not the key bar: "${bar}"`);
      if ((all[0] ?? '').startsWith(' ')) problems.push(`${name}: the title is not first`);
    };
    const step = async (key: string, expected: FrameCheck | undefined, name: string) => {
      await press(ui, key, expected);
      look(name);
    };
  look('title');
    await step(KEYS.enter, 'rightsize — menu', 'menu');
    await step('?', 'Keys everywhere', 'help');
    await step('?', 'rightsize — menu', 'menu again');
    await step(KEYS.enter, `› ${campaign.value.levels.length}.`, 'campaign');
    await step(KEYS.enter, '[Story]', 'briefing story');
    await step(KEYS.tab, '[Objectives]', 'briefing objectives');
    await step(KEYS.tab, '[Concepts]', 'briefing concepts');
    await step(KEYS.enter, '— build', 'builder');
    // The last level has three tiers; on the estimate of 120 columns each finding names its tier.
    if (tierNames) expect(ui.lastFrame()).toMatch(/critical customer-data-in-default-vpc \[(web|orders)\]/);
    await step(KEYS.tab, undefined, 'builder tier 2');
    await step(' ', undefined, 'builder tier 2 picker');
    await step(KEYS.escape, undefined, 'builder tier 2 picker closed');
    await step(KEYS.tab, undefined, 'builder tier 3');
    await step(KEYS.enter, '— run', 'run');
    await step('s', '[Score]', 'results score');
    await step(KEYS.tab, '[Cost]', 'results cost');
    await step(KEYS.tab, '[Findings]', 'results findings');
    await step(KEYS.tab, '[Debrief]', 'results debrief');
    await step('q', '— briefing', 'briefing');
    await step('q', 'open level', 'campaign');
    await step('q', 'rightsize — menu', 'menu');
    await step('j', '› Free play', 'menu');
    await step(KEYS.enter, 'Free-play runs never change', 'free play');
    await step('q', 'rightsize — menu', 'menu');
    await step('j', '› Practice quiz', 'menu');
    await step(KEYS.enter, 'Practice — what should I ask?', 'practice');
    await step(KEYS.enter, 'question 1 of', 'quiz');
    await step('1', 'next question', 'quiz answered');
    await step('q', 'Practice — what should I ask?', 'practice');
    await step('q', 'rightsize — menu', 'menu');
    await step('j', '› Codex', 'menu');
    await step(KEYS.enter, /\d+ concept cards/, 'codex');
    await step(KEYS.enter, 'Concept: ', 'card');
    await step('q', /\d+ concept cards/, 'codex');
    await step('q', 'rightsize — menu', 'menu');
    await step('j', '› Readiness', 'menu');
    await step(KEYS.enter, 'weight', 'readiness');
    await step('q', 'rightsize — menu', 'menu');
    await step('j', '› Class challenge', 'menu');
    await step(KEYS.enter, 'type the path of its file', 'class challenge');
    await step(KEYS.escape, 'rightsize — menu', 'menu');
    await step('j', '› Settings', 'menu');
    await step(KEYS.enter, 'Progress and saved builds live in', 'settings');
    expect(problems).toEqual([]);
    expect(seen).toBeGreaterThan(40);
  }, 60_000);
});
