// A challenge file (formatVersion 1): what a teacher writes for a classroom competition (docs/CLASSROOM.md).
// The teacher's copy holds the private seeds (with a salt); the students' copy (`challenge publish`) holds only
// their commitment, `privateSeedsHash`. Exactly one of the two is present.
import {z} from 'zod';
import {METRICS} from '../engine/vocab.js';
import {id, int, list, obj, oneOf, text} from './schema-helpers.js';

export const MAX_CHALLENGE_LEVELS = 20;
export const MAX_PRIVATE_SEEDS = 20;
export const MAX_TEAMS = 200;
export const SCORING_METHODS = ['points', 'pareto'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];
/** The Pareto metrics when a challenge names none: cheaper and more available. */
export const DEFAULT_PARETO_METRICS = ['monthlyCostUsd', 'availability'] as const;

const HEX64 = /^[0-9a-f]{64}$/;
const SALT = /^[0-9a-f]{32,64}$/;
/** ISO 8601 with a time zone: 2026-12-07T17:00:00Z or 2026-12-07T18:00:00+01:00. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const seed = (description: string) => int(0, 4_294_967_295, description);

export function hex64(description: string) {
  return z.string().regex(HEX64, {error: 'must be 64 lowercase hex digits (a SHA-256)'}).describe(description);
}

/** An instant with its time zone, e.g. 2026-12-07T17:00:00Z. */
export function isoTime(description: string) {
  const what = 'a time such as 2026-12-07T17:00:00Z (ISO 8601 with Z or an offset such as +01:00)';
  return z
    .string({error: `must be ${what}`})
    .max(40, {error: `must be ${what}`})
    .refine((value) => ISO_TIME.test(value) && Number.isFinite(Date.parse(value)), {error: `must be ${what}`})
    .describe(description);
}

export function buildChallengeSchema() {
  const level = obj(
    {
      id: id('The level id (a shipped level, or the id inside `file`).'),
      file: text(500, 'A custom level file, relative to this challenge file (leave out for a shipped level).').optional(),
      hash: hex64('SHA-256 of the level as written when the challenge was made (`challenge new` fills it in): a level that changes afterwards is refused.').optional(),
    },
    'One level of the challenge.',
  );
  const scoring = obj(
    {
      method: oneOf(SCORING_METHODS, 'points: rank by points (then cost, then time); pareto: rank by Pareto layer on `metrics`, then points.').default('points'),
      metrics: list(oneOf(METRICS, 'A metric from a run.'), 2, 2, 'The two metrics of the Pareto front (default monthlyCostUsd and availability).', {unique: true}).optional(),
    },
    'How the leaderboard ranks.',
  );
  const team = obj(
    {
      id: id('Team id.'),
      name: text(60, 'Team name as shown.').optional(),
      players: list(text(60, 'A player name as in the submissions.'), 1, 50, 'The players of the team.', {unique: true}),
    },
    'A team.',
  );
  return obj(
    {
      formatVersion: z.literal(1, {error: 'must be 1 (the only format version)'}).describe('Always 1.'),
      id: id('The challenge id: every submission names it.'),
      title: text(100, 'The title students see.'),
      description: text(4000, 'What the teacher wants from the students.').optional(),
      levels: list(level, 1, MAX_CHALLENGE_LEVELS, 'The levels, in play order.'),
      publicSeed: seed('The seed students play on.'),
      privateSeeds: obj(
        {
          seeds: list(seed('A private seed.'), 1, MAX_PRIVATE_SEEDS, 'The seeds the leaderboard re-scores on (kept from the students).', {unique: true}),
          salt: z.string().regex(SALT, {error: 'must be 32 to 64 lowercase hex digits'}).describe('Random hex mixed into the commitment, so small seeds cannot be guessed from the hash.'),
        },
        'The teacher’s secret: the private seeds and the salt of their commitment.',
      ).optional(),
      privateSeedsHash: hex64('The commitment to the private seeds (the students’ copy): SHA-256 of the canonical JSON of {challenge, salt, seeds}.').optional(),
      opensAt: isoTime('Submissions made before this time are refused.').optional(),
      closesAt: isoTime('Submissions made after this time are refused.').optional(),
      scoring: scoring.default({method: 'points'}),
      teams: list(team, 1, MAX_TEAMS, 'Optional teams: the leaderboard shows each player’s team.').optional(),
    },
    'A rightsize classroom challenge (formatVersion 1).',
  ).superRefine((value, ctx) => {
    if (value.privateSeeds === undefined && value.privateSeedsHash === undefined) {
      ctx.addIssue({code: 'custom', path: ['privateSeeds'], message: 'required: privateSeeds (the teacher’s copy) or privateSeedsHash (the students’ copy)', input: undefined});
    }
    if (value.opensAt !== undefined && value.closesAt !== undefined && Date.parse(value.closesAt) <= Date.parse(value.opensAt)) {
      ctx.addIssue({code: 'custom', path: ['closesAt'], message: `must be after opensAt (${value.opensAt})`, input: value.closesAt});
    }
    const ids = new Set<string>();
    value.levels.forEach((entry, index) => {
      if (ids.has(entry.id)) ctx.addIssue({code: 'custom', path: ['levels', index, 'id'], message: `level '${entry.id}' is listed twice`, input: entry.id});
      ids.add(entry.id);
    });
    const members = new Map<string, string>();
    value.teams?.forEach((t, ti) =>
      t.players.forEach((player, pi) => {
        const other = members.get(player);
        if (other !== undefined) ctx.addIssue({code: 'custom', path: ['teams', ti, 'players', pi], message: `'${player}' is already in team '${other}'`, input: player});
        members.set(player, t.id);
      }),
    );
  });
}

export type ChallengeSchema = ReturnType<typeof buildChallengeSchema>;
export type Challenge = z.output<ChallengeSchema>;
export type ChallengeLevelEntry = Challenge['levels'][number];

let cached: ChallengeSchema | undefined;
export function challengeSchema(): ChallengeSchema {
  cached ??= buildChallengeSchema();
  return cached;
}

/** Why a text is not an instant the challenge file accepts (undefined: it is one). */
export function isoTimeProblem(value: string): string | undefined {
  return ISO_TIME.test(value) && Number.isFinite(Date.parse(value)) ? undefined : `must be a time such as 2026-12-07T17:00:00Z (ISO 8601 with Z or an offset; got '${value}')`;
}
