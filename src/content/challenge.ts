// Challenge and submission files: load (guarded, line-aware), resolve a challenge's levels with their pinned
// hashes, the private seeds' commitment, and the students' copy. Never throws for bad input.
import {dirname, isAbsolute, resolve} from 'node:path';
import {Document} from 'yaml';
import {fingerprint, levelHash} from '../engine/hash.js';
import type {Level} from '../engine/types.js';
import {loadCampaign} from './campaign.js';
import {loadLevelFile} from './files.js';
import {loadWith, parseWith, problemAt, type Parsed, type SourceMap} from './load.js';
import {levelsDir} from './paths.js';
import type {ContentProblem, Loaded} from './problem.js';
import {challengeSchema, type Challenge, type ChallengeLevelEntry} from './schema-challenge.js';
import {submissionSchema, type Submission} from './schema-submission.js';

export function parseChallenge(text: string, file: string): Parsed<Challenge> {
  return parseWith(challengeSchema(), text, file);
}

export function loadChallengeFile(path: string): Parsed<Challenge> {
  return loadWith(challengeSchema(), path);
}

export function parseSubmission(text: string, file: string): Parsed<Submission> {
  return parseWith(submissionSchema(), text, file);
}

export function loadSubmissionFile(path: string): Parsed<Submission> {
  return loadWith(submissionSchema(), path);
}

/**
 * The commitment to the private seeds: SHA-256 of the canonical JSON of {challenge, salt, seeds}. The salt keeps a
 * student from trying every small seed against the hash; revealing the teacher's file lets anyone recompute it.
 */
export function seedCommitment(challengeId: string, seeds: readonly number[], salt: string): string {
  return fingerprint({challenge: challengeId, salt, seeds: [...seeds]});
}

/** The students' copy: the private seeds (and salt) replaced by their commitment. Deterministic. */
export function publicChallenge(challenge: Challenge): Challenge {
  const {privateSeeds, ...rest} = challenge;
  if (!privateSeeds) return challenge;
  return {...rest, privateSeedsHash: seedCommitment(challenge.id, privateSeeds.seeds, privateSeeds.salt)};
}

const KEY_ORDER = ['formatVersion', 'id', 'title', 'description', 'levels', 'publicSeed', 'privateSeeds', 'privateSeedsHash', 'opensAt', 'closesAt', 'scoring', 'teams'];

/** The challenge as YAML, keys in the schema's order, with a comment saying which copy it is. */
export function challengeToYaml(challenge: Challenge): string {
  const ordered: Record<string, unknown> = {};
  const record = challenge as unknown as Record<string, unknown>;
  for (const key of KEY_ORDER) if (record[key] !== undefined) ordered[key] = record[key];
  const doc = new Document(ordered);
  doc.commentBefore = challenge.privateSeeds
    ? ` rightsize challenge '${challenge.id}': the TEACHER's copy (it holds the private seeds; keep it to yourself).\n Hand out \`rightsize challenge publish\`'s output instead.`
    : ` rightsize challenge '${challenge.id}': the students' copy. Play it with \`rightsize play --challenge FILE\`.`;
  return doc.toString({lineWidth: 0, flowCollectionPadding: false});
}

export interface ChallengeLevel {
  entry: ChallengeLevelEntry;
  level: Level;
  /** levelHash(level) as loaded now. */
  hash: string;
}

export interface ResolveOptions {
  /** The shipped campaign's folder (--levels / RIGHTSIZE_LEVELS); custom `file` entries are relative to the challenge file. */
  levelsDir?: string;
  /** Leave out the pinned-hash check (`challenge new` computes the hashes). */
  ignoreHashes?: boolean;
}

/** Every level of the challenge, loaded and checked against its pinned hash; problems point into the challenge file. */
export function resolveChallengeLevels(challenge: Challenge, source: SourceMap, options: ResolveOptions = {}): Loaded<ChallengeLevel[]> {
  const problems: ContentProblem[] = [];
  const out: ChallengeLevel[] = [];
  const needsCampaign = challenge.levels.some((entry) => entry.file === undefined);
  const campaign = needsCampaign ? loadCampaign(levelsDir(options.levelsDir)) : undefined;
  if (campaign && !campaign.ok) return campaign;
  const base = dirname(resolve(source.file));
  challenge.levels.forEach((entry, index) => {
    let level: Level | undefined;
    if (entry.file !== undefined) {
      const path = isAbsolute(entry.file) ? entry.file : resolve(base, entry.file);
      const loaded = loadLevelFile(path);
      if (!loaded.ok) {
        problems.push(problemAt(source, ['levels', index, 'file'], `the level file does not load: ${loaded.problems[0]?.message ?? 'unreadable'} (run rightsize validate ${entry.file})`));
        return;
      }
      level = loaded.value;
      if (level.id !== entry.id) {
        problems.push(problemAt(source, ['levels', index, 'id'], `the file ${entry.file} holds level '${level.id}', not '${entry.id}'`));
        return;
      }
    } else {
      level = campaign?.ok ? campaign.value.levels.find((l) => l.id === entry.id) : undefined;
      if (!level) {
        const known = campaign?.ok ? campaign.value.levels.map((l) => l.id).join(', ') : '';
        problems.push(problemAt(source, ['levels', index, 'id'], `no shipped level '${entry.id}' (levels: ${known}); give \`file:\` for a custom level`));
        return;
      }
    }
    const hash = levelHash(level);
    if (!options.ignoreHashes && entry.hash !== undefined && entry.hash !== hash) {
      problems.push(
        problemAt(source, ['levels', index, 'hash'], `level '${entry.id}' has changed since the challenge was written (pinned ${entry.hash.slice(0, 12)}…, now ${hash.slice(0, 12)}…): play it with the rightsize version and level file the challenge was made with, or remove \`hash\` to accept the level as it is now`),
      );
      return;
    }
    out.push({entry, level, hash});
  });
  return problems.length > 0 ? {ok: false, problems} : {ok: true, value: out};
}
