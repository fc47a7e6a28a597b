// The side screens (quiz, codex, free play, settings) driven with real key presses.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {KEYS, press, renderUi, type, waitForFrame} from './helpers.js';
import {fakeServices, makeLevel} from './fixtures.js';
import {FEATURES} from '../../src/engine/index.js';

vi.mock('../../src/ui/screens/play-screens.js', () => import('./stand-ins.js'));

const LEVELS = [makeLevel('stay-up', 'Stay Up'), makeLevel('dev-box', 'Dev Box')];

afterEach(() => cleanup());

/** Menu rows: campaign 0, free play 1, quiz 2, codex 3, class challenge 4, settings 5. */
const SETTINGS_ENTRY = 6;

/** Opens the menu and moves down `entry` items, then Enter. */
async function openMenuEntry(entry: number, services = fakeServices(LEVELS)) {
  const ui = renderUi(<Game services={services} noColor />);
  await waitForFrame(ui, 'Press Enter to start');
  await press(ui, KEYS.enter, 'Campaign — the levels in order');
  for (let i = 0; i < entry; i++) await press(ui, 'j');
  await press(ui, KEYS.enter, (frame) => !frame.includes('rightsize — menu'));
  return {ui, services};
}

/** The number shown before the choice that contains `text` (choices are shuffled per showing). */
export function choiceNumber(frame: string, text: string): number {
  const match = frame.split('\n').map((line) => /(\d)\. (.*)/.exec(line)).find((m) => m?.[2]?.includes(text));
  if (!match?.[1]) throw new Error(`no choice "${text}" in:\n${frame}`);
  return Number(match[1]);
}

describe('practice quiz', () => {
  async function openQuiz(services = fakeServices(LEVELS)) {
    const {ui} = await openMenuEntry(2, services);
    await waitForFrame(ui, 'Practice — what should I ask?');
    await press(ui, KEYS.enter, 'question 1 of 1');
    return {ui, services};
  }

  it('a wrong answer shows ✗ and the right one with the explanation; the end shows the score', async () => {
    const {ui, services} = await openQuiz();
    const question = await waitForFrame(ui, 'question 1 of 1');
    expect(question).toContain('What survives an AZ outage in Stay Up?');
    const wrong = choiceNumber(question, 'One AZ');
    const after = await press(ui, String(wrong), '✗ Not quite: the answer is “Two AZs behind a load balancer”');
    expect(after).toContain('Only capacity in another AZ keeps serving.');
    // The concept card follows the explanation.
    expect(after).toContain('Concept: Availability Zones — Separate data centres in a Region.');
    expect(services.reviews).toEqual([{kind: 'answer', key: expect.stringMatching(/^q:stay-up:[0-9a-f]{8}$/), right: false, concepts: ['availability-zones']}]);
    const done = await press(ui, KEYS.enter, '0 of 1 correct.');
    expect(done).toContain('✗ What survives an AZ outage in Stay Up?');
    const again = await press(ui, 'm', 'question 1 of 1');
    await press(ui, String(choiceNumber(again, 'Two AZs')), '✓ Correct.');
    await press(ui, KEYS.enter, '1 of 1 correct.');
  });

  it('a right answer chosen with the arrows shows ✓; c opens the concept card and back keeps the question', async () => {
    const {ui} = await openQuiz();
    const frame = await waitForFrame(ui, 'question 1 of 1');
    const target = choiceNumber(frame, 'Two AZs');
    for (let i = 1; i < target; i++) await press(ui, KEYS.down);
    await waitForFrame(ui, new RegExp(`› ${target}\\. Two AZs`));
    await press(ui, KEYS.enter, '✓ Correct.');
    await press(ui, 'c', 'Concept: Availability Zones');
    await press(ui, 'q', '✓ Correct.');
    await press(ui, KEYS.enter, '1 of 1 correct.');
  });
});

describe('codex', () => {
  it('lists the concept cards and opens one', async () => {
    const {ui} = await openMenuEntry(3);
    const list = await waitForFrame(ui, '2 concept cards');
    expect(list).toContain('Availability Zones');
    await press(ui, KEYS.enter, 'Concept: Availability Zones');
    await press(ui, KEYS.escape, '2 concept cards');
  });
});

