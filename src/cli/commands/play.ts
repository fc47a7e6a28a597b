// rightsize (no command): the game. The only place Ink is loaded, and only on an interactive terminal.
import {levelsDir} from '../../content/index.js';
import {peekSettings} from '../../store/index.js';
import {forceNoColorForLibraries} from '../color.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {reportProblems, type Io} from '../io.js';
import type {ActiveChallenge} from '../../ui/state/services.js';

export const NO_TTY_MESSAGE =
  'rightsize needs an interactive terminal to play; for headless use try `rightsize levels`, `rightsize score FILE` or `rightsize --help`';

export interface PlayOptions {
  levels?: string;
  noColor: boolean;
  screenReader?: boolean;
  /** `play --challenge FILE [--player NAME] [--out FILE]`. */
  challenge?: string;
  /** `play --join URL`: a live event on the lab network (src/host/client.ts). */
  join?: string;
  player?: string;
  out?: string;
}

export async function playCommand(io: Io, options: PlayOptions): Promise<ExitCode> {
  let challenge: {active: ActiveChallenge; player?: string} | undefined;
  if (options.challenge !== undefined && options.join !== undefined) {
    io.err('play: give --challenge FILE or --join URL, not both');
    return EXIT.badInput;
  }
  let challengeFile = options.challenge;
  let joinUrl: string | undefined;
  if (options.join !== undefined) {
    if (options.out !== undefined) {
      io.err('play: --out goes with --challenge; a live event keeps your submission in your data folder until the host has it');
      return EXIT.badInput;
    }
    const {joinEvent} = await import('../../host/client.js');
    const joined = await joinEvent(options.join);
    if (!joined.ok) {
      io.err(`play: ${joined.message}`);
      return EXIT.badInput;
    }
    if (joined.offline !== undefined) io.err(`play: ${joined.offline}`);
    challengeFile = joined.challengePath;
    joinUrl = joined.joinUrl;
  }
  if (challengeFile !== undefined) {
    // Checked before the game starts, so a bad file is reported as every other command reports one.
    const {openChallenge} = await import('../../classroom/index.js');
    const opened = openChallenge(challengeFile, {levelsDir: options.levels});
    if (!opened.ok) {
      reportProblems(io, opened.problems);
      return EXIT.badInput;
    }
    const player = options.player?.trim();
    if (player !== undefined && (player === '' || [...player].length > 60)) {
      io.err(`--player must be 1 to 60 characters (got '${options.player}')`);
      return EXIT.badInput;
    }
    const {id, title, publicSeed, closesAt} = opened.challenge;
    const active = {
      file: challengeFile,
      id,
      title,
      publicSeed,
      levels: opened.levels.map((l) => l.level),
      ...(closesAt === undefined ? {} : {closesAt}),
      ...(options.out === undefined ? {} : {out: options.out}),
      ...(joinUrl === undefined ? {} : {joinUrl}),
    };
    challenge = player === undefined ? {active} : {active, player};
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    io.out(NO_TTY_MESSAGE);
    return EXIT.ok;
  }
  // chalk (inside Ink) ignores NO_COLOR; FORCE_COLOR=0 must be set before it is imported.
  if (options.noColor) forceNoColorForLibraries();
  const screenReader = options.screenReader === true || (await peekSettings()).screenReader === true;
  const {runApp} = await import('../../ui/app.js');
  await runApp({levelsDir: levelsDir(options.levels), noColor: options.noColor, screenReader, ...(challenge ? {challenge} : {})});
  return EXIT.ok;
}
