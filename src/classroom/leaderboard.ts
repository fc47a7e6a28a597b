// The leaderboard as a library function: every accepted submission re-scored on every private seed through
// engine.simulate (the one scoring path), each player's best kept, ranked, and the Pareto front marked.
// The CLI (`rightsize leaderboard`) and a live host are thin layers over `buildLeaderboard` / `scoreCandidates`.
import {DEFAULT_PARETO_METRICS, seedCommitment, type Challenge, type ChallengeLevel} from '../content/index.js';
import {checkSolution, ENGINE_VERSION, METRIC_BETTER, METRICS, type Level, type Metric} from '../engine/index.js';
import {collectSubmissionFiles, readCandidate, type Candidate} from './collect.js';
import {runJobs, startWorkers, stopWorkers, workersFor, type StartedWorkers} from './pool.js';
import {jobKey, type ScoreJob, type ScoreSummary} from './score-job.js';
import {memoryCache, type Leaderboard, type LeaderboardRow, type LevelScore, type Rejection, type ScoreCache, type Superseded} from './types.js';

export interface ScoringContext {
  /** The teacher's copy: it must hold the private seeds. */
  challenge: Challenge;
  /** resolveChallengeLevels(challenge): the levels as loaded now, with their hashes. */
  levels: readonly ChallengeLevel[];
}

export interface ScoreOptions {
  /** Submissions made after this instant are set aside (`--freeze`). */
  freeze?: Date;
  /** Worker threads (0 = this thread); default one per core when there is enough work. */
  workers?: number;
  cache?: ScoreCache;
  onProgress?: (done: number, total: number) => void;
  /** Runs the jobs instead of `runJobs` (a live host keeps one pool of worker threads for the whole event). */
  runner?: (levels: readonly Level[], jobs: readonly ScoreJob[]) => Promise<ScoreSummary[]>;
}

export interface ScoredLeaderboard {
  leaderboard: Leaderboard;
  /** Runs simulated now, and runs answered from the cache (not part of the leaderboard: it must not change its bytes). */
  stats: {files: number; simulated: number; cached: number};
}

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** Player names compare without case, spacing or Unicode form differences ("Ada", "ada ", "ADA" are one player). */
export function playerKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function reject(file: string, reason: Rejection['reason'], message: string, player?: string): Rejection {
  return player === undefined ? {file, reason, message} : {file, reason, message, player};
}

interface Accepted {
  file: string;
  player: string;
  submittedAt: string;
  claimedPoints?: number;
  /** [level index, job keys per seed] */
  levels: {index: number; keys: string[]}[];
}

