// Every screen, with the shipped content, fits the smallest supported terminal: 80 columns, 23 rows of frame
// (one less than the terminal, so Ink repaints in place).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {realServices} from '../../src/ui/state/real-services.js';
import {KEYS, press, renderUi, resize, waitForFrame, type FrameCheck, type Rendered} from './helpers.js';

let home: string;
const savedHome = process.env['RIGHTSIZE_HOME'];

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'rightsize-fit-'));
  process.env['RIGHTSIZE_HOME'] = home;
});

afterAll(() => {
  cleanup();
  if (savedHome === undefined) delete process.env['RIGHTSIZE_HOME'];
  else process.env['RIGHTSIZE_HOME'] = savedHome;
  rmSync(home, {recursive: true, force: true});
});

const seen: {screen: string; rows: number; widest: number}[] = [];

function measure(ui: Rendered, screen: string): void {
  const lines = (ui.lastFrame() ?? '').split('\n');
  seen.push({screen, rows: lines.length, widest: Math.max(...lines.map((line) => [...line].length))});
}

it('every screen fits 80×24', async () => {
  const ui = renderUi(<Game services={realServices()} noColor />);
  const wide = await waitForFrame(ui, 'Press Enter to start');
  resize(ui, 80, 24);
  await waitForFrame(ui, (frame) => frame !== wide);
  const step = async (key: string, expected: FrameCheck, name: string) => {
    await press(ui, key, expected);
    measure(ui, name);
  };
  measure(ui, 'title');
  await step(KEYS.enter, 'rightsize — menu', 'menu');
  await step('?', 'Keys everywhere', 'help');
  await step('?', 'rightsize — menu', 'menu again');
  await step(KEYS.enter, 'open level', 'campaign');
  await step(KEYS.enter, '[Story]', 'briefing story');
  await step(KEYS.tab, '[Objectives]', 'briefing objectives');
  await step(KEYS.tab, '[Concepts]', 'briefing concepts');
  await step(KEYS.enter, '— build', 'builder');
  await step(KEYS.enter, '— run', 'run');
  await step('s', '[Score]', 'results score');
  await step('l', 'Lessons from this run', 'lessons');
  await step('q', '[Score]', 'results score again');
  await step(KEYS.tab, '[Cost]', 'results cost');
  await step(KEYS.tab, '[Findings]', 'results findings');
  await step(KEYS.enter, 'Concept: ', 'concept card');
  await step('q', '[Findings]', 'results findings again');
  await step(KEYS.tab, '[Debrief]', 'results debrief');
  await step('s', 'Save this build as', 'results saving');
  await press(ui, KEYS.escape, (frame) => !frame.includes('Save this build as'));
  await press(ui, 'q', '— briefing');
  await press(ui, 'q', 'open level');
  await press(ui, 'q', 'rightsize — menu');
  await step('j', '› Free play', 'menu');
  await step(KEYS.enter, 'Free-play runs never change', 'free play');
  await step('q', 'rightsize — menu', 'menu');
  await step('j', '› Practice quiz', 'menu');
  await step(KEYS.enter, 'Practice — what should I ask?', 'practice');
  await step(KEYS.enter, 'question 1 of', 'quiz');
  await step('1', 'next question', 'quiz answered');
  await step('c', 'Concept: ', 'concept card from the quiz');
  await step('q', 'next question', 'quiz answered again');
  await step('q', 'Practice — what should I ask?', 'practice');
  await step('q', 'rightsize — menu', 'menu');
  await step('j', '› Codex', 'menu');
  await step(KEYS.enter, /\d+ concept cards/, 'codex');
  await step('/', 'Search:', 'codex search');
  await press(ui, KEYS.escape, (frame) => !frame.includes('Search:'));
  await step('q', 'rightsize — menu', 'menu');
  await step('j', '› Readiness', 'menu');
  await step(KEYS.enter, 'weight', 'readiness');
  await step('q', 'rightsize — menu', 'menu');
  await step('j', '› Class challenge', 'menu');
  await step(KEYS.enter, 'type the path of its file', 'class challenge');
  await step(KEYS.escape, 'rightsize — menu', 'menu');
  await step('j', '› Settings', 'menu');
  await step(KEYS.enter, 'Progress and saved builds live in', 'settings');

  const tooBig = seen.filter((s) => s.rows > 23 || s.widest > 80);
  expect(tooBig).toEqual([]);
  expect(seen.length).toBeGreaterThan(25);
});
