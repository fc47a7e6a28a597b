// rightsize leaderboard DIR|FILE... --challenge FILE [--json|--csv|--markdown] [--freeze TIME] [--watch]:
// a thin layer over the classroom library (buildLeaderboard), which re-scores every submission itself.
import {statSync} from 'node:fs';
import {
  buildLeaderboard,
  collectSubmissionFiles,
  leaderboardCsv,
  leaderboardJson,
  leaderboardMarkdown,
  leaderboardTable,
  memoryCache,
  openChallenge,
  type OpenedChallenge,
  type ScoreCache,
  type ScoredLeaderboard,
} from '../../classroom/index.js';
import {isoTimeProblem} from '../../content/index.js';
import {ENGINE_VERSION} from '../../engine/index.js';
import {openScoreCache, type DiskCache} from '../../store/index.js';
import type {ScoreSummary} from '../../classroom/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {reportProblems, type Io} from '../io.js';

export interface LeaderboardOptions {
  challenge: string;
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
  freeze?: string;
  watch?: boolean;
  workers?: string;
  cache: boolean;
  levels?: string;
}

export interface LeaderboardDeps {
  /** Where the progress bar goes (a TTY only). */
  progress?: NodeJS.WriteStream;
  /** Stops --watch (Ctrl+C by default). */
  signal?: AbortSignal;
  watchIntervalMs?: number;
}

const WATCH_INTERVAL_MS = 2000;

function format(options: LeaderboardOptions, scored: ScoredLeaderboard, columns: number | undefined): string {
  const board = scored.leaderboard;
  if (options.json) return leaderboardJson(board);
  if (options.csv) return leaderboardCsv(board);
  if (options.markdown) return leaderboardMarkdown(board);
  return `${leaderboardTable(board, Math.max(80, Math.min(columns ?? 80, 120))).join('\n')}\n`;
}

/** `[██████░░░░] 1,234/3,000 runs` on one line of a terminal, redrawn in place. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `re-scoring [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} runs`;
}

function progressTo(stream: NodeJS.WriteStream | undefined): ((done: number, total: number) => void) | undefined {
  if (!stream?.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    stream.write(`\r${progressBar(done, total)}${done === total ? '\r\u001b[2K' : ''}`);
  };
}

/** A cheap signature of the files: a change in names, sizes or times means a new table. */
function signature(paths: readonly string[], exclude: readonly string[]): string {
  const {files} = collectSubmissionFiles(paths, exclude);
  return files
    .map((file) => {
      try {
        const s = statSync(file);
        return `${file}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${file}:gone`;
      }
    })
    .join('\n');
}

export async function leaderboardCommand(io: Io, paths: readonly string[], options: LeaderboardOptions, deps: LeaderboardDeps = {}): Promise<ExitCode> {
  const formats = [options.json, options.csv, options.markdown].filter(Boolean).length;
  if (formats > 1) {
    io.err('leaderboard: choose one of --json, --csv, --markdown');
    return EXIT.badInput;
  }
  let freeze: Date | undefined;
  if (options.freeze !== undefined) {
    const problem = isoTimeProblem(options.freeze);
    if (problem) {
      io.err(`leaderboard: --freeze ${problem}`);
      return EXIT.badInput;
    }
    freeze = new Date(options.freeze);
  }
  let workers: number | undefined;
  if (options.workers !== undefined) {
    workers = Number(options.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 256) {
      io.err(`leaderboard: --workers must be a whole number from 0 (no threads) to 256 (got '${options.workers}')`);
      return EXIT.badInput;
    }
  }
  const opened: OpenedChallenge = openChallenge(options.challenge, {levelsDir: options.levels});
  if (!opened.ok) {
    reportProblems(io, opened.problems);
    return EXIT.badInput;
  }
  if (!opened.challenge.privateSeeds) {
    io.err(`${options.challenge}: this is the students' copy (privateSeedsHash only): the leaderboard re-scores on the private seeds, so it needs the teacher's file`);
    return EXIT.badInput;
  }
  const disk: DiskCache<ScoreSummary> | undefined = options.cache ? await openScoreCache<ScoreSummary>(ENGINE_VERSION) : undefined;
  const cache: ScoreCache = disk ?? memoryCache();
  const context = {challenge: opened.challenge, levels: opened.levels};
  const exclude = [options.challenge];
  const onProgress = progressTo(deps.progress);
  const run = async () => {
    const scored = await buildLeaderboard(context, {paths, exclude, cache, ...(freeze ? {freeze} : {}), ...(workers === undefined ? {} : {workers}), ...(onProgress ? {onProgress} : {})});
    await disk?.save().catch(() => undefined);
    return scored;
  };

  // Taken before scoring: a file that arrives while the first table is made still triggers a redraw.
  let last = options.watch ? signature(paths, exclude) : '';
  const first = await run();
  if (first.missing.length > 0 && !options.watch) {
    for (const path of first.missing) io.err(`${path}: no such file or folder`);
    return EXIT.badInput;
  }
  if (first.truncated) io.err('leaderboard: more submission files than it reads at once; only the first were ranked');
  if (!options.watch) {
    io.out(format(options, first, io.columns));
    return EXIT.ok;
  }

  // --watch: redraw when the files change, until Ctrl+C (or the signal).
  const signal = deps.signal ?? sigintSignal();
  const clear = io.columns !== undefined ? '\u001b[2J\u001b[H' : '';
  const draw = (scored: ScoredLeaderboard) => {
    const at = new Date().toISOString().slice(11, 19);
    io.out(`${clear}${format(options, scored, io.columns)}`);
    io.err(`updated ${at} UTC: ${scored.stats.files} files, ${scored.stats.simulated} runs simulated, ${scored.stats.cached} from the cache; watching for new files (Ctrl+C stops)`);
  };
  draw(first);
  while (!signal.aborted) {
    await sleep(deps.watchIntervalMs ?? WATCH_INTERVAL_MS, signal);
    if (signal.aborted) break;
    const now = signature(paths, exclude);
    if (now === last) continue;
    last = now;
    draw(await run());
  }
  return EXIT.ok;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, {once: true});
  });
}

function sigintSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}