/** The checks a submission must pass before it is scored; the first that fails is its reason. */
function admit(candidate: Candidate, context: ScoringContext, seeds: readonly number[], freeze: Date | undefined, jobs: Map<string, ScoreJob>): Accepted | Rejection {
  if (!candidate.ok) return candidate.rejection;
  const {file, submission} = candidate;
  const {challenge, levels} = context;
  const player = submission.player;
  if (submission.challenge !== challenge.id) {
    return reject(file, 'wrong-challenge', `this submission is for challenge '${submission.challenge}', not '${challenge.id}'`, player);
  }
  if (submission.engineVersion !== ENGINE_VERSION) {
    return reject(file, 'engine-version', `made with engine ${submission.engineVersion}; this rightsize runs engine ${ENGINE_VERSION}: play the levels again (or run rightsize submit) with this version`, player);
  }
  const at = Date.parse(submission.submittedAt);
  if (challenge.opensAt !== undefined && at < Date.parse(challenge.opensAt)) {
    return reject(file, 'before-opening', `submitted ${submission.submittedAt}, before the challenge opened (${challenge.opensAt})`, player);
  }
  if (challenge.closesAt !== undefined && at > Date.parse(challenge.closesAt)) {
    return reject(file, 'after-closing', `submitted ${submission.submittedAt}, after the challenge closed (${challenge.closesAt})`, player);
  }
  if (freeze !== undefined && at > freeze.getTime()) {
    return reject(file, 'after-freeze', `submitted ${submission.submittedAt}, after the freeze (${freeze.toISOString()})`, player);
  }
  const accepted: Accepted = {file, player, submittedAt: submission.submittedAt, levels: []};
  const pending: ScoreJob[] = [];
  let claimed: number | undefined;
  for (const [position, solution] of submission.solutions.entries()) {
    const index = levels.findIndex((l) => l.level.id === solution.level);
    const challengeLevel = levels[index];
    if (!challengeLevel) {
      return reject(file, 'unknown-level', `solutions[${position}]: level '${solution.level}' is not in this challenge (levels: ${levels.map((l) => l.level.id).join(', ')})`, player);
    }
    if (solution.levelHash !== challengeLevel.hash) {
      return reject(file, 'level-changed', `solutions[${position}]: level '${solution.level}' was played in another version (hash ${solution.levelHash.slice(0, 12)}…, the challenge's is ${challengeLevel.hash.slice(0, 12)}…): play it again from the challenge`, player);
    }
    const problems = checkSolution(challengeLevel.level, {formatVersion: 1, level: solution.level, tiers: solution.tiers});
    const problem = problems[0];
    if (problem) {
      const path = problem.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
      return reject(file, 'invalid-build', `solutions[${position}]${path}: ${problem.message}`, player);
    }
    if (solution.claimed) claimed = (claimed ?? 0) + solution.claimed.points;
    const keys = seeds.map((seed) => {
      const key = jobKey(ENGINE_VERSION, challengeLevel.hash, solution.tiers, seed);
      pending.push({key, levelIndex: index, seed, tiers: solution.tiers});
      return key;
    });
    accepted.levels.push({index, keys});
  }
  for (const job of pending) if (!jobs.has(job.key)) jobs.set(job.key, job);
  if (claimed !== undefined) accepted.claimedPoints = claimed;
  return accepted;
}

function metricsOf(levels: readonly {summaries: ScoreSummary[]}[]): Record<Metric, number> {
  const out = {} as Record<Metric, number>;
  for (const metric of METRICS) {
    const perLevel = levels.map((l) => l.summaries.reduce((sum, s) => sum + s.metrics[metric], 0) / l.summaries.length);
    const total = perLevel.reduce((a, b) => a + b, 0);
    out[metric] = round(metric === 'monthlyCostUsd' ? total : total / Math.max(1, perLevel.length), 6);
  }
  return out;
}

function rowOf(accepted: Accepted, context: ScoringContext, results: Map<string, ScoreSummary>, team: string | undefined): LeaderboardRow {
  const seedCount = accepted.levels[0]?.keys.length ?? 0;
  const perLevel = accepted.levels
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((l) => ({index: l.index, summaries: l.keys.map((key) => results.get(key) as ScoreSummary)}));
  const levels: LevelScore[] = perLevel.map(({index, summaries}) => {
    const points = summaries.map((s) => s.points);
    return {
      level: context.levels[index]?.level.id ?? '',
      points: round(points.reduce((a, b) => a + b, 0) / points.length, 2),
      worstPoints: Math.min(...points),
      costUsd: round(summaries.reduce((a, s) => a + s.metrics.monthlyCostUsd, 0) / summaries.length, 2),
      availability: round(summaries.reduce((a, s) => a + s.metrics.availability, 0) / summaries.length, 6),
      seeds: summaries.map((s, i) => ({seedIndex: i + 1, points: s.points, stars: s.stars, costUsd: round(s.metrics.monthlyCostUsd, 2), availability: round(s.metrics.availability, 6), fingerprint: s.fingerprint})),
    };
  });
  const totals = Array.from({length: seedCount}, (_, seed) => perLevel.reduce((sum, l) => sum + (l.summaries[seed]?.points ?? 0), 0));
  const worstPoints = Math.min(...totals);
  const metrics = metricsOf(perLevel);
  const row: LeaderboardRow = {
    rank: 0,
    player: accepted.player,
    points: round(totals.reduce((a, b) => a + b, 0) / Math.max(1, seedCount), 2),
    worstPoints,
    worstSeedIndex: totals.indexOf(worstPoints) + 1,
    costUsd: round(metrics.monthlyCostUsd, 2),
    availability: round(metrics.availability, 6),
    pareto: false,
    paretoLayer: null,
    levelsSubmitted: levels.length,
    metrics,
    levels,
    submittedAt: accepted.submittedAt,
    file: accepted.file,
  };
  if (team !== undefined) row.team = team;
  if (accepted.claimedPoints !== undefined) row.claimedPoints = accepted.claimedPoints;
  return row;
}

