// No word of the shipped text is lost at 80 columns (or 100): every hint, briefing, debrief, concept card and quiz
// question of the level and card files, read from the files, so levels and cards added later are covered too.
// Screens wrap between words; only an identifier longer than a whole line may be split.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {loadCampaign, shippedConcepts} from '../../src/content/index.js';
import type {Level} from '../../src/engine/index.js';
import {BuilderScreen} from '../../src/ui/builder/BuilderScreen.js';
import {wrapText} from '../../src/ui/components/wrap-text.js';
import {proseWidth} from '../../src/ui/hooks/use-body-width.js';
import {panelLines} from '../../src/ui/screens/Briefing.js';
import {cardLines} from '../../src/ui/screens/Concept.js';
import {helpLines} from '../../src/ui/screens/Help.js';
import {SCREEN_HELP} from '../../src/ui/screens/help-text.js';
import {Game} from '../../src/ui/Game.js';
import {initialState} from '../../src/ui/state/app-state.js';
import {realServices} from '../../src/ui/state/real-services.js';
import type {ConceptCard, Services} from '../../src/ui/state/services.js';
import type {ScreenName} from '../../src/ui/state/screens.js';
import {KEYS, press, renderWithKeys, resize, waitFor, type Rendered} from './helpers-builder.js';
import {renderUi} from './helpers.js';

const campaign = loadCampaign();
if (!campaign.ok) throw new Error('the shipped campaign does not load');
const LEVELS: Level[] = campaign.value.levels;
const loadedCards = shippedConcepts();
if (!loadedCards.ok) throw new Error('the shipped concept cards do not load');
const CARDS: ConceptCard[] = [...loadedCards.value.values()];
const CARDS_BY_ID = Object.fromEntries(CARDS.map((card) => [card.id, card]));

/** The words of a text, as a reader sees them (whitespace collapsed). */
const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');
/** A frame as one line of words: rows joined by spaces, the selection mark and box edges gone. */
const flat = (frame: string): string => words(frame.replace(/[›│]/g, ' ')).join(' ');

/**
 * `lines` hold every character of `text` in order, every word that fits a line is whole (only an identifier longer
 * than a line, such as a URL, may be split), and no line is wider than `width`.
 */
function expectWhole(lines: readonly string[], text: string, width: number, what: string): void {
  expect(lines.join('').replace(/\s+/g, ''), what).toBe(text.replace(/\s+/g, ''));
  const shown = new Set(words(lines.join(' ')));
  const cut = words(text).filter((word) => [...word].length <= width - 4 && !shown.has(word));
  expect(cut, `${what}: words cut`).toEqual([]);
  const wide = lines.filter((line) => [...line].length > width);
  expect(wide, `${what}: lines wider than ${width}`).toEqual([]);
}

let home = '';
const savedHome = process.env['RIGHTSIZE_HOME'];
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'rightsize-wrap-'));
  process.env['RIGHTSIZE_HOME'] = home;
});
afterAll(() => {
  if (savedHome === undefined) delete process.env['RIGHTSIZE_HOME'];
  else process.env['RIGHTSIZE_HOME'] = savedHome;
  rmSync(home, {recursive: true, force: true});
});
afterEach(() => cleanup());

describe('the builder shows every hint whole', () => {
  const cases = LEVELS.flatMap((level) => [80, 100].map((columns) => ({name: `${level.id} at ${columns} columns`, level, columns})));
  it.each(cases)('$name', async ({level, columns}) => {
    const ui = renderWithKeys(<BuilderScreen level={level} initialTiers={level.start.tiers} onRun={() => undefined} onBack={() => undefined} />);
    resize(ui, columns, 24);
    await waitFor(ui, `${level.title} — build`);
    for (const [i, hint] of level.hints.entries()) {
      const label = `Hint ${i + 1}/${level.hints.length}:`;
      const frame = await press(ui, 'h', (f) => f.includes(label));
      // The hint's rows sit together under the panels, so the whole hint reads as one run of words.
      expect(flat(frame), `${level.id} hint ${i + 1}`).toContain(words(`${label} ${hint}`).join(' '));
      expect(frame.split('\n').every((line) => [...line].length <= columns)).toBe(true);
      expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    }
  });
});

describe('briefings, objectives and concept lists wrap between words at 80 columns', () => {
  const width = proseWidth(80);
  it.each(LEVELS.map((level) => ({name: level.id, level})))('$name', ({level}) => {
    expectWhole(panelLines(level, 0, CARDS_BY_ID, width), level.briefing, width, `${level.id} briefing`);
    for (const id of level.concepts) {
      const card = CARDS_BY_ID[id];
      if (card) expect(flat(panelLines(level, 2, CARDS_BY_ID, width).join('\n'))).toContain(words(`${card.title} — ${card.summary}`).join(' '));
    }
    expect(panelLines(level, 1, CARDS_BY_ID, width).every((line) => [...line].length <= width)).toBe(true);
  });
});

describe('debriefs wrap between words at 80 columns', () => {
  it.each(LEVELS.map((level) => ({name: level.id, level})))('$name', ({level}) => {
    // The results screen's debrief panel wraps at 78 columns.
    expectWhole(wrapText(level.debrief, 78), level.debrief, 78, `${level.id} debrief`);
  });
});

describe('concept cards wrap between words at 80 columns', () => {
  const width = proseWidth(80);
  it.each(CARDS.map((card) => ({name: card.id, card})))('$name', ({card}) => {
    const lines = cardLines(card, width);
    const text = [card.summary, card.explanation, ...(card.facts.length > 0 ? ['AWS facts:'] : []), ...card.facts.flatMap((f) => [`• ${f.text}`, `source: ${f.source}`]), ...(card.exam.length > 0 ? [`Exam domains: ${card.exam.join(', ')}`] : [])].join(' ');
    expectWhole(lines, text, width, card.id);
  });
});

