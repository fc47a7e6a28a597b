// Opening a challenge (schema, then its levels against their pinned hashes) and making a new one.
import {randomBytes, randomInt} from 'node:crypto';
import {
  loadChallengeFile,
  resolveChallengeLevels,
  type Challenge,
  type ChallengeLevel,
  type ContentProblem,
  type ResolveOptions,
  type SourceMap,
} from '../content/index.js';
import {levelHash, type Level} from '../engine/index.js';

export type OpenedChallenge = {ok: true; challenge: Challenge; source: SourceMap; levels: ChallengeLevel[]} | {ok: false; problems: ContentProblem[]};

export function openChallenge(path: string, options: ResolveOptions = {}): OpenedChallenge {
  const loaded = loadChallengeFile(path);
  if (!loaded.ok) return loaded;
  const levels = resolveChallengeLevels(loaded.value, loaded.source, options);
  if (!levels.ok) return levels;
  return {ok: true, challenge: loaded.value, source: loaded.source, levels: levels.value};
}

/** 128 random bits as hex: the commitment's salt. */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** `count` distinct private seeds, drawn from the whole 32-bit range, none equal to the public seed. */
export function newPrivateSeeds(count: number, publicSeed: number): number[] {
  const seeds = new Set<number>();
  while (seeds.size < count) {
    const seed = randomInt(0, 2 ** 32 - 1);
    if (seed !== publicSeed) seeds.add(seed);
  }
  return [...seeds];
}

export interface NewChallenge {
  id: string;
  title: string;
  /** Each level with the file it came from when it is not a shipped one (relative to the challenge file). */
  levels: {level: Level; file?: string}[];
  publicSeed: number;
  privateSeeds: number[];
  opensAt?: string;
  closesAt?: string;
  scoring?: Challenge['scoring'];
}

/** The teacher's copy, every level pinned by its hash. */
export function makeChallenge(spec: NewChallenge, salt = newSalt()): Challenge {
  const challenge: Challenge = {
    formatVersion: 1,
    id: spec.id,
    title: spec.title,
    levels: spec.levels.map(({level, file}) => (file === undefined ? {id: level.id, hash: levelHash(level)} : {id: level.id, file, hash: levelHash(level)})),
    publicSeed: spec.publicSeed,
    privateSeeds: {seeds: spec.privateSeeds, salt},
    scoring: spec.scoring ?? {method: 'points'},
  };
  if (spec.opensAt !== undefined) challenge.opensAt = spec.opensAt;
  if (spec.closesAt !== undefined) challenge.closesAt = spec.closesAt;
  return challenge;
}
