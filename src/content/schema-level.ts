// A level file (DESIGN §3): zod schema with the engine's defaults applied, so the parsed value is exactly `Level`.
import {z} from 'zod';
import {EVENTS_DEFAULTS, JOBS_DEFAULTS, WEB_DEFAULTS} from '../engine/defaults.js';
import type {Level} from '../engine/types.js';
import {
  AZS,
  CHAPTERS,
  COMPUTE_KINDS,
  DAILY_SHAPES,
  EVENT_SOURCES,
  EXAM_DOMAINS,
  FEATURES,
  FINDING_IDS,
  INCIDENT_KINDS,
  JOB_PERIODS,
  LICENSES,
  METRICS,
  WORKLOAD_KINDS,
  type IncidentKind,
  type WorkloadKind,
} from '../engine/vocab.js';
import {flag, id, int, list, num, obj, oneOf, openEnum, text, unionError, when} from './schema-helpers.js';
import {buildSchema, tiersSchema, MAX_UNITS} from './schema-tier.js';

export const DEFAULT_HORIZON_DAYS = 7;
export const DEFAULT_SEED = 1;
export const MAX_HORIZON_DAYS = 28;
const MAX_MINUTES = MAX_HORIZON_DAYS * 24 * 60;

function dailySchema(fallback: (typeof DAILY_SHAPES)[number]) {
  const what = `one of ${DAILY_SHAPES.join(', ')} or a list of 24 hourly multipliers`;
  return z
    .union([oneOf(DAILY_SHAPES, 'A named daily shape.'), list(num(0, 100, 'Multiplier for this hour.'), 24, 24, '24 hourly multipliers from 00:00.')], {
      error: (issue) => (issue.input === undefined ? `required: ${what}` : `must be ${what}`),
    })
    .default(fallback)
    .describe('Demand over the day: a named shape or 24 hourly multipliers.');
}

function weeklySchema(fallback: readonly number[]) {
  return list(num(0, 100, 'Multiplier for this weekday.'), 7, 7, '7 multipliers from Monday.').default(() => [...fallback]);
}

function spikesSchema() {
  return list(
    obj(
      {
        at: when('When the spike starts: "wed 14:00" or "day 2 14:00".'),
        minutes: int(1, MAX_MINUTES, 'How long it lasts.'),
        factor: num(0, 1000, 'Demand multiplier during the spike.'),
      },
      'A demand spike.',
    ),
    0,
    50,
    'Demand spikes.',
  ).default(() => []);
}

const kindLiteral = <K extends WorkloadKind>(kind: K) => z.literal(kind).describe(`Workload kind: ${kind}.`);

