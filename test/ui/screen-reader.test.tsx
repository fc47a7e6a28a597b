// Screen-reader mode (--screen-reader, the saved setting, or INK_SCREEN_READER=true) at 80×24, with the shipped
// content and real key presses: every screen and every editor in it fits the 23 rows Ink repaints, starts with its
// title, ends with its key bar, keeps the selected item on the screen, and never runs two things into one row.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {realServices} from '../../src/ui/state/real-services.js';
import type {Records, Services} from '../../src/ui/state/services.js';
import {loadCampaign} from '../../src/content/index.js';
import {classroom, type Classroom} from '../classroom/helpers.js';
import {KEYS, press, renderUi, resize, type, waitForFrame, type FrameCheck, type Rendered} from './helpers.js';
import {readProblems, readRows, type ReadCheck} from './screen-reader.js';

const COLUMNS = 80;
const ROWS = 24;

let home: string;
let room: Classroom;
const saved = {home: process.env['RIGHTSIZE_HOME'], reader: process.env['INK_SCREEN_READER']};

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'rightsize-reader-'));
  process.env['RIGHTSIZE_HOME'] = home;
  // How ink-testing-library's render turns Ink's screen-reader mode on (it passes no option for it).
  process.env['INK_SCREEN_READER'] = 'true';
  room = classroom();
});

