// The game's screens driven with real key presses; the builder and run screens are stand-ins here
// (test/ui/stand-ins.tsx) so these tests pin the game's own flow.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {KEYS, press, renderUi, resize, type, waitForFrame} from './helpers.js';
import {fakeServices, makeLevel} from './fixtures.js';

vi.mock('../../src/ui/screens/play-screens.js', () => import('./stand-ins.js'));

const LEVELS = [makeLevel('stay-up', 'Stay Up', {requirements: {license: 'none', forbidFindings: ['ssh-open-to-world']}}), makeLevel('dev-box', 'Dev Box'), makeLevel('night-batch', 'Night Batch')];

afterEach(() => cleanup());

async function toMenu(services = fakeServices(LEVELS)) {
  const ui = renderUi(<Game services={services} noColor />);
  await waitForFrame(ui, 'Press Enter to start');
  await press(ui, KEYS.enter, 'Campaign — the levels in order');
  return {ui, services};
}

async function toResults(azKey: boolean) {
  const {ui, services} = await toMenu();
  await press(ui, KEYS.enter, 'Chapter 1: EC2');
  await press(ui, KEYS.enter, 'Stay Up — briefing');
  await press(ui, KEYS.enter, 'BUILDER stay-up azs=a');
  if (azKey) await press(ui, 'a', 'azs=a,b');
  await press(ui, KEYS.enter, 'RUNNING stay-up');
  await press(ui, KEYS.enter, 'Stay Up — results');
  return {ui, services};
}

describe('campaign', () => {
  it('shows chapters, stars and locks; a locked level says which level to beat', async () => {
    const {ui} = await toMenu();
    const frame = await press(ui, KEYS.enter, 'Chapter 1: EC2');
    expect(frame).toMatch(/1\. Stay Up\s+☆☆☆/);
    expect(frame).toMatch(/2\. Dev Box\s+locked/);
    expect(frame).toContain('Teaches: Availability Zones');
    expect(frame).toContain('Exam: SAA-C03/resilient');
    await press(ui, KEYS.down);
    const locked = await press(ui, KEYS.enter, 'Locked: earn at least one star on "Stay Up" first.');
    expect(locked).not.toContain('briefing');
  });

  it('opens a level when the one before has a star', async () => {
    const {ui} = await toMenu(fakeServices(LEVELS, {records: {'stay-up': {stars: 1, bestPoints: 300}}}));
    const frame = await press(ui, KEYS.enter, 'Chapter 1: EC2');
    expect(frame).toMatch(/1\. Stay Up\s+★☆☆\s+best 300/);
    expect(frame).toMatch(/2\. Dev Box\s+☆☆☆/);
    expect(frame).toMatch(/3\. Night Batch\s+locked/);
  });

  it('briefing shows the story, then the objectives with pass and gold in units, then the concepts', async () => {
    const {ui} = await toMenu();
    await press(ui, KEYS.enter, 'Chapter 1');
    const story = await press(ui, KEYS.enter, 'Stay Up — briefing');
    expect(story).toContain('runs on one t3.small in us-east-1a');
    const goals = await press(ui, KEYS.tab, 'pass ≥ 99.90%');
    expect(goals).toContain('availability (weight 3): pass ≥ 99.90%, gold ≥ 99.95%');
    expect(goals).toContain('monthly cost (weight 2): pass ≤ $150/month, gold ≤ $90.00/month');
    expect(goals).toContain('Not allowed: ssh-open-to-world.');
    const concepts = await press(ui, KEYS.tab, 'Availability Zones — Separate data centres');
    expect(concepts).toContain('[Concepts]');
  });
});

