// rightsize score SOLUTION [--level ID|FILE] [--seed N] [--json]: the one scoring path (engine.simulate), headless.
import {checkSolutionAgainst, loadSolutionFile, problemAt} from '../../content/index.js';
import {simulate} from '../../engine/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {reportProblems, type Io} from '../io.js';
import {renderReport} from '../report.js';
import {parseSeed} from '../seed.js';
import {findLevel} from './find-level.js';

export interface ScoreOptions {
  level?: string;
  seed?: string;
  json?: boolean;
  levels?: string;
  /** Autograding: exit 0 only at or above these (GitHub Classroom's command grader passes a test on exit 0). */
  minStars?: string;
  minPoints?: string;
}

function threshold(text: string | undefined, flag: string, max: number): {ok: true; value: number} | {ok: false; message: string} {
  if (text === undefined) return {ok: true, value: 0};
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value > max) return {ok: false, message: `${flag} must be a whole number from 0 to ${max} (got '${text}')`};
  return {ok: true, value};
}

export function scoreCommand(io: Io, solutionPath: string, options: ScoreOptions): ExitCode {
  let seed: number | undefined;
  if (options.seed !== undefined) {
    const parsed = parseSeed(options.seed);
    if (!parsed.ok) {
      io.err(parsed.message);
      return EXIT.badInput;
    }
    seed = parsed.seed;
  }
  const minStars = threshold(options.minStars, '--min-stars', 3);
  const minPoints = threshold(options.minPoints, '--min-points', 1000);
  for (const t of [minStars, minPoints]) {
    if (!t.ok) {
      io.err(t.message);
      return EXIT.badInput;
    }
  }
  const solution = loadSolutionFile(solutionPath);
  if (!solution.ok) {
    reportProblems(io, solution.problems);
    return EXIT.badInput;
  }
  const found = findLevel(options.level, solution.value.level, options.levels);
  if (!found.ok) {
    reportProblems(io, found.problems);
    return EXIT.badInput;
  }
  const {level} = found;
  if (solution.value.level !== level.id) {
    reportProblems(io, [problemAt(solution.source, ['level'], `this solution is for level '${solution.value.level}', not '${level.id}'`)]);
    return EXIT.badInput;
  }
  const problems = checkSolutionAgainst(level, solution);
  if (problems.length > 0) {
    reportProblems(io, problems);
    return EXIT.badInput;
  }
  const result = simulate(level, solution.value, seed === undefined ? {} : {seed});
  io.out(options.json ? JSON.stringify(result, null, 2) : renderReport(result, level, io.paint, io.columns, solution.value.tiers));
  const enough = result.passed && (!minStars.ok || result.stars >= minStars.value) && (!minPoints.ok || result.points >= minPoints.value);
  if (result.passed && !enough && !options.json) io.err(`below the bar: ${result.stars} stars and ${result.points} points (needed ${options.minStars ?? 1} stars and ${options.minPoints ?? 0} points)`);
  return enough ? EXIT.ok : EXIT.notPassed;
}
