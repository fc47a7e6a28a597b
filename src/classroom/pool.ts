// Re-scoring on worker threads, one per core: jobs go out in small batches to whichever worker is free, and come
// back into their own slot, so the answer never depends on which thread ran what (the same bytes with or without
// workers). The worker file is found beside this module: dist/score-worker.js in the bundle, worker.ts (through
// tsx) when running from src/. RIGHTSIZE_SCORE_WORKER names another file.
import {availableParallelism} from 'node:os';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {Level} from '../engine/index.js';
import {runScoreJob, type ScoreJob, type ScoreSummary} from './score-job.js';
import type {WorkerReply, WorkerRequest} from './worker.js';

/** Jobs per message: big enough that posting costs little next to simulating, small enough to balance the threads. */
const BATCH = 8;
/** Below this many jobs, threads cost more to start than they save. */
export const MIN_JOBS_FOR_WORKERS = 24;

export interface PoolOptions {
  /** Worker threads; 0 runs on this thread. Default: one per core (when there are enough jobs). */
  workers?: number;
  /** Called after each finished batch with the jobs done so far. */
  onProgress?: (done: number, total: number) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

function workerLocation(): {url: URL; execArgv: string[]} {
  const override = process.env['RIGHTSIZE_SCORE_WORKER'];
  if (override !== undefined && override !== '') return {url: pathToFileURL(resolve(override)), execArgv: []};
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource ? {url: new URL('./worker-dev.mjs', import.meta.url), execArgv: []} : {url: new URL('./score-worker.js', import.meta.url), execArgv: []};
}

function sequential(levels: readonly Level[], jobs: readonly ScoreJob[], onProgress?: PoolOptions['onProgress']): ScoreSummary[] {
  const out: ScoreSummary[] = [];
  for (const job of jobs) {
    const level = levels[job.levelIndex];
    if (!level) throw new Error(`no level at index ${job.levelIndex}`);
    out.push(runScoreJob(level, job));
    if (onProgress && (out.length % BATCH === 0 || out.length === jobs.length)) onProgress(out.length, jobs.length);
  }
  return out;
}

/** Worker threads started ahead of their jobs (they load while the caller is still reading submissions). */
export interface StartedWorkers {
  workers: Worker[];
  levels: readonly Level[];
  /** A worker that failed or stopped before it was given jobs. */
  failure?: Error;
}

/** Starts `count` scoring workers and sends them the levels; give them jobs with runJobs({started}). */
export function startWorkers(levels: readonly Level[], count: number): StartedWorkers {
  const {url, execArgv} = workerLocation();
  const started: StartedWorkers = {workers: [], levels};
  for (let i = 0; i < count; i++) {
    const worker = new Worker(url, {execArgv});
    // Until runJobs listens, a failure is kept here (an unheard 'error' event would end the process).
    worker.once('error', (error) => (started.failure ??= error));
    worker.once('exit', (code) => {
      if (code !== 0) started.failure ??= new Error(`a scoring worker stopped (exit ${code})`);
    });
    worker.postMessage({type: 'levels', levels: [...levels]} satisfies WorkerRequest);
    started.workers.push(worker);
  }
  return started;
}

export async function stopWorkers(started: StartedWorkers): Promise<void> {
  await Promise.all(started.workers.map((worker) => worker.terminate()));
}

/** How many workers a run of `jobs` jobs uses (0: this thread). */
export function workersFor(jobs: number, workers?: number): number {
  const wanted = workers ?? (jobs >= MIN_JOBS_FOR_WORKERS ? defaultWorkerCount() : 0);
  return Math.min(wanted, Math.ceil(jobs / BATCH));
}

/**
 * Every job's summary, in the jobs' order. With `started`, on those workers (the levels they were given must be
 * `levels`); they are stopped when the jobs are done.
 */
export async function runJobs(levels: readonly Level[], jobs: readonly ScoreJob[], options: PoolOptions & {started?: StartedWorkers} = {}): Promise<ScoreSummary[]> {
  const batches: ScoreJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
  const started = options.started;
  if (started && (started.levels.length !== levels.length || started.levels.some((level, i) => level !== levels[i]))) {
    await stopWorkers(started);
    throw new Error('runJobs: the started workers were given other levels');
  }
  if (!started && workersFor(jobs.length, options.workers) <= 0) return sequential(levels, jobs, options.onProgress);
  if (started && batches.length === 0) {
    await stopWorkers(started);
    return [];
  }
  const pool = started ?? startWorkers(levels, workersFor(jobs.length, options.workers));
  const workers = pool.workers;
  const count = workers.length;
  const results: ScoreSummary[][] = new Array<ScoreSummary[]>(batches.length);
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const send = (worker: Worker) => {
        if (next >= batches.length) {
          // Each worker has two slots; the run is over when every slot has found nothing left to send.
          finished++;
          if (finished === count * 2) resolve();
          return;
        }
        const id = next++;
        worker.postMessage({type: 'batch', id, jobs: batches[id] ?? []} satisfies WorkerRequest);
      };
      if (pool.failure) return fail(pool.failure);
      for (const worker of workers) {
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a scoring worker stopped (exit ${code})`));
        });
        worker.on('message', (reply: WorkerReply) => {
          if (reply.type === 'error') return fail(new Error(reply.message));
          results[reply.id] = reply.summaries;
          done += reply.summaries.length;
          options.onProgress?.(done, jobs.length);
          send(worker);
        });
        // Two batches in flight per worker: the next one is already waiting when a batch's answer is posted.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await stopWorkers(pool);
  }
  return results.flat();
}
