// One re-scoring job: a build on one level and one seed, through engine.simulate (the one scoring path: the game
// and `rightsize score` call the same function). Workers and the sequential path both run exactly this.
import {fingerprint, simulate, type Level, type Metrics, type Tier} from '../engine/index.js';

export interface ScoreJob {
  /** The cache key: engine version, level hash, solution fingerprint, seed. */
  key: string;
  /** Index into the challenge's levels. */
  levelIndex: number;
  seed: number;
  tiers: Tier[];
}

/** What the leaderboard keeps of a run: small enough to cache and to post between threads. */
export interface ScoreSummary {
  points: number;
  stars: number;
  passed: boolean;
  metrics: Metrics;
  /** The full result's fingerprint: anyone can re-run `rightsize score --seed` and compare. */
  fingerprint: string;
}

export function jobKey(engineVersion: string, levelHash: string, tiers: readonly Tier[], seed: number): string {
  return `${engineVersion}:${levelHash}:${fingerprint(tiers)}:${seed}`;
}

export function runScoreJob(level: Level, job: Pick<ScoreJob, 'seed' | 'tiers'>): ScoreSummary {
  const result = simulate(level, {tiers: job.tiers}, {seed: job.seed});
  return {points: result.points, stars: result.stars, passed: result.passed, metrics: result.metrics, fingerprint: result.fingerprint};
}
