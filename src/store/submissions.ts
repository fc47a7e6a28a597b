// Submission files: one per player and challenge, written atomically. Playing a challenge level again (or
// `rightsize submit` again) replaces that level's build in the same file and keeps the others; a file that cannot
// be read is moved aside (`*.corrupt-N`), never overwritten.
import {access} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import {loadSubmissionFile, type Submission, type SubmittedSolution} from '../content/index.js';
import type {Tier} from '../engine/types.js';
import {writeTextAtomic} from './atomic.js';
import {safeSlotName} from './paths.js';
import {moveAside} from './progress.js';

export const SUBMISSIONS_DIR = 'submissions';
export const SUBMISSION_EXTENSION = '.json';

/** Where a player's submission goes by default: `submissions/<player>.json` beside the challenge file. */
export function defaultSubmissionPath(challengeFile: string, player: string): string {
  return join(dirname(resolve(challengeFile)), SUBMISSIONS_DIR, `${safeSlotName(player)}${SUBMISSION_EXTENSION}`);
}

export interface SolutionEntry {
  level: string;
  levelHash: string;
  tiers: Tier[];
  claimed?: SubmittedSolution['claimed'];
}

export interface SubmissionHeader {
  challenge: string;
  player: string;
  engineVersion: string;
}

const SOLUTION_KEYS = ['level', 'levelHash', 'submittedAt', 'claimed', 'tiers'] as const;

/** The file's text: keys in a fixed order, two-space JSON, one trailing newline. */
export function submissionToJson(submission: Submission): string {
  const value = {
    formatVersion: submission.formatVersion,
    challenge: submission.challenge,
    player: submission.player,
    engineVersion: submission.engineVersion,
    createdAt: submission.createdAt,
    submittedAt: submission.submittedAt,
    solutions: submission.solutions.map((s) => Object.fromEntries(SOLUTION_KEYS.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]))),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The submission with these builds in it (pure). `previous` (same challenge and player) keeps its other levels and
 * its createdAt; its engine version is replaced, since every build is re-scored by the current engine anyway.
 * `order` is the challenge's level order.
 */
export function mergeSubmission(previous: Submission | undefined, header: SubmissionHeader, entries: readonly SolutionEntry[], now: Date, order: readonly string[]): Submission {
  const at = now.toISOString();
  const byLevel = new Map<string, SubmittedSolution>();
  const same = previous !== undefined && previous.challenge === header.challenge && previous.player === header.player;
  if (same) for (const s of previous.solutions) byLevel.set(s.level, s);
  for (const entry of entries) {
    const solution: SubmittedSolution = {level: entry.level, levelHash: entry.levelHash, submittedAt: at, tiers: entry.tiers};
    if (entry.claimed) solution.claimed = entry.claimed;
    byLevel.set(entry.level, solution);
  }
  const rank = (level: string) => {
    const index = order.indexOf(level);
    return index === -1 ? order.length : index;
  };
  const solutions = [...byLevel.values()].sort((a, b) => rank(a.level) - rank(b.level) || a.level.localeCompare(b.level));
  return {
    formatVersion: 1,
    challenge: header.challenge,
    player: header.player,
    engineVersion: header.engineVersion,
    createdAt: same ? previous.createdAt : at,
    submittedAt: at,
    solutions,
  };
}

export interface WrittenSubmission {
  path: string;
  submission: Submission;
  /** Where an unreadable earlier file was moved. */
  movedAside?: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Reads the player's file (if any), puts these builds in, and writes it atomically. */
export async function recordSubmission(path: string, header: SubmissionHeader, entries: readonly SolutionEntry[], order: readonly string[], now = new Date()): Promise<WrittenSubmission> {
  let previous: Submission | undefined;
  let movedAside: string | undefined;
  if (await exists(path)) {
    const loaded = loadSubmissionFile(path);
    if (loaded.ok) previous = loaded.value;
    else movedAside = await moveAside(path);
  }
  // Another player's or another challenge's file at this path is kept, not merged into.
  if (previous && (previous.challenge !== header.challenge || previous.player !== header.player)) {
    movedAside = await moveAside(path);
    previous = undefined;
  }
  const submission = mergeSubmission(previous, header, entries, now, order);
  await writeTextAtomic(path, submissionToJson(submission));
  return movedAside === undefined ? {path, submission} : {path, submission, movedAside};
}
