// The tutor with real key presses: practice mode over the shipped questions (a fixed key scores at chance,
// every question is reachable, the filters pick what they say), spaced review that survives a restart,
// the menu's due count, readiness, the Codex search, and the results' lessons for lost objectives.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {realServices} from '../../src/ui/state/real-services.js';
import {EXAM_GUIDES, filterBank, loadCampaign, quizBank, questionKey, type QuizBankItem} from '../../src/content/index.js';
import {recordAnswer, emptyReview} from '../../src/store/index.js';
import {choiceOrder} from '../../src/ui/state/quiz.js';
import {KEYS, press, renderUi, type, waitForFrame, type Rendered} from './helpers.js';
import {FAKE_NOW, fakeServices, makeLevel} from './fixtures.js';

vi.mock('../../src/ui/screens/play-screens.js', () => import('./stand-ins.js'));

const NOW = new Date('2026-12-02T10:00:00.000Z');

function shipped() {
  const campaign = loadCampaign();
  if (!campaign.ok) throw new Error('the shipped campaign does not load');
  return campaign.value;
}

let home = '';
const savedHome = process.env['RIGHTSIZE_HOME'];
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rightsize-tutor-'));
  process.env['RIGHTSIZE_HOME'] = home;
});
afterEach(() => {
  cleanup();
  if (savedHome === undefined) delete process.env['RIGHTSIZE_HOME'];
  else process.env['RIGHTSIZE_HOME'] = savedHome;
  rmSync(home, {recursive: true, force: true});
});

/** Today's v1 progress file with every shipped level won (so every question is open). */
function writeAllWon(): void {
  const levels = Object.fromEntries(shipped().levels.map((l) => [l.id, {stars: 1, bestPoints: 500}]));
  writeFileSync(join(home, 'progress.json'), `${JSON.stringify({formatVersion: 1, levels, settings: {}}, null, 2)}\n`);
}

function readProgressFile(): {levels: Record<string, {stars: number}>; review?: {cards: Record<string, {due: string; lastRight?: boolean}>; shown: number}} {
  return JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as ReturnType<typeof readProgressFile>;
}

async function toMenu(ui: Rendered): Promise<void> {
  await waitForFrame(ui, 'Press Enter to start');
  await press(ui, KEYS.enter, 'Practice quiz');
}

/** From the menu to the practice list. */
async function toPractice(ui: Rendered): Promise<string> {
  await press(ui, 'j');
  await press(ui, 'j');
  return press(ui, KEYS.enter, 'Practice — what should I ask?');
}

/** Which bank question the frame shows (by its text's first line). */
function shownQuestion(frame: string, bank: readonly QuizBankItem[]): QuizBankItem {
  const lines = frame.split('\n');
  const item = bank.find((i) => lines.some((line) => line.trim() !== '' && i.question.q.startsWith(line.trim())));
  if (!item) throw new Error(`no bank question on:\n${frame}`);
  return item;
}

/** Answers every question of the open quiz with the same key; returns the questions seen and the score. */
async function pressEveryTime(ui: Rendered, key: string, bank: readonly QuizBankItem[]): Promise<{seen: QuizBankItem[]; correct: number; total: number}> {
  const seen: QuizBankItem[] = [];
  let frame = await waitForFrame(ui, /question 1 of \d+/);
  const total = Number(/question 1 of (\d+)/.exec(frame)?.[1]);
  for (let n = 1; n <= total; n++) {
    seen.push(shownQuestion(frame, bank));
    await press(ui, key, /✓ Correct\.|✗ Not quite/);
    frame = await press(ui, KEYS.enter, n === total ? /correct\./ : `question ${n + 1} of ${total}`);
  }
  const correct = Number(/(\d+) of \d+ correct\./.exec(frame)?.[1]);
  return {seen, correct, total};
}

