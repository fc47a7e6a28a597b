// Loading and changing the progress file. Every change is "apply this to what is on disk": under the file's lock
// the current file is read, the change applied and the result written atomically, so two games (or a game and a
// `rightsize` command) never lose each other's confirmed saves. A file that cannot be read as progress is moved
// aside (progress.json.corrupt-N, never overwritten); one that exists but cannot be read, or was written by a
// newer rightsize, is never written over: the game runs read-only and says why.
import {constants} from 'node:fs';
import {copyFile, readdir, readFile, rm, stat, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import type {Result, Tier} from '../engine/types.js';
import {ensureDir, writeTextAtomic, type AtomicWriteHooks} from './atomic.js';
import {STALE_MS, withLock} from './lock.js';
import {dataDir, PROGRESS_FILE, progressPath, SOLUTIONS_DIR} from './paths.js';
import {freshProgress, parseProgress, PROGRESS_FORMAT_VERSION, type KeptBuild, type LevelProgress, type Progress} from './progress-schema.js';

/** Far above any real progress file (a few KB per level); anything bigger is not ours. */
export const MAX_PROGRESS_BYTES = 1024 * 1024;
/** A slot's temp file untouched this long is left from a crash (slot writes take milliseconds and hold no lock). */
export const STALE_SLOT_TEMP_MS = 10 * 60_000;

export interface LoadedProgress {
  progress: Progress;
  /** Set when the file could not be used: says why and where the old file was kept. */
  notice?: string;
  /** Set when the file exists but must not be written (unreadable, or from a newer rightsize): why. */
  readOnly?: string;
}

/** A save refused because the file on disk must not be written over; the message says why and what to do. */
export class ProgressReadOnlyError extends Error {
  override readonly name = 'ProgressReadOnlyError';
}

/** A change to the progress: a pure function of what is on disk now. */
export type ProgressChange = (progress: Progress) => Progress;

type ProgressText = {kind: 'missing'} | {kind: 'unreadable'; message: string} | {kind: 'too-big'} | {kind: 'text'; text: string};

async function readProgressText(file: string): Promise<ProgressText> {
  try {
    if ((await stat(file)).size > MAX_PROGRESS_BYTES) return {kind: 'too-big'};
    return {kind: 'text', text: await readFile(file, 'utf8')};
  } catch (error) {
    return isCode(error, 'ENOENT') ? {kind: 'missing'} : {kind: 'unreadable', message: describe(error)};
  }
}

type OnDisk = {kind: 'progress'; progress: Progress; notice?: string} | {kind: 'read-only'; why: string; progress?: Progress};

/** What is on disk, as progress to build on, or why it must be left alone. A corrupt file is moved aside. */
async function onDisk(file: string): Promise<OnDisk> {
  const read = await readProgressText(file);
  switch (read.kind) {
    case 'missing':
      return {kind: 'progress', progress: freshProgress()};
    case 'unreadable':
      return {kind: 'read-only', why: `${file} exists but could not be read (${read.message}); it is left as it is and nothing is saved until rightsize restarts. Fix its permissions (or move it away) to save again.`};
    case 'too-big':
      return setAside(file, `it is larger than ${MAX_PROGRESS_BYTES / 1024 / 1024} MB`);
    case 'text': {
      const parsed = parseProgress(read.text);
      if (parsed.ok) return {kind: 'progress', progress: parsed.progress};
      if (parsed.newerVersion !== undefined) {
        return {
          kind: 'read-only',
          why: `${file} was written by a newer rightsize (progress formatVersion ${parsed.newerVersion}; this one understands ${PROGRESS_FORMAT_VERSION}); it is left untouched and nothing is saved. Upgrade rightsize to keep playing with your progress.`,
        };
      }
      return setAside(file, parsed.reason);
    }
  }
}

async function setAside(file: string, reason: string): Promise<OnDisk> {
  try {
    const kept = await moveAside(file);
    return {kind: 'progress', progress: freshProgress(), notice: `${file} could not be used because ${reason}; it was kept as ${kept} and progress starts fresh.`};
  } catch (error) {
    if (isCode(error, 'ENOENT')) return {kind: 'progress', progress: freshProgress()}; // another process moved it first
    return {kind: 'read-only', why: `${file} could not be used because ${reason}, and could not be moved aside (${describe(error)}); it is left as it is and nothing is saved.`};
  }
}

/**
 * The player's progress. Also clears what a killed save left behind (temp files of this app's own name pattern,
 * stale locks). Never throws for a bad file: `notice` says what happened, `readOnly` why saving is off.
 */
export async function loadProgress(): Promise<LoadedProgress> {
  const file = progressPath();
  const home = await dataDirProblem();
  if (home !== undefined) return {progress: freshProgress(), notice: home, readOnly: home};
  const locked = await withLock(file, async () => {
    await cleanStaleTemps();
    return onDisk(file);
  }).catch(() => undefined); // a folder we cannot write: read without the lock
  const found = locked ?? (await readOnlyLook(file));
  if (found.kind === 'read-only') return {progress: found.progress ?? freshProgress(), notice: found.why, readOnly: found.why};
  return found.notice === undefined ? {progress: found.progress} : {progress: found.progress, notice: found.notice};
}

/** The file judged without the lock and without moving anything (the folder cannot be written). */
async function readOnlyLook(file: string): Promise<OnDisk> {
  const read = await readProgressText(file);
  if (read.kind === 'missing') return {kind: 'progress', progress: freshProgress()};
  if (read.kind === 'text') {
    const parsed = parseProgress(read.text);
    if (parsed.ok) return {kind: 'read-only', why: `${dataDir()} cannot be written; your progress is shown but nothing is saved until it can.`, progress: parsed.progress};
  }
  return onDisk(file).catch((error: unknown) => ({kind: 'read-only' as const, why: `${file} could not be used (${describe(error)}); nothing is saved.`}));
}

/**
 * Applies `change` to the progress on disk and saves the result, under the file's lock, atomically. Returns
 * the progress saved. Refuses (ProgressReadOnlyError) to write over a file that exists but cannot be read or
 * is from a newer rightsize; a corrupt file is moved aside first, as on load.
 */
export async function updateProgress(change: ProgressChange, hooks?: AtomicWriteHooks): Promise<Progress> {
  const file = progressPath();
  const home = await dataDirProblem();
  if (home !== undefined) throw new ProgressReadOnlyError(home);
  await ensureDir(dataDir());
  return withLock(file, async () => {
    const current = await onDisk(file);
    if (current.kind === 'read-only') throw new ProgressReadOnlyError(current.why);
    const next = change(current.progress);
    await writeTextAtomic(file, `${JSON.stringify(next, null, 2)}\n`, hooks);
    return next;
  });
}

/** Replaces the whole progress (tests, tools). A game saves with updateProgress, which merges with the file. */
export async function saveProgress(progress: Progress, hooks?: AtomicWriteHooks): Promise<void> {
  await updateProgress(() => progress, hooks);
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

/** A temp file write-file-atomic makes beside `name`: `<name>.<decimal>`. */
function isTempOf(entry: string, name: RegExp): boolean {
  return name.test(entry);
}

/**
 * Removes what killed saves left: progress temp files (`progress.json.<n>`: every one, since this runs holding the
 * lock every progress write holds), slot temp files (`<slot>.yaml.<n>`) untouched for STALE_SLOT_TEMP_MS, and
 * lock directories set aside by a takeover that did not finish. Nothing else is touched. Errors are ignored.
 */
export async function cleanStaleTemps(now = Date.now()): Promise<void> {
  const home = dataDir();
  const progressTemp = new RegExp(`^${PROGRESS_FILE.replace('.', '\\.')}\\.\\d+$`);
  const staleLock = new RegExp(`^${PROGRESS_FILE.replace('.', '\\.')}\\.lock\\.stale-\\d+-[0-9a-f]+$`);
  for (const entry of await readdir(home).catch(() => [] as string[])) {
    if (isTempOf(entry, progressTemp)) await rm(join(home, entry), {force: true}).catch(() => undefined);
    else if (isTempOf(entry, staleLock) && (await olderThan(join(home, entry), now, STALE_MS))) await rm(join(home, entry), {recursive: true, force: true}).catch(() => undefined);
  }
  const solutions = join(home, SOLUTIONS_DIR);
  for (const level of await readdir(solutions).catch(() => [] as string[])) {
    const dir = join(solutions, level);
    for (const entry of await readdir(dir).catch(() => [] as string[])) {
      if (/\.yaml\.\d+$/.test(entry) && (await olderThan(join(dir, entry), now, STALE_SLOT_TEMP_MS))) await rm(join(dir, entry), {force: true}).catch(() => undefined);
    }
  }
}

async function olderThan(path: string, now: number, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && now - info.mtimeMs > ms;
}

/** Says what is wrong, in words, when the data folder (or a folder above it) is a file. */
export async function dataDirProblem(): Promise<string | undefined> {
  const dir = dataDir();
  const info = await stat(dir).catch((error: unknown) => (isCode(error, 'ENOTDIR') ? 'not-a-folder' : undefined));
  if (info === undefined || (info !== 'not-a-folder' && info.isDirectory())) return undefined;
  const where = process.env['RIGHTSIZE_HOME']?.trim() ? `RIGHTSIZE_HOME is ${dir}, which` : `${dir}`;
  return `${where} is a file (or inside one), not a folder, so progress cannot be kept there: point RIGHTSIZE_HOME at a folder (or move the file away). Nothing is saved until then.`;
}

/** The build of a run, as the progress keeps it. */
function keptBuild(tiers: readonly Tier[], result: Pick<Result, 'stars' | 'points'>, now: Date): KeptBuild {
  return {tiers: structuredClone(tiers) as unknown as KeptBuild['tiers'], points: result.points, stars: result.stars, ranAt: now.toISOString()};
}

/**
 * The progress with this result counted (pure): the best stars and the best points are kept; with `tiers`, the
 * run's build becomes the level's last build, and its best build when it scored more points than the best so far.
 */
export function recordResult(
  progress: Progress,
  levelId: string,
  result: Pick<Result, 'stars' | 'points' | 'passed'> & {metrics?: Pick<Result['metrics'], 'monthlyCostUsd'>},
  now?: Date,
  tiers?: readonly Tier[],
): Progress {
  const before: LevelProgress | undefined = Object.hasOwn(progress.levels, levelId) ? progress.levels[levelId] : undefined;
  const record: LevelProgress = {
    ...before,
    stars: Math.max(before?.stars ?? 0, result.stars) as LevelProgress['stars'],
    bestPoints: Math.max(before?.bestPoints ?? 0, result.points),
  };
  const completedAt = before?.completedAt ?? (result.passed && now ? now.toISOString() : undefined);
  if (completedAt !== undefined) record.completedAt = completedAt;
  const cost = result.passed ? result.metrics?.monthlyCostUsd : undefined;
  const bestCost = [before?.bestMonthlyCostUsd, cost].filter((c): c is number => c !== undefined);
  if (bestCost.length > 0) record.bestMonthlyCostUsd = Math.min(...bestCost);
  if (tiers !== undefined && tiers.length > 0 && now) {
    const run = keptBuild(tiers, result, now);
    record.lastBuild = run;
    if (!before?.bestBuild || result.points > before.bestBuild.points) record.bestBuild = run;
  }
  return {...progress, levels: {...progress.levels, [levelId]: record}};
}

/** The progress without this level's record (pure). */
export function resetLevel(progress: Progress, levelId: string): Progress {
  const levels = {...progress.levels};
  delete levels[levelId];
  return {...progress, levels};
}

/** The progress with these settings changed (pure). */
export function changeSettings(progress: Progress, settings: {screenReader?: boolean}): Progress {
  return {...progress, settings: {...progress.settings, ...settings}};
}

/**
 * Forgets every level's record (settings and any other section stay) and saves; with `solutions: true` also
 * deletes every saved slot. Returns the new progress.
 */
export async function resetAll(options: {solutions?: boolean} = {}): Promise<Progress> {
  const fresh = await updateProgress((progress) => ({...progress, levels: {}}));
  if (options.solutions) await rm(join(dataDir(), SOLUTIONS_DIR), {recursive: true, force: true});
  return fresh;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as {code?: unknown}).code === code;
}

function describe(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

/** The saved settings, read without side effects: a missing or unusable file gives {} and is left where it is. */
export async function peekSettings(): Promise<Progress['settings']> {
  const text = await readFile(progressPath(), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const parsed = parseProgress(text);
  return parsed.ok ? parsed.progress.settings : {};
}
