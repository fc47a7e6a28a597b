// rightsize validate FILE|DIR...: every problem in each level file, or "ok FILE". With the engine's simulate, so the
// reference must reach 3 stars and every counterexample must fail with its finding. A campaign.yaml is checked as
// the campaign of its folder (every listed level exists, every level is listed); a folder means all of its files.
import {readdirSync, statSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {CAMPAIGN_FILE, fileProblem, formatProblem, loadCampaign, loadSolutionFile, validateLevelFile, type ContentProblem} from '../../content/index.js';
import {simulate} from '../../engine/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import type {Io} from '../io.js';

export function validateCommand(io: Io, paths: readonly string[]): ExitCode {
  const reported = new Set<string>();
  let failed = false;
  const report = (file: string, problems: readonly ContentProblem[]): void => {
    const fresh = problems.map(formatProblem).filter((line) => !reported.has(line));
    for (const line of fresh) {
      reported.add(line);
      io.err(line);
    }
    if (problems.length > 0) failed = true;
    else io.out(`${io.paint('green', 'ok')} ${file}`);
  };
  for (const path of expand(paths)) {
    if (basename(path) === CAMPAIGN_FILE) {
      const campaign = loadCampaign(dirname(path));
      report(path, campaign.ok ? [] : campaign.problems);
    } else {
      const level = validateLevelFile(path, {simulate});
      for (const warning of level.warnings) io.err(formatProblem(warning));
      if (level.ok) report(path, []);
      else if (loadSolutionFile(path).ok) report(path, [fileProblem(path, `this is a solution, not a level: \`rightsize score ${path}\` scores it`)]);
      else report(path, level.problems);
    }
  }
  return failed ? EXIT.notPassed : EXIT.ok;
}

/** A folder becomes its YAML and JSON files (levels first, campaign.yaml last); anything else stays as given. */
function expand(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const isDir = statSync(path, {throwIfNoEntry: false})?.isDirectory() === true;
    if (!isDir) return [path];
    const files = readdirSync(path)
      .filter((name) => /\.(ya?ml|json)$/i.test(name))
      .sort((a, b) => Number(a === CAMPAIGN_FILE) - Number(b === CAMPAIGN_FILE) || a.localeCompare(b));
    return files.map((name) => join(path, name));
  });
}