describe('the help overlay wraps between words', () => {
  const screens = Object.keys(SCREEN_HELP) as ScreenName[];
  it.each(screens.map((screen) => ({name: screen, screen})))('$name', ({screen}) => {
    const width = proseWidth(80);
    const lines = helpLines(screen, width);
    expectWhole(lines.screen, SCREEN_HELP[screen].join(' '), width, screen);
    // Each paragraph fills its lines: only its last line may be short (the old fixed lines, wider than 80 columns,
    // were wrapped again by the terminal and stranded their last words on lines of their own).
    for (const paragraph of SCREEN_HELP[screen]) {
      const wrapped = wrapText(`  ${paragraph}`, width);
      expect(wrapped.slice(0, -1).every((line) => [...line].length > width - 16), paragraph).toBe(true);
    }
  });
});

/** The real game content, every level open (3 stars), in a fresh RIGHTSIZE_HOME. */
function allOpen(): Services {
  const services = realServices();
  const records = Object.fromEntries(LEVELS.map((level) => [level.id, {stars: 3, bestPoints: 1000}]));
  return {...services, loadProgress: () => ({records})};
}

async function openScreen(stack: typeof initialState.stack): Promise<Rendered> {
  // Content and progress are in the state from the start, as once loaded (the quiz deals its round on opening).
  const records = Object.fromEntries(LEVELS.map((level) => [level.id, {stars: 3, bestPoints: 1000}]));
  const content = {status: 'ready' as const, campaign: campaign.ok ? campaign.value : {chapters: [], levels: []}, concepts: CARDS_BY_ID};
  const ui = renderUi(<Game services={allOpen()} noColor initial={{...initialState, stack, content, records}} />);
  resize(ui, 80, 24);
  return ui;
}

describe('a concept card on screen scrolls to its last word at 80×24', () => {
  it.each(CARDS.map((card) => ({name: card.id, card})))('$name', async ({card}) => {
    const ui = await openScreen([{name: 'menu'}, {name: 'codex'}, {name: 'concept', conceptId: card.id}]);
    let frame = await waitFor(ui, `Concept: ${card.title}`);
    for (let i = 0; i < 200 && frame.includes('↓ more'); i++) frame = await press(ui, 'j');
    const last = card.exam.length > 0 ? `Exam domains: ${card.exam.join(', ')}` : (card.facts.at(-1)?.source ?? card.explanation);
    expect(flat(frame)).toContain(words(last).join(' '));
    expect(frame.split('\n').every((line) => [...line].length <= 80)).toBe(true);
  });
});

describe('every quiz question, its choices and its explanation are whole at 80×24', () => {
  const cases = LEVELS.filter((level) => level.quiz.length > 0).map((level) => ({name: level.id, level}));
  it.each(cases)('$name', async ({level}) => {
    const ui = await openScreen([{name: 'menu'}, {name: 'quiz', levelId: level.id}]);
    for (const [i, question] of level.quiz.entries()) {
      let frame = await waitFor(ui, `question ${i + 1} of ${level.quiz.length}`);
      expect(flat(frame)).toContain(words(question.q).join(' '));
      // Choices are shuffled every showing: each is whole, under some number.
      for (const choice of question.choices) expect(flat(frame)).toMatch(new RegExp(`\\d\\. ${words(choice).join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      frame = await press(ui, '1', (f) => f.includes('Correct.') || f.includes('Not quite'));
      // The explanation scrolls with the concept card under it: every wrapped line of it shows whole in some frame.
      const seen = [flat(frame)];
      for (let s = 0; s < 12 && frame.includes('↓ more'); s += 1) {
        frame = await press(ui, 'j');
        seen.push(flat(frame));
      }
      for (const line of wrapText(question.explain, 76)) expect(seen.some((f) => f.includes(words(line).join(' '))), `${level.id} question ${i + 1}: “${line}”`).toBe(true);
      expect(frame.split('\n').length).toBeLessThanOrEqual(23);
      if (i < level.quiz.length - 1) await press(ui, KEYS.enter, `question ${i + 2} of`);
    }
  });
});

describe('lists keep their names whole at 80×24', () => {
  it('the Codex shows every card title whole, and the highlighted card its whole summary', async () => {
    const ui = await openScreen([{name: 'menu'}, {name: 'codex'}]);
    const sorted = [...CARDS].sort((a, b) => a.title.localeCompare(b.title));
    let frame = await waitFor(ui, 'concept cards');
    for (const [i, card] of sorted.entries()) {
      expect(frame, card.title).toMatch(new RegExp(`› [✓!·] ${card.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · L\\d+\\s*$`, 'm'));
      expect(flat(frame)).toContain(words(card.summary).join(' '));
      if (i < sorted.length - 1) frame = await press(ui, 'j');
    }
  });

  it("the campaign map shows what each level teaches, every concept's title whole", async () => {
    const ui = await openScreen([{name: 'menu'}, {name: 'campaign'}]);
    let frame = await waitFor(ui, 'Teaches:');
    // The cursor starts on the last open level: g jumps to the first, then j walks through all of them.
    if (LEVELS.length > 1) frame = await press(ui, 'g');
    for (const [i, level] of LEVELS.entries()) {
      const titles = level.concepts.map((id) => CARDS_BY_ID[id]?.title ?? id).join(', ');
      await waitFor(ui, (f) => flat(f).includes(words(`Teaches: ${titles}`).join(' ')));
      if (i < LEVELS.length - 1) frame = await press(ui, 'j');
    }
    expect(frame).not.toContain('…');
  });
});
