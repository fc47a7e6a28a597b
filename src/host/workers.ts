// One pool of re-scoring threads for the whole event: a live host re-scores every submission as it arrives, and a
// flood of them must never stall the HTTP thread (the projector page, the acks). The threads are the leaderboard's
// own (dist/score-worker.js, the same protocol as src/classroom/pool.ts); they start once, with the challenge's
// levels, and take batches from one queue. A job already running for another submission is not run twice.
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {ScoreJob, ScoreSummary} from '../classroom/index.js';
import type {WorkerReply, WorkerRequest} from '../classroom/worker.js';
import type {Level} from '../engine/index.js';

const BATCH = 4;

function workerUrl(): URL {
  const override = process.env['RIGHTSIZE_SCORE_WORKER'];
  if (override !== undefined && override !== '') return pathToFileURL(resolve(override));
  // From src/ (tests, tsx) the classroom's loader registers tsx in the thread; in the bundle the worker sits beside this chunk.
  return import.meta.url.endsWith('.ts') ? new URL('../classroom/worker-dev.mjs', import.meta.url) : new URL('./score-worker.js', import.meta.url);
}

interface Pending {
  job: ScoreJob;
  resolve: (summary: ScoreSummary) => void;
  reject: (error: Error) => void;
}

export interface ScorePool {
  /** The summaries of these jobs, in order (the runner `scoreCandidates` takes). */
  run(levels: readonly Level[], jobs: readonly ScoreJob[]): Promise<ScoreSummary[]>;
  /** Jobs waiting for a thread or running now. */
  backlog(): number;
  close(): Promise<void>;
}

export function startScorePool(levels: readonly Level[], threads: number): ScorePool {
  const queue: Pending[] = [];
  const inFlight = new Map<string, Promise<ScoreSummary>>();
  const idle: Worker[] = [];
  const busy = new Map<Worker, {id: number; batch: Pending[]}>();
  const workers: Worker[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const batch = queue.splice(0, BATCH);
      const id = nextId++;
      busy.set(worker, {id, batch});
      worker.postMessage({type: 'batch', id, jobs: batch.map((p) => p.job)} satisfies WorkerRequest);
    }
  };

  const spawn = () => {
    const worker = new Worker(workerUrl());
    workers.push(worker);
    worker.on('message', (reply: WorkerReply) => {
      const current = busy.get(worker);
      busy.delete(worker);
      if (current) {
        if (reply.type === 'error') for (const p of current.batch) p.reject(new Error(reply.message));
        else current.batch.forEach((p, i) => p.resolve(reply.summaries[i] as ScoreSummary));
      }
      idle.push(worker);
      dispatch();
    });
    const fail = (error: Error) => {
      const current = busy.get(worker);
      busy.delete(worker);
      for (const p of current?.batch ?? []) p.reject(error);
      const at = workers.indexOf(worker);
      if (at >= 0) workers.splice(at, 1);
      const idleAt = idle.indexOf(worker);
      if (idleAt >= 0) idle.splice(idleAt, 1);
      // A thread that died is replaced, so one bad job cannot take the event's scoring down.
      if (!closed) spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(new Error(`a scoring thread stopped (exit ${code})`));
    });
    worker.postMessage({type: 'levels', levels: [...levels]} satisfies WorkerRequest);
    idle.push(worker);
    dispatch();
  };
  for (let i = 0; i < Math.max(1, threads); i++) spawn();

  const one = (job: ScoreJob): Promise<ScoreSummary> => {
    const running = inFlight.get(job.key);
    if (running) return running;
    const promise = new Promise<ScoreSummary>((resolve, reject) => {
      if (closed) return reject(new Error('the host is stopping'));
      queue.push({job, resolve, reject});
      dispatch();
    }).finally(() => inFlight.delete(job.key));
    inFlight.set(job.key, promise);
    return promise;
  };

  return {
    run: (_levels, jobs) => Promise.all(jobs.map(one)),
    backlog: () => queue.length + [...busy.values()].reduce((n, b) => n + b.batch.length, 0),
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('the host is stopping'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
