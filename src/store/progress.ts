// Loading, saving and updating the progress file. A file that cannot be read as progress is moved aside
// (progress.json.corrupt-N, never overwritten) and the player is told where it went.
import {constants} from 'node:fs';
import {copyFile, readFile, rm, unlink} from 'node:fs/promises';
import type {Result} from '../engine/types.js';
import {writeTextAtomic, type AtomicWriteHooks} from './atomic.js';
import {dataDir, progressPath, SOLUTIONS_DIR} from './paths.js';
import {freshProgress, parseProgress, type LevelProgress, type Progress} from './progress-schema.js';
import {join} from 'node:path';

export interface LoadedProgress {
  progress: Progress;
  /** Set when the file could not be used: says why and where the old file was kept. */
  notice?: string;
}

export async function loadProgress(): Promise<LoadedProgress> {
  const file = progressPath();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return {progress: freshProgress()};
    return {progress: freshProgress(), notice: `Could not read ${file} (${messageOf(error)}); starting with empty progress.`};
  }
  const parsed = parseProgress(text);
  if (parsed.ok) return {progress: parsed.progress};
  const kept = await moveAside(file);
  return {
    progress: freshProgress(),
    notice: `${file} could not be used because ${parsed.reason}; it was kept as ${kept} and progress starts fresh.`,
  };
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
export function recordResult(progress: Progress, levelId: string, result: Pick<Result, 'stars' | 'points' | 'passed'>, now?: Date): Progress {
  const before: LevelProgress | undefined = Object.hasOwn(progress.levels, levelId) ? progress.levels[levelId] : undefined;
  const record: LevelProgress = {
    stars: Math.max(before?.stars ?? 0, result.stars) as LevelProgress['stars'],
    bestPoints: Math.max(before?.bestPoints ?? 0, result.points),
  };
  const completedAt = before?.completedAt ?? (result.passed && now ? now.toISOString() : undefined);
  if (completedAt !== undefined) record.completedAt = completedAt;
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
