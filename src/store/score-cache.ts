// The leaderboard's result cache on disk: <dataDir>/cache/scores.json, one summary per (engine version, level hash,
// solution fingerprint, seed). Only ever a speed-up: a missing, damaged or oversized file is an empty cache, and
// entries from other engine versions are dropped when it is saved.
import {readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {writeTextAtomic} from './atomic.js';
import {dataDir} from './paths.js';

/** Past this the cache starts empty again (a class of 1,000 × 20 levels × 20 seeds is far below it). */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export function scoreCachePath(): string {
  return join(dataDir(), 'cache', 'scores.json');
}

export interface DiskCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Writes the entries of this engine version (atomically), if any were added. */
  save(): Promise<void>;
  size(): number;
}

export async function openScoreCache<T>(engineVersion: string, path = scoreCachePath()): Promise<DiskCache<T>> {
  const entries = new Map<string, T>();
  try {
    if ((await stat(path)).size <= MAX_CACHE_BYTES) {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as {formatVersion?: unknown; entries?: unknown};
      if (parsed.formatVersion === 1 && parsed.entries !== null && typeof parsed.entries === 'object') {
        for (const [key, value] of Object.entries(parsed.entries as Record<string, T>)) if (key.startsWith(`${engineVersion}:`)) entries.set(key, value);
      }
    }
  } catch {
    // No cache yet, or a damaged one: start empty.
  }
  let dirty = false;
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      entries.set(key, value);
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      await writeTextAtomic(path, JSON.stringify({formatVersion: 1, entries: Object.fromEntries(entries)}));
      dirty = false;
    },
    size: () => entries.size,
  };
}
