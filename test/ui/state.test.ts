// The game's state logic without a terminal: navigation, unlocking, formatting, the quiz, word wrap, list moves.
import {describe, expect, it} from 'vitest';
import {initialState, reduce, type AppState} from '../../src/ui/state/app-state.js';
import {levelStatuses, nextLevelId, quizItems, starText, topScreen} from '../../src/ui/state/selectors.js';
import {formatMetric, formatThreshold} from '../../src/ui/state/format.js';
import {wrapText} from '../../src/ui/components/wrap-text.js';
import {step, type ListItem} from '../../src/ui/components/List.js';
import {campaignOf, makeLevel, makeResult} from './fixtures.js';
import type {Records} from '../../src/ui/state/services.js';
import {workloadSummary} from '../../src/ui/builder/selectors.js';
import {loadCampaign} from '../../src/content/index.js';
import type {Workload} from '../../src/engine/index.js';

const LEVELS = [makeLevel('one', 'One'), makeLevel('two', 'Two'), makeLevel('three', 'Three')];
const CAMPAIGN = campaignOf(LEVELS);

describe('navigation reducer', () => {
  const at = (...names: ('menu' | 'campaign' | 'codex')[]): AppState => ({...initialState, stack: names.map((name) => ({name}))});

  it.each([
    {name: 'push adds a screen', state: at('menu'), action: {type: 'push', screen: {name: 'codex'}} as const, top: 'codex', depth: 2},
    {name: 'back pops one', state: at('menu', 'campaign'), action: {type: 'back'} as const, top: 'menu', depth: 1},
    {name: 'back never pops the last screen', state: at('menu'), action: {type: 'back', count: 3} as const, top: 'menu', depth: 1},
    {name: 'replace swaps the top', state: at('menu', 'campaign'), action: {type: 'replace', screen: {name: 'codex'}} as const, top: 'codex', depth: 2},
  ])('$name', ({state, action, top, depth}) => {
    const next = reduce(state, action);
    expect(topScreen(next).name).toBe(top);
    expect(next.stack).toHaveLength(depth);
  });

  it('navigation closes help and clears the message', () => {
    const state = {...at('menu'), help: true, message: 'Saved'};
    const next = reduce(state, {type: 'push', screen: {name: 'codex'}});
    expect(next.help).toBe(false);
    expect(next.message).toBeUndefined();
  });

  it('a finished run pushes the run screen and marks a new best only above the old stars', () => {
    const state = {...at('menu'), records: {one: {stars: 3, bestPoints: 1000}}};
    const again = reduce(state, {type: 'run-finished', levelId: 'one', mode: 'campaign', result: makeResult('one', true)});
    expect(topScreen(again)).toEqual({name: 'run', levelId: 'one', mode: 'campaign'});
    expect(again.lastRun?.newBest).toBe(false);
    const first = reduce(at('menu'), {type: 'run-finished', levelId: 'one', mode: 'campaign', result: makeResult('one', true)});
    expect(first.lastRun?.newBest).toBe(true);
    const sandbox = reduce(at('menu'), {type: 'run-finished', levelId: 'one', mode: 'sandbox', result: makeResult('one', true)});
    expect(sandbox.lastRun?.newBest).toBe(false);
  });

  it('panel is remembered on the results screen only', () => {
    const state = {...initialState, stack: [{name: 'results', levelId: 'one', mode: 'campaign'} as const]};
    expect(topScreen(reduce(state, {type: 'panel', panel: 2}))).toMatchObject({panel: 2});
    expect(topScreen(reduce(at('menu'), {type: 'panel', panel: 2}))).toEqual({name: 'menu'});
  });
});

describe('unlocking', () => {
  const rows: {name: string; records: Records; open: boolean[]}[] = [
    {name: 'fresh: only the first is open', records: {}, open: [true, false, false]},
    {name: 'a star on one opens two', records: {one: {stars: 1, bestPoints: 200}}, open: [true, true, false]},
    {name: 'zero stars opens nothing more', records: {one: {stars: 0, bestPoints: 100}}, open: [true, false, false]},
    {name: 'a star on two opens three', records: {one: {stars: 2, bestPoints: 800}, two: {stars: 1, bestPoints: 300}}, open: [true, true, true]},
  ];
  it.each(rows)('$name', ({records, open}) => {
    expect(levelStatuses(CAMPAIGN, records).map((s) => s.unlocked)).toEqual(open);
  });

  it('next level and the quiz follow campaign order and locks', () => {
    expect(nextLevelId(CAMPAIGN, 'one')).toBe('two');
    expect(nextLevelId(CAMPAIGN, 'three')).toBeUndefined();
    expect(quizItems(CAMPAIGN, {}).map((q) => q.levelId)).toEqual(['one']);
    expect(quizItems(CAMPAIGN, {one: {stars: 1, bestPoints: 1}}).map((q) => q.levelId)).toEqual(['one', 'two']);
  });

  it.each([
    [0, '☆☆☆'],
    [2, '★★☆'],
    [3, '★★★'],
    [5, '★★★'],
  ])('%i stars read %s', (stars, text) => expect(starText(stars)).toBe(text));
});