describe('practice over the shipped questions', () => {
  it('pressing the same key on every question scores at chance, reaches every question, and is scheduled for review', async () => {
    writeAllWon();
    const campaign = shipped();
    const bank = quizBank(campaign.levels);
    const ui = renderUi(<Game services={realServices({now: () => NOW})} noColor />);
    await toMenu(ui);
    await toPractice(ui);
    // The progress file loads beside the content: once it has, every level is open.
    await waitForFrame(ui, `Everything open (${campaign.levels.length} levels) — ${bank.length} questions`);
    await press(ui, KEYS.enter, `question 1 of ${bank.length}`);
    const {seen, correct, total} = await pressEveryTime(ui, '2', bank);
    // Every shipped question is reachable from "everything open", each once.
    expect(new Set(seen.map((i) => i.key))).toEqual(new Set(bank.map((i) => i.key)));
    expect(total).toBe(bank.length);
    // Chance is Σ 1/choices; before shuffling, "2" scored 10 of 15. Allow two standard deviations above chance.
    const chance = bank.reduce((sum, i) => sum + 1 / i.question.choices.length, 0);
    const sd = Math.sqrt(bank.reduce((sum, i) => sum + (1 / i.question.choices.length) * (1 - 1 / i.question.choices.length), 0));
    expect(correct).toBeLessThanOrEqual(Math.ceil(chance + 2 * sd));

    // Every answer is in the progress file; the stars are untouched; a miss is due sooner than a right answer.
    // Each answer is one locked read-modify-write of the file: give a bank of many questions time to land.
    await vi.waitFor(() => expect(readProgressFile().review?.shown).toBe(bank.length), {timeout: 30_000, interval: 100});
    const file = readProgressFile();
    expect(Object.values(file.levels).every((l) => l.stars === 1)).toBe(true);
    const cards = Object.values(file.review?.cards ?? {});
    const missed = cards.filter((c) => c.lastRight === false);
    const known = cards.filter((c) => c.lastRight === true);
    expect(missed.length + known.length).toBe(bank.length);
    expect(missed.length).toBeGreaterThan(0);
    const latestMiss = Math.max(...missed.map((c) => Date.parse(c.due)));
    const earliestKnown = Math.min(...known.map((c) => Date.parse(c.due)));
    if (known.length > 0) expect(latestMiss).toBeLessThan(earliestKnown);

    // A restart reads the review back: the menu counts the misses as due today.
    cleanup();
    const again = renderUi(<Game services={realServices({now: () => NOW})} noColor />);
    await toMenu(again);
    await waitForFrame(again, `(${missed.length} due today)`);
    const practice = await toPractice(again);
    expect(practice).toContain(`Due for review today — ${missed.length} card`);
    await press(again, 'j');
    const review = await press(again, KEYS.enter, `Review — question 1 of ${missed.length}`);
    expect(missed.length).toBeGreaterThan(0);
    expect(review).toMatch(/Review — question 1/);
  });

  it.each([
    {name: 'exam CLF-C02', row: 'CLF-C02 AWS Certified Cloud Practitioner', pick: (bank: QuizBankItem[]) => filterBank(bank, {kind: 'exam', exam: 'CLF-C02'}), check: (frame: string) => frame.includes('CLF-C02/')},
    {name: 'domain SAA-C03 resilient', row: 'SAA-C03 · Design Resilient Architectures', pick: (bank: QuizBankItem[]) => filterBank(bank, {kind: 'domain', domain: 'SAA-C03/resilient'}), check: (frame: string) => frame.includes('SAA-C03/resilient ·')},
    {name: 'concept Fargate', row: 'AWS Fargate', pick: (bank: QuizBankItem[]) => filterBank(bank, {kind: 'concept', concept: 'fargate'}), check: () => true},
  ])('the $name filter asks exactly its questions', async ({row, pick, check}) => {
    writeAllWon();
    const bank = quizBank(shipped().levels);
    const expected = pick(bank);
    expect(expected.length).toBeGreaterThan(0);
    const ui = renderUi(<Game services={realServices({now: () => NOW})} noColor />);
    await toMenu(ui);
    await toPractice(ui);
    let frame = await waitForFrame(ui, `Everything open (${shipped().levels.length} levels)`);
    // Move down until the row is selected (the list scrolls).
    for (let i = 0; i < 80 && !frame.split('\n').some((l) => l.startsWith('› ') && l.includes(row)); i++) frame = await press(ui, 'j');
    expect(frame).toMatch(new RegExp(`› .*${row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* — ${expected.length} question`));
    await press(ui, KEYS.enter, `question 1 of ${expected.length}`);
    const seen: string[] = [];
    for (let n = 1; n <= expected.length; n++) {
      frame = await waitForFrame(ui, `question ${n} of ${expected.length}`);
      expect(check(frame)).toBe(true);
      seen.push(shownQuestion(frame, bank).key);
      await press(ui, '1', /✓ Correct\.|✗ Not quite/);
      await press(ui, KEYS.enter);
    }
    expect(seen.sort()).toEqual(expected.map((i) => i.key).sort());
  });
});

