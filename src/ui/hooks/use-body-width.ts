// How many columns a screen may use: the terminal's width up to MAX_FRAME_COLUMNS (the frame's own width). Read
// from the terminal size, so a screen can use it both around its Frame and inside it.
import {useTerminalSize} from './use-terminal-size.js';

/** Wide terminals are used up to this width (wider panels and names, panels side by side); beyond it stays empty. */
export const MAX_FRAME_COLUMNS = 160;

export function frameWidth(columns: number): number {
  return Math.min(columns, MAX_FRAME_COLUMNS);
}

export function useBodyWidth(): number {
  return frameWidth(useTerminalSize().columns);
}

/** Prose stays readable on a wide terminal: it wraps at most this wide. */
const PROSE_MAX_COLUMNS = 100;

/** The width prose wraps to in a frame this wide: 76 at 80 columns, never more than 100 columns of text. */
export function proseWidth(bodyWidth: number): number {
  return Math.min(bodyWidth - 4, PROSE_MAX_COLUMNS);
}

export function useProseWidth(): number {
  return proseWidth(useBodyWidth());
}
