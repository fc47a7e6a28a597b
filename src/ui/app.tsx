// Entry of the Ink game, imported lazily by the CLI after its TTY check: the only module that calls Ink's render.
// (The root component lives in Game.tsx: App.tsx beside app.tsx would differ only in case, which breaks on macOS and Windows.)
import {render} from 'ink';
import {Game} from './Game.js';
import {initialState} from './state/app-state.js';
import {realServices} from './state/real-services.js';
import type {ActiveChallenge} from './state/services.js';

export interface RunAppOptions {
  /** A custom level folder (`--levels DIR` / RIGHTSIZE_LEVELS); default: the shipped campaign. */
  levelsDir?: string;
  /** The CLI sets FORCE_COLOR=0 before importing this module; the flag tells the theme too. */
  noColor: boolean;
  /** Ink's screen-reader mode (a flag or the saved setting). */
  screenReader?: boolean;
  /** `play --challenge`: start on the Class challenge screen with this challenge open (and this player, if given). */
  challenge?: {active: ActiveChallenge; player?: string};
}

/** Render the game, wait until the player quits, and leave the terminal as it was. */
export async function runApp(options: RunAppOptions): Promise<void> {
  const services = realServices({levelsDir: options.levelsDir});
  const screenReader = options.screenReader === true || process.env['INK_SCREEN_READER'] === 'true';
  const start = options.challenge
    ? {
        ...initialState,
        stack: [{name: 'menu' as const}, {name: 'challenge' as const}],
        challenge: {...options.challenge.active, submitted: {}, ...(options.challenge.player === undefined ? {} : {player: options.challenge.player})},
      }
    : initialState;
  const instance = render(<Game services={services} noColor={options.noColor} initial={start} />, {
    exitOnCtrlC: true,
    patchConsole: true,
    isScreenReaderEnabled: screenReader,
  });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    // Screen-reader output ends without a line break: end the line, so the shell's prompt starts on its own.
    if (screenReader) process.stdout.write('\n');
  }
}