describe('formatting', () => {
  it.each([
    {name: 'availability keeps two digits near 100%', metric: 'availability', value: 0.9995, text: '99.95%'},
    {name: 'availability below 99%', metric: 'availability', value: 0.982, text: '98.2%'},
    {name: 'latency in ms', metric: 'p95LatencyMs', value: 1234.4, text: '1,234 ms'},
    {name: 'small cost in cents', metric: 'monthlyCostUsd', value: 30.374, text: '$30.37/month'},
    {name: 'large cost in dollars', metric: 'monthlyCostUsd', value: 1234.5, text: '$1,235/month'},
    {name: 'ops hours', metric: 'opsHoursPerMonth', value: 2, text: '2.0 h/month'},
  ] as const)('$name', ({metric, value, text}) => expect(formatMetric(metric, value)).toBe(text));

  it('thresholds say the direction', () => {
    expect(formatThreshold('availability', 0.999)).toBe('≥ 99.90%');
    expect(formatThreshold('monthlyCostUsd', 90)).toBe('≤ $90.00/month');
  });
});

describe('wrapText', () => {
  it.each([
    {name: 'fits', text: 'one two', width: 10, lines: ['one two']},
    {name: 'a line that fits keeps its spacing', text: 'a    1\nbb   2', width: 10, lines: ['a    1', 'bb   2']},
    {name: 'breaks between words', text: 'one two three', width: 8, lines: ['one two', 'three']},
    {name: 'keeps blank lines between paragraphs', text: 'a\n\nb', width: 8, lines: ['a', '', 'b']},
    {name: 'splits a word longer than the width', text: 'abcdefghij', width: 4, lines: ['abcd', 'efgh', 'ij']},
    {name: 'keeps the indent of a paragraph', text: '  one two three', width: 9, lines: ['  one two', '  three']},
    {name: 'a bullet hangs its continuation under its text', text: '• one two three', width: 9, lines: ['• one two', '  three']},
    {name: 'a numbered choice hangs too', text: '1. one two three', width: 10, lines: ['1. one two', '   three']},
    {name: 'never leaves a short last word behind', text: 'Hint 2/3: this is what Lambda is built for.', width: 40, lines: ['Hint 2/3: this is what Lambda is built', 'for.']},
    {name: 'counts wide characters in columns', text: '★★★ ab cd', width: 6, lines: ['★★★ ab', 'cd']},
  ])('$name', ({text, width, lines}) => expect(wrapText(text, width)).toEqual(lines));
});

describe('list moves skip headers', () => {
  const items: ListItem[] = [
    {id: 'h1', label: 'Chapter 1', header: true},
    {id: 'a', label: 'a'},
    {id: 'h2', label: 'Chapter 2', header: true},
    {id: 'b', label: 'b'},
  ];
  it.each([
    {name: 'down over a header', from: 1, delta: 1, to: 3},
    {name: 'up over a header', from: 3, delta: -1, to: 1},
    {name: 'up at the top stays', from: 1, delta: -1, to: 1},
    {name: 'down at the bottom stays', from: 3, delta: 1, to: 3},
    {name: 'start on a header moves onto the first item', from: 0, delta: 0, to: 1},
  ])('$name', ({from, delta, to}) => expect(step(items, from, delta)).toBe(to));
});

describe('the workload line leads with the peak the briefing talks about', () => {
  const campaign = loadCampaign();
  if (!campaign.ok) throw new Error('the shipped campaign does not load');
  const workload = (levelId: string, id: string) => {
    const found = campaign.value.levels.find((l) => l.id === levelId)?.workloads.find((w) => w.id === id);
    if (!found) throw new Error(`${levelId} has no workload ${id}`);
    return found;
  };

  it.each([
    // [level, workload, line, the briefing's own number]
    ['stay-up', 'web', 'web 68 req/s at peak (business-hours)', 'about 70 requests a second'],
    ['pack-the-cluster', 'api', 'api: web 240 req/s at peak (evening-peak)', '240 requests a second'],
    ['the-nightly-batch', 'api', 'api: web 3.4 req/s at peak (business-hours, + spikes)', '3 requests a second'],
  ])('%s/%s: %s', (levelId, id, line, briefing) => {
    expect(workloadSummary(workload(levelId, id))).toContain(line);
    expect(campaign.value.levels.find((l) => l.id === levelId)?.briefing.replace(/\s+/g, ' ')).toContain(briefing);
  });

  it('a flat shape without weekday changes has no peak to speak of', () => {
    expect(workloadSummary({...workload('pack-the-cluster', 'api'), daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1]} as Workload)).toContain('api: web 120 req/s (flat)');
  });
});
