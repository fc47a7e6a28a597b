// Building blocks for the content schemas: each gives a message a level author can act on
// (the allowed range, the allowed values, the likely typo), and a `.describe()` for the JSON Schema.
import {z} from 'zod';
import {parseWhen} from '../engine/time.js';
import {CONTROL, printable} from './problem.js';
import {didYouMean} from './suggest.js';

export {printable};

/** A value as an author wrote it, for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${printable(value.length > 40 ? `${value.slice(0, 40)}…` : value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

type Issue = z.core.$ZodRawIssue;

function missing(issue: Issue, what: string): string | undefined {
  return issue.input === undefined ? `required: ${what}` : undefined;
}

/** A number in [min, max] (whole when `int`); NaN, Infinity and out-of-range values all get the same message. */
export function num(min: number, max: number, description: string, options: {int?: boolean} = {}) {
  const what = `${options.int ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  const error = (issue: Issue) => missing(issue, what) ?? `must be ${what} (got ${show(issue.input)})`;
  const base = options.int ? z.int({error}) : z.number({error});
  return base.min(min, {error}).max(max, {error}).describe(description);
}

export function int(min: number, max: number, description: string) {
  return num(min, max, description, {int: true});
}

/** One of a vocabulary tuple from src/engine/vocab.ts. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  const error = (issue: Issue) =>
    missing(issue, `one of ${values.join(', ')}`) ??
    `must be one of ${values.join(', ')} (got ${show(issue.input)}${typeof issue.input === 'string' ? didYouMean(issue.input, values).replace(' — ', ', ') : ''})`;
  return z.enum(values, {error}).describe(description);
}

/** A list of at most `max` items (and at least `min`); `unique` rejects a repeated item at its position. */
export function list<T extends z.ZodType>(item: T, min: number, max: number, description: string, options: {unique?: boolean} = {}) {
  const what = min === max ? `a list of exactly ${min} items` : min > 0 ? `a list of ${min} to ${max} items` : `a list of at most ${max} items`;
  const error = (issue: Issue) => {
    const asked = missing(issue, what);
    if (asked) return asked;
    if (issue.code === 'invalid_type') return `expected ${what}, got ${show(issue.input)}`;
    const count = Array.isArray(issue.input) ? ` (got ${issue.input.length})` : '';
    return `must be ${what}${count}`;
  };
  const array = z.array(item, {error}).min(min, {error}).max(max, {error});
  if (!options.unique) return array.describe(description);
  return array
    .superRefine((items, ctx) => {
      const seen = new Set<unknown>();
      items.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({code: 'custom', message: `${show(value)} is listed twice`, path: [index], input: value});
        seen.add(value);
      });
    })
    .describe(description);
}

/** A text of 1..max characters, without control characters (new lines and tabs are fine). */
export function text(max: number, description: string) {
  const what = `a text of 1 to ${max} characters`;
  const error = (issue: Issue) => missing(issue, what) ?? `must be ${what} (got ${show(issue.input)})`;
  return z
    .string({error})
    .min(1, {error})
    .max(max, {error})
    .refine((value) => !new RegExp(CONTROL.source).test(value), {error: (issue) => `must not contain control characters (got ${show(issue.input)})`})
    .describe(description);
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case id: `stay-up`, `availability-zones`. */
export function id(description: string) {
  const what = 'a kebab-case id such as stay-up (lowercase letters, digits and single dashes, at most 64 characters)';
  const error = (issue: Issue) => missing(issue, what) ?? `must be ${what} (got ${show(issue.input)})`;
  return z.string({error}).max(64, {error}).regex(ID, {error}).describe(description);
}

const MAX_WHEN_LENGTH = 40;

/** A time in the horizon as levels write it ("wed 14:00", "day 2 14:00"); checked with parseWhen. */
export function when(description: string) {
  const what = 'a time such as "wed 14:00" or "day 2 14:00"';
  const error = (issue: Issue) => missing(issue, what) ?? `must be ${what} (got ${show(issue.input)})`;
  return z
    .string({error})
    .max(MAX_WHEN_LENGTH, {error})
    .superRefine((value, ctx) => {
      // Too long is already reported; parseWhen's pattern is slow on long runs of spaces, so it never sees them.
      if (value.length > MAX_WHEN_LENGTH) return;
      const parsed = parseWhen(value);
      if (!parsed.ok) ctx.addIssue({code: 'custom', message: parsed.error, input: value});
    })
    .describe(description);
}

export function flag(description: string) {
  const error = (issue: Issue) => missing(issue, 'true or false') ?? `must be true or false (got ${show(issue.input)})`;
  return z.boolean({error}).describe(description);
}

/** Each unknown key on its own line, in key order (load.ts splits them to point at each key). */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  // Only the first keys are ever shown (load.ts caps the problems); a hostile file may carry 100,000.
  return keys
    .slice(0, SUGGESTED_KEYS)
    .map((key) => `unknown key '${printable(key)}'${didYouMean(key, known)}`)
    .join('\n');
}

const SUGGESTED_KEYS = 100;

/** A mapping that rejects unknown keys, suggesting the key the author probably meant. */
export function obj<S extends z.ZodRawShape>(shape: S, description: string) {
  const known = Object.keys(shape);
  const error = (issue: Issue) => {
    if (issue.code === 'unrecognized_keys') return unknownKeysMessage(issue.keys, known);
    return missing(issue, 'a mapping') ?? `expected a mapping (key: value), got ${show(issue.input)}`;
  };
  return z.strictObject(shape, {error}).describe(description);
}

/** Message for a discriminated union whose discriminator is missing or unknown. */
export function unionError(discriminator: string, values: readonly string[]) {
  return (issue: Issue) => {
    if (issue.code === 'invalid_union') {
      const input = issue.input as Record<string, unknown> | undefined;
      const got = input && typeof input === 'object' ? input[discriminator] : undefined;
      if (got === undefined) return `required: one of ${values.join(', ')}`;
      const hint = typeof got === 'string' ? didYouMean(got, values).replace(' — ', ', ') : '';
      return `must be one of ${values.join(', ')} (got ${show(got)}${hint})`;
    }
    return missing(issue, 'a mapping') ?? `expected a mapping (key: value), got ${show(issue.input)}`;
  };
}

/**
 * A string that must be one of `values` but is typed `string` (the engine types keep it open, e.g. exam domains).
 * The JSON Schema still lists the values so editors complete them.
 */
export function openEnum(values: readonly string[], description: string) {
  const what = `one of ${values.join(', ')}`;
  const error = (issue: Issue) => missing(issue, what) ?? `must be ${what} (got ${show(issue.input)})`;
  return z
    .string({error})
    .superRefine((value, ctx) => {
      if (!values.includes(value)) ctx.addIssue({code: 'custom', message: `must be ${what} (got ${show(value)}${didYouMean(value, values).replace(' — ', ', ')})`, input: value});
    })
    .meta({description, enum: [...values]});
}