/** Better first: points, then cheaper, then earlier; then name and file, so equal rows still sort the same every run. */
export function compareRows(a: LeaderboardRow, b: LeaderboardRow): number {
  return b.points - a.points || a.costUsd - b.costUsd || Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || cmp(a.player, b.player) || cmp(a.file, b.file);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dominates(a: LeaderboardRow, b: LeaderboardRow, metrics: readonly Metric[]): boolean {
  let strictly = false;
  for (const metric of metrics) {
    const sign = METRIC_BETTER[metric] === 'higher' ? 1 : -1;
    const diff = sign * (a.metrics[metric] - b.metrics[metric]);
    if (diff < 0) return false;
    if (diff > 0) strictly = true;
  }
  return strictly;
}

/** Non-dominated sorting: layer 1 is the front; only rows with every level take part. */
export function paretoLayers(rows: LeaderboardRow[], metrics: readonly Metric[], levelCount: number): void {
  let remaining = rows.filter((r) => r.levelsSubmitted === levelCount);
  for (let layer = 1; remaining.length > 0; layer++) {
    const front = remaining.filter((r) => !remaining.some((other) => other !== r && dominates(other, r, metrics)));
    for (const r of front) {
      r.paretoLayer = layer;
      r.pareto = layer === 1;
    }
    remaining = remaining.filter((r) => !front.includes(r));
  }
}

function scoringOf(challenge: Challenge): Leaderboard['challenge']['scoring'] {
  const [m1, m2] = challenge.scoring.metrics ?? DEFAULT_PARETO_METRICS;
  return {method: challenge.scoring.method, metrics: [m1 ?? 'monthlyCostUsd', m2 ?? 'availability']};
}

/** Re-scores the candidates (already read) and ranks them. */
export async function scoreCandidates(context: ScoringContext, candidates: readonly Candidate[], options: ScoreOptions = {}): Promise<ScoredLeaderboard> {
  const {challenge} = context;
  if (!challenge.privateSeeds) throw new Error(`challenge '${challenge.id}' is the students' copy (no private seeds): the leaderboard needs the teacher's file`);
  const seeds = challenge.privateSeeds.seeds;
  const levelList = context.levels.map((l) => l.level);
  // Enough work for worker threads (at most every candidate on every seed) and nothing cached yet: they start now
  // and load while the submissions are admitted, instead of after.
  const cache = options.cache ?? memoryCache();
  const upTo = candidates.length * seeds.length * context.levels.length;
  let started: StartedWorkers | undefined;
  if (!options.runner && (options.cache === undefined || options.cache.size?.() === 0) && workersFor(upTo, options.workers) > 0) started = startWorkers(levelList, workersFor(upTo, options.workers));
  const jobs = new Map<string, ScoreJob>();
  const rejected: Rejection[] = [];
  const accepted: Accepted[] = [];
  try {
    for (const candidate of candidates) {
      const admitted = admit(candidate, context, seeds, options.freeze, jobs);
      if ('reason' in admitted) rejected.push(admitted);
      else accepted.push(admitted);
    }
  } catch (error) {
    if (started) await stopWorkers(started);
    throw error;
  }

  const results = new Map<string, ScoreSummary>();
  const todo: ScoreJob[] = [];
  for (const job of [...jobs.values()].sort((a, b) => cmp(a.key, b.key))) {
    const hit = cache.get(job.key);
    if (hit) results.set(job.key, hit);
    else todo.push(job);
  }
  const cached = results.size;
  let summaries: ScoreSummary[];
  if (options.runner) summaries = todo.length === 0 ? [] : await options.runner(levelList, todo);
  else if (started && workersFor(todo.length, options.workers) === 0) {
    // The cache answered (almost) everything: a few jobs run here, and the early workers go.
    await stopWorkers(started);
    summaries = await runJobs(levelList, todo, {workers: 0, ...(options.onProgress ? {onProgress: options.onProgress} : {})});
  } else summaries = await runJobs(levelList, todo, {...(options.workers === undefined ? {} : {workers: options.workers}), ...(options.onProgress ? {onProgress: options.onProgress} : {}), ...(started ? {started} : {})});
  todo.forEach((job, i) => {
    const summary = summaries[i] as ScoreSummary;
    results.set(job.key, summary);
    cache.set(job.key, summary);
  });

  const teamOf = new Map<string, string>();
  for (const team of challenge.teams ?? []) for (const player of team.players) teamOf.set(playerKey(player), team.id);

  // Each player's best submission; the others are listed as superseded.
  const best = new Map<string, LeaderboardRow>();
  const superseded: Superseded[] = [];
  for (const a of accepted) {
    const row = rowOf(a, context, results, teamOf.get(playerKey(a.player)));
    const key = playerKey(a.player);
    const current = best.get(key);
    if (!current) best.set(key, row);
    else {
      const [keep, drop] = compareRows(row, current) < 0 ? [row, current] : [current, row];
      best.set(key, keep);
      superseded.push({file: drop.file, player: drop.player, points: drop.points, submittedAt: drop.submittedAt});
    }
  }
  const rows = [...best.values()];
  const scoring = scoringOf(challenge);
  paretoLayers(rows, scoring.metrics, context.levels.length);
  const layerOf = (r: LeaderboardRow) => r.paretoLayer ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => (scoring.method === 'pareto' ? layerOf(a) - layerOf(b) : 0) || compareRows(a, b));
  // Competition ranking: rows equal on everything that ranks share a place.
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const tied =
      previous !== undefined &&
      (scoring.method !== 'pareto' || layerOf(previous) === layerOf(row)) &&
      previous.points === row.points &&
      previous.costUsd === row.costUsd &&
      previous.submittedAt === row.submittedAt;
    row.rank = tied ? previous.rank : i + 1;
  });
  rejected.sort((a, b) => cmp(a.file, b.file) || cmp(a.reason, b.reason));
  superseded.sort((a, b) => cmp(a.player, b.player) || cmp(a.file, b.file));

  const leaderboard: Leaderboard = {
    formatVersion: 1,
    challenge: {
      id: challenge.id,
      title: challenge.title,
      levels: context.levels.map((l) => ({id: l.level.id, hash: l.hash})),
      privateSeeds: seeds.length,
      privateSeedsHash: seedCommitment(challenge.id, seeds, challenge.privateSeeds.salt),
      scoring,
      ...(challenge.opensAt === undefined ? {} : {opensAt: challenge.opensAt}),
      ...(challenge.closesAt === undefined ? {} : {closesAt: challenge.closesAt}),
    },
    engineVersion: ENGINE_VERSION,
    ...(options.freeze === undefined ? {} : {freeze: options.freeze.toISOString()}),
    rows,
    rejected,
    superseded,
  };
  return {leaderboard, stats: {files: candidates.length, simulated: todo.length, cached}};
}

export interface BuildOptions extends ScoreOptions {
  /** Submission files and folders (see collectSubmissionFiles). */
  paths: readonly string[];
  /** Skipped when scanning folders (the challenge file itself). */
  exclude?: readonly string[];
}

/** Reads every submission the paths name, re-scores and ranks them. `missing` lists paths that name nothing. */
export async function buildLeaderboard(context: ScoringContext, options: BuildOptions): Promise<ScoredLeaderboard & {missing: string[]; truncated: boolean}> {
  const collected = collectSubmissionFiles(options.paths, options.exclude);
  const candidates = collected.files.map((file) => readCandidate(file));
  const scored = await scoreCandidates(context, candidates, options);
  return {...scored, missing: collected.missing, truncated: collected.truncated};
}
