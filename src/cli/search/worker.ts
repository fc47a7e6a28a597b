// A search worker thread: scores the builds it is sent and answers with their scores, in order.
import {parentPort} from 'node:worker_threads';
import type {Level, Tier} from '../../engine/index.js';
import {scoreBuild} from './score.js';

export interface ScoreRequest {
  id: number;
  level: Level;
  builds: Tier[][];
  seed: number;
}

parentPort?.on('message', (request: ScoreRequest) => {
  const results = request.builds.map((tiers) => scoreBuild(request.level, tiers, request.seed));
  parentPort?.postMessage({id: request.id, results});
});
