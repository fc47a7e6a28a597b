// A parsed solution checked against its level by the engine's own checkSolution, with each problem at line:col.
import {checkSolution} from '../engine/check.js';
import type {Level, Solution} from '../engine/types.js';
import {problemAt, type SourceMap} from './load.js';
import {sortProblems, type ContentProblem} from './problem.js';

/** Problems that block running `parsed` on `level` ([] when it can run). `file` overrides the name in the problems. */
export function checkSolutionAgainst(level: Level, parsed: {value: Solution; source: SourceMap}, file?: string): ContentProblem[] {
  const source = file === undefined ? parsed.source : {...parsed.source, file};
  return sortProblems(checkSolution(level, parsed.value).map((p) => problemAt(source, p.path, p.message)));
}