function workloadSchema() {
  const web = obj(
    {
      id: id('Workload id, referenced by tiers.'),
      kind: kindLiteral('web'),
      baseRps: num(0, 1_000_000, 'Requests per second before the shapes apply.'),
      daily: dailySchema(WEB_DEFAULTS.daily),
      weekly: weeklySchema(WEB_DEFAULTS.weekly),
      spikes: spikesSchema(),
      noise: num(0, 0.5, 'Relative amplitude of the seeded per-minute noise (0.05 = ±5%).').default(WEB_DEFAULTS.noise),
      cpuMsPerRequest: num(0.01, 60_000, 'CPU milliseconds of one vCPU per request.'),
      sloMs: num(1, 600_000, 'A request slower than this does not count as good.'),
      egressKbPerRequest: num(0, 1_000_000, 'KB each request sends out to the internet (third-party APIs, downloads) through a NAT gateway from private subnets; absent: none. Responses to the load balancer are not egress.').optional(),
      tenants: int(1, 10_000, 'Customers (tenants) the workload serves who must be isolated from each other; absent or 1: one.').optional(),
    },
    'Web requests.',
  );
  const jobs = obj(
    {
      id: id('Workload id, referenced by tiers.'),
      kind: kindLiteral('jobs'),
      every: oneOf(JOB_PERIODS, 'How often the batch runs.'),
      at: when('When: "02:00" daily, ":15" hourly, "sun 02:00" weekly.'),
      count: int(1, 100_000, 'Jobs per run.'),
      vcpuMinutes: num(0.01, 100_000, 'Work per job in minutes of one vCPU.'),
      memoryGb: num(0.01, 1024, 'Memory each job needs, GB.'),
      deadlineMinutes: int(1, MAX_MINUTES, 'Minutes after the start by which each job must finish.'),
      parallelizable: flag('false: a job runs on one vCPU however many the unit has.').default(JOBS_DEFAULTS.parallelizable),
      egressKbPerJob: num(0, 100_000_000, 'KB each job sends out to the internet through a NAT gateway from private subnets; absent: none.').optional(),
      tenants: int(1, 10_000, 'Customers (tenants) the workload serves who must be isolated from each other; absent or 1: one.').optional(),
    },
    'Scheduled batch jobs.',
  );
  const events = obj(
    {
      id: id('Workload id, referenced by tiers.'),
      kind: kindLiteral('events'),
      source: oneOf(EVENT_SOURCES, 'Where the events come from.').default(EVENTS_DEFAULTS.source),
      baseRate: num(0, 1_000_000, 'Events per second before the shapes apply.'),
      daily: dailySchema(EVENTS_DEFAULTS.daily),
      weekly: weeklySchema(EVENTS_DEFAULTS.weekly),
      spikes: spikesSchema(),
      noise: num(0, 0.5, 'Relative amplitude of the seeded per-minute noise.').default(EVENTS_DEFAULTS.noise),
      cpuMsPerEvent: num(0.01, 900_000, 'CPU milliseconds of one vCPU per event.'),
      maxAgeSeconds: num(1, 1_209_600, 'An event processed later than this after it arrived counts as failed.'),
      egressKbPerEvent: num(0, 1_000_000, 'KB each event sends out to the internet through a NAT gateway from private subnets; absent: none.').optional(),
      tenants: int(1, 10_000, 'Customers (tenants) the workload serves who must be isolated from each other; absent or 1: one.').optional(),
    },
    'Asynchronous events through a queue.',
  );
  return z.discriminatedUnion('kind', [web, jobs, events], {error: unionError('kind', WORKLOAD_KINDS)}).describe('A workload the level asks to serve.');
}

const incidentLiteral = <K extends IncidentKind>(kind: K) => z.literal(kind).describe(`Incident kind: ${kind}.`);

function incidentSchema() {
  return z
    .discriminatedUnion(
      'kind',
      [
        obj(
          {
            kind: incidentLiteral('az-outage'),
            az: oneOf(AZS, 'Pins the availability zone that goes down. Leave it out: the outage strikes the AZ holding the most of the build\'s serving capacity (ties broken by the seed), as an outage can strike any AZ. A pinned AZ can be dodged; `rightsize validate` warns.').optional(),
            at: when('When it starts.'),
            minutes: int(1, MAX_MINUTES, 'How long it lasts.'),
          },
          'An availability zone goes down.',
        ),
        obj(
          {
            kind: incidentLiteral('instance-failure'),
            workload: id("Which tier's units fail (absent: the first EC2-backed tier).").optional(),
            at: when('When it happens.'),
            units: int(1, MAX_UNITS, 'How many units fail.'),
          },
          'Instances fail.',
        ),
        obj(
          {
            kind: incidentLiteral('spot-interruption'),
            at: when('When it happens (2-minute notice).'),
            share: num(0, 1, 'Share of the running spot units reclaimed.'),
          },
          'EC2 Spot / Fargate Spot reclaims capacity.',
        ),
        obj(
          {
            kind: incidentLiteral('container-crash'),
            workload: id('Which tier (absent: the first container tier).').optional(),
            at: when('When it happens.'),
            units: int(1, MAX_UNITS, 'How many tasks or processes crash.'),
          },
          'Containers crash.',
        ),
      ],
      {error: unionError('kind', INCIDENT_KINDS)},
    )
    .describe('A scripted incident.');
}

function quizSchema() {
  return obj(
    {
      q: text(2000, 'The question.'),
      choices: list(text(500, 'A choice.'), 2, 6, 'The choices.'),
      answer: int(0, 5, 'Index of the right choice (0 = first).'),
      explain: text(4000, 'Why the answer is right.'),
      concepts: list(id('A concept id.'), 0, 10, 'Concepts the question tests.').default(() => []),
      exam: openEnum(EXAM_DOMAINS, 'Exam domain the question maps to.'),
    },
    'A quiz question.',
  );
}

