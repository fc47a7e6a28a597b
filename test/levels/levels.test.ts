// The shipped campaign: every level validates, is winnable (the reference and every alternative reach 3 stars), is
// not already won at the start, and cannot be won without its lesson (each counterexample fails and raises its
// finding) — on the level's seed and on five other seeds, so no level wins by the luck of one seed. Runs are
// deterministic for the level's seed.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {formatProblem, levelsDir, loadCampaign, validateLevelFile} from '../../src/content/index.js';
import {simulate} from '../../src/engine/index.js';
import type {Level, Result, SimulateOptions, Solution, Tier} from '../../src/engine/types.js';
import {CORE_CONCEPTS, EXAM_DOMAINS} from '../../src/engine/vocab.js';

const campaign = loadCampaign(levelsDir());
const levels: Level[] = campaign.ok ? campaign.value.levels : [];
const files: Map<string, string> = campaign.ok ? campaign.value.files : new Map();

const SCHEMA_LINE = '# yaml-language-server: $schema=../assets/level.schema.json';
const BRIEFING_MAX_LINES = 10;
const BRIEFING_MAX_CHARS = 76;
/** The level's own seed and five others. */
const seedsOf = (level: Level): number[] => [level.seed, level.seed + 1, level.seed + 2, level.seed + 3, level.seed + 4, level.seed + 5];

function run(level: Level, tiers: Tier[], options?: SimulateOptions): Result {
  const solution: Solution = {formatVersion: 1, level: level.id, tiers};
  return simulate(level, solution, options);
}

function summary(result: Result): string {
  const objectives = result.objectives.map((o) => `${o.metric}=${Math.round(o.value * 10_000) / 10_000}${o.atGold ? ' (gold)' : o.met ? '' : ' (below pass)'}`);
  return `${result.stars} stars, ${result.points} points; ${objectives.join(', ')}; hard failures: ${result.hardFailures.length}`;
}

describe('the campaign', () => {
  it('loads: every level file parses and is listed in campaign.yaml', () => {
    const problems = campaign.ok ? [] : campaign.problems.map(formatProblem);
    expect(problems).toEqual([]);
    expect(levels.length).toBeGreaterThanOrEqual(20);
  });

  it('has five chapters in play order: Servers, Containers, Serverless, Buying compute, Mixed finals', () => {
    const chapters = campaign.ok ? campaign.value.chapters.map((c) => c.id) : [];
    expect(chapters).toEqual(['ec2', 'containers', 'serverless', 'buying', 'mixed']);
    if (campaign.ok) for (const chapter of campaign.value.chapters) expect(chapter.levels.length).toBeGreaterThanOrEqual(2);
  });

  it('ends with a finale that mixes a web tier, a nightly job and an event stream under a budget, an availability target and a security bar', () => {
    const finale = levels.at(-1);
    expect(finale?.chapter).toBe('mixed');
    expect(new Set(finale?.workloads.map((w) => w.kind))).toEqual(new Set(['web', 'jobs', 'events']));
    expect(finale?.objectives.map((o) => o.metric)).toEqual(expect.arrayContaining(['availability', 'monthlyCostUsd', 'jobsOnTime', 'eventsWithinMaxAge']));
    expect(finale?.data.customerData).toBe(true);
    expect(finale?.requirements.forbidFindings.length).toBeGreaterThan(0);
  });

  it('at least half of the levels have another winning build (a different compute kind or purchase option)', () => {
    const withAlternatives = levels.filter((level) => (level.alternatives ?? []).length > 0);
    expect(withAlternatives.length * 2).toBeGreaterThanOrEqual(levels.length);
  });
});

describe.each(levels.map((level) => [level.id, level] as const))('level %s', (_id, level) => {
  const file = files.get(level.id) ?? '';

  it('passes rightsize validate (schema, references, reference wins, counterexamples fail)', () => {
    const checked = validateLevelFile(file, {simulate});
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual([]);
  });

  it('starts with the schema line, for editor completion', () => {
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(SCHEMA_LINE);
  });

  it('has a briefing that fits the terminal, three hints, a debrief and 3–5 quiz questions', () => {
    const lines = level.briefing.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(BRIEFING_MAX_LINES);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(BRIEFING_MAX_CHARS);
    expect(level.hints).toHaveLength(3);
    expect(level.debrief.trim().length).toBeGreaterThan(200);
    expect(level.quiz.length).toBeGreaterThanOrEqual(3);
    expect(level.quiz.length).toBeLessThanOrEqual(5);
  });

  it('names only core concepts and known exam domains', () => {
    const core = new Set<string>(CORE_CONCEPTS);
    const exams = new Set<string>(EXAM_DOMAINS);
    for (const id of level.concepts) expect(core.has(id), id).toBe(true);
    for (const exam of level.exam) expect(exams.has(exam), exam).toBe(true);
    for (const question of level.quiz) {
      expect(exams.has(question.exam), question.q).toBe(true);
      for (const id of question.concepts) expect(core.has(id), id).toBe(true);
      expect(question.answer).toBeLessThan(question.choices.length);
      expect(new Set(question.choices).size, question.q).toBe(question.choices.length);
    }
  });

  it('the reference reaches 3 stars', () => {
    const result = run(level, level.reference.tiers);
    expect(result.stars, summary(result)).toBe(3);
  });

  it('the reference reaches 3 stars on the level seed and five others', () => {
    for (const seed of seedsOf(level)) {
      const result = run(level, level.reference.tiers, {seed});
      expect(result.stars, `seed ${seed}: ${summary(result)}`).toBe(3);
    }
  });

  it.each((level.alternatives ?? []).map((a, i) => [i, a] as const))('alternative %i reaches 3 stars on the level seed and five others', (_i, alternative) => {
    for (const seed of seedsOf(level)) {
      const result = run(level, alternative.tiers, {seed});
      expect(result.stars, `seed ${seed}, "${alternative.why}": ${summary(result)}`).toBe(3);
    }
  });

  it('the start build fails, on the level seed and five others', () => {
    for (const seed of seedsOf(level)) {
      const result = run(level, level.start.tiers, {seed});
      expect(result.passed, `seed ${seed}: ${summary(result)}`).toBe(false);
    }
  });

  it.each(level.counterexamples.map((c) => [c.finding, c] as const))('counterexample %s fails and raises its finding, on the level seed and five others', (_finding, counter) => {
    for (const seed of seedsOf(level)) {
      const result = run(level, counter.tiers, {seed});
      expect(result.passed, `seed ${seed}, "${counter.why}": ${summary(result)}`).toBe(false);
      expect(result.findings.map((f) => f.id)).toContain(counter.finding);
    }
  });

  it('is deterministic: the same seed gives the same result and fingerprint', () => {
    const a = run(level, level.reference.tiers);
    const b = run(level, level.reference.tiers);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.seed).toBe(level.seed);
  });
});
