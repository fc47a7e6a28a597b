// The game with everything real — the shipped levels and concept cards, the builder and run screens, the engine,
// and the store in a temporary RIGHTSIZE_HOME — driven with real key presses.
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {realServices} from '../../src/ui/state/real-services.js';
import {loadCampaign} from '../../src/content/index.js';
import {saveSlot} from '../../src/store/index.js';
import {simulate} from '../../src/engine/index.js';
import {KEYS, press, renderUi, resize, waitForFrame} from './helpers.js';

let home: string;
const savedHome = process.env['RIGHTSIZE_HOME'];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rightsize-ui-'));
  process.env['RIGHTSIZE_HOME'] = home;
});

afterEach(() => {
  cleanup();
  if (savedHome === undefined) delete process.env['RIGHTSIZE_HOME'];
  else process.env['RIGHTSIZE_HOME'] = savedHome;
  rmSync(home, {recursive: true, force: true});
});

function firstLevel() {
  const campaign = loadCampaign();
  if (!campaign.ok) throw new Error('the shipped campaign does not load');
  const level = campaign.value.levels[0];
  if (!level) throw new Error('the campaign has no levels');
  return level;
}

async function toBriefing() {
  const level = firstLevel();
  const ui = renderUi(<Game services={realServices()} noColor />);
  await waitForFrame(ui, 'Press Enter to start');
  await press(ui, KEYS.enter, 'Campaign — the levels in order');
  await press(ui, KEYS.enter, `1. ${level.title}`);
  await press(ui, KEYS.enter, `${level.title} — briefing`);
  return {ui, level};
}

/** The start build run to its results and saved there as "my-build". */
async function toSavedBuild() {
  const {ui, level} = await toBriefing();
    await press(ui, KEYS.enter, `${level.title} — build`);
    await press(ui, KEYS.enter, `${level.title} — run`);
    await press(ui, 's', `${level.title} — results`);
    await press(ui, 's', 'Save this build as: my-build');
    await press(ui, KEYS.enter, 'Saved as "my-build"');
  return {ui, level};
}

