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
  return result.passed ? EXIT.ok : EXIT.notPassed;
}
