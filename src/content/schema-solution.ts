// A solution file (what the builder saves, `rightsize score` reads, classrooms submit).
import {z} from 'zod';
import type {Solution, Tier} from '../engine/types.js';
import {id, obj, text} from './schema-helpers.js';
import {tierSchema, tiersSchema} from './schema-tier.js';

export function buildSolutionSchema() {
  return obj(
    {
      formatVersion: z.literal(1, {error: 'must be 1 (the only format version)'}).describe('Always 1.'),
      level: id('The level id this solution is for.'),
      player: text(60, 'Who built it (optional).').optional(),
      tiers: tiersSchema(1, 'The tiers, one per workload.'),
    },
    'A rightsize solution (formatVersion 1).',
  );
}

export type SolutionSchema = ReturnType<typeof buildSolutionSchema>;

let cached: SolutionSchema | undefined;
export function solutionSchema(): SolutionSchema {
  cached ??= buildSolutionSchema();
  return cached;
}

type Assert<T extends true> = T;
export type SolutionOutputIsSolution = Assert<z.output<SolutionSchema> extends Solution ? true : false>;
export type SolutionIsSolutionOutput = Assert<Solution extends z.output<SolutionSchema> ? true : false>;
export type TierOutputIsTier = Assert<z.output<ReturnType<typeof tierSchema>> extends Tier ? true : false>;
export type TierIsTierOutput = Assert<Tier extends z.output<ReturnType<typeof tierSchema>> ? true : false>;
