// Scoring on worker threads (#14): a search scores thousands of builds of ~50 ms each, independent of one another.
// Each request is split into contiguous chunks, one per worker, and the answers are put back in order, so the
// results never depend on how many workers there are. One worker (or none) scores in process.
import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';
import type {Level} from '../../engine/index.js';
import {scoreBuild} from './score.js';
import type {Scored, Scorer} from './search.js';
import type {ScoreRequest} from './worker.js';

/** Worker threads pay a start-up (loading the engine) that only pays back on real batches. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

function workerUrl(): URL {
  // From the sources (tests, tsx) the worker needs the TypeScript loader; the bundle has its own JS entry.
  return import.meta.url.endsWith('.ts') ? new URL('./worker-dev.mjs', import.meta.url) : new URL('./search-worker.js', import.meta.url);
}

export class ScorePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, {resolve: (r: Scored[]) => void; reject: (e: Error) => void}>();
  private nextId = 0;

  constructor(readonly size: number) {
    for (let i = 0; size > 1 && i < size; i++) {
      const worker = new Worker(workerUrl());
      worker.on('message', (answer: {id: number; results: Scored[]}) => {
        const wait = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        wait?.resolve(answer.results);
      });
      worker.on('error', (error) => {
        for (const wait of this.waiting.values()) wait.reject(error);
        this.waiting.clear();
      });
      this.workers.push(worker);
    }
  }

  /** A scorer for one level: in process with one worker, else split over the threads. */
  scorer(level: Level): Scorer {
    if (this.workers.length === 0) return async (builds, seed) => builds.map((tiers) => scoreBuild(level, tiers, seed));
    return async (builds, seed) => {
      const chunk = Math.ceil(builds.length / this.workers.length);
      const parts: Promise<Scored[]>[] = [];
      for (let w = 0; w < this.workers.length && w * chunk < builds.length; w++) {
        parts.push(this.ask(this.workers[w] as Worker, {id: this.nextId++, level, builds: builds.slice(w * chunk, (w + 1) * chunk), seed}));
      }
      return (await Promise.all(parts)).flat();
    };
  }

  private ask(worker: Worker, request: ScoreRequest): Promise<Scored[]> {
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, {resolve, reject});
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
