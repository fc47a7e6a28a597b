// The classroom layer: challenges, submissions and the re-scoring leaderboard, as library functions.
// Uses content, store and engine; the CLI commands and the game are thin layers over it (and so is a live host).
export {buildLeaderboard, scoreCandidates, compareRows, paretoLayers, playerKey, type BuildOptions, type ScoreOptions, type ScoredLeaderboard, type ScoringContext} from './leaderboard.js';
export {collectSubmissionFiles, readCandidate, candidateFromText, displayPath, MAX_SUBMISSION_FILES, type Candidate, type Collected} from './collect.js';
export {leaderboardTable, leaderboardCsv, leaderboardMarkdown, leaderboardJson, formatPoints, formatAvailability, TABLE_WIDTH} from './format.js';
export {runJobs, startWorkers, stopWorkers, defaultWorkerCount, MIN_JOBS_FOR_WORKERS, type PoolOptions, type StartedWorkers} from './pool.js';
export {jobKey, runScoreJob, type ScoreJob, type ScoreSummary} from './score-job.js';
export {memoryCache, REJECT_REASONS, type Leaderboard, type LeaderboardRow, type LevelScore, type Rejection, type RejectReason, type ScoreCache, type SeedScore, type Superseded} from './types.js';
export {openChallenge, newSalt, newPrivateSeeds, makeChallenge, type NewChallenge, type OpenedChallenge} from './challenge.js';
