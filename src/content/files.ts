// Level and solution files: parse text or load from disk (with the size guard), schema then semantics.
import type {Level, Solution} from '../engine/types.js';
import {checkWith, loadWith, parseWith, type Parsed, type SourceMap} from './load.js';
import {levelSchema} from './schema-level.js';
import {solutionSchema} from './schema-solution.js';
import {levelSemantics} from './semantic.js';

export interface LevelOptions {
  /** Concept ids that have cards; when given, every concept the level names must be one of them. */
  concepts?: ReadonlySet<string>;
}

function withSemantics(parsed: Parsed<Level>, options: LevelOptions): Parsed<Level> {
  if (!parsed.ok) return parsed;
  const problems = levelSemantics(parsed.value, parsed.source, options.concepts);
  return problems.length > 0 ? {ok: false, problems} : parsed;
}

/** A level from YAML or JSON text: schema with defaults applied, then the checks between its parts. */
export function parseLevel(text: string, file: string, options: LevelOptions = {}): Parsed<Level> {
  return withSemantics(parseWith(levelSchema(), text, file), options);
}

/** A level from a file already parsed as YAML (schema, then semantics). */
export function levelFromYaml(parsed: {value: unknown; source: SourceMap}, options: LevelOptions = {}): Parsed<Level> {
  return withSemantics(checkWith(levelSchema(), parsed), options);
}

/** A solution from a file already parsed as YAML (schema only). */
export function solutionFromYaml(parsed: {value: unknown; source: SourceMap}): Parsed<Solution> {
  return checkWith(solutionSchema(), parsed);
}

export function loadLevelFile(path: string, options: LevelOptions = {}): Parsed<Level> {
  return withSemantics(loadWith(levelSchema(), path), options);
}

/** A solution from YAML or JSON text (schema only: `checkSolutionAgainst` checks it against its level). */
export function parseSolution(text: string, file: string): Parsed<Solution> {
  return parseWith(solutionSchema(), text, file);
}

export function loadSolutionFile(path: string): Parsed<Solution> {
  return loadWith(solutionSchema(), path);
}
