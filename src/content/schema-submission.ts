// A submission file (formatVersion 1): one player's builds for one challenge, written by the game
// (`play --challenge`) or by `rightsize submit`, read by the leaderboard. Everything in it comes from a student's
// machine: the leaderboard re-scores the tiers itself and treats `claimed` as a note, never as a score.
import {z} from 'zod';
import {hex64, isoTime, MAX_CHALLENGE_LEVELS} from './schema-challenge.js';
import {id, int, list, obj, text} from './schema-helpers.js';
import {tiersSchema} from './schema-tier.js';

export function buildSubmissionSchema() {
  const solution = obj(
    {
      level: id('The level id.'),
      levelHash: hex64('SHA-256 of the level the build was made for: a level edited since is refused.'),
      submittedAt: isoTime('When this build was submitted (the student’s clock).'),
      tiers: tiersSchema(1, 'The build, one tier per workload.'),
      claimed: obj(
        {
          seed: int(0, 4_294_967_295, 'The public seed it was played on.'),
          points: int(0, 1000, 'Points on the public seed (shown to the student; never trusted).'),
          stars: int(0, 3, 'Stars on the public seed.'),
          fingerprint: hex64('The result’s fingerprint on the public seed.'),
        },
        'What the student’s run showed on the public seed (informative only).',
      ).optional(),
    },
    'One level’s build.',
  );
  return obj(
    {
      formatVersion: z.literal(1, {error: 'must be 1 (the only format version)'}).describe('Always 1.'),
      challenge: id('The challenge id this submission is for.'),
      player: text(60, 'The player’s name.'),
      engineVersion: text(20, 'The engine version that made it (re-scoring needs the same).'),
      createdAt: isoTime('When the file was first written.'),
      submittedAt: isoTime('When the file was last updated (the latest build).'),
      solutions: list(solution, 1, MAX_CHALLENGE_LEVELS, 'One build per level, at most one per level.'),
    },
    'A rightsize challenge submission (formatVersion 1).',
  ).superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.solutions.forEach((s, index) => {
      if (seen.has(s.level)) ctx.addIssue({code: 'custom', path: ['solutions', index, 'level'], message: `level '${s.level}' has two builds; keep one`, input: s.level});
      seen.add(s.level);
    });
  });
}

export type SubmissionSchema = ReturnType<typeof buildSubmissionSchema>;
export type Submission = z.output<SubmissionSchema>;
export type SubmittedSolution = Submission['solutions'][number];

let cached: SubmissionSchema | undefined;
export function submissionSchema(): SubmissionSchema {
  cached ??= buildSubmissionSchema();
  return cached;
}