/** From the sandbox's rows down to the first level row. */
async function toLevelRow(ui: Awaited<ReturnType<typeof openMenuEntry>>['ui']) {
  await waitForFrame(ui, '› workload');
  for (let i = 0; i < 3; i++) await press(ui, 'j');
  await waitForFrame(ui, /› +1\. /);
}

describe('free play', () => {
  it('runs with the chosen seed and no incidents, and does not record stars', async () => {
    const services = fakeServices(LEVELS);
    const simulate = vi.spyOn(services, 'simulate');
    const {ui} = await openMenuEntry(1, services);
    const before = await waitForFrame(ui, 'Incidents: ON');
    const scripted = LEVELS[0]?.incidents.length ?? 0;
    expect(before).toContain(`(seed ${LEVELS[0]?.seed}, ${scripted} incident`);
    // The rows say what a run will use, not only what the level's file says.
    await press(ui, 'i', `incidents off (${scripted} scripted)`);
    const prompt = await press(ui, 's', 'Seed (a whole number');
    // While the prompt has the keys, the key bar says what works (not the list's keys, which are typed).
    expect(prompt).toMatch(/enter {2}ok {3}esc {2}cancel/);
    expect(prompt).not.toContain('incidents on/off');
    await type(ui, '42');
    await press(ui, KEYS.enter, `(seed 42, incidents off (${scripted} scripted))`);
    await toLevelRow(ui);
    await press(ui, KEYS.enter, 'BUILDER stay-up');
    await press(ui, 'a', 'azs=a,b');
    await press(ui, KEYS.enter, 'RUNNING');
    const results = await press(ui, KEYS.enter, /free play · seed \d+ · incidents off · not recorded/);
    expect(results).toContain('★★★');
    // The free-play note sits on the title line (with room to spare at 80 columns), so the verdict line stays one row.
    const title = results.split('\n').find((line) => line.includes('free play')) ?? '';
    expect(title).toContain('Stay Up — results');
    expect([...title.replace(/\s{2,}/, ' ')].length).toBeLessThanOrEqual(80);
    expect(results.split('\n').find((line) => line.includes('PASSED'))).not.toContain('free play');
    expect(simulate.mock.calls[0]?.[2]).toEqual({seed: 42, incidents: []});
    expect(services.records).toEqual({});
    await press(ui, 'q', 'Free play');
  });

  it('a run that fails outright says so beside its points (full points, yet failed)', async () => {
    const services = fakeServices(LEVELS);
    const simulate = services.simulate.bind(services);
    services.simulate = (...args: Parameters<typeof simulate>) => ({...simulate(...args), passed: false, stars: 0, hardFailures: ['ssh-open-to-world [web] (not allowed by this level)']});
    const {ui} = await openMenuEntry(1, services);
    await toLevelRow(ui);
    await press(ui, KEYS.enter, 'BUILDER stay-up');
    await press(ui, 'a', 'azs=a,b');
    await press(ui, KEYS.enter, 'RUNNING');
    const results = await press(ui, KEYS.enter, 'FAILED');
    expect(results).toMatch(/✗ FAILED {2}☆☆☆ {2}1000 \/ 1000 points — fails outright \(see Score\)/);
  });

  it('a seed that is not a number is refused with a reason, and the reason goes once a valid seed is entered', async () => {
    const {ui} = await openMenuEntry(1);
    await press(ui, 's', 'Seed (a whole number');
    await type(ui, 'abc');
    await press(ui, KEYS.enter, '"abc" is not a seed');
    await press(ui, 's', 'Seed (a whole number');
    await type(ui, '42');
    const frame = await press(ui, KEYS.enter, 'Seed: 42');
    expect(frame).not.toContain('is not a seed');
  });

  it('a level in free play has every compute kind and feature unlocked (the campaign keeps its locks)', async () => {
    const {ui} = await openMenuEntry(1);
    await toLevelRow(ui);
    const builder = await press(ui, KEYS.enter, 'BUILDER stay-up');
    expect(builder).toContain('compute=ec2,ecs,eks,lambda');
    expect(builder).toMatch(new RegExp(`features=${FEATURES.length}\\b`));
  });

  it('the empty sandbox: pick a workload shape, a budget and incidents, then build it', async () => {
    const services = fakeServices(LEVELS);
    const simulate = vi.spyOn(services, 'simulate');
    const {ui} = await openMenuEntry(1, services);
    let frame = await waitForFrame(ui, '› workload');
    expect(frame).toContain('‹ web, steady 50 req/s all day ›');
    frame = await press(ui, KEYS.right, 'office hours');
    await press(ui, 'j', '› budget');
    frame = await press(ui, KEYS.right, '$200/month');
    await press(ui, 'j', '› incidents');
    frame = await press(ui, KEYS.right, 'an AZ outage');
    expect(frame).toMatch(/←→\s+change/);
    frame = await press(ui, KEYS.enter, 'BUILDER sandbox');
    expect(frame).toContain('compute=ec2,ecs,eks,lambda');
    await press(ui, KEYS.enter, 'RUNNING');
    const level = simulate.mock.calls[0]?.[0];
    expect(level?.workloads[0]).toMatchObject({kind: 'web', baseRps: 120, daily: 'business-hours'});
    expect(level?.objectives.find((o) => o.metric === 'monthlyCostUsd')?.pass).toBe(200);
    expect(level?.incidents.map((i) => i.kind)).toEqual(['az-outage']);
    expect(services.records).toEqual({});
  });
});

