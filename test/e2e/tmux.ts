// A real terminal for end-to-end tests: a tmux server on a private socket, one 80×24 session per test.
import {spawnSync} from 'node:child_process';

const WAIT_MS = 15_000;
const POLL_MS = 50;

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
}

export class TmuxSession {
  readonly socket: string;
  readonly name: string;

  constructor(id: string) {
    this.socket = `rightsize-e2e-${process.pid}-${id}`;
    this.name = `e2e-${id}`;
  }

  private tmux(...args: string[]): string {
    // The server's environment is ours without CI: a CI variable of any value turns colour off in chalk, and the
    // test runner's own CI=true would make Ink print only the last frame. Sessions set what they need with -e.
    const {CI: _ci, ...env} = process.env;
    const run = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8', env});
    if (run.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${run.stderr}`);
    return run.stdout;
  }

  /** Starts a plain shell in an 80×24 window with `env` and the working directory `cwd`. */
  start(env: Record<string, string>, cwd: string): void {
    const envArgs = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    this.tmux('new-session', '-d', '-x', '80', '-y', '24', '-s', this.name, '-c', cwd, ...envArgs, 'sh');
  }

  /** Types text literally (then Enter when asked). */
  type(text: string, enter = false): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
    if (enter) this.keys('Enter');
  }

  /** Presses named keys: Enter, Tab, Escape, C-c, ... */
  keys(...names: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...names);
  }

  /** The visible screen as text; with `escapes`, including the colour and style codes. */
  screen(options: {escapes?: boolean} = {}): string {
    return this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []), '-t', this.name);
  }

  cursorVisible(): boolean {
    return this.tmux('display', '-p', '-t', this.name, '#{cursor_flag}').trim() === '1';
  }

  /** Polls the screen until it contains `text` (bounded); returns the screen. */
  async waitFor(text: string | RegExp, timeoutMs = WAIT_MS): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Presses keys, then waits for `text`. */
  async press(key: string, text: string | RegExp): Promise<string> {
    this.keys(key);
    return this.waitFor(text);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], {encoding: 'utf8'});
  }
}