afterAll(() => {
  cleanup();
  for (const [name, value] of [['RIGHTSIZE_HOME', saved.home], ['INK_SCREEN_READER', saved.reader]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(home, {recursive: true, force: true});
  room.cleanup();
});

const campaign = loadCampaign();
if (!campaign.ok) throw new Error('the shipped campaign does not load');
/** A star on every level: every level is open and the campaign summary can be read. */
const ALL_STARS: Records = Object.fromEntries(campaign.value.levels.map((level) => [level.id, {stars: 3, bestPoints: 1000, bestMonthlyCostUsd: 10}]));

function services(records: Records = {}): Services {
  const real = realServices();
  return {
    ...real,
    loadProgress: async () => ({...(await real.loadProgress()), records}),
  };
}

/** A walk through the game; `see` checks the frame after each key and keeps every problem found. */
function walker(ui: Rendered) {
  const problems: string[] = [];
  let seen = 0;
  let log = '';
  const look = (name: string, check: ReadCheck) => {
    const frame = ui.lastFrame() ?? '';
    seen++;
    if (process.env['READER_DUMP']) log += `===== ${name}\n${readRows(frame, COLUMNS).join('\n')}\n`;
    for (const problem of readProblems(frame, COLUMNS, ROWS, check)) problems.push(`${name}: ${problem}\n${readRows(frame, COLUMNS).join('\n')}`);
  };
  return {
    problems,
    get seen() {
      return seen;
    },
    look,
    async see(key: string, expected: FrameCheck | undefined, name: string, check: ReadCheck) {
      await press(ui, key, expected);
      look(name, check);
    },
    /** READER_DUMP=DIR writes every frame of the walk there, as a screen reader gets it (to read them all at once). */
    dump(file: string) {
      const dir = process.env['READER_DUMP'];
      if (dir) writeFileSync(join(dir, file), log);
    },
  };
}

async function start(records?: Records): Promise<{ui: Rendered; walk: ReturnType<typeof walker>}> {
  const ui = renderUi(<Game services={services(records)} noColor />);
  await waitForFrame(ui, "Press Enter to start");
  // The screen-reader output of the title is the same at any width: nothing to wait for.
  resize(ui, COLUMNS, ROWS);
  const walk = walker(ui);
  walk.look('title', {title: 'rightsize'});
  await walk.see(KEYS.enter, 'rightsize — menu', 'menu', {title: 'rightsize — menu', selected: '› Campaign'});
  return {ui, walk};
}

const PAGE_DOWN = '\u001B[6~';
/** A concept card is open (its title first; a quiz's explanation also names the card, further down). */
const CARD: FrameCheck = (frame) => frame.startsWith('Concept: ');

/** Presses a key that may change nothing (the end of a list): waits up to a second for the frame to change. */
async function pressMaybe(ui: Rendered, key: string): Promise<boolean> {
  const before = ui.lastFrame() ?? '';
  ui.stdin.write(key);
  return (await waitForFrame(ui, (frame) => frame !== before, 1000).catch(() => before)) !== before;
}

/** Steps through every field of the builder's tier (j), opening each choice list or option set (space) when `open`. */
async function walkFields(ui: Rendered, walk: ReturnType<typeof walker>, name: string, open: boolean): Promise<void> {
  const check = {title: /— build/, selected: /, selected$/m};
  for (let i = 0; i < 30; i++) {
    const field = /^(.+?): .*, selected$/m.exec(ui.lastFrame() ?? '')?.[1] ?? '(none)';
    if (open && (await pressMaybe(ui, ' '))) {
      const opened = ui.lastFrame() ?? '';
      if (opened.includes('Choose ')) {
        walk.look(`${name} choices for ${field}`, {title: /— build/, selected: /^› /m});
        if (await pressMaybe(ui, 'j')) walk.look(`${name} choices for ${field} moved`, {title: /— build/, selected: /^› /m});
        // Page down to the end of a long list (a short one may already be there).
        for (let page = 0; page < 10 && (await pressMaybe(ui, PAGE_DOWN)); page++);
        walk.look(`${name} choices for ${field} at the end`, {title: /— build/, selected: /^› /m});
        await press(ui, KEYS.escape, (frame) => !frame.includes('Choose '));
      } else if (opened.includes('space toggles')) {
        walk.look(`${name} options of ${field}`, {title: /— build/, selected: /space toggles/});
        await press(ui, KEYS.escape, (frame) => !frame.includes('space toggles'));
      } else {
        walk.look(`${name} ${field} toggled`, check);
      }
    }
    if (!(await pressMaybe(ui, 'j'))) return;
    walk.look(`${name} field ${i + 2}`, check);
  }
}

/** Moves the list cursor (up or down) until the selected row (the one with ›) contains `text`. */
async function moveTo(ui: Rendered, text: string): Promise<void> {
  const selectedRow = (frame: string) => frame.split('\n').find((line) => line.startsWith('›')) ?? '';
  const rowsOf = (frame: string) => frame.split('\n');
  for (let i = 0; i < 40 && !selectedRow(ui.lastFrame() ?? '').includes(text); i++) {
    const frame = ui.lastFrame() ?? '';
    const here = rowsOf(frame).findIndex((line) => line.startsWith('›'));
    const there = rowsOf(frame).findIndex((line) => line.includes(text));
    await press(ui, there !== -1 && there < here ? 'k' : 'j');
  }
  await waitForFrame(ui, (frame) => selectedRow(frame).includes(text));
}

describe('screen-reader mode at 80×24', () => {
  it('a first level: menu, help, campaign, briefing, slots, the builder and its editors, run, results', async () => {
    const {ui, walk} = await start();
    const see = walk.see;
    await see('?', 'Keys everywhere', 'help', {title: 'Help'});
    await see('?', 'rightsize — menu', 'menu again', {title: 'rightsize — menu'});
    await see(KEYS.enter, 'open level', 'campaign', {title: 'Campaign', selected: '›  1. Stay Up'});
    await see(KEYS.enter, '[Story]', 'briefing story', {title: 'Stay Up — briefing', selected: '[Story]'});
    await see(KEYS.tab, '[Objectives]', 'briefing objectives', {title: 'Stay Up — briefing', selected: '[Objectives]'});
    await see(KEYS.tab, '[Concepts]', 'briefing concepts', {title: 'Stay Up — briefing', selected: '[Concepts]'});
    await see('j', undefined, 'briefing concepts scrolled', {title: 'Stay Up — briefing'});
    await see('l', 'No saved builds', 'slots', {title: 'Saved builds'});
    await see('q', '[Concepts]', 'briefing again', {title: 'Stay Up — briefing'});
    await see(KEYS.enter, '— build', 'builder', {title: 'Stay Up — build', selected: 'auto scaling: off, selected'});
    // Every field in turn, to the last one and back: the selected one always on the screen.
    const fields: string[] = [];
    for (let i = 0; i < 20; i++) {
      const before = ui.lastFrame() ?? '';
      ui.stdin.write('j');
      const after = await waitForFrame(ui, (frame) => frame !== before, 1000).catch(() => before);
      if (after === before) break;
      const field = /^(.+?): .*, selected$/m.exec(after)?.[1] ?? '(none)';
      fields.push(field);
      walk.look(`builder field ${field}`, {title: 'Stay Up — build', selected: /, selected$/});
    }
    expect(fields.length).toBeGreaterThan(6);
    expect(fields).not.toContain('(none)');
    for (let i = 0; i < 20 && !(ui.lastFrame() ?? '').includes('AZs: a, selected'); i++) await press(ui, 'k');
    await see(KEYS.right, 'space toggles a', 'builder AZ options', {title: 'Stay Up — build', selected: 'AZs: a on, b off, c off, d off, e off, f off; space toggles a, selected'});
    await see(KEYS.right, 'space toggles b', 'builder AZ option b', {title: 'Stay Up — build', selected: 'AZs: a on, b off, c off, d off, e off, f off; space toggles b, selected'});
    await see(' ', 'AZs: a on, b on', 'builder AZ toggled', {title: 'Stay Up — build', selected: 'AZs: a on, b on, c off, d off, e off, f off; space toggles b, selected'});
    await see(KEYS.escape, 'AZs: a, b, selected', 'builder AZ options closed', {title: 'Stay Up — build', selected: 'AZs: a, b, selected'});
    for (let i = 0; i < 20 && !(ui.lastFrame() ?? '').includes('image (AMI): stock, selected'); i++) await press(ui, 'j');
    await see(' ', 'Choose', 'builder choice list', {title: 'Stay Up — build', selected: /^› /m});
    await see('j', undefined, 'builder choice list moved', {title: 'Stay Up — build', selected: /^› /m});
    await see(KEYS.escape, (frame) => !frame.includes('Choose'), 'builder choice list closed', {title: 'Stay Up — build', selected: 'image (AMI): stock, selected'});
    await see('h', 'Hint 1', 'builder hint', {title: 'Stay Up — build', selected: /, selected$/m});
    await see('f', /\(1\/\d+\)/, 'builder finding', {title: 'Stay Up — build', selected: /, selected$/m});
    await see('s', 'Save this build as', 'builder naming', {title: 'Stay Up — build'});
    await see(KEYS.escape, 'not saved', 'builder not saved', {title: 'Stay Up — build'});
    await see('?', 'Keys everywhere', 'builder help', {title: 'Help'});
    await see('?', '— build', 'builder after help', {title: 'Stay Up — build'});
    await see(KEYS.enter, '— run', 'run', {title: 'Stay Up — run'});
    await see('s', '[Score]', 'results score', {title: 'Stay Up — results', selected: '[Score]'});
    await see('j', undefined, 'results score scrolled', {title: 'Stay Up — results'});
    await see('l', 'Lessons from this run', 'lessons', {title: 'Lessons from this run', selected: /^› /m});
    await see(KEYS.enter, CARD, 'lesson concept card', {title: 'Concept: '});
    await see('q', 'Lessons from this run', 'lessons again', {title: 'Lessons from this run'});
    await see('z', 'question 1 of', 'lesson quiz', {title: /^Quiz: /, selected: /^› /m});
    await see('q', 'Lessons from this run', 'lessons after the quiz', {title: 'Lessons from this run'});
    await see('q', '[Score]', 'results score again', {title: 'Stay Up — results'});
    await see(KEYS.tab, '[Cost]', 'results cost', {title: 'Stay Up — results', selected: '[Cost]'});
    await see(KEYS.tab, '[Findings]', 'results findings', {title: 'Stay Up — results', selected: /^› /m});
    await see('j', undefined, 'results findings moved', {title: 'Stay Up — results', selected: /^› /m});
    await see(KEYS.enter, CARD, 'concept card', {title: 'Concept: '});
    await see('j', undefined, 'concept card scrolled', {title: 'Concept: '});
    await see('q', '[Findings]', 'results findings again', {title: 'Stay Up — results'});
    await see(KEYS.tab, '[Debrief]', 'results debrief', {title: 'Stay Up — results', selected: '[Debrief]'});
    await see('s', 'Save this build as', 'results saving', {title: 'Stay Up — results'});
    await see(KEYS.escape, (frame) => !frame.includes('Save this build as'), 'results not saved', {title: 'Stay Up — results'});
    await see('z', 'question 1 of', 'results quiz', {title: /./, selected: /^› /m});
    await see('1', /next question|results/, 'results quiz answered', {title: /./});
    await see('q', '[Debrief]', 'results after the quiz', {title: 'Stay Up — results'});
    await see('r', '— build', 'builder on retry', {title: 'Stay Up — build', selected: /, selected$/m});
    await see('s', 'Save this build as', 'builder naming again', {title: 'Stay Up — build'});
    await see(KEYS.enter, 'saved as "my-build"', 'builder saved', {title: 'Stay Up — build'});
    await see('q', '— briefing', 'briefing from the builder', {title: 'Stay Up — briefing'});
    await see('l', 'my-build', 'slots with a build', {title: 'Saved builds', selected: /^› my-build/m});
    await see('d', /y = yes/, 'slots delete asks', {title: 'Saved builds', selected: /y = yes/});
    await see('n', (frame) => !frame.includes('y = yes'), 'slots kept', {title: 'Saved builds', selected: /^› my-build/m});
    walk.dump('reader-first-level.txt');
    expect(walk.problems).toEqual([]);
    expect(walk.seen).toBeGreaterThan(50);
  }, 60_000);

  it('every level open: the campaign map, its summary, a multi-tier build, free play and the sandbox', async () => {
    const {ui, walk} = await start(ALL_STARS);
    const see = walk.see;
    // The map opens on the last open level.
    const last = campaign.value.levels.at(-1)?.title ?? '';
    await see(KEYS.enter, `. ${last} `, 'campaign', {title: 'Campaign', selected: new RegExp(`^› +\\d+\\. ${last} `, 'm')});
    // The summary prices every level's start build with the engine: more than a moment on a busy machine.
    ui.stdin.write('f');
    await waitForFrame(ui, 'Campaign complete', 60_000);
    walk.look('campaign summary', {title: 'Campaign complete'});
    await see('j', undefined, 'campaign summary scrolled', {title: 'Campaign complete'});
    await see('q', 'open level', 'campaign again', {title: 'Campaign'});
    // Each chapter's levels: the builder of each (EC2, containers, Lambda, several tiers), every tier, every field.
    await press(ui, 'g', /^› +1\. /m);
    for (const level of campaign.value.levels) {
      await moveTo(ui, `. ${level.title} `);
      await see(KEYS.enter, '[Story]', `${level.id} briefing`, {title: `${level.title} — briefing`});
      await see(KEYS.enter, '— build', `${level.id} builder`, {title: `${level.title} — build`, selected: /, selected$/m});
      for (let tier = 0; tier < level.start.tiers.length; tier++) {
        if (tier > 0) await see(KEYS.tab, undefined, `${level.id} tier ${tier + 1}`, {title: `${level.title} — build`, selected: /, selected$/m});
        await walkFields(ui, walk, `${level.id} tier ${tier + 1}`, false);
      }
      await press(ui, 'q', '— briefing');
      await press(ui, 'q', 'open level');
    }
    await press(ui, 'q', 'rightsize — menu');
    await see('j', '› Free play', 'menu free play', {title: 'rightsize — menu', selected: '› Free play'});
    await see(KEYS.enter, 'Free-play runs never change', 'free play', {title: 'Free play', selected: '› workload'});
    await see(KEYS.right, undefined, 'free play shape', {title: 'Free play', selected: '› workload'});
    await see('s', 'Seed (a whole number', 'free play seed', {title: 'Free play'});
    await type(ui, 'abc');
    await see(KEYS.enter, 'is not a seed', 'free play bad seed', {title: 'Free play'});
    await see('G', /› +\d+\. /, 'free play last level', {title: 'Free play', selected: /^› +\d+\. /m});
    await see('g', '› workload', 'free play first row', {title: 'Free play', selected: '› workload'});
    await see(KEYS.enter, '— build', 'sandbox builder', {title: /— build/, selected: /, selected$/m});
    // Everything is unlocked here: each compute kind's fields, with every choice list and option set opened.
    for (const compute of ['ec2', 'ecs', 'eks', 'lambda']) {
      if (compute !== 'ec2') {
        for (let up = 0; up < 30 && (await pressMaybe(ui, 'k')); up++);
        await see(' ', 'Choose compute', `sandbox compute list for ${compute}`, {title: /— build/, selected: /^› /m});
        await moveTo(ui, ` ${compute} `);
        await see(KEYS.enter, `compute: ${compute}`, `sandbox ${compute}`, {title: /— build/, selected: /, selected$/m});
      }
      await walkFields(ui, walk, `sandbox ${compute}`, true);
    }
    await see('q', 'Free-play runs never change', 'free play again', {title: 'Free play'});
    walk.dump('reader-all-levels.txt');
    expect(walk.problems).toEqual([]);
  }, 240_000);

  it('practice, quiz, codex, readiness, class challenge, settings and an alert', async () => {
    const {ui, walk} = await start(ALL_STARS);
    const see = walk.see;
    await see('j', '› Free play', 'menu', {title: 'rightsize — menu'});
    await see('j', '› Practice quiz', 'menu practice', {title: 'rightsize — menu', selected: '› Practice quiz'});
    await see(KEYS.enter, 'Practice — what should I ask?', 'practice', {title: 'Practice', selected: '› Everything open'});
    await see('G', undefined, 'practice last', {title: 'Practice', selected: /^› /m});
    await see('g', '› Everything open', 'practice first', {title: 'Practice', selected: '› Everything open'});
    await see(KEYS.enter, 'question 1 of', 'quiz', {title: 'Practice quiz', selected: /^› 1\./m});
    await see('j', /^› 2\./m, 'quiz moved', {title: 'Practice quiz', selected: /^› 2\./m});
    await see('1', 'next question', 'quiz answered', {title: 'Practice quiz'});
    await see('j', undefined, 'quiz explanation scrolled', {title: 'Practice quiz'});
    await see('c', CARD, 'quiz concept card', {title: 'Concept: '});
    await see('q', 'next question', 'quiz again', {title: 'Practice quiz'});
    await see(KEYS.enter, 'question 2 of', 'quiz question 2', {title: 'Practice quiz', selected: /^› 1\./m});
    await see('q', 'Practice — what should I ask?', 'practice again', {title: 'Practice'});
    await see('q', 'rightsize — menu', 'menu again', {title: 'rightsize — menu'});
    await see('j', '› Codex', 'menu codex', {title: 'rightsize — menu', selected: '› Codex'});
    await see(KEYS.enter, /\d+ concept cards/, 'codex', {title: 'Codex', selected: /^› /m});
    await see('G', undefined, 'codex last', {title: 'Codex', selected: /^› /m});
    await see(KEYS.enter, CARD, 'codex card', {title: 'Concept: '});
    await see('q', /\d+ concept cards/, 'codex again', {title: 'Codex', selected: /^› /m});
    await see('/', 'Search:', 'codex search', {title: 'Codex'});
    await type(ui, 'lambda');
    await see(KEYS.enter, 'Codex — “lambda”', 'codex found', {title: 'Codex — “lambda”', selected: /^› /m});
    await see('q', 'rightsize — menu', 'menu from codex', {title: 'rightsize — menu'});
    await see('j', '› Readiness', 'menu readiness', {title: 'rightsize — menu', selected: '› Readiness'});
    await see(KEYS.enter, 'weight', 'readiness', {title: 'Readiness'});
    await see('j', undefined, 'readiness scrolled', {title: 'Readiness'});
    await see('q', 'rightsize — menu', 'menu from readiness', {title: 'rightsize — menu'});
    await see('j', '› Class challenge', 'menu challenge', {title: 'rightsize — menu', selected: '› Class challenge'});
    await see(KEYS.enter, 'type the path of its file', 'class challenge', {title: 'Class challenge'});
    await type(ui, room.studentFile);
    await see(KEYS.enter, 'Your name on the leaderboard', 'challenge name', {title: 'Class challenge — Week 1', selected: 'Your name on the leaderboard'});
    for (let i = 0; i < 40 && (await pressMaybe(ui, KEYS.backspace)); i++);
    await type(ui, 'ada');
    await see(KEYS.enter, 'Player: ada', 'challenge levels', {title: 'Class challenge — Week 1', selected: /^› +1\. /m});
    await see(KEYS.enter, '[Story]', 'challenge briefing', {title: /— briefing, challenge · public seed 1$/});
    await see(KEYS.enter, '— build', 'challenge builder', {title: /— build/, selected: /, selected$/m});
    await see('q', '[Story]', 'challenge briefing again', {title: /— briefing/});
    await see('q', 'Player: ada', 'challenge levels again', {title: 'Class challenge — Week 1', selected: /^› +1\. /m});
    await see('o', 'Challenge file:', 'challenge another file', {title: 'Class challenge — Week 1', selected: 'Challenge file:'});
    for (let i = 0; i < 200 && (await pressMaybe(ui, KEYS.backspace)); i++);
    await type(ui, join(room.dir, 'no-such-file.yaml'));
    await see(KEYS.enter, 'cannot be played', 'challenge alert', {title: /./});
    await see(KEYS.enter, (frame) => !frame.includes('cannot be played'), 'after the alert', {title: 'Class challenge — Week 1'});
    await see('q', 'rightsize — menu', 'menu from the challenge', {title: 'rightsize — menu'});
    await see('j', '› Settings', 'menu settings', {title: 'rightsize — menu', selected: '› Settings'});
    await see(KEYS.enter, 'Progress and saved builds live in', 'settings', {title: 'Settings', selected: '› Export'});
    await see(KEYS.enter, 'Export which level?', 'settings export pick', {title: 'Settings', selected: /^› +\d+\. /m});
    await see('G', new RegExp(`^› +${campaign.value.levels.length}\\. `, 'm'), 'settings export last level', {title: 'Settings', selected: new RegExp(`^› +${campaign.value.levels.length}\\. `, 'm')});
    await see(KEYS.enter, 'Write to:', 'settings export path', {title: 'Settings', selected: 'Write to:'});
    await see(KEYS.escape, (frame) => !frame.includes('Write to:'), 'settings export cancelled', {title: 'Settings', selected: /^› /m});
    await see('j', '› Import', 'settings import', {title: 'Settings', selected: '› Import'});
    await see(KEYS.enter, 'Read from:', 'settings import path', {title: 'Settings', selected: 'Read from:'});
    await see(KEYS.escape, (frame) => !frame.includes('Read from:'), 'settings import cancelled', {title: 'Settings', selected: '› Import'});
    await see('j', '› Reset one level', 'settings reset one', {title: 'Settings', selected: '› Reset one level'});
    await see(KEYS.enter, 'Reset which level?', 'settings reset pick', {title: 'Settings', selected: /^› +\d+\. /m});
    await see(KEYS.enter, 'y = yes', 'settings reset confirm', {title: 'Settings', selected: 'y = yes'});
    await see('n', 'Nothing was reset.', 'settings not reset', {title: 'Settings'});
    await see('G', '› Screen-reader mode: OFF', 'settings screen-reader', {title: 'Settings', selected: '› Screen-reader mode: OFF'});
    await see(KEYS.enter, 'Screen-reader mode: ON', 'settings screen-reader on', {title: 'Settings', selected: '› Screen-reader mode: ON'});
    await see('?', 'Keys everywhere', 'settings help', {title: 'Help'});
    await see(KEYS.escape, 'Progress and saved builds live in', 'settings after help', {title: 'Settings'});
    await see('q', 'rightsize — menu', 'menu from settings', {title: 'rightsize — menu'});
    walk.dump('reader-other-screens.txt');
    expect(walk.problems).toEqual([]);
  }, 120_000);
});