describe('play to results', () => {
  it('a passing build: stars, points, every objective ✓ with value and lines, and the star recorded', async () => {
    const {ui, services} = await toResults(true);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('✓ PASSED  ★★★  1000 / 1000 points');
    expect(frame).toContain('✓ gold   availability: 99.96%');
    expect(frame).toContain('✓ gold   monthly cost: $30.37/month');
    expect(services.records['stay-up']).toEqual({stars: 3, bestPoints: 1000});
  });

  it('a failing build: ✗ FAILED, the finding that cost it, and its concept card from the findings panel', async () => {
    const {ui} = await toResults(false);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('✗ FAILED  ☆☆☆  400 / 1000 points');
    expect(frame).toContain('✗ FAILED availability: 98.2%  (0/600 pts)');
    expect(frame).toContain('points lost to finding: single-az');
    const cost = await press(ui, KEYS.tab, '[Cost]');
    expect(cost).toMatch(/az-outage\s+432,000/);
    expect(cost).toContain('EC2 t3.small on-demand');
    const findings = await press(ui, KEYS.tab, '[Findings]');
    expect(findings).toContain('WARNING     single-az');
    expect(findings).toContain('AZ a was down Wed 14:00–17:00');
    const card = await press(ui, KEYS.enter, 'Concept: Availability Zones');
    expect(card).toContain('spread capacity over two or more');
    expect(card).toContain('source: https://docs.aws.amazon.com/');
    await press(ui, 'q', '[Findings]');
  });

  it('the debrief opens only once the level is passed', async () => {
    const failed = await toResults(false);
    for (let i = 0; i < 3; i++) await press(failed.ui, KEYS.tab);
    expect(failed.ui.lastFrame()).toContain('it opens once this level is passed');
    cleanup();
    const passed = await toResults(true);
    for (let i = 0; i < 3; i++) await press(passed.ui, KEYS.tab);
    expect(passed.ui.lastFrame()).toContain('Spread out.');
  });

  it('retry keeps the build the player ran', async () => {
    const {ui, services} = await toResults(true);
    await press(ui, 'r', 'BUILDER stay-up azs=a,b');
    await press(ui, KEYS.enter, 'RUNNING');
    expect(services.runs.map((r) => r.tiers[0]?.compute === 'ec2' && r.tiers[0].azs)).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('next level goes to the next briefing once this one has a star', async () => {
    const {ui} = await toResults(true);
    await press(ui, 'n', 'Dev Box — briefing');
    await press(ui, 'q', 'Chapter 1');
  });

  it("z on the results quizzes on this level's questions only", async () => {
    const {ui} = await toResults(true);
    const quiz = await press(ui, 'z', 'question 1 of 1');
    expect(quiz).toContain('What survives an AZ outage in Stay Up?');
    await press(ui, 'q', 'Stay Up — results');
  });

  it('q on the results goes back to the briefing', async () => {
    const {ui} = await toResults(false);
    await press(ui, 'q', 'Stay Up — briefing');
  });
});

describe('saved builds', () => {
  it('saves the build under a name and loads it back from the briefing', async () => {
    const {ui, services} = await toResults(true);
    await press(ui, 's', 'Save this build as: my-build');
    for (let i = 0; i < 'my-build'.length; i++) await press(ui, KEYS.backspace);
    await type(ui, 'two-azs');
    await press(ui, KEYS.enter, 'Saved as "two-azs"');
    expect(services.slots.get('stay-up/two-azs')?.[0]).toMatchObject({azs: ['a', 'b']});

    // A fresh game: the build comes back only from the slot.
    cleanup();
    const again = await toMenu(services);
    // The map opens on the newest open level (Dev Box now); up goes back to Stay Up.
    await press(again.ui, KEYS.enter, '›  2. Dev Box');
    await press(again.ui, KEYS.up, '›  1. Stay Up');
    await press(again.ui, KEYS.enter, 'Stay Up — briefing');
    // Each row: the name, when it was saved, what it builds.
    const list = await press(again.ui, 'l', 'two-azs');
    expect(list).toMatch(/› two-azs {2}2026-11-27 09:30 {2}web: t3\.small ×1 in 2 AZs/);
    await press(again.ui, KEYS.enter, 'BUILDER stay-up azs=a,b');
  });

  it('typing replaces the suggested name; backspace edits it instead', async () => {
    const {ui, services} = await toResults(true);
    const prompt = await press(ui, 's', 'Save this build as: my-build');
    expect(prompt).toContain('type to replace it');
    await type(ui, 'first');
    await press(ui, KEYS.enter, 'Saved as "first"');
    await press(ui, 's', 'Save this build as: my-build');
    await press(ui, KEYS.backspace, 'Save this build as: my-buil');
    await type(ui, 'ding');
    await press(ui, KEYS.enter, 'Saved as "my-building"');
    expect([...services.slots.keys()]).toEqual(['stay-up/first', 'stay-up/my-building']);
  });
});

describe('problems during play', () => {
  it('a run that cannot be simulated is shown over the builder, and any key returns to the build', async () => {
    const services = {
      ...fakeServices(LEVELS),
      simulate: () => {
        throw new Error('instance type t9.huge is not in the catalog');
      },
    };
    const {ui} = await toMenu(services);
    await press(ui, KEYS.enter, 'Chapter 1');
    await press(ui, KEYS.enter, 'Stay Up — briefing');
    await press(ui, KEYS.enter, 'BUILDER stay-up');
    const alert = await press(ui, KEYS.enter, 'Something went wrong');
    expect(alert).toContain('The build could not be run: instance type t9.huge is not in the catalog');
    await press(ui, 'x', 'BUILDER stay-up azs=a');
  });
});

describe('saved builds list', () => {
  it('d deletes a saved build after y; any other key keeps it', async () => {
    const services = fakeServices(LEVELS);
    services.slots.set('stay-up/keep', LEVELS[0]?.start.tiers ?? []);
    services.slots.set('stay-up/drop', LEVELS[0]?.start.tiers ?? []);
    const {ui} = await toMenu(services);
    await press(ui, KEYS.enter, 'Chapter 1');
    await press(ui, KEYS.enter, 'Stay Up — briefing');
    await press(ui, 'l', '› keep');
    await press(ui, 'd', 'Delete "keep"? y = yes');
    await press(ui, 'n', (frame) => !frame.includes('Delete "keep"?'));
    await press(ui, 'j', '› drop');
    await press(ui, 'd', 'Delete "drop"? y = yes');
    await press(ui, 'y', 'Deleted "drop".');
    expect([...services.slots.keys()]).toEqual(['stay-up/keep']);
    expect(ui.lastFrame()).not.toContain('  drop');
  });
});

describe('conventions', () => {
  it('levels that fail to load: the menu says why and the campaign stays closed', async () => {
    const services = {...fakeServices(LEVELS), loadContent: () => ({error: 'levels/01.yaml:3:1 id: required'})};
    const {ui} = await toMenu(services);
    await waitForFrame(ui, 'The levels could not be loaded: levels/01.yaml:3:1 id: required');
    await press(ui, KEYS.enter, 'The levels could not be loaded (see above).');
  });

  it('while the terminal is too small, keys do not reach the screen under the notice', async () => {
    const {ui} = await toMenu();
    resize(ui, 60, 24);
    await waitForFrame(ui, 'now 60×24');
    ui.stdin.write(KEYS.enter);
    resize(ui, 100, 30);
    const frame = await waitForFrame(ui, 'rightsize — menu');
    expect(frame).not.toContain('Chapter 1');
  });

  it('a corrupt progress file: the notice on the title and the menu says where the old file was kept', async () => {
    const notice = '/home/p/progress.json could not be used because it is not valid JSON; it was kept as /home/p/progress.json.corrupt-1';
    const ui = renderUi(<Game services={fakeServices(LEVELS, {notice})} noColor />);
    const title = await waitForFrame(ui, 'Notice:');
    expect(title.replace(/[│╭╮╰╯─\s]+/g, ' ')).toContain('progress.json.corrupt-1');
    const menu = await press(ui, KEYS.enter, 'Campaign — the levels');
    expect(menu).toContain('Notice:');
    // Read once the player moves on.
    await press(ui, KEYS.enter, 'Chapter 1');
    const again = await press(ui, 'q', 'Campaign — the levels');
    expect(again).not.toContain('Notice:');
  });

  it('a terminal smaller than 80×24 says so, and the game comes back when it grows', async () => {
    const {ui} = await toMenu();
    resize(ui, 70, 20);
    await waitForFrame(ui, 'make the window at least 80×24 (now 70×20)');
    resize(ui, 80, 24);
    await waitForFrame(ui, 'Campaign — the levels in order');
  });

  it('? opens the help for the screen and q closes it; q on the menu quits', async () => {
    const {ui} = await toMenu();
    await press(ui, '?', 'Keys everywhere');
    expect(ui.lastFrame()).toContain('Free play lets you change the seed');
    await press(ui, 'q', 'Campaign — the levels in order');
  });

  it('every frame fits 80×24: no line wider than 80, no more than 23 lines', async () => {
    const {ui} = await toResults(false);
    for (const key of [KEYS.tab, KEYS.tab]) {
      const frame = await press(ui, key);
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    }
  });
});