describe('the menu, review, readiness and the Codex (in-memory services)', () => {
  const LEVELS = [makeLevel('stay-up', 'Stay Up'), makeLevel('dev-box', 'Dev Box')];
  const dueKey = questionKey('stay-up', LEVELS[0]?.quiz[0] ?? {q: ''});

  it('a missed question shows as due today on the menu and in practice, and review asks it', async () => {
    const review = recordAnswer(emptyReview(), {key: dueKey, right: false}, new Date(FAKE_NOW.getTime() - 60 * 60_000));
    const services = fakeServices(LEVELS, {review});
    const ui = renderUi(<Game services={services} noColor />);
    await toMenu(ui);
    await waitForFrame(ui, 'Practice quiz — exam-style questions, spaced review (1 due today)');
    const list = await toPractice(ui);
    expect(list).toContain('Due for review today — 1 card, 1 question');
    await press(ui, 'j');
    await press(ui, KEYS.enter, 'Review — question 1 of 1');
  });

  it('the choice order is seeded from the progress: the same progress shows the same order, more progress another', async () => {
    const firstChoices = async (shown: number) => {
      const ui = renderUi(<Game services={fakeServices(LEVELS, {review: {cards: {}, shown}})} noColor />);
      await toMenu(ui);
      await toPractice(ui);
      const frame = await press(ui, KEYS.enter, 'question 1 of 1');
      cleanup();
      return frame.split('\n').filter((line) => /^\s*›?\s*\d\. /.test(line)).map((line) => line.replace(/^\s*›?\s*/, ''));
    };
    const other = [1, 2, 3, 4, 5, 6, 7, 8].find((s) => choiceOrder(3, s, 0).join() !== choiceOrder(3, 0, 0).join()) ?? 1;
    const a = await firstChoices(0);
    expect(await firstChoices(0)).toEqual(a);
    expect(await firstChoices(other)).not.toEqual(a);
    const expected = choiceOrder(3, 0, 0).map((original, shown) => `${shown + 1}. ${LEVELS[0]?.quiz[0]?.choices[original] ?? ''}`);
    expect(a).toEqual(expected);
  });

  it('readiness: a table per exam with the published weights, in 80 columns', async () => {
    const review = recordAnswer(emptyReview(), {key: dueKey, right: true}, FAKE_NOW);
    const ui = renderUi(<Game services={fakeServices(LEVELS, {review})} noColor />);
    await toMenu(ui);
    for (let i = 0; i < 4; i++) await press(ui, 'j');
    const frame = await press(ui, KEYS.enter, 'weight');
    // One question (Stay Up's; Dev Box is locked but still counts), answered right: resilient 1 of 2 → 50%, SAA-C03 13%.
    expect(frame).toMatch(/Design Resilient Architectures\s+26%\s+2\s+1\s+1\s+50%/);
    expect(frame).toContain('SAA-C03 AWS Certified Solutions Architect – Associate: ready 13%, covered 13%');
    expect(frame).toContain('CLF-C02 AWS Certified Cloud Practitioner: ready 0%');
    expect(Math.max(...frame.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    for (const guide of EXAM_GUIDES) expect(frame.includes(guide.exam) || frame.includes('↓ more')).toBe(true);
  });

  it('Codex: search narrows the cards; each says which levels teach it and whether it is shown', async () => {
    const ui = renderUi(<Game services={fakeServices(LEVELS, {records: {'stay-up': {stars: 2, bestPoints: 800}}})} noColor />);
    await toMenu(ui);
    for (let i = 0; i < 3; i++) await press(ui, 'j');
    const codex = await press(ui, KEYS.enter, '2 concept cards · 1 shown');
    expect(codex).toContain('✓ Availability Zones');
    expect(codex).toContain('✓ shown — taught in 1 Stay Up ✓, 2 Dev Box; 0 of 2 questions right');
    await press(ui, '/', 'Search:');
    await type(ui, 'bills');
    const found = await press(ui, KEYS.enter, '1 concept cards');
    expect(found).toContain('Idle cost');
    expect(found).not.toContain('Availability Zones');
    expect(found).toContain('no level teaches it yet');
    await press(ui, 'x', '2 concept cards');
  });

  it('results: each lost objective links to its concept card and a short quiz; the concept is scheduled sooner', async () => {
    const services = fakeServices(LEVELS);
    const ui = renderUi(<Game services={services} noColor />);
    await toMenu(ui);
    await press(ui, KEYS.enter, 'Chapter 1: EC2');
    await press(ui, KEYS.enter, 'Stay Up — briefing');
    await press(ui, KEYS.enter, 'BUILDER stay-up azs=a');
    await press(ui, KEYS.enter, 'RUNNING stay-up');
    const results = await press(ui, KEYS.enter, 'Stay Up — results');
    expect(results).toContain('l: lessons for the 1 objective short of gold');
    await vi.waitFor(() => expect(services.reviews).toContainEqual({kind: 'lost', concepts: ['availability-zones']}));
    const lessons = await press(ui, 'l', 'Lessons from this run');
    expect(lessons).toContain('✗ failed  availability → Availability Zones (lost to single-az)');
    await press(ui, KEYS.enter, 'Concept: Availability Zones');
    await press(ui, 'q', 'Lessons from this run');
    const quiz = await press(ui, 'z', 'Quiz: Availability Zones — question 1 of 1');
    expect(quiz).toContain('What survives an AZ outage in Stay Up?');
  });
});
