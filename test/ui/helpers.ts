// Driving the game in ink-testing-library: press a key, then wait for the frame to change (never a fixed sleep).
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
} as const;

const WAIT_MS = 5000;

export type Rendered = ReturnType<typeof render>;

/** Polls until `check` passes on the last frame (or the timeout: then the error shows the frame). */
export type FrameCheck = string | RegExp | ((frame: string) => boolean);

export async function waitForFrame(ui: Rendered, check: FrameCheck, timeoutMs = WAIT_MS): Promise<string> {
  const test = typeof check === 'string' ? (frame: string) => frame.includes(check) : check instanceof RegExp ? (frame: string) => check.test(frame) : check;
  const started = Date.now();
  for (;;) {
    const frame = ui.lastFrame() ?? '';
    if (test(frame)) return frame;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${typeof check === 'function' ? 'a frame' : String(check)}; last frame:\n${frame}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Writes a key and waits until the frame shows `expected` (or, without it, until the frame changes). */
export async function press(ui: Rendered, key: string, expected?: FrameCheck): Promise<string> {
  const before = ui.lastFrame() ?? '';
  ui.stdin.write(key);
  return waitForFrame(ui, expected ?? ((frame) => frame !== before));
}

/** Types text one key at a time (the way a terminal delivers it), waiting for each to show. */
export async function type(ui: Rendered, text: string): Promise<void> {
  for (const char of text) await press(ui, char);
}

export function renderUi(element: ReactElement): Rendered {
  return render(element);
}

/** Sets the fake terminal's size and tells Ink it changed. */
export function resize(ui: Rendered, columns: number, rows: number): void {
  Object.defineProperty(ui.stdout, 'columns', {value: columns, configurable: true});
  Object.defineProperty(ui.stdout, 'rows', {value: rows, configurable: true});
  ui.stdout.emit('resize');
}
