// rightsize host --challenge FILE [--port 7070] [--data DIR]: a live classroom event on the lab network. Prints the
// join URL and the teacher token as `join: URL` / `teacher token: TOKEN` lines (scripts read them), then shows the
// board as `leaderboard --watch` does (in a terminal) and a log line per submission, until Ctrl+C.
// The server and better-sqlite3 are imported here only, so no other command needs them.
import {basename, dirname, extname, join, resolve} from 'node:path';
import {leaderboardTable} from '../../classroom/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import type {Io} from '../io.js';

export interface HostCommandOptions {
  challenge: string;
  port?: string;
  data?: string;
  bind?: string;
  publicUrl?: string;
  workers?: string;
  submitRate?: string;
  levels?: string;
}

export interface HostDeps {
  /** Stops the host (Ctrl+C / SIGTERM by default). */
  signal?: AbortSignal;
  /** Rows of the terminal, when stdout is one (the board is cut to fit above the log). */
  rows?: number;
  /** Called once the host listens (tests). */
  onListening?: (info: {url: string; joinUrl: string; teacherToken: string}) => void;
}

export const DEFAULT_PORT = 7070;
const LOG_LINES = 6;

function whole(value: string | undefined, name: string, min: number, max: number): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : `${name} must be a whole number from ${min} to ${max} (got '${value}')`;
}

/** The default data folder: `<challenge name>.event/` beside the challenge file, so a restart finds it again. */
export function defaultDataDir(challengePath: string): string {
  const file = resolve(challengePath);
  return join(dirname(file), `${basename(file, extname(file)).replace(/\.teacher$/, '')}.event`);
}

export async function hostCommand(io: Io, options: HostCommandOptions, deps: HostDeps = {}): Promise<ExitCode> {
  const port = whole(options.port, '--port', 0, 65535) ?? DEFAULT_PORT;
  const workers = whole(options.workers, '--workers', 1, 64);
  const submitRate = whole(options.submitRate, '--submit-rate', 0, 100_000);
  for (const problem of [port, workers, submitRate]) {
    if (typeof problem === 'string') {
      io.err(`host: ${problem}`);
      return EXIT.badInput;
    }
  }
  if (options.publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(options.publicUrl)) {
    io.err(`host: --public-url must be http(s)://HOST[:PORT] (got '${options.publicUrl}')`);
    return EXIT.badInput;
  }
  const dataDir = resolve(options.data ?? defaultDataDir(options.challenge));
  let startHost: typeof import('../../host/index.js').startHost;
  try {
    ({startHost} = await import('../../host/index.js'));
  } catch (error) {
    io.err(`host: the server cannot load (${error instanceof Error ? error.message : String(error)}); reinstall rightsize so better-sqlite3 is built for this Node`);
    return EXIT.badInput;
  }
  const {defaultWorkerCount} = await import('../../classroom/index.js');
  let host;
  try {
    host = await startHost({
      challengePath: options.challenge,
      dataDir,
      levelsDir: options.levels,
      workers: (workers as number | undefined) ?? defaultWorkerCount(),
      port: port as number,
      ...(options.bind === undefined ? {} : {bind: options.bind}),
      ...(options.publicUrl === undefined ? {} : {publicUrl: options.publicUrl}),
      ...(submitRate === undefined ? {} : {submitPerMinute: submitRate as number}),
    });
  } catch (error) {
    io.err(`host: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.badInput;
  }

  const status = host.event.status();
  const head = [
    `rightsize host: ${status.title} (challenge '${status.challenge}'), ${status.players} players and ${status.submissions} submissions so far`,
    `join: ${host.joinUrl}`,
    `teacher token: ${host.teacherToken}`,
    `board: ${host.url}/ (projector page; JSON at ${host.url}/api/board)`,
    ...host.otherUrls.map((u) => `also reachable at: ${u}/${host.event.joinCode}`),
    `data: ${dataDir}`,
    'students: rightsize play --join URL   ·   Ctrl+C stops (restart on the same --data to resume)',
  ];
  const tty = io.columns !== undefined;
  const logs: string[] = [];
  const draw = () => {
    const board = host.event.liveBoard();
    const width = Math.max(80, Math.min(io.columns ?? 80, 120));
    const frozen = host.event.status();
    const banner = [frozen.frozenAt ? `FROZEN since ${frozen.frozenAt} (the room's board stops there; this one is live)` : '', frozen.closedAt ? `CLOSED at ${frozen.closedAt}` : ''].filter(Boolean);
    const table = leaderboardTable(board, width);
    const room = deps.rows === undefined ? table.length : Math.max(3, deps.rows - head.length - banner.length - LOG_LINES - 3);
    const shown = table.length > room ? [...table.slice(0, room - 1), `  … ${table.length - room + 1} more rows (full board: ${host.url}/api/board)`] : table;
    io.out(`\u001b[2J\u001b[H${[...head, ...banner, '', ...shown, '', ...logs.slice(-LOG_LINES)].join('\n')}`);
  };
  if (tty) draw();
  else io.out(head.join('\n'));
  deps.onListening?.({url: host.url, joinUrl: host.joinUrl, teacherToken: host.teacherToken});

  let pending: NodeJS.Timeout | undefined;
  const redraw = () => {
    if (!tty || pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      draw();
    }, 150);
  };
  const offLog = host.onLog((entry) => {
    const line = `${entry.at.slice(11, 19)} ${entry.text}`;
    logs.push(line);
    if (logs.length > LOG_LINES) logs.shift();
    if (tty) redraw();
    else io.out(line);
  });
  const offChange = host.event.onChange(redraw);

  const signal = deps.signal ?? stopSignal();
  await new Promise<void>((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), {once: true});
  });
  offLog();
  offChange();
  if (pending) clearTimeout(pending);
  await host.stop();
  io.err('host: stopped; every acknowledged submission is in the data folder');
  return EXIT.ok;
}

function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}
