// The built binary (dist/cli.js) in a real terminal (tmux, 80×24): play level 1 to its results with key presses,
// and quit with Ctrl+C leaving the terminal as it was.
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {execFileSync} from 'node:child_process';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hasTmux, TmuxSession} from './tmux.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

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
  });

  function start(id: string): TmuxSession {
    home = mkdtempSync(join(tmpdir(), 'rightsize-e2e-'));
    session = new TmuxSession(id);
    session.start({CI: 'false', RIGHTSIZE_HOME: home, TERM: 'xterm-256color', PS1: '$ '}, ROOT);
    session.type(`node ${CLI}; echo EXITED-$?`, true);
    return session;
  }

  it('plays level 1 from the title to its results screen', async () => {
    const tty = start('play');
    await tty.waitFor('Press Enter to start');
    await tty.press('Enter', 'Campaign — the levels in order');
    await tty.press('Enter', /1\. Stay Up\s+☆☆☆/);
    await tty.press('Enter', 'Stay Up — briefing');
    await tty.press('Enter', 'Stay Up — build');
    await tty.press('Enter', 'Stay Up — run');
    const results = await tty.press('s', 'Stay Up — results');
    expect(results).toMatch(/✗ FAILED\s+☆☆☆\s+\d+ \/ 1000 points/);
    expect(results).toContain('✗ FAILED availability');
    expect(results).toContain('cost by finding: single-az');
    const findings = await tty.press('Tab', '[Cost]');
    expect(findings).toContain('Failures by reason');
    await tty.press('Tab', '[Findings]');
    const card = await tty.press('Enter', 'Concept: ');
    // The whole frame fits: its title is still on the first row, not scrolled away.
    expect(card.split('\n')[0]).toMatch(/^Concept: /);
    // Back out to the menu and quit with q: the shell prints the exit code.
    await tty.press('q', '[Findings]');
    await tty.press('q', 'Stay Up — briefing');
    await tty.press('q', 'Campaign');
    await tty.press('q', 'rightsize — menu');
    await tty.press('q', 'EXITED-0');
    expect(tty.cursorVisible()).toBe(true);
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
});
