// rightsize (no command): the game. The only place Ink is loaded, and only on an interactive terminal.
import {levelsDir} from '../../content/index.js';
import {peekSettings} from '../../store/index.js';
import {forceNoColorForLibraries} from '../color.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import type {Io} from '../io.js';

export const NO_TTY_MESSAGE =
  'rightsize needs an interactive terminal to play; for headless use try `rightsize levels`, `rightsize score FILE` or `rightsize --help`';

export interface PlayOptions {
  levels?: string;
  noColor: boolean;
  screenReader?: boolean;
}

export async function playCommand(io: Io, options: PlayOptions): Promise<ExitCode> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    io.out(NO_TTY_MESSAGE);
    return EXIT.ok;
  }
  // chalk (inside Ink) ignores NO_COLOR; FORCE_COLOR=0 must be set before it is imported.
  if (options.noColor) forceNoColorForLibraries();
  const screenReader = options.screenReader === true || (await peekSettings()).screenReader === true;
  const {runApp} = await import('../../ui/app.js');
  await runApp({levelsDir: levelsDir(options.levels), noColor: options.noColor, screenReader});
  return EXIT.ok;
}
