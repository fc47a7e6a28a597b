// Loading, saving and updating the progress file. A file that cannot be read as progress is moved aside
// (progress.json.corrupt-N, never overwritten) and the player is told where it went.
import {constants} from 'node:fs';
import {copyFile, readFile, rm, stat, unlink} from 'node:fs/promises';
import type {Result} from '../engine/types.js';
import {writeTextAtomic, type AtomicWriteHooks} from './atomic.js';
import {dataDir, progressPath, SOLUTIONS_DIR} from './paths.js';
import {freshProgress, parseProgress, type LevelProgress, type Progress} from './progress-schema.js';
import {join} from 'node:path';

/** Far above any real progress file (a few hundred bytes per level); anything bigger is not ours. */
export const MAX_PROGRESS_BYTES = 1024 * 1024;

export interface LoadedProgress {
  progress: Progress;
  /** Set when the file could not be used: says why and where the old file was kept. */
  notice?: string;
}

type ProgressText = {kind: 'missing'} | {kind: 'unreadable'; message: string} | {kind: 'too-big'} | {kind: 'text'; text: string};

async function readProgressText(file: string): Promise<ProgressText> {
  try {
    if ((await stat(file)).size > MAX_PROGRESS_BYTES) return {kind: 'too-big'};
    return {kind: 'text', text: await readFile(file, 'utf8')};
  } catch (error) {
    return isCode(error, 'ENOENT') ? {kind: 'missing'} : {kind: 'unreadable', message: messageOf(error)};
  }
}

export async function loadProgress(): Promise<LoadedProgress> {
  const file = progressPath();
  const read = await readProgressText(file);
  switch (read.kind) {
    case 'missing':
      return {progress: freshProgress()};
    case 'unreadable':
      return {progress: freshProgress(), notice: `Could not read ${file} (${read.message}); starting with empty progress.`};
    case 'too-big':
      return setAside(file, `it is larger than ${MAX_PROGRESS_BYTES / 1024 / 1024} MB`);
    case 'text': {
      const parsed = parseProgress(read.text);
      return parsed.ok ? {progress: parsed.progress} : setAside(file, parsed.reason);
    }
  }
}

async function setAside(file: string, reason: string): Promise<LoadedProgress> {
  try {
    const kept = await moveAside(file);
    return {progress: freshProgress(), notice: `${file} could not be used because ${reason}; it was kept as ${kept} and progress starts fresh.`};
  } catch (error) {
    return {progress: freshProgress(), notice: `${file} could not be used because ${reason}, and could not be moved aside (${messageOf(error)}); progress starts fresh.`};
  }
}

export async function saveProgress(progress: Progress, hooks?: AtomicWriteHooks): Promise<void> {
  await writeTextAtomic(progressPath(), `${JSON.stringify(progress, null, 2)}\n`, hooks);
}

/** Moves `file` to the first free `file.corrupt-N` (N from 1); an existing file is never replaced. */
export async function moveAside(file: string): Promise<string> {
  for (let n = 1; ; n++) {
    const target = `${file}.corrupt-${n}`;
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
    } catch (error) {
      if (isCode(error, 'EEXIST')) continue;
      throw error;
    }
    await unlink(file);
    return target;
  }
}

/** The progress with this result counted: the best stars and the best points are kept (pure). */
export function recordResult(
  progress: Progress,
  levelId: string,
  result: Pick<Result, 'stars' | 'points' | 'passed'> & {metrics?: Pick<Result['metrics'], 'monthlyCostUsd'>},
  now?: Date,
): Progress {
  const before: LevelProgress | undefined = Object.hasOwn(progress.levels, levelId) ? progress.levels[levelId] : undefined;
  const record: LevelProgress = {
    stars: Math.max(before?.stars ?? 0, result.stars) as LevelProgress['stars'],
    bestPoints: Math.max(before?.bestPoints ?? 0, result.points),
  };
  const completedAt = before?.completedAt ?? (result.passed && now ? now.toISOString() : undefined);
  if (completedAt !== undefined) record.completedAt = completedAt;
  const cost = result.passed ? result.metrics?.monthlyCostUsd : undefined;
  const bestCost = [before?.bestMonthlyCostUsd, cost].filter((c): c is number => c !== undefined);
  if (bestCost.length > 0) record.bestMonthlyCostUsd = Math.min(...bestCost);
  return {...progress, levels: {...progress.levels, [levelId]: record}};
}

/** The progress without this level's record (pure). */
export function resetLevel(progress: Progress, levelId: string): Progress {
  const levels = {...progress.levels};
  delete levels[levelId];
  return {...progress, levels};
}

/**
 * Forgets every level's record (settings stay) and saves; with `solutions: true` also deletes every saved slot.
 * Returns the new progress.
 */
export async function resetAll(options: {solutions?: boolean} = {}): Promise<Progress> {
  const {progress} = await loadProgress();
  const fresh: Progress = {...freshProgress(), settings: progress.settings};
  await saveProgress(fresh);
  if (options.solutions) await rm(join(dataDir(), SOLUTIONS_DIR), {recursive: true, force: true});
  return fresh;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as {code?: unknown}).code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The saved settings, read without side effects: a missing or unusable file gives {} and is left where it is. */
export async function peekSettings(): Promise<Progress['settings']> {
  const text = await readFile(progressPath(), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const parsed = parseProgress(text);
  return parsed.ok ? parsed.progress.settings : {};
}
