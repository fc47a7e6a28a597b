// #9 item 3 in a real terminal: play level 1 with a changed build, quit, start the binary again, and the builder
// opens on the build that ran (kept in the progress file, formatVersion 2).
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {execFileSync} from 'node:child_process';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {loadCampaign} from '../../src/content/index.js';
import {hasTmux, TmuxSession} from './tmux.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

describe.skipIf(!hasTmux())('the built binary keeps the last build across a restart', () => {
  let session: TmuxSession | undefined;
  let home: string | undefined;

  beforeAll(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {cwd: ROOT, stdio: 'inherit'});
  });

  afterEach(() => {
    session?.kill();
    session = undefined;
    if (home) rmSync(home, {recursive: true, force: true});
    home = undefined;
  });

  it('plays level 1 with count 2, restarts, and finds count 2 in the builder', async () => {
    const campaign = loadCampaign();
    const title = campaign.ok ? campaign.value.levels[0]?.title : undefined;
    if (!title) throw new Error('the shipped campaign does not load');
    home = mkdtempSync(join(tmpdir(), 'rightsize-e2e-'));
    const tty = (session = new TmuxSession('kept-build'));
    tty.start({RIGHTSIZE_HOME: home, TERM: 'xterm-256color', PS1: '$ ', CI: 'false'}, ROOT);

    const toBuilder = async (): Promise<string> => {
      await tty.waitFor('Press Enter to start');
      await tty.press('Enter', 'Campaign — the levels in order');
      await tty.press('Enter', `1. ${title}`);
      await tty.press('Enter', `${title} — briefing`);
      return tty.press('Enter', `${title} — build`);
    };

    tty.type(`node ${CLI}; echo EXITED-$?`, true);
    expect(await toBuilder()).toMatch(/count\s+1\b/);
    let screen = tty.screen();
    for (let i = 0; i < 20 && !/› count/.test(screen); i++) {
      tty.keys('j');
      screen = await tty.waitFor(/›/);
      await new Promise((r) => setTimeout(r, 100));
      screen = tty.screen();
    }
    await tty.press('+', /count\s+‹?\s*2\b/);
    await tty.press('Enter', `${title} — run`);
    await tty.press('s', `${title} — results`);
    await tty.press('q', `${title} — briefing`);
    await tty.press('q', 'Campaign');
    await tty.press('q', 'rightsize — menu');
    await tty.press('q', 'EXITED-0');
    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as {formatVersion: number; levels: Record<string, {lastBuild?: {tiers: {count?: number}[]}}>};
    expect(saved.formatVersion).toBe(2);
    expect(Object.values(saved.levels)[0]?.lastBuild?.tiers[0]?.count).toBe(2);

    tty.type('clear', true);
    tty.type(`node ${CLI}; echo AGAIN-$?`, true);
    const builder = await toBuilder();
    expect(builder).toMatch(/count\s+‹?\s*2\b/);
    await tty.press('q', `${title} — briefing`);
  }, 90_000);
});
