// The progress file (progress.json): the player's best per level, the last and the best build they ran on each,
// and their settings. Older format versions are migrated on load; each migration takes version n to n + 1.
// The schema is open: keys it does not know (a section a later build adds without a new version, such as a
// review schedule) are kept as they are through every load and save, so no build drops another's data.
import {z} from 'zod';
import {hostsSchema} from './hosts.js';
import {reviewSchema} from './review.js';

export const PROGRESS_FORMAT_VERSION = 2;

/** At most this many tiers in a kept build (a level has at most 10 workloads, one tier each). */
const MAX_BUILD_TIERS = 10;

/**
 * A build the player ran. Its tiers are kept as written (each an object naming its workload and compute); they are
 * checked as a solution when the builder opens them, so a build from another version never makes the file unusable.
 */
const keptBuildSchema = z.looseObject({
  tiers: z.array(z.looseObject({workload: z.string().max(64), compute: z.string().max(16)})).min(1).max(MAX_BUILD_TIERS),
  points: z.number().min(0).max(1000),
  stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  /** When it ran (ISO 8601). */
  ranAt: z.iso.datetime(),
});

const levelProgressSchema = z.looseObject({
  stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  bestPoints: z.number().min(0).max(1000),
  /** When the level was first passed (ISO 8601). */
  completedAt: z.iso.datetime().optional(),
  /** The lowest monthly cost of a passing run (USD), for the campaign's money-saved summary. */
  bestMonthlyCostUsd: z.number().min(0).max(1e9).optional(),
  /** The build of the most recent scored run (formatVersion 2). */
  lastBuild: keptBuildSchema.optional(),
  /** The build of the run with the most points (the earliest of equals; formatVersion 2). */
  bestBuild: keptBuildSchema.optional(),
});

export const progressSchema = z.looseObject({
  formatVersion: z.literal(PROGRESS_FORMAT_VERSION),
  levels: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(64), levelProgressSchema),
  settings: z.looseObject({screenReader: z.boolean().optional()}),
  /** Spaced review (src/store/review.ts). Optional: absent in older files; an unusable section is dropped, never the stars. */
  review: reviewSchema.optional().catch(undefined),
  /** Live events joined (src/store/hosts.ts): tokens and the offline queue. Optional, like review. */
  hosts: hostsSchema.optional().catch(undefined),
});

export type KeptBuild = z.output<typeof keptBuildSchema>;
export type LevelProgress = z.output<typeof levelProgressSchema>;
export type Progress = z.output<typeof progressSchema>;

export function freshProgress(): Progress {
  return {formatVersion: PROGRESS_FORMAT_VERSION, levels: {}, settings: {}};
}

/** Takes a file of format version `n` (the key) to version n + 1. Add one here when the format changes. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 1 → 2: levels may keep their last and best build. A version 1 file has none, so its records carry over as
  // they are; every other key (settings, sections added since) is kept.
  1: (old) => ({...old}),
};

export type Migrated = {ok: true; value: Record<string, unknown>} | {ok: false; reason: string; newerVersion?: number};

/** Brings parsed JSON up to `current` with `migrations`; says why when it cannot. */
export function migrate(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, current = PROGRESS_FORMAT_VERSION): Migrated {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {ok: false, reason: 'it is not a JSON object'};
  let value = raw as Record<string, unknown>;
  let version = value['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return {ok: false, reason: 'it has no valid formatVersion'};
  if (version > current) return {ok: false, reason: `it has formatVersion ${version}, newer than this rightsize understands (${current})`, newerVersion: version};
  while (version < current) {
    const step = migrations[version];
    if (!step) return {ok: false, reason: `no migration from formatVersion ${version}`};
    value = {...step(value), formatVersion: version + 1};
    version += 1;
  }
  return {ok: true, value};
}

/** `newerVersion`: the file is from a newer rightsize (not corrupt: it must be left alone). */
export type ParsedProgress = {ok: true; progress: Progress} | {ok: false; reason: string; newerVersion?: number};

/** The progress file's text → a valid Progress, or why not. Never throws. */
export function parseProgress(text: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): ParsedProgress {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {ok: false, reason: 'it is not valid JSON'};
  }
  const migrated = migrate(raw, migrations);
  if (!migrated.ok) return migrated;
  const parsed = progressSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.map(String).join('.') : '';
    return {ok: false, reason: `it does not have the expected shape${where ? ` (at ${where}: ${first?.message ?? ''})` : ''}`};
  }
  return {ok: true, progress: parsed.data};
}
