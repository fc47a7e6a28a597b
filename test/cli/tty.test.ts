// The game entry in a real terminal (tmux, 80×24): colour follows --no-color and NO_COLOR, the game and the
// headless commands alike; --screen-reader (or the saved setting) switches Ink's screen-reader mode on.
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, TmuxSession} from '../e2e/tmux.js';
import {CLI, ROOT, fixture, useCli} from './run.js';

const cli = useCli();
/** SGR foreground colours (30–37, 90–97, 256-colour and true colour). */
const COLOR_CODE = new RegExp(`${String.fromCharCode(27)}\\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]`);

describe.skipIf(!hasTmux())('in a terminal', () => {
  let session: TmuxSession | undefined;
  afterEach(() => {
    session?.kill();
    session = undefined;
  });

  function open(id: string, command: string, env: Record<string, string> = {}): TmuxSession {
    session = new TmuxSession(`cli-${id}`);
    session.start({RIGHTSIZE_HOME: cli.home(), TERM: 'xterm-256color', PS1: '$ ', ...env}, ROOT);
    // No CI variable at all: Ink would draw only the last frame, and chalk would drop colour even with CI=false.
    session.type(`unset CI; ${command}; echo EXITED-$?`, true);
    return session;
  }

  /** The screen with its escape codes. */
  function screenWithCodes(tty: TmuxSession): string {
    return spawnSync('tmux', ['-L', tty.socket, '-f', '/dev/null', 'capture-pane', '-p', '-e', '-t', tty.name], {encoding: 'utf8'}).stdout;
  }

  const game: {name: string; args: string; env?: Record<string, string>; colour: boolean}[] = [
    {name: 'the game in colour by default', args: '', colour: true},
    {name: 'the game with --no-color', args: '--no-color', colour: false},
    {name: 'the game with NO_COLOR=1', args: '', env: {NO_COLOR: '1'}, colour: false},
  ];
  for (const row of game) {
    it(`${row.name}: ${row.colour ? 'coloured' : 'no colour'}, and q quits with 0`, async () => {
      const tty = open(row.name.replace(/\W+/g, '-'), `node ${CLI} ${row.args}`, row.env);
      await tty.waitFor('Press Enter to start');
      const codes = screenWithCodes(tty);
      expect(COLOR_CODE.test(codes), JSON.stringify(codes.slice(0, 600))).toBe(row.colour);
      await tty.press('q', 'EXITED-0');
    });
  }

  const headless: {name: string; args: string; env?: Record<string, string>; colour: boolean}[] = [
    {name: 'levels in colour on a terminal', args: '', colour: true},
    {name: 'levels with --no-color', args: '--no-color', colour: false},
    {name: 'levels with NO_COLOR=1', args: '', env: {NO_COLOR: '1'}, colour: false},
  ];
  for (const row of headless) {
    it(`${row.name}: ${row.colour ? 'coloured' : 'no colour'}`, async () => {
      const tty = open(row.name.replace(/\W+/g, '-'), `node ${CLI} ${row.args} --levels ${fixture('levels')} levels`, row.env);
      await tty.waitFor('EXITED-0');
      const screen = screenWithCodes(tty);
      expect(screen).toContain('two-zones');
      expect(COLOR_CODE.test(screen)).toBe(row.colour);
    });
  }

  it('--screen-reader renders the screen-reader layout (no centring), as does the saved setting', async () => {
    const plain = open('sr-off', `node ${CLI}`);
    const centred = await plain.waitFor('Press Enter to start');
    expect(centred).not.toMatch(/^Press Enter to start/m);
    plain.kill();

    const flagged = open('sr-flag', `node ${CLI} --screen-reader`);
    expect(await flagged.waitFor('Press Enter to start')).toMatch(/^Press Enter to start/m);
    await flagged.press('q', 'EXITED-0');
    flagged.kill();

    writeFileSync(join(cli.home(), 'progress.json'), JSON.stringify({formatVersion: 1, levels: {}, settings: {screenReader: true}}));
    const saved = open('sr-saved', `node ${CLI}`);
    expect(await saved.waitFor('Press Enter to start')).toMatch(/^Press Enter to start/m);
    await saved.press('q', 'EXITED-0');
  });
});
