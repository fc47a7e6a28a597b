// Wide terminals are used: at 100×30 and 120×40 the builder's panels grow (names and values uncut, the estimate
// lists each finding's message), and every screen's key bar stays on one line.
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {loadCampaign} from '../../src/content/index.js';
import {BuilderScreen} from '../../src/ui/builder/BuilderScreen.js';
import {builderColumns} from '../../src/ui/builder/BuilderBody.js';
import {fitHints, type Hint} from '../../src/ui/components/KeyHints.js';
import {renderWithKeys, resize, waitFor} from './helpers-builder.js';

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
