// The classroom flow in a real terminal (tmux, 80×24, CI=false): play a challenge level in the built game, which
// writes the player's submission; then run the leaderboard on the folder and see the player ranked.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {classroom, type Classroom} from '../classroom/helpers.js';
import {hasTmux, TmuxSession} from './tmux.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

describe.skipIf(!hasTmux())('a classroom challenge in an 80×24 terminal', () => {
  let session: TmuxSession | undefined;
  let room: Classroom | undefined;

  beforeAll(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {cwd: ROOT, stdio: 'inherit'});
  });

  afterEach(() => {
    session?.kill();
    session = undefined;
    room?.cleanup();
    room = undefined;
  });

  it('plays a challenge level, writes the submission, and the leaderboard ranks the player', async () => {
    room = classroom();
    session = new TmuxSession('classroom');
    session.start({RIGHTSIZE_HOME: join(room.dir, 'home'), TERM: 'xterm-256color', PS1: '$ ', CI: 'false'}, room.dir);
    const tty = session;
    tty.type(`node ${CLI} play --challenge week-1.yaml --player ada; echo EXITED-$?`, true);
    const start = await tty.waitFor('Class challenge — Week 1');
    expect(start).toMatch(/Player: ada\s+Public seed: 1/);
    expect(start).toContain('1. Lucky Spot — not submitted yet');
    await tty.press('Enter', /Lucky Spot — briefing.*challenge · public seed 1/);
    await tty.press('Enter', 'Lucky Spot — build');
    await tty.press('Enter', 'Lucky Spot — run');
    const results = await tty.press('s', 'Lucky Spot — results');
    expect(results).toMatch(/challenge · public seed 1/);
    await tty.waitFor(/Submitted: .*submissions\/ada\.json/);
    const submission = JSON.parse(readFileSync(join(room.dir, 'submissions', 'ada.json'), 'utf8')) as {player: string; solutions: {level: string}[]};
    expect(submission.player).toBe('ada');
    expect(submission.solutions.map((s) => s.level)).toEqual(['lucky-spot']);
    await tty.press('q', 'Lucky Spot — briefing');
    await tty.press('q', /1\. Lucky Spot — submitted: \d+ pts/);
    await tty.press('q', 'rightsize — menu');
    await tty.press('q', 'EXITED-0');

    tty.type(`node ${CLI} leaderboard submissions --challenge week-1.teacher.yaml --no-cache; echo DONE-$?`, true);
    const board = await tty.waitFor('DONE-0', 60_000);
    expect(board).toMatch(/Week 1 — 1 player, 6 private seeds/);
    expect(board).toMatch(/^\s+1\s+ada\s+\d/m);
  }, 120_000);
});
