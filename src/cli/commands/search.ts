// rightsize validate --search [BUILDS] FILE...: validates each level, then searches the builds it allows for
// 3-star builds that skip a lesson (#14). Exit 1 when one is found (or the level does not validate).
import {formatProblem, validateLevelFile} from '../../content/index.js';
import {simulate} from '../../engine/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import type {Io} from '../io.js';
import {defaultWorkers, ScorePool} from '../search/pool.js';
import {formatSearchReport} from '../search/report.js';
import {searchLevel} from '../search/search.js';

export const DEFAULT_SEARCH_BUILDS = 3000;

export interface SearchCommandOptions {
  builds: number;
  workers?: number;
}

export async function searchCommand(io: Io, files: readonly string[], options: SearchCommandOptions): Promise<ExitCode> {
  let failed = false;
  const workers = options.workers ?? defaultWorkers();
  // Threads pay a start-up; a small search runs in process.
  const pool = new ScorePool(options.builds >= 200 ? workers : 1);
  const threads = Math.max(1, pool.size > 1 ? pool.size : 1);
  try {
    for (const file of files) {
      const checked = validateLevelFile(file, {simulate});
      for (const warning of checked.warnings) io.err(formatProblem(warning));
      if (!checked.ok) {
        for (const problem of checked.problems) io.err(formatProblem(problem));
        io.err(`${file}: not searched: fix the problems above first`);
        failed = true;
        continue;
      }
      const level = checked.value;
      const started = performance.now();
      const report = await searchLevel(level, pool.scorer(level), {budget: options.builds});
      const seconds = (performance.now() - started) / 1000;
      for (const line of formatSearchReport(report, level.reference.tiers, file, seconds, threads)) io.out(line);
      if (report.dodges.length > 0) failed = true;
    }
  } finally {
    await pool.close();
  }
  return failed ? EXIT.notPassed : EXIT.ok;
}
