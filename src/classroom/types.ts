// The leaderboard's data: what `rightsize leaderboard --json` prints (documented in docs/CLASSROOM.md) and what a
// live host (issue #13) serves. Plain data, deterministic: the same submissions give the same value.
import type {Metric} from '../engine/index.js';
import type {ScoreSummary} from './score-job.js';

export const REJECT_REASONS = [
  'oversized',
  'unreadable',
  'malformed',
  'wrong-challenge',
  'engine-version',
  'before-opening',
  'after-closing',
  'after-freeze',
  'unknown-level',
  'level-changed',
  'invalid-build',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  file: string;
  reason: RejectReason;
  /** Says what is wrong and, where there is one, the fix. */
  message: string;
  /** The player named in the file, when it could be read. */
  player?: string;
}

export interface SeedScore {
  /** 1-based position in the private seeds (the seeds themselves stay secret until the teacher reveals them). */
  seedIndex: number;
  points: number;
  stars: number;
  costUsd: number;
  availability: number;
  fingerprint: string;
}

export interface LevelScore {
  level: string;
  /** Mean over the private seeds. */
  points: number;
  /** The lowest seed's points. */
  worstPoints: number;
  costUsd: number;
  availability: number;
  seeds: SeedScore[];
}

export interface LeaderboardRow {
  rank: number;
  player: string;
  team?: string;
  /** Σ over the levels of the mean over the private seeds (a missing level counts 0). */
  points: number;
  /** The lowest total on one private seed. */
  worstPoints: number;
  worstSeedIndex: number;
  /** Σ over the submitted levels of the mean monthly cost, USD. */
  costUsd: number;
  /** Mean over the submitted levels and seeds. */
  availability: number;
  /** On the Pareto front of the challenge's two metrics (only players who submitted every level take part). */
  pareto: boolean;
  /** 1 = the front, 2 = the front once the first is taken away, …; null when not every level was submitted. */
  paretoLayer: number | null;
  levelsSubmitted: number;
  /** Every metric: cost summed over levels, the others averaged. */
  metrics: Record<Metric, number>;
  levels: LevelScore[];
  submittedAt: string;
  file: string;
  /** Σ of the points the student's own runs showed on the public seed (never used to rank). */
  claimedPoints?: number;
}

export interface Superseded {
  file: string;
  player: string;
  points: number;
  submittedAt: string;
}

export interface Leaderboard {
  formatVersion: 1;
  challenge: {
    id: string;
    title: string;
    levels: {id: string; hash: string}[];
    privateSeeds: number;
    privateSeedsHash: string;
    scoring: {method: 'points' | 'pareto'; metrics: [Metric, Metric]};
    opensAt?: string;
    closesAt?: string;
  };
  engineVersion: string;
  freeze?: string;
  rows: LeaderboardRow[];
  rejected: Rejection[];
  /** A player's other submissions, below their best. */
  superseded: Superseded[];
}

/** Results by (engine version, level hash, solution fingerprint, seed): a re-run or `--watch` simulates only what is new. */
export interface ScoreCache {
  get(key: string): ScoreSummary | undefined;
  set(key: string, summary: ScoreSummary): void;
  /** How many results it holds, where that is cheap to know (an empty cache lets workers start early). */
  size?(): number;
}

export function memoryCache(): ScoreCache & {size(): number} {
  const map = new Map<string, ScoreSummary>();
  return {get: (key) => map.get(key), set: (key, summary) => void map.set(key, summary), size: () => map.size};
}
