// #9 item 3: the build a player ran is kept in the progress file, and after a restart the builder opens on it.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Game} from '../../src/ui/Game.js';
import {realServices} from '../../src/ui/state/real-services.js';
import {loadCampaign} from '../../src/content/index.js';
import {KEYS, press, renderUi, waitForFrame} from './helpers.js';

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
  const level = campaign.ok ? campaign.value.levels[0] : undefined;
  if (!level) throw new Error('the shipped campaign does not load');
  return level;
}

async function toBuilder() {
  const level = firstLevel();
  const ui = renderUi(<Game services={realServices()} noColor />);
  await waitForFrame(ui, 'Press Enter to start');
  await press(ui, KEYS.enter, 'Campaign — the levels in order');
  await press(ui, KEYS.enter, `1. ${level.title}`);
  await press(ui, KEYS.enter, `${level.title} — briefing`);
  const builder = await press(ui, KEYS.enter, `${level.title} — build`);
  return {ui, level, builder};
}

describe('the last build is kept across a restart', () => {
  it('a run with count 2, then a new game: the builder opens with count 2, and the file keeps last and best', async () => {
    const first = await toBuilder();
    expect(first.builder).toMatch(/count\s+1\b/);
    while (!/› count/.test(first.ui.lastFrame() ?? '')) await press(first.ui, 'j');
    await press(first.ui, '+', /count\s+‹?\s*2\b/);
    await press(first.ui, KEYS.enter, `${first.level.title} — run`);
    await press(first.ui, 's', `${first.level.title} — results`);
    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as {formatVersion: number; levels: Record<string, {lastBuild?: {tiers: {count?: number}[]}; bestBuild?: {tiers: {count?: number}[]}}>};
    expect(saved.formatVersion).toBe(2);
    expect(saved.levels[first.level.id]?.lastBuild?.tiers[0]?.count).toBe(2);
    expect(saved.levels[first.level.id]?.bestBuild?.tiers[0]?.count).toBe(2);
    first.ui.unmount();
    cleanup();

    const second = await toBuilder();
    expect(second.builder).toMatch(/count\s+‹?\s*2\b/);
  });
});