describe('level 1, for real', () => {
  it("the start build fails: the results name the finding that cost it, and its concept card opens; retry keeps the build", async () => {
    const {ui, level} = await toBriefing();
    const builder = await press(ui, KEYS.enter, `${level.title} — build`);
    expect(builder).toMatch(/count\s+1\b/);
    // One more instance (still one AZ): the change the retry must keep.
    while (!/› count/.test(ui.lastFrame() ?? '')) await press(ui, 'j');
    await press(ui, '+', /count\s+‹?\s*2\b/);
    await press(ui, KEYS.enter, `${level.title} — run`);
    const results = await press(ui, 's', `${level.title} — results`);
    expect(results).toContain('✗ FAILED');
    expect(results).toMatch(/points lost to finding: [a-z-]+/);
    await press(ui, KEYS.tab, '[Cost]');
    const findings = await press(ui, KEYS.tab, '[Findings]');
    expect(findings).toMatch(/CRITICAL|WARNING/);
    let card = await press(ui, KEYS.enter, 'Concept: ');
    // Scroll the card down to its AWS facts and their sources.
    for (let i = 0; i < 40 && !/source: https:\/\//.test(card); i++) card = await press(ui, 'j');
    expect(card).toMatch(/source: https:\/\//);
    await press(ui, 'q', '[Findings]');
    // Nothing passed, so nothing is unlocked, but the attempt is on record.
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as {levels: Record<string, {stars: number}>};
    expect(progress.levels[level.id]?.stars).toBe(0);
    const again = await press(ui, 'r', `${level.title} — build`);
    expect(again).toMatch(/count\s+‹?\s*2\b/);
  });

  it('the results say what happened to this build, and a finding that fails the level outright says so on the Findings panel', async () => {
    const {ui, level} = await toBriefing();
    const expected = simulate(level, {tiers: level.start.tiers});
    const outright = expected.findings.find((f) => expected.hardFailures.some((h) => h.startsWith(`${f.id}${f.workload ? ` [${f.workload}]` : ''} (`)));
    expect(outright).toBeDefined();
    await press(ui, KEYS.enter, `${level.title} — build`);
    await press(ui, KEYS.enter, `${level.title} — run`);
    const score = await press(ui, 's', `${level.title} — results`);
    expect(score).toContain(`✗ FAILED outright: ${outright?.id ?? '?'}`);
    await press(ui, KEYS.tab, '[Cost]');
    const findings = await press(ui, KEYS.tab, '[Findings]');
    // The finding the Score panel calls a failure is tagged as one here too, first in the list, not as a WARNING.
    expect(findings).toMatch(new RegExp(`› FAILS LEVEL\\s+${outright?.id ?? '?'}`));
    expect(findings).toContain('This finding fails the level outright');
    const debrief = await press(ui, KEYS.tab, '[Debrief]');
    expect(debrief).toContain('What happened to your build:');
    const offered = Math.round(expected.metrics.requestsOffered).toLocaleString('en-US');
    expect(debrief).toContain(`of ${offered} requests to your build succeeded within the SLO`);
    // The level's own debrief (locked until passed) comes after the story: scroll down to it.
    let frame = debrief;
    for (let i = 0; i < 30 && !frame.includes('opens once this level is passed'); i++) frame = await press(ui, 'j');
    expect(frame).toContain('The debrief explains the solution: it opens once this level is passed.');
  });

  it('leaving the builder for the briefing and coming back keeps the edits', async () => {
    const {ui, level} = await toBriefing();
    await press(ui, KEYS.enter, `${level.title} — build`);
    while (!/› count/.test(ui.lastFrame() ?? '')) await press(ui, 'j');
    await press(ui, '+', /count\s+‹?\s*2\b/);
    await press(ui, 'q', `${level.title} — briefing`);
    const again = await press(ui, KEYS.enter, `${level.title} — build`);
    expect(again).toMatch(/count\s+‹?\s*2\b/);
  });

  it('a saved build loads from the briefing and, being the reference, passes with stars that are saved', async () => {
    const level = firstLevel();
    await saveSlot(level.id, 'from-the-book', {formatVersion: 1, level: level.id, tiers: level.reference.tiers});
    const {ui} = await toBriefing();
    await press(ui, 'l', 'from-the-book');
    await press(ui, KEYS.enter, `${level.title} — build`);
    await press(ui, KEYS.enter, `${level.title} — run`);
    const results = await press(ui, 's', `${level.title} — results`);
    expect(results).toContain('✓ PASSED  ★★★');
    expect(results).toContain('new best!');
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as {levels: Record<string, {stars: number}>};
    expect(progress.levels[level.id]?.stars).toBe(3);
  });

  it('s on the results saves the build to a named slot on disk', async () => {
    const {level} = await toSavedBuild();
    expect(readdirSync(join(home, 'solutions', level.id))).toEqual(['my-build.yaml']);
  });

  it('the saved-builds list reads each slot: what it builds, and which one a hand edit broke', async () => {
    const {ui, level} = await toSavedBuild();
    writeFileSync(join(home, 'solutions', level.id, 'broken.yaml'), 'formatVersion: 1\nlevel: stay-up\ntiers:\n  - workload: web\n    compute: quantum\n');
    await press(ui, 'q', `${level.title} — briefing`);
    resize(ui, 80, 24);
    await press(ui, 'l', 'Saved builds');
    const list = await waitForFrame(ui, 'cannot be read');
    const rows = list.split('\n');
    const start = level.start.tiers[0];
    expect(start?.compute).toBe('ec2');
    expect(rows.find((r) => r.includes('my-build'))).toMatch(new RegExp(`my-build {2}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d {2}web: ${start?.compute === 'ec2' ? start.instanceType.replace('.', '\\.') : ''} ×1 in 1 AZ`));
    // The first problem where it is, without the long path to the file (loading the slot shows that).
    expect(rows.find((r) => r.includes('broken'))).toContain('✗ cannot be read: line 5:14 tiers[0].compute:');
    // Rows never wrap: each slot is one line of the 80-column screen, cut with … where it is longer.
    const at = (name: string) => rows.findIndex((r) => r.includes(name));
    expect(Math.abs(at('broken') - at('my-build'))).toBe(1);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(80);
  });
});

describe('a corrupt progress file', () => {
  it('is kept aside and the title and menu say where', async () => {
    writeFileSync(join(home, 'progress.json'), '{"formatVersion": 1, "levels": ');
    const ui = renderUi(<Game services={realServices()} noColor />);
    const title = await waitForFrame(ui, 'Notice:');
    const flat = title.replace(/[│╭╮╰╯─\s]+/g, ' ');
    expect(flat).toContain('it is not valid JSON');
    expect(flat).toContain('progress.json.corrupt-1');
    expect(readdirSync(home)).toContain('progress.json.corrupt-1');
    const menu = await press(ui, KEYS.enter, 'Campaign — the levels');
    expect(menu.replace(/[│╭╮╰╯─\s]+/g, ' ')).toContain('progress.json.corrupt-1');
  });
});
