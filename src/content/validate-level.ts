// `rightsize validate`: a level file is valid when its schema and references hold, every build in it can be
// built by a player, the reference reaches 3 stars, the start does not, and every counterexample fails with
// the finding it names (the level cannot be won without its lesson).
import {levelWorkProblems} from '../engine/budget.js';
import {checkSolution} from '../engine/check.js';
import type {Level, Result, SimulateOptions, Solution, Tier} from '../engine/types.js';
import {shippedConcepts} from './concepts.js';
import {levelFromYaml, loadLevelFile, type LevelOptions} from './files.js';
import {problemAt, type Parsed, type SourceMap} from './load.js';
import {levelWarningProblems} from './semantic.js';
import {sortProblems, type ContentProblem, type Loaded} from './problem.js';

export type Simulate = (level: Level, solution: Solution, options?: SimulateOptions) => Result;

export interface ValidateOptions {
  /** Concept ids with cards (default: the shipped assets/concepts.yaml, whose own problems are reported too). */
  concepts?: ReadonlySet<string>;
  /** The engine's simulate; without it the run checks (stars, counterexamples) are skipped. */
  simulate?: Simulate;
}

type Path = (string | number)[];

function asSolution(level: Level, tiers: Tier[]): Solution {
  return {formatVersion: 1, level: level.id, tiers};
}

function describeMiss(result: Result): string {
  const misses = result.objectives
    .filter((o) => !o.atGold)
    .map((o) => `${o.metric} ${round(o.value)} (gold ${o.gold}${o.lostTo ? `, lost to ${o.lostTo}` : ''})`);
  return [...result.hardFailures, ...misses].join('; ');
}

function stars(count: number): string {
  return count === 1 ? '1 star' : `${count} stars`;
}

function round(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/** Checks on a level that has parsed: buildable builds, then the runs. Paths are into the level. */
export function levelRunProblems(level: Level, simulate: Simulate | undefined): {path: Path; message: string}[] {
  const problems: {path: Path; message: string}[] = [];
  const builds: {path: Path; tiers: Tier[]}[] = [
    {path: ['start'], tiers: level.start.tiers},
    {path: ['reference'], tiers: level.reference.tiers},
    ...(level.alternatives ?? []).map((a, i) => ({path: ['alternatives', i], tiers: a.tiers})),
    ...level.counterexamples.map((c, i) => ({path: ['counterexamples', i], tiers: c.tiers})),
  ];
  let buildable = true;
  for (const build of builds) {
    for (const problem of checkSolution(level, asSolution(level, build.tiers))) {
      if (problem.path[0] === 'level') continue;
      buildable = false;
      problems.push({path: [...build.path, ...problem.path], message: problem.message});
    }
  }
  // The work budget before any run: `validate` of any file within the size limit ends in seconds.
  const overBudget = levelWorkProblems(level);
  problems.push(...overBudget);
  if (!buildable || overBudget.length > 0 || !simulate) return problems;

  const reference = simulate(level, asSolution(level, level.reference.tiers));
  if (reference.stars < 3) {
    const miss = describeMiss(reference);
    problems.push({path: ['reference'], message: `the reference reaches ${stars(reference.stars)} (${reference.points} points), not 3${miss ? `: ${miss}` : ''}`});
  }
  (level.alternatives ?? []).forEach((alternative, i) => {
    const result = simulate(level, asSolution(level, alternative.tiers));
    if (result.stars < 3) {
      const miss = describeMiss(result);
      problems.push({path: ['alternatives', i], message: `"${alternative.why}" reaches ${stars(result.stars)} (${result.points} points), not 3${miss ? `: ${miss}` : ''}`});
    }
  });
  const start = simulate(level, asSolution(level, level.start.tiers));
  if (start.stars >= 3) problems.push({path: ['start'], message: 'the start build already reaches 3 stars: there is nothing to change'});

  level.counterexamples.forEach((counter, i) => {
    const result = simulate(level, asSolution(level, counter.tiers));
    const failed = !result.passed || result.stars < 1;
    if (!failed) {
      problems.push({path: ['counterexamples', i], message: `"${counter.why}" passes with ${stars(result.stars)} (${result.points} points): a counterexample must fail`});
    }
    if (!result.findings.some((f) => f.id === counter.finding)) {
      const raised = [...new Set(result.findings.map((f) => f.id))].join(', ') || 'none';
      problems.push({path: ['counterexamples', i, 'finding'], message: `"${counter.why}" does not raise ${counter.finding} (it raises: ${raised})`});
    }
  });
  return problems;
}

function mapped(source: SourceMap, problems: {path: Path; message: string}[]): ContentProblem[] {
  return problems.map((p) => problemAt(source, p.path, p.message));
}

/** A validated level file: its problems or the level, and warnings (printed, never failing) either way. */
export type ValidatedLevel = Loaded<Level> & {warnings: ContentProblem[]};

/** Every problem in a level file, or the level; and what weakens it (warnings). */
export function validateLevelFile(path: string, options: ValidateOptions = {}): ValidatedLevel {
  return validateLoaded((levelOptions) => loadLevelFile(path, levelOptions), options);
}

/** Every problem in a file already parsed as YAML, checked as a level (`validate` parses each file once). */
export function validateLevelYaml(parsed: {value: unknown; source: SourceMap}, options: ValidateOptions = {}): ValidatedLevel {
  return validateLoaded((levelOptions) => levelFromYaml(parsed, levelOptions), options);
}

function validateLoaded(load: (options: LevelOptions) => Parsed<Level>, options: ValidateOptions): ValidatedLevel {
  const extra: ContentProblem[] = [];
  let concepts = options.concepts;
  if (!concepts) {
    const cards = shippedConcepts();
    if (cards.ok) concepts = new Set(cards.value.keys());
    else extra.push(...cards.problems);
  }
  const loaded = load({concepts});
  if (!loaded.ok) return {ok: false, problems: sortProblems([...loaded.problems, ...extra]), warnings: []};
  const problems = [...extra, ...mapped(loaded.source, levelRunProblems(loaded.value, options.simulate))];
  const warnings = sortProblems(mapped(loaded.source, levelWarningProblems(loaded.value)));
  return problems.length > 0 ? {ok: false, problems: sortProblems(problems), warnings} : {ok: true, value: loaded.value, warnings};
}

