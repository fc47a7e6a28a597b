// The store: the player's files. Progress (stars and best points per level, settings), named solution slots,
// and solution files anywhere on disk. Everything lives under dataDir() and every write is atomic.
// I/O functions are async; the pure ones (recordResult, resetLevel, changeSettings, parseProgress, safeSlotName)
// are not. A save is a change (`updateProgress(p => recordResult(p, …))`) applied to what is on disk under a lock,
// so concurrent games merge instead of overwriting each other.
export {dataDir, progressPath, safeSlotName, slotPath, solutionsDir, SLOT_NAME_MAX_CHARS} from './paths.js';
export {freshProgress, parseProgress, migrate, PROGRESS_FORMAT_VERSION, MIGRATIONS} from './progress-schema.js';
export type {KeptBuild, LevelProgress, Progress, Migration, ParsedProgress} from './progress-schema.js';
export {
  loadProgress,
  updateProgress,
  saveProgress,
  recordResult,
  resetLevel,
  changeSettings,
  resetAll,
  moveAside,
  peekSettings,
  cleanStaleTemps,
  dataDirProblem,
  ProgressReadOnlyError,
  MAX_PROGRESS_BYTES,
} from './progress.js';
export type {LoadedProgress, ProgressChange} from './progress.js';
export {withLock, lockPathOf, LockTimeoutError} from './lock.js';
export {listSlots, saveSlot, loadSlot, deleteSlot, exportSolution, importSolution} from './slots.js';
export type {SlotInfo} from './slots.js';
export {reviewSchema, emptyReview, reviewOf, recordAnswer, recordLost, recordRead, dueKeys, endOfDay, nextDue, MAX_REVIEW_CARDS} from './review.js';
export type {ReviewState, ReviewCard} from './review.js';
export {defaultSubmissionPath, mergeSubmission, recordSubmission, submissionToJson, SUBMISSIONS_DIR, SUBMISSION_EXTENSION} from './submissions.js';
export type {SolutionEntry, SubmissionHeader, WrittenSubmission} from './submissions.js';
export {openScoreCache, scoreCachePath, MAX_CACHE_BYTES, type DiskCache} from './score-cache.js';
export {hostsOf, joinHost, tokenFor, rememberToken, markPending, joinedEventDir, joinedSubmissionPath, hostsSchema, MAX_JOINED_EVENTS} from './hosts.js';
export type {HostEntry, Hosts} from './hosts.js';
