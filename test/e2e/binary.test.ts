// The built binary (dist/cli.js) in a real terminal (tmux, 80×24): play level 1 to its results with key presses,
// and quit with Ctrl+C leaving the terminal as it was.
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {execFileSync} from 'node:child_process';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {loadCampaign} from '../../src/content/index.js';
import {hasTmux, TmuxSession} from './tmux.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
/** An SGR foreground or background colour: 30–37, 40–47, 90–97, 100–107, or 38;…/48;… (256 and true colour). */
// eslint-disable-next-line no-control-regex -- terminal escape codes are what this test looks for
const COLOUR_CODE = /\u001B\[(?:\d+;)*(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(?:;\d+)*m/;

function firstLevelTitle(): string {
  const campaign = loadCampaign();
  const level = campaign.ok ? campaign.value.levels[0] : undefined;
  if (!level) throw new Error('the shipped campaign does not load');
  return level.title;
}

describe.skipIf(!hasTmux())('the built binary in an 80×24 terminal', () => {
  let session: TmuxSession | undefined;
  let home: string | undefined;

  beforeAll(() => {
    // `npm test` builds first; a lone run of this file builds if the bundle is missing.
    if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {cwd: ROOT, stdio: 'inherit'});
  });

  afterEach(() => {
    session?.kill();
    session = undefined;
    if (home) rmSync(home, {recursive: true, force: true});
    home = undefined;
  });

  /** A shell in tmux running the game; `env` defaults to CI=false (Ink then repaints as in a terminal). */
  function start(id: string, env: Record<string, string> = {CI: 'false'}): TmuxSession {
    home ??= mkdtempSync(join(tmpdir(), 'rightsize-e2e-'));
    session = new TmuxSession(id);
    session.start({RIGHTSIZE_HOME: home, TERM: 'xterm-256color', PS1: '$ ', ...env}, ROOT);
    session.type(`node ${CLI}; echo EXITED-$?`, true);
    return session;
  }

  it('plays level 1 from the title to its results screen', async () => {
    const tty = start('play');
    await tty.waitFor('Press Enter to start');
    await tty.press('Enter', 'Campaign — the levels in order');
    const title = firstLevelTitle();
    await tty.press('Enter', new RegExp(`1\\. ${title}\\s+☆☆☆`));
    await tty.press('Enter', `${title} — briefing`);
    await tty.press('Enter', `${title} — build`);
    await tty.press('Enter', `${title} — run`);
    // The level's start build is meant to fail: the results say so, objective by objective.
    const results = await tty.press('s', `${title} — results`);
    expect(results).toMatch(/✗ FAILED\s+☆☆☆\s+\d+ \/ 1000 points/);
    expect(results).toMatch(/✗ FAILED [a-z0-9 ]+: /);
    expect(results).toMatch(/points lost to finding: [a-z-]+/);
    // The bundled binary saved the attempt (the store's atomic write works from the bundle).
    const progress = JSON.parse(readFileSync(join(home ?? '', 'progress.json'), 'utf8')) as {levels: Record<string, {stars: number}>};
    expect(Object.values(progress.levels)).toEqual([expect.objectContaining({stars: 0})]);
    const findings = await tty.press('Tab', '[Cost]');
    expect(findings).toContain('Failures by reason');
    await tty.press('Tab', '[Findings]');
    const card = await tty.press('Enter', 'Concept: ');
    // The whole frame fits: its title is still on the first row, not scrolled away.
    expect(card.split('\n')[0]).toMatch(/^Concept: /);
    // Back out to the menu and quit with q: the shell prints the exit code.
    await tty.press('q', '[Findings]');
    await tty.press('q', `${title} — briefing`);
    await tty.press('q', 'Campaign');
    await tty.press('q', 'rightsize — menu');
    await tty.press('q', 'EXITED-0');
    expect(tty.cursorVisible()).toBe(true);
  });

  it('NO_COLOR: the same screens without a single colour code (symbols and words carry the meaning)', async () => {
    // No CI variable at all here: chalk turns colour off when CI is set, whatever its value.
    const coloured = start('colour', {});
    await coloured.waitFor('Press Enter to start');
    expect(coloured.screen({escapes: true})).toMatch(COLOUR_CODE);
    coloured.kill();
    const plain = start('no-color', {NO_COLOR: '1'});
    await plain.waitFor('Press Enter to start');
    await plain.press('Enter', 'rightsize — menu');
    await plain.press('Enter', /1\. .+☆☆☆/);
    expect(plain.screen({escapes: true})).not.toMatch(COLOUR_CODE);
  });

  it('keys sent together are played in order', async () => {
    const tty = start('together');
    await tty.waitFor('Press Enter to start');
    tty.keys('Enter', 'j', 'j', 'Enter');
    await tty.waitFor('Practice — what should I ask?');
  });

  it('Ctrl+C quits at once and leaves the cursor visible', async () => {
    const tty = start('ctrl-c');
    await tty.waitFor('Press Enter to start');
    await tty.press('Enter', 'rightsize — menu');
    await tty.press('C-c', /EXITED-\d+/);
    expect(tty.cursorVisible()).toBe(true);
    // The shell takes input again: the terminal is out of raw mode.
    tty.type('echo SHELL-OK', true);
    await tty.waitFor(/^SHELL-OK$/m);
  });

  it('in screen-reader mode (--screen-reader) the builder fits 80×24: the title, the selected field and the key bar on screen', async () => {
    home ??= mkdtempSync(join(tmpdir(), 'rightsize-e2e-'));
    const tty = new TmuxSession('reader-builder');
    session = tty;
    tty.start({RIGHTSIZE_HOME: home, TERM: 'xterm-256color', PS1: '$ ', CI: 'false'}, ROOT);
    tty.type(`node ${CLI} --screen-reader; echo EXITED-$?`, true);
    const title = firstLevelTitle();
    await tty.waitFor('Press Enter to start');
    await tty.press('Enter', 'rightsize — menu');
    await tty.press('Enter', /^› +1\. /m);
    await tty.press('Enter', `${title} — briefing`);
    await tty.press('Enter', `${title} — build`);
    // Down the fields to the last one: each screen is the whole builder, repainted in place.
    for (const key of ['j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j']) tty.keys(key);
    const screen = await tty.waitFor(/^identity: .*, selected$/m);
    const rows = screen.replace(/\n+$/, '').split('\n');
    // The command line, then the frame: nothing scrolled away and nothing left of the screens before.
    expect(rows.length).toBeLessThanOrEqual(24);
    expect(rows[0]).toMatch(/node \S+ --screen-reader; echo EXITED/);
    expect(rows[1]).toMatch(new RegExp(`^${title} — build, ≈ \\$[\\d.]+/month$`));
    expect(rows.at(-1)).toMatch(/^ ↑↓\/jk {2}field .* \? {2}help$/);
    expect(screen).not.toContain('— briefing');
    expect(screen).not.toMatch(/more {1,}Monthly estimate/);
    expect(rows.filter((row) => row.startsWith('Monthly estimate'))).toHaveLength(1);
    await tty.press('q', `${title} — briefing`);
    await tty.press('q', 'Campaign');
    await tty.press('q', 'rightsize — menu');
    await tty.press('q', /^EXITED-0$/m);
  });

  it('in screen-reader mode, Ctrl+C leaves the shell on a line of its own', async () => {
    const tty = start('ctrl-c-sr', {CI: 'false', INK_SCREEN_READER: 'true'});
    await tty.waitFor('Press Enter to start');
    await tty.press('Enter', 'rightsize — menu');
    await tty.press('C-c', /^EXITED-\d+$/m);
  });
});
