// The re-scoring worker thread (bundled as dist/score-worker.js). It receives the challenge's levels once, then
// batches of jobs, and answers each batch with its summaries in the same order. No state but the levels.
import {parentPort} from 'node:worker_threads';
import type {Level} from '../engine/index.js';
import {runScoreJob, type ScoreJob, type ScoreSummary} from './score-job.js';

export type WorkerRequest = {type: 'levels'; levels: Level[]} | {type: 'batch'; id: number; jobs: ScoreJob[]};
export type WorkerReply = {type: 'batch'; id: number; summaries: ScoreSummary[]} | {type: 'error'; id: number; message: string};

let levels: Level[] = [];

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'levels') {
    levels = request.levels;
    return;
  }
  try {
    const summaries = request.jobs.map((job) => {
      const level = levels[job.levelIndex];
      if (!level) throw new Error(`no level at index ${job.levelIndex}`);
      return runScoreJob(level, job);
    });
    parentPort?.postMessage({type: 'batch', id: request.id, summaries} satisfies WorkerReply);
  } catch (error) {
    parentPort?.postMessage({type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error)} satisfies WorkerReply);
  }
});