describe('settings', () => {
  const starred = () => fakeServices(LEVELS, {records: {'stay-up': {stars: 2, bestPoints: 800}}});

  it('reset all asks first; any key but y keeps the progress', async () => {
    const services = starred();
    const {ui} = await openMenuEntry(SETTINGS_ENTRY, services);
    await waitForFrame(ui, 'Reset all progress');
    await press(ui, 'G', '› Screen-reader mode');
    await press(ui, 'k', '› Reset all progress');
    await press(ui, KEYS.enter, 'Forget every star and best score? y = yes');
    await press(ui, 'n', 'Nothing was reset.');
    expect(services.records['stay-up']?.stars).toBe(2);
    await press(ui, KEYS.enter, 'Forget every star');
    await press(ui, 'y', 'All progress reset.');
    expect(services.records).toEqual({});
  });

  it('reset one level after picking it and saying y', async () => {
    const services = starred();
    const {ui} = await openMenuEntry(SETTINGS_ENTRY, services);
    await press(ui, 'j');
    await press(ui, 'j', '› Reset one level');
    await press(ui, KEYS.enter, 'Reset which level?');
    await press(ui, KEYS.enter, 'Reset "stay-up"? y = yes');
    await press(ui, 'y', 'Reset "stay-up".');
    expect(services.records['stay-up']).toBeUndefined();
  });

  it('screen-reader mode switches and is saved for the next start', async () => {
    const services = starred();
    const {ui} = await openMenuEntry(SETTINGS_ENTRY, services);
    await press(ui, 'G', '› Screen-reader mode: OFF');
    await press(ui, KEYS.enter, 'Screen-reader mode: ON');
    expect(services.settings).toEqual({screenReader: true});
  });

  it('import reads a solution file into the "imported" slot of its level', async () => {
    const services = starred();
    const {ui} = await openMenuEntry(SETTINGS_ENTRY, services);
    await press(ui, 'j', '› Import a solution file');
    await press(ui, KEYS.enter, 'Read from:');
    await type(ui, 'x.yaml');
    await press(ui, KEYS.enter, 'Imported into the saved build "imported" of stay-up');
    expect([...services.slots.keys()]).toEqual(['stay-up/imported']);
  });

  it('import refuses a solution for a level the campaign does not have', async () => {
    const services = {...starred(), importSolution: () => ({levelId: 'elsewhere', tiers: []})};
    const {ui} = await openMenuEntry(SETTINGS_ENTRY, services);
    await press(ui, 'j', '› Import a solution file');
    await press(ui, KEYS.enter, 'Read from:');
    await type(ui, 'x.yaml');
    await press(ui, KEYS.enter, 'Could not import: it is for level "elsewhere"');
  });

  it('export writes the current build to the path typed', async () => {
    const services = starred();
    const exported = vi.spyOn(services, 'exportSolution');
    const {ui} = await openMenuEntry(SETTINGS_ENTRY, services);
    await press(ui, KEYS.enter, 'Export which level?');
    await press(ui, KEYS.enter, 'Write to: stay-up.solution.yaml');
    await press(ui, KEYS.enter, 'Wrote stay-up.solution.yaml');
    expect(exported.mock.calls[0]?.slice(0, 2)).toEqual(['stay-up.solution.yaml', 'stay-up']);
  });
});
