// What the game needs from the other layers, as the screens see it. `real-services.ts` wires these to
// src/content, src/store and src/engine; tests pass small fakes or the real thing with RIGHTSIZE_HOME set.
// Every method may be sync or async: the game awaits them all. A rejected promise or a thrown Error
// is shown to the player as a message, never a crash.
import type {Level, Result, SimulateOptions, Tier} from '../../engine/index.js';
import type {ReviewState} from '../../store/index.js';

export type {ReviewState};

/** Something the learner did that spaced review schedules (src/store/review.ts). */
export type ReviewEvent =
  /** A quiz answer: the question's card, and its concepts' cards when they are being reviewed. */
  | {kind: 'answer'; key: string; right: boolean; concepts: string[]}
  /** The concepts of a campaign run's lost objectives: they come back sooner. */
  | {kind: 'lost'; concepts: string[]}
  /** A concept card read in the Codex: reviewed if it was due. */
  | {kind: 'read'; concept: string};

export interface Chapter {
  id: string;
  title: string;
  /** Level ids in campaign order. */
  levels: string[];
}

export interface Campaign {
  chapters: Chapter[];
  /** In campaign order. */
  levels: Level[];
}

export interface ConceptCard {
  id: string;
  title: string;
  summary: string;
  explanation: string;
  facts: {text: string; source: string}[];
  exam: string[];
}

/** The player's best on one level. */
export interface LevelRecord {
  stars: number;
  bestPoints: number;
  /** The lowest monthly cost of a passing run. */
  bestMonthlyCostUsd?: number;
}

export type Records = Record<string, LevelRecord>;

export interface Settings {
  /** Ink's screen-reader mode: plain, linear output for screen readers. */
  screenReader?: boolean;
}

export type MaybePromise<T> = T | Promise<T>;

/** A saved build as the slot list shows it: its name, when it was saved, and what it builds (or why it cannot be read). */
export interface SlotEntry {
  name: string;
  savedAt: Date;
  tiers?: Tier[];
  problem?: string;
}

/** A classroom challenge opened in the game (`play --challenge`, or the menu's Class challenge). */
export interface ActiveChallenge {
  file: string;
  id: string;
  title: string;
  publicSeed: number;
  /** The challenge's levels, in its order, as pinned by their hashes. */
  levels: Level[];
  closesAt?: string;
  /** Where the submission goes (--out); default: submissions/<player>.json beside the challenge file. */
  out?: string;
  /** A live event (`play --join URL`): runs go to the host when the player sends them (u on the results). */
  joinUrl?: string;
}

/** What became of a run sent to a live host: `sent` false means it waits in the queue (or was refused). */
export interface SentRun {
  sent: boolean;
  /** One line for the player (points and rank, or why it waits). */
  text: string;
  path: string;
}

export interface Services {
  /** Levels, chapters and concept cards; a string is a problem to show instead of the campaign. */
  loadContent(): MaybePromise<{campaign: Campaign; concepts: ConceptCard[]} | {error: string}>;
  /**
   * The player's records; `notice` when the progress file was moved aside (it says where) or cannot be written
   * (then nothing is saved until restart); `builds`: the last build run on each level, for the builder to open on.
   */
  loadProgress(): MaybePromise<{records: Records; notice?: string; settings?: Settings; builds?: Record<string, Tier[]>; review?: ReviewState}>;
  /** Schedules what the learner did and saves the progress file; returns the new review state. */
  recordReview(event: ReviewEvent): MaybePromise<ReviewState>;
  /** The clock spaced review reads (injected, so tests are deterministic). */
  now(): Date;
  /** Saves the settings (they apply from the next start where Ink needs them at start-up). */
  saveSettings(settings: Settings): MaybePromise<void>;
  /** Records a scored run (and the build it ran, as the level's last and maybe best build) and saves; returns the new records. */
  recordResult(levelId: string, result: Result, tiers?: Tier[]): MaybePromise<Records>;
  resetLevel(levelId: string): MaybePromise<Records>;
  resetAll(): MaybePromise<Records>;
  /** The level's saved builds, most recently saved first. */
  listSlots(levelId: string): MaybePromise<SlotEntry[]>;
  loadSlot(levelId: string, name: string): MaybePromise<Tier[]>;
  saveSlot(levelId: string, name: string, tiers: Tier[]): MaybePromise<void>;
  deleteSlot(levelId: string, name: string): MaybePromise<void>;
  /** Writes the solution file; returns the path written. */
  exportSolution(path: string, levelId: string, tiers: Tier[]): MaybePromise<string>;
  importSolution(path: string): MaybePromise<{levelId: string; tiers: Tier[]}>;
  /** The one scoring path (engine.simulate). */
  simulate(level: Level, tiers: Tier[], options: SimulateOptions): Result;
  /** Opens a challenge file (a thrown Error says what is wrong with it). */
  openChallenge?(path: string): MaybePromise<ActiveChallenge>;
  /** Joins a live event by its URL (a thrown Error says why not); `notice`: playing the local copy while offline. */
  joinChallenge?(url: string): MaybePromise<{challenge: ActiveChallenge; notice?: string}>;
  /** Puts the run into the player's submission file for a live event and sends it to the host. */
  sendChallengeRun?(challenge: ActiveChallenge, player: string, level: Level, tiers: Tier[], result: Result): MaybePromise<SentRun>;
  /** Sends what waits in the offline queue for this event; a line for the player when something was sent. */
  flushChallenge?(challenge: ActiveChallenge): MaybePromise<string | undefined>;
  /** Puts a challenge run's build into the player's submission file; returns the path written. */
  submitChallengeRun?(challenge: ActiveChallenge, player: string, level: Level, tiers: Tier[], result: Result): MaybePromise<string>;
  /** Where progress and slots live, for Settings. */
  dataDir(): string;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