export function buildLevelSchema() {
  return obj(
    {
      formatVersion: z.literal(1, {error: 'must be 1 (the only format version)'}).describe('Always 1.'),
      id: id('Level id, e.g. stay-up.'),
      title: text(100, 'Title shown in menus.'),
      chapter: oneOf(CHAPTERS, 'Campaign chapter.'),
      concepts: list(id('A concept id from assets/concepts.yaml.'), 1, 20, 'Concepts the level teaches.', {unique: true}),
      exam: list(openEnum(EXAM_DOMAINS, 'An exam domain.'), 0, EXAM_DOMAINS.length, 'Exam domains the level maps to.', {unique: true}).default(() => []),
      briefing: text(20_000, 'The story and the ask.'),
      horizonDays: int(1, MAX_HORIZON_DAYS, 'Simulated days (day 0 is a Monday).').default(DEFAULT_HORIZON_DAYS),
      seed: int(0, 4_294_967_295, 'Seed for the simulation’s randomness.').default(DEFAULT_SEED),
      workloads: list(workloadSchema(), 1, 10, 'What the level asks to be served.'),
      data: obj({customerData: flag('The workload handles customer data.').default(false)}, 'Data the workload handles.').default(() => ({customerData: false})),
      requirements: obj(
        {
          license: oneOf(LICENSES, 'Software licence terms.').default('none'),
          forbidFindings: list(oneOf(FINDING_IDS, 'A finding id.'), 0, FINDING_IDS.length, 'Findings that fail the level outright.', {unique: true}).default(() => []),
        },
        'Hard requirements.',
      ).default(() => ({license: 'none' as const, forbidFindings: []})),
      incidents: list(incidentSchema(), 0, 50, 'Scripted incidents.').default(() => []),
      allow: obj(
        {
          compute: list(oneOf(COMPUTE_KINDS, 'A compute kind.'), 1, COMPUTE_KINDS.length, 'Compute kinds the player may use.', {unique: true}).default(() => [
            ...COMPUTE_KINDS,
          ]),
          features: list(oneOf(FEATURES, 'A feature.'), 0, FEATURES.length, 'Features the player may change (absent: all).', {unique: true}).default(() => [
            ...FEATURES,
          ]),
          instanceTypes: list(z.string().max(32).describe('An instance type.'), 1, 50, 'Instance types offered (absent: the whole catalog).', {
            unique: true,
          }).optional(),
        },
        'What the player may change.',
      ).default(() => ({compute: [...COMPUTE_KINDS], features: [...FEATURES]})),
      start: buildSchema('The architecture the builder opens with.'),
      objectives: list(
        obj(
          {
            metric: oneOf(METRICS, 'The metric.'),
            pass: num(0, 1_000_000_000, 'Threshold to pass.'),
            gold: num(0, 1_000_000_000, 'Threshold for gold.'),
            weight: num(0.1, 100, 'Share of the points.').default(1),
          },
          'An objective.',
        ),
        1,
        METRICS.length,
        'What is scored.',
      ),
      hints: list(text(2000, 'A hint.'), 0, 10, 'Hints, revealed one at a time.').default(() => []),
      debrief: text(20_000, 'What the level taught, shown after winning.'),
      reference: buildSchema('A solution that must reach 3 stars.'),
      alternatives: list(
        obj(
          {
            why: text(500, 'How this build wins differently from the reference.'),
            tiers: tiersSchema(1, 'The tiers.'),
          },
          'Another build that must reach 3 stars.',
        ),
        0,
        10,
        'Other winning builds: the level has more than one way to 3 stars.',
      ).optional(),
      counterexamples: list(
        obj(
          {
            why: text(500, 'What this build gets wrong.'),
            finding: oneOf(FINDING_IDS, 'The finding it must raise.'),
            tiers: tiersSchema(1, 'The tiers.'),
          },
          'A build that must fail and raise its finding.',
        ),
        0,
        20,
        'Builds that must fail: the level cannot be won without its lesson.',
      ).default(() => []),
      quiz: list(quizSchema(), 0, 30, 'Quiz questions.').default(() => []),
    },
    'A rightsize level (formatVersion 1).',
  );
}

export type LevelSchema = ReturnType<typeof buildLevelSchema>;

let cached: LevelSchema | undefined;
/** Built on first use: importing this module does no work. */
export function levelSchema(): LevelSchema {
  cached ??= buildLevelSchema();
  return cached;
}

// The parsed value is exactly the engine's Level, both ways.
type Assert<T extends true> = T;
export type LevelOutputIsLevel = Assert<z.output<LevelSchema> extends Level ? true : false>;
export type LevelIsLevelOutput = Assert<Level extends z.output<LevelSchema> ? true : false>;
