// The store: the player's files. Progress (stars and best points per level, settings), named solution slots,
// and solution files anywhere on disk. Everything lives under dataDir() and every write is atomic.
// I/O functions are async; the pure ones (recordResult, resetLevel, parseProgress, safeSlotName) are not.
export {dataDir, progressPath, safeSlotName, slotPath, solutionsDir, SLOT_NAME_MAX_CHARS} from './paths.js';
export {freshProgress, parseProgress, migrate, PROGRESS_FORMAT_VERSION, MIGRATIONS} from './progress-schema.js';
export type {LevelProgress, Progress, Migration, ParsedProgress} from './progress-schema.js';
export {loadProgress, saveProgress, recordResult, resetLevel, resetAll, moveAside, peekSettings, MAX_PROGRESS_BYTES} from './progress.js';
export type {LoadedProgress} from './progress.js';
export {listSlots, saveSlot, loadSlot, deleteSlot, exportSolution, importSolution} from './slots.js';
export type {SlotInfo} from './slots.js';
export {reviewSchema, emptyReview, reviewOf, recordAnswer, recordLost, recordRead, dueKeys, endOfDay, nextDue, MAX_REVIEW_CARDS} from './review.js';
export type {ReviewState, ReviewCard} from './review.js';
